-- 0082 audit by statement: the audit triggers of 0042 fired once per row and
-- appended one row to the chain at a time (an advisory lock, a look-up of the
-- last row, a hash, an insert, and a deferred head check at commit): about
-- 70 µs a row, so an import of a million new entities spent most of two
-- minutes in the audit. Now each statement's rows reach the log in one
-- insert: the triggers fire once per statement and read the statement's
-- transition tables, and the hash chain runs over the rows as a window
-- aggregate (audit.chain). The log's rows, their canonical text and the chain
-- are exactly as before, so audit.verify() and old rows are unchanged; the
-- rows of one statement share its time.
--
-- PostgreSQL allows transition tables only on a trigger with one event, so
-- a table gets three triggers: audit_insert, audit_update and audit_delete
-- (with audit_truncate as before). An update's old and new rows are paired
-- by the primary key (attach() refuses a table without one); an update that
-- changes the key itself is recorded as the old row and the new row, each
-- an 'update' entry with one side empty.
--
-- The head of the chain moves once per transaction: the first append of a
-- transaction puts its id in audit.open_tx, whose deferred trigger moves the
-- head to the last row at commit and removes the mark.

GRANT smcon_audit TO smcon_owner;  -- for this migration only, revoked at the end
SET LOCAL ROLE smcon_audit;

CREATE TABLE audit.open_tx (
	txid bigint PRIMARY KEY
);
COMMENT ON TABLE audit.open_tx IS '本事务已追加审计记录的标记（提交时移动链头后删除）';
COMMENT ON COLUMN audit.open_tx.txid IS '事务号';

-- One link of the chain: the hash of the row before (the running state, or
-- prev for the first row) followed by this row's canonical text.
CREATE FUNCTION audit.chain_step(state bytea, prev bytea, item bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN sha256(coalesce(state, prev) || item);
COMMENT ON FUNCTION audit.chain_step(bytea, bytea, bytea) IS '哈希链的一环：sha256(上一条哈希 ‖ 本条规范文本)';
CREATE AGGREGATE audit.chain(prev bytea, item bytea) (SFUNC = audit.chain_step, STYPE = bytea);
COMMENT ON AGGREGATE audit.chain(bytea, bytea) IS
	'哈希链（按序的窗口聚合）：第一个参数为链上最后一条的哈希，第二个为各条的规范文本';

-- The transaction's mark: the head moves at commit.
CREATE FUNCTION audit.mark_open() RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	INSERT INTO audit.open_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
END;
COMMENT ON FUNCTION audit.mark_open() IS '标记本事务已追加审计记录（提交时移动链头）';

CREATE OR REPLACE FUNCTION audit.move_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
BEGIN
	UPDATE audit.head h SET last_id = l.id, last_hash = l.hash
	  FROM (SELECT g.id, g.hash FROM audit.log g ORDER BY g.id DESC LIMIT 1) l
	 WHERE h.last_id < l.id;
	DELETE FROM audit.open_tx WHERE txid = NEW.txid;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.move_head() IS '触发器：事务提交时把链头移到最后一条审计记录';
DROP TRIGGER log_head ON audit.log;
CREATE CONSTRAINT TRIGGER open_tx_head AFTER INSERT ON audit.open_tx
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION audit.move_head();

-- The last row of the chain (id 0 and the genesis hash while it is empty),
-- taken under the chain's lock.
CREATE FUNCTION audit.chain_end(OUT last_id bigint, OUT last_hash bytea)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('smcon.audit.chain'));
	-- by the index, always: a plan cached while the log was small would scan it all
	SELECT l.id, l.hash INTO last_id, last_hash FROM audit.log l ORDER BY l.id DESC LIMIT 1;
	IF last_id IS NULL THEN
		SELECT 0, h.genesis_hash INTO last_id, last_hash FROM audit.head h;
	END IF;
END $$;
COMMENT ON FUNCTION audit.chain_end() IS '取得哈希链的锁和链上最后一条（序号与哈希）';

