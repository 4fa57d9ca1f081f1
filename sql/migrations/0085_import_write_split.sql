-- 0085 a refused import range is split sixteen ways, not halved. When the
-- database refuses a statement, meta.import_write (0031) retries the range in
-- parts until the refused rows stand alone. Halving re-wrote about
-- (log2 k + 2) times the file for k refused rows spread through it: a file
-- of 100,000 new entities with nine rows the entity master refuses took 52 s
-- against 13 s without them. Sixteen parts at each step re-write about
-- (1 + k / 15) times: every part without a refused row is written at its
-- first try. The function is otherwise as 0031 wrote it.
CREATE OR REPLACE FUNCTION meta.import_write(j meta.import_job, writer regprocedure, lo integer, hi integer,
                                             INOUT inserted bigint, INOUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parts constant integer := 16;
	i bigint;
	u bigint;
	step integer;
	p integer;
	con text;
	msg text;
	value_detail text;
	detail text;
BEGIN
	IF lo IS NULL OR lo > hi THEN
		RETURN;
	END IF;
	BEGIN
		EXECUTE format('SELECT * FROM %s($1, $2, $3)', writer::regproc) INTO i, u USING j, lo, hi;
		inserted := inserted + i;
		updated := updated + u;
		RETURN;
	EXCEPTION WHEN integrity_constraint_violation OR data_exception OR raise_exception THEN
		GET STACKED DIAGNOSTICS con = CONSTRAINT_NAME, msg = MESSAGE_TEXT, value_detail = PG_EXCEPTION_DETAIL;
	END;
	IF lo = hi THEN
		-- what the rule means, when the constraint says so in its comment; the
		-- value of a missing reference; else the message only (a detail may
		-- quote values, personal ones among them)
		SELECT obj_description(c.oid, 'pg_constraint') INTO detail
		  FROM pg_constraint c
		 WHERE c.conname = con
		 ORDER BY c.conrelid = (SELECT t.target FROM meta.import_theme t WHERE t.theme = j.theme) DESC
		 LIMIT 1;
		INSERT INTO pg_temp.import_reject (rec_no, line_no, code, field, detail)
		SELECT s.rec_no, s.line_no, 'refused', nullif(con, ''),
		       CASE WHEN con LIKE 'import\_unknown\_%' THEN value_detail ELSE coalesce(detail, msg) END
		  FROM pg_temp.import_stage s WHERE s.rec_no = lo;
		RETURN;
	END IF;
	-- small ranges are found by rec_no from now on
	IF to_regclass('pg_temp.import_stage_rec_no_idx') IS NULL THEN
		CREATE INDEX import_stage_rec_no_idx ON pg_temp.import_stage (rec_no);
		ANALYZE pg_temp.import_stage;
	END IF;
	step := greatest(1, ceil((hi - lo + 1)::numeric / parts)::integer);
	p := lo;
	WHILE p <= hi LOOP
		SELECT * INTO inserted, updated FROM meta.import_write(j, writer, p, least(hi, p + step - 1), inserted, updated);
		p := p + step;
	END LOOP;
END $$;
