-- 0192 a phone number to call back is one (issue 16, validation). A
-- complainant's, reporter's or caller's phone must be an 11-digit mainland
-- mobile number, a fixed line with its area code (an extension after a
-- hyphen), or a nationwide 400/800 number: 1386123 and 12345 are refused,
-- with a message that says what a phone number looks like. The same rule
-- as the console's (src/base/phone.c); tests/data/phones.tsv holds for
-- both. Stored phones keep the looser core.phone domain (a market entity's
-- phone may be a short service number).

CREATE FUNCTION core.phone_callable(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN btrim(v) ~ '^(\+?86-?)?1[3-9][0-9]-?[0-9]{4}-?[0-9]{4}$'
    OR btrim(v) ~ '^(0[1-9][0-9]{1,2}-?|\(0[1-9][0-9]{1,2}\))[2-9][0-9]{6,7}(-[0-9]{1,6})?$'
    OR btrim(v) ~ '^[48]00-?[0-9]{3}-?[0-9]{4}$';
COMMENT ON FUNCTION core.phone_callable(text) IS '是否可回拨的电话号码：11 位手机号、带区号的固定电话（可带分机）或 400/800 号码';
GRANT EXECUTE ON FUNCTION core.phone_callable(text) TO smcon_staff;

-- As stored (the core.phone domain: digits, hyphens, a leading +): an area
-- code in brackets becomes "0510-".
CREATE FUNCTION core.phone_tidy(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN regexp_replace(btrim(v), '^\((0[1-9][0-9]{1,2})\)', '\1-');
COMMENT ON FUNCTION core.phone_tidy(text) IS '电话号码的存储形式：括号中的区号写成“0510-”';

CREATE OR REPLACE FUNCTION rights.desk_phone(p_phone text, p_label text) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF NOT coalesce(core.present(p_phone), false) THEN
		RETURN NULL;
	END IF;
	IF NOT core.phone_callable(p_phone) THEN
		RAISE EXCEPTION '%“%”：须是 11 位手机号（如 13912345678）或带区号的固定电话（如 0510-82711234）',
			p_label, p_phone USING ERRCODE = 'check_violation', COLUMN = 'phone';
	END IF;
	RETURN (core.phone_tidy(p_phone)::core.phone)::text;
END $$;

CREATE OR REPLACE FUNCTION api.rescue_new(p_code text, p_phone text, p_trapped integer, p_injured boolean DEFAULT false,
                                          p_note text DEFAULT NULL, p_caller_name text DEFAULT NULL,
                                          OUT id bigint, OUT incident_no text, OUT version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	me record;
	eid bigint;
	t timestamptz := core.now();
	i rights.rescue_incident;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	SELECT * INTO me FROM core.caller_staff();
	eid := core.elevator_by_code(coalesce(p_code, ''));
	IF eid IS NULL THEN
		RAISE EXCEPTION '没有救援识别码或注册代码为“%”的电梯', coalesce(p_code, '')
			USING ERRCODE = 'no_data_found', HINT = '没有识别码时按地址或使用单位查找电梯（smcon elevator search）';
	END IF;
	IF p_trapped IS NULL OR p_trapped < 0 OR p_trapped > 50 THEN
		RAISE EXCEPTION '被困人数须为 0 到 50' USING ERRCODE = 'check_violation', CONSTRAINT = 'rescue_trapped_count';
	END IF;
	IF NOT core.present(p_phone) THEN
		RAISE EXCEPTION '须有报警人电话（回访用）' USING ERRCODE = 'not_null_violation';
	END IF;
	IF NOT core.phone_callable(p_phone) THEN
		RAISE EXCEPTION '报警人电话“%”：须是 11 位手机号（如 13912345678）或带区号的固定电话（如 0510-82711234）', p_phone
			USING ERRCODE = 'check_violation', CONSTRAINT = 'phone_format';
	END IF;
	INSERT INTO rights.rescue_incident AS x (incident_no, kind, received_at, received_by_staff_id, caller_name,
	                                         caller_phone, rescue_code_given, elevator_id, identified_at,
	                                         trapped_count, injured, arrival_limit_minutes, level3_dispatched_at,
	                                         level3_reason, note, source_system, handler_staff_id, handler_since)
	VALUES ('WX96333-' || to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'
	            || lpad(nextval('rights.rescue_no_seq')::text, 5, '0'),
	        CASE WHEN p_trapped > 0 THEN 'trapped' ELSE 'fault' END, t, me.staff_id,
	        nullif(btrim(p_caller_name), ''), core.phone_tidy(p_phone), btrim(p_code), eid, t, p_trapped,
	        coalesce(p_injured, false), core.rescue_limit_minutes(eid),
	        CASE WHEN p_injured THEN t END, CASE WHEN p_injured THEN '有人员受伤，通知 119' END,
	        nullif(btrim(p_note), ''), 'smcon', me.staff_id, t)
	RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'received', NULL);
	IF p_injured THEN
		PERFORM core.rescue_log(i, 'level3', 'received', 3, 'injured', NULL, '119');
	END IF;
	id := i.id;
	incident_no := i.incident_no;
	version := i.version;
END $$;
