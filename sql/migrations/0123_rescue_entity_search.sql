-- 0123 a rescue code typed into the entity search box finds the elevator's
-- using unit (a dispatcher or clerk who has only the code from the sign in
-- the car), matched as "救援识别码 NNNNNN 电梯：address". The search's own
-- candidates (0062) are kept as they are, under another name, and asked
-- after the elevator.

ALTER FUNCTION core.entity_candidates(text, text, core.entity_filter, integer) RENAME TO entity_candidates_base;

CREATE FUNCTION core.entity_candidates(kind text, q text, f core.entity_filter, cap int)
RETURNS TABLE (entity_id bigint, match smallint, matched text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	n text := core.uscc_normalize(q);
BEGIN
	IF kind IN ('uscc_prefix', 'phone') AND n ~ '^[0-9]{5,7}$'
	   AND char_length(n) = core.setting_int('rescue_code_length') THEN
		RETURN QUERY
		SELECT e.entity_id, 5::smallint, '救援识别码 ' || e.rescue_code || ' 电梯：' || e.address
		  FROM equipment.elevator e JOIN core.entity x ON x.id = e.entity_id
		 WHERE e.rescue_code = n
		   AND core.entity_filter_ok(x.division_code, x.entity_type_code, x.industry_code, x.status,
		                             x.established_on, x.risk_grade, f);
	END IF;
	RETURN QUERY SELECT c.entity_id, c.match, c.matched FROM core.entity_candidates_base(kind, q, f, cap) c;
END $$;
COMMENT ON FUNCTION core.entity_candidates(text, text, core.entity_filter, integer) IS
	'查找的候选主体：输入的是救援识别码时先列该电梯的使用单位，再按 0062 的规则（core.entity_candidates_base）';
COMMENT ON FUNCTION core.entity_candidates_base(text, text, core.entity_filter, integer) IS
	'查找的候选主体（0062 的规则：代码、注册号、代码前几位、电话、名称、曾用名、法定代表人、地址）';
REVOKE ALL ON FUNCTION core.entity_candidates(text, text, core.entity_filter, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.entity_candidates(text, text, core.entity_filter, integer) TO smcon_staff;
