-- 0104 a complaint registered from an entity's profile (api.complaint_register,
-- 0083/0084) is an item of the 12315 desk like any other: it gets the clock of
-- its state, a line on its timeline and the notification that puts it on the
-- queues. The function is otherwise 0084's.

CREATE OR REPLACE FUNCTION api.complaint_register(code text, complainant_name text, complainant_phone text,
                                       complainant_address text, request text, facts text,
                                       subject text DEFAULT NULL, channel text DEFAULT 'hotline_12315',
                                       OUT complaint_no text, OUT handling_org text, OUT decide_by date,
                                       OUT decide_by_provisional boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	me record;
	e core.entity;
	handler_org bigint;
	received timestamptz := core.now();
	today date := (received AT TIME ZONE 'Asia/Shanghai')::date;
	cid bigint;
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
	decide_by := api.add_workdays(today, 7);
	decide_by_provisional := api.calendar_provisional(today, decide_by);
	handler_org := coalesce(core.org_district(e.org_id), me.district_id, me.org_id);
	complaint_no := 'SM' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.complaint_register_seq')::text, 6, '0');
	INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
	                              complainant_name, complainant_phone, complainant_address, respondent_name,
	                              respondent_address, entity_id, subject, request, facts, accept_due_on,
	                              source_system)
	VALUES (complaint_register.complaint_no, complaint_register.channel, received, me.org_id, handler_org,
	        btrim(complainant_name), btrim(complainant_phone), btrim(complainant_address), e.name, e.address, e.id,
	        nullif(btrim(subject), ''), btrim(request), btrim(facts), decide_by, 'smcon');
	SELECT o.name INTO handling_org FROM core.org_unit o WHERE o.id = handler_org;
	-- the desk's clock, timeline and notification (0100, 0101)
	SELECT c.id INTO cid FROM rights.complaint c WHERE c.complaint_no = complaint_register.complaint_no;
	PERFORM rights.desk_clock_set('complaint', cid, 'complaint_accept', received);
	PERFORM rights.desk_log('complaint', cid, 'intake', NULL);
END $$;
