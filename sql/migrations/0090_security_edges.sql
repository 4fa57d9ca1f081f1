-- 0090 edges an attacker or a bad day finds (issue: the walls hold at every
-- moment): one answer for "no such record" and "not yours" when revealing
-- personal data, a plan takes only entities inside its scope, and inputs
-- have sane lengths with clear messages.

-- 1. api.personal answered "no such record" (P0002) for an id that does not
-- exist and "no permission" (42501) for one that is not the caller's, so ids
-- could be probed. core.may_reveal now says false for both; api.personal
-- then gives its one "无权查看" answer.
ALTER FUNCTION core.may_reveal(text, bigint) RENAME TO may_reveal_row;
COMMENT ON FUNCTION core.may_reveal_row(text, bigint) IS
	'当前账号能否查看某条记录的未脱敏个人信息（记录不存在时为空；只由 core.may_reveal 调用）';
CREATE FUNCTION core.may_reveal(tbl text, row_id bigint) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT coalesce(core.may_reveal_row(tbl, row_id), false) $$;
COMMENT ON FUNCTION core.may_reveal(text, bigint) IS
	'当前账号能否查看某条记录的未脱敏个人信息（记录不存在与无权查看同样为否，不泄露编号是否存在）';
REVOKE ALL ON FUNCTION core.may_reveal(text, bigint), core.may_reveal_row(text, bigint) FROM PUBLIC;

-- 2. An inspection plan's candidates come from inside its scope: a district
-- plan takes the entities supervised in its district, a city plan any. A
-- trigger, so that every writer meets it.
CREATE FUNCTION core.plan_candidate_in_scope() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	plan_district bigint;
	e record;
BEGIN
	plan_district := core.org_district(NEW.org_id);
	IF plan_district IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT x.uscc, x.name, core.org_district(x.org_id) AS district INTO e
	  FROM core.entity x WHERE x.id = NEW.entity_id;
	IF e.district IS DISTINCT FROM plan_district THEN
		RAISE EXCEPTION '主体 %（%）不在抽查计划所属%的监管范围内，不能列入该计划', e.name, e.uscc,
			(SELECT o.name FROM core.org_unit o WHERE o.id = plan_district)
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION core.plan_candidate_in_scope() IS
	'抽查计划的候选对象须在计划所属区局的监管范围内（市局计划不限）';
CREATE TRIGGER plan_candidate_in_scope BEFORE INSERT OR UPDATE OF entity_id, org_id
	ON supervision.plan_candidate FOR EACH ROW EXECUTE FUNCTION core.plan_candidate_in_scope();

-- 3. Sane lengths. A 90 kB search string cost a minute of server time: a
-- search takes at most 200 characters. A complaint took ten million
-- characters of facts: its texts have limits, checked for every writer by
-- a trigger whose arguments name the column, its limit and its label.
CREATE OR REPLACE FUNCTION core.entity_query_kind(q text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n text := core.uscc_normalize(q);
BEGIN
	IF char_length(q) > 200 THEN
		RAISE EXCEPTION '查找内容太长：最多 200 个字符，现有 % 个', char_length(q)
			USING ERRCODE = 'string_data_right_truncation';
	END IF;
	RETURN CASE
		WHEN n = '' THEN 'empty'
		WHEN n ~ '^[0-9A-Z]{18}$' THEN 'uscc'
		WHEN n ~ '^[0-9]{15}$' THEN 'reg_no'
		WHEN n ~ '^\+?[0-9][0-9-]*$'
		     AND regexp_replace(n, '[^0-9]', '', 'g') ~ '^(1[3-9][0-9]{9}|0[0-9]{9,11}|86[0-9]{11}|[2-8][0-9]{6,7})$'
		     THEN 'phone'
		WHEN n ~ '^[1-9][0-9A-HJ-NP-RTUW-Y]{1,16}$' THEN 'uscc_prefix'
		ELSE 'text' END;
END $$;

CREATE FUNCTION core.text_limits() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	row_json jsonb := to_jsonb(NEW);
	spec text;
	col text;
	lim integer;
	n integer;
BEGIN
	FOREACH spec IN ARRAY TG_ARGV LOOP
		col := split_part(spec, ':', 1);
		lim := split_part(spec, ':', 2)::int;
		n := char_length(row_json ->> col);
		IF n > lim THEN
			RAISE EXCEPTION '%最多 % 个字，现有 % 个', split_part(spec, ':', 3), lim, n
				USING ERRCODE = 'string_data_right_truncation', COLUMN = col, TABLE = TG_TABLE_NAME;
		END IF;
	END LOOP;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION core.text_limits() IS
	'触发器：文字列的长度上限（参数“列:上限:名称”），超出时报出名称、上限和实际长度';
-- Only a write of those columns is checked: a state change or a recomputed
-- deadline leaves the texts as they were.
CREATE TRIGGER complaint_text_limits
	BEFORE INSERT OR UPDATE OF complainant_name, complainant_address, respondent_name,
	                           respondent_address, subject, request, facts
	ON rights.complaint
	FOR EACH ROW EXECUTE FUNCTION core.text_limits(
		'complainant_name:50:投诉人姓名', 'complainant_address:200:投诉人地址',
		'respondent_name:200:被投诉人名称', 'respondent_address:200:被投诉人地址',
		'subject:100:投诉对象（商品或服务）', 'request:2000:投诉请求', 'facts:5000:事实和理由');
