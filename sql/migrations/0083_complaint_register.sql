-- 0083 registering a consumer complaint about a market entity, from its
-- profile or from command mode (`smcon entity complaint`). The complaint is
-- registered (登记), not yet accepted: the handling unit decides within 7
-- working days of receipt whether to accept it (投诉举报处理暂行办法 §14), and
-- acceptance needs the §9 items (complainant's name, phone and address, the
-- respondent's name and address, the request and the facts), so they are
-- asked for here. The handling unit is the district bureau where the
-- respondent is supervised (the county-level bureau of its place of business;
-- without one, the bureau that received it, which handles what it receives
-- first). The complaint number is this system's own: SM, the date, a serial.

CREATE SEQUENCE rights.complaint_register_seq;
COMMENT ON SEQUENCE rights.complaint_register_seq IS '本系统登记投诉的流水号';

CREATE FUNCTION api.complaint_register(code text, complainant_name text, complainant_phone text,
                                       complainant_address text, request text, facts text,
                                       subject text DEFAULT NULL, channel text DEFAULT 'hotline_12315',
                                       OUT complaint_no text, OUT handling_org text, OUT decide_by date)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	me record;
	e core.entity;
	handler_org bigint;
	today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor');
	SELECT * INTO me FROM core.caller_staff();
	SELECT * INTO e FROM core.entity x WHERE x.uscc = core.uscc_normalize(complaint_register.code);
	IF e.id IS NULL THEN
		RAISE EXCEPTION '没有统一社会信用代码为 % 的主体', core.uscc_normalize(complaint_register.code)
			USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.channel c WHERE c.code = complaint_register.channel)
	   OR complaint_register.channel = 'transfer_12345' THEN
		RAISE EXCEPTION '受理渠道“%”不能在此登记', complaint_register.channel USING ERRCODE = 'invalid_parameter_value',
			HINT = (SELECT string_agg(c.code, ', ' ORDER BY c.sort_order) FROM core.channel c
			         WHERE c.code <> 'transfer_12345');
	END IF;
	IF NOT (core.present(complainant_name) AND core.present(complainant_phone) AND core.present(complainant_address)
	        AND core.present(request) AND core.present(facts)) THEN
		RAISE EXCEPTION '投诉须有投诉人姓名、电话、地址和投诉请求、事实（投诉举报处理暂行办法第九条）'
			USING ERRCODE = 'not_null_violation';
	END IF;
	BEGIN
		PERFORM btrim(complainant_phone)::core.phone;
	EXCEPTION WHEN check_violation THEN
		RAISE EXCEPTION '投诉人电话“%”：%', complainant_phone,
			(SELECT obj_description(c.oid, 'pg_constraint') FROM pg_constraint c
			  WHERE c.contypid = 'core.phone'::regtype AND c.conname = 'phone_format')
			USING ERRCODE = 'check_violation';
	END;
	handler_org := coalesce(core.org_district(e.org_id), me.district_id, me.org_id);
	complaint_no := 'SM' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.complaint_register_seq')::text, 6, '0');
	INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
	                              complainant_name, complainant_phone, complainant_address, respondent_name,
	                              respondent_address, entity_id, subject, request, facts, source_system)
	VALUES (complaint_register.complaint_no, complaint_register.channel, now(), me.org_id, handler_org,
	        btrim(complainant_name), btrim(complainant_phone), btrim(complainant_address), e.name, e.address, e.id,
	        nullif(btrim(subject), ''), btrim(request), btrim(facts), 'smcon');
	SELECT o.name INTO handling_org FROM core.org_unit o WHERE o.id = handler_org;
	decide_by := api.add_workdays(today, 7);
END $$;
COMMENT ON FUNCTION api.complaint_register(text, text, text, text, text, text, text, text) IS
	'登记对某市场主体的消费投诉（第九条材料齐全），交被投诉人所在区局处理；返回登记编号、处理单位和决定是否受理的期限（7 个工作日）';

REVOKE ALL ON FUNCTION api.complaint_register(text, text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.complaint_register(text, text, text, text, text, text, text, text)
	TO smcon_clerk, smcon_handler, smcon_supervisor;