CREATE OR REPLACE FUNCTION audit.append(p_action text, p_table text, p_key jsonb, p_old jsonb, p_new jsonb,
                                        p_detail jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	e record;
	v_id bigint;
	v_at timestamptz := clock_timestamp();
	v_txid bigint := txid_current();
BEGIN
	SELECT * INTO e FROM audit.chain_end();
	v_id := e.last_id + 1;
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	VALUES (v_id, v_at, session_user, p_action, p_table, p_key, p_old, p_new, p_detail, v_txid, e.last_hash,
	        sha256(e.last_hash || audit.canonical(v_id, v_at, session_user, p_action, p_table, p_key, p_old, p_new,
	                                              p_detail, v_txid)));
	PERFORM audit.mark_open();
	RETURN v_id;
END $$;

-- The key of a row (its primary-key columns, at most three) from the row as
-- JSON. An expression without a sub-select, so that it is inlined: called
-- once per row of a statement, a function that runs a query costs ~40 µs.
CREATE FUNCTION audit.row_key(j jsonb, keys text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE cardinality(keys)
	WHEN 0 THEN '{}'::jsonb
	WHEN 1 THEN jsonb_build_object(keys[1], j -> keys[1])
	WHEN 2 THEN jsonb_build_object(keys[1], j -> keys[1], keys[2], j -> keys[2])
	ELSE jsonb_build_object(keys[1], j -> keys[1], keys[2], j -> keys[2], keys[3], j -> keys[3]) END;
COMMENT ON FUNCTION audit.row_key(jsonb, text[]) IS '从行的 JSON 取出主键列（至多三列）';

-- The trigger arguments: 'key:COLUMN' for each primary-key column, 'skip:COLUMN'
-- for generated columns.
CREATE FUNCTION audit.trigger_columns(args text[], OUT keys text[], OUT skip text[])
LANGUAGE sql IMMUTABLE
RETURN (SELECT ROW(coalesce(array_agg(substr(a, 5) ORDER BY o) FILTER (WHERE a LIKE 'key:%'), '{}'),
                   coalesce(array_agg(substr(a, 6) ORDER BY o) FILTER (WHERE a LIKE 'skip:%'), '{}'))
          FROM unnest(args) WITH ORDINALITY AS t (a, o));
COMMENT ON FUNCTION audit.trigger_columns(text[]) IS '审计触发器参数：主键列和不记录的生成列';

-- The statement triggers. Each appends the statement's rows in one insert:
-- ids in the order the transition table holds the rows, and the chain as a
-- running window aggregate over them in that same order (no ORDER BY, so no
-- sort of a million rows: the window frames follow the rows as they come;
-- audit.verify() would name the first row if they did not).
CREATE FUNCTION audit.record_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	tbl constant text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
	act constant text := lower(TG_OP);
	v_txid constant bigint := txid_current();
	e record;
	v_at timestamptz;
BEGIN
	-- changed_rows: the inserted rows (NEW TABLE) or the deleted ones (OLD TABLE)
	IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
		RETURN NULL;
	END IF;
	SELECT * INTO c FROM audit.trigger_columns(TG_ARGV);
	SELECT * INTO e FROM audit.chain_end();
	v_at := clock_timestamp();
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	SELECT s.id, v_at, session_user, act, tbl, s.k, s.o, s.n, NULL, v_txid,
	       coalesce(lag(s.h) OVER (ROWS UNBOUNDED PRECEDING), e.last_hash), s.h
	  FROM (SELECT r.id, r.k, r.o, r.n,
	               audit.chain(e.last_hash, audit.canonical(r.id, v_at, session_user, act, tbl, r.k, r.o, r.n,
	                                                        NULL, v_txid)) OVER (ROWS UNBOUNDED PRECEDING) AS h
	          FROM (SELECT e.last_id + row_number() OVER () AS id, audit.row_key(x.j, c.keys) AS k,
	                       CASE WHEN act = 'delete' THEN x.j - c.skip END AS o,
	                       CASE WHEN act = 'insert' THEN x.j - c.skip END AS n
	                  FROM (SELECT to_jsonb(t) AS j FROM changed_rows t) AS x) AS r) AS s;
	PERFORM audit.mark_open();
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_rows() IS '审计触发器（按语句）：记录新增或删除的每一行';

-- An update records only the columns that changed, and nothing (not even
-- the chain's lock) when no row changed. Old and new rows are paired by key;
-- a row whose key changed shows as its old row and its new row.
CREATE FUNCTION audit.record_updates() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	tbl constant text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
	v_txid constant bigint := txid_current();
	v_at timestamptz := clock_timestamp();
BEGIN
	SELECT * INTO c FROM audit.trigger_columns(TG_ARGV);
	WITH ch AS MATERIALIZED (
		SELECT coalesce(a.k, b.k) AS k,
		       CASE WHEN a.j IS NULL THEN b.j WHEN b.j IS NOT NULL THEN d.o END AS o,
		       CASE WHEN b.j IS NULL THEN a.j WHEN a.j IS NOT NULL THEN d.n END AS n
		  FROM (SELECT audit.row_key(x.j, c.keys) AS k, x.j - c.skip AS j
		          FROM (SELECT to_jsonb(t) AS j FROM old_rows t) AS x) AS b
		  FULL JOIN (SELECT audit.row_key(x.j, c.keys) AS k, x.j - c.skip AS j
		               FROM (SELECT to_jsonb(t) AS j FROM new_rows t) AS x) AS a ON a.k = b.k
		 CROSS JOIN LATERAL (
			SELECT jsonb_object_agg(f.key, b.j -> f.key) AS o, jsonb_object_agg(f.key, a.j -> f.key) AS n
			  FROM jsonb_object_keys(coalesce(a.j, b.j)) AS f (key)
			 WHERE a.j -> f.key IS DISTINCT FROM b.j -> f.key) AS d
		 WHERE d.n IS NOT NULL),
	e AS MATERIALIZED (
		SELECT * FROM audit.chain_end() WHERE EXISTS (SELECT 1 FROM ch))
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	SELECT s.id, v_at, session_user, 'update', tbl, s.k, s.o, s.n, NULL, v_txid,
	       coalesce(lag(s.h) OVER (ROWS UNBOUNDED PRECEDING), s.last_hash), s.h
	  FROM (SELECT r.*,
	               audit.chain(r.last_hash, audit.canonical(r.id, v_at, session_user, 'update', tbl, r.k, r.o, r.n,
	                                                        NULL, v_txid)) OVER (ROWS UNBOUNDED PRECEDING) AS h
	          FROM (SELECT e.last_id + row_number() OVER () AS id, e.last_hash, ch.k, ch.o, ch.n
	                  FROM e CROSS JOIN ch) AS r) AS s;
	IF FOUND THEN
		PERFORM audit.mark_open();
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_updates() IS '审计触发器（按语句）：记录修改的每一行（只记变化的列，无变化不记）';

-- Puts the audit triggers on a table (its owner calls it: a migration that
-- adds a table, or lists the table in audit.unaudited with a reason).
CREATE OR REPLACE FUNCTION audit.attach(tbl regclass) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	args text;
	trg name;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = tbl AND i.indisprimary AND i.indnkeyatts <= 3) THEN
		RAISE EXCEPTION '% has no primary key of at most three columns: the audit names every row by it', tbl;
	END IF;
	SELECT string_agg(quote_literal(x), ', ' ORDER BY ord) INTO args
	  FROM (SELECT 'key:' || a.attname AS x, array_position(i.indkey::int2[], a.attnum) AS ord
	          FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
	         WHERE i.indrelid = tbl AND i.indisprimary
	        UNION ALL
	        SELECT 'skip:' || a.attname, 1000 + a.attnum
	          FROM pg_attribute a
	         WHERE a.attrelid = tbl AND a.attgenerated = 's' AND NOT a.attisdropped) AS s;
	FOR trg IN SELECT g.tgname FROM pg_trigger g
	            WHERE g.tgrelid = tbl AND g.tgname IN ('audit_row', 'audit_insert', 'audit_update', 'audit_delete',
	                                                   'audit_truncate') LOOP
		EXECUTE format('DROP TRIGGER %I ON %s', trg, tbl);
	END LOOP;
	EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_rows(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s '
	               'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_updates(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_rows(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_truncate AFTER TRUNCATE ON %s '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_truncate()', tbl);
END $$;
COMMENT ON FUNCTION audit.attach(regclass) IS
	'给表加上审计触发器 audit_insert、audit_update、audit_delete（按语句）和 audit_truncate（由表的所有者调用）';

RESET ROLE;

REVOKE ALL ON FUNCTION audit.chain_step(bytea, bytea, bytea), audit.chain(bytea, bytea), audit.mark_open(),
	audit.chain_end(), audit.row_key(jsonb, text[]), audit.trigger_columns(text[]), audit.record_rows(),
	audit.record_updates() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.record_rows(), audit.record_updates() TO smcon_owner;

-- Every audited table gets the statement triggers in place of audit_row.
DO $$
DECLARE
	t regclass;
BEGIN
	FOR t IN SELECT g.tgrelid::regclass FROM pg_trigger g WHERE g.tgname = 'audit_row' ORDER BY 1 LOOP
		PERFORM audit.attach(t);
	END LOOP;
END $$;
DROP FUNCTION audit.record_row();

REVOKE smcon_audit FROM smcon_owner;
