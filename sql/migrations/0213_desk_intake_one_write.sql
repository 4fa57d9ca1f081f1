-- 0213 intake writes each item once (issue 11: intake with the duplicate
-- check, p99 under 10 ms). api.desk_intake inserted a complaint as a draft,
-- updated it to registered when §9's materials were there, then updated it
-- again to set its clock (rights.desk_clock_set); a report and a 12345
-- consultation were inserted, then updated for the clock. Every write of
-- those tables fires the audit's statement trigger, the report summary's
-- and the queue's row (rights.desk_open_item): three rounds of them per
-- complaint, about 8 ms of a 10 ms intake on the bench warehouse. Now the
-- materials are checked on the row before it is written and the row is
-- inserted once, in its state and with its clock; the answer, the
-- timeline line and the item's values are the same (the audit log shows
-- one insert where it showed an insert and two updates).

-- A clock's values from its start (the day of p_since in the bureau's
-- zone, which does not count) and its limit: what rights.desk_clock_set
-- writes. All NULL for no clock.
CREATE FUNCTION rights.desk_clock_values(p_clock text, p_since timestamptz,
                                         OUT clock text, OUT start date, OUT workdays integer, OUT due date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF p_clock IS NULL THEN
		RETURN;
	END IF;
	clock := p_clock;
	start := (p_since AT TIME ZONE 'Asia/Shanghai')::date;
	workdays := core.desk_clock_days(p_clock);
	due := api.add_workdays(start, workdays);
END $$;
COMMENT ON FUNCTION rights.desk_clock_values(text, timestamptz) IS
	'时限的各项值（时限代码、起算日、工作日数、到期日），与 rights.desk_clock_set 所写相同；无时限时均为空';

CREATE OR REPLACE FUNCTION api.desk_intake(
	p_kind text, p_channel text DEFAULT 'hotline_12315',
	p_name text DEFAULT NULL, p_phone text DEFAULT NULL, p_address text DEFAULT NULL, p_id_no text DEFAULT NULL,
	p_anonymous boolean DEFAULT false,
	p_uscc text DEFAULT NULL, p_respondent text DEFAULT NULL, p_respondent_address text DEFAULT NULL,
	p_platform text DEFAULT NULL, p_category text DEFAULT NULL, p_subject text DEFAULT NULL,
	p_amount numeric DEFAULT NULL, p_request text DEFAULT NULL, p_facts text DEFAULT NULL,
	p_work_order text DEFAULT NULL, p_received_12345 timestamptz DEFAULT NULL,
	p_unit text DEFAULT NULL, p_route_reason text DEFAULT NULL)
RETURNS TABLE (kind text, id bigint, item_no text, state text, handling_org text, clock text, clock_due date,
               missing text, duplicates integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	me record;
	e core.entity;
	route record;
	received timestamptz := core.now();
	today date := (received AT TIME ZONE 'Asia/Shanghai')::date;
	phone text;
	xfer bigint;
	cid bigint;
	rid bigint;
	qid bigint;
	c rights.complaint;
	miss text[];
	v_kind text := lower(btrim(p_kind));
	clk record;
	nm text := nullif(btrim(p_name), '');
	addr text := nullif(btrim(p_address), '');
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor');
	me := core.caller_staff();
	IF v_kind NOT IN ('complaint', 'report', 'both', 'consultation', 'suggestion') THEN
		RAISE EXCEPTION '事项类别“%”无效：complaint 投诉、report 举报、both 投诉并举报、consultation 咨询、suggestion 建议',
			p_kind USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.channel ch WHERE ch.code = p_channel AND ch.active) THEN
		RAISE EXCEPTION '受理渠道“%”无效', p_channel USING ERRCODE = 'invalid_parameter_value',
			HINT = (SELECT string_agg(ch.code, ', ' ORDER BY ch.sort_order) FROM core.channel ch WHERE ch.active);
	END IF;
	IF (p_channel = 'transfer_12345') <> coalesce(core.present(p_work_order), false) THEN
		RAISE EXCEPTION '12345 转办须有工单编号，其他渠道不填工单编号'
			USING ERRCODE = 'not_null_violation', COLUMN = 'work_order_no';
	END IF;
	IF p_category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM core.complaint_category k WHERE k.code = p_category) THEN
		RAISE EXCEPTION '没有代码为“%”的投诉分类', p_category USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_anonymous AND v_kind <> 'report' THEN
		RAISE EXCEPTION '只有举报可以匿名；投诉须有投诉人姓名、电话、地址（第九条）'
			USING ERRCODE = 'check_violation';
	END IF;
	phone := rights.desk_phone(p_phone, CASE WHEN v_kind = 'report' THEN '举报人电话' ELSE '投诉人电话' END);
	IF coalesce(core.present(p_uscc), false) THEN
		SELECT * INTO e FROM core.entity x WHERE x.uscc = core.uscc_normalize(p_uscc);
		IF e.id IS NULL THEN
			RAISE EXCEPTION '没有统一社会信用代码为 % 的主体', core.uscc_normalize(p_uscc) USING ERRCODE = 'no_data_found';
		END IF;
	END IF;
	SELECT * INTO route FROM rights.desk_route(e.id, p_platform, p_unit, p_route_reason);
	IF p_channel = 'transfer_12345' THEN
		xfer := rights.desk_work_order(p_work_order, p_received_12345, received, nm, phone,
		                               coalesce(p_facts, p_request), me.org_id, route.org_id);
	END IF;

	IF v_kind IN ('complaint', 'both') THEN
		-- §9's materials are checked on the row before it is written, so that
		-- it is written once, in its state and with its clock
		c.complainant_name := nm;
		c.complainant_phone := phone;
		c.complainant_address := addr;
		c.respondent_name := coalesce(e.name, nullif(btrim(p_respondent), ''));
		c.respondent_address := coalesce(e.address, nullif(btrim(p_respondent_address), ''));
		c.request := nullif(btrim(p_request), '');
		c.facts := nullif(btrim(p_facts), '');
		miss := rights.complaint_missing(c);
		SELECT * INTO clk FROM rights.desk_clock_values('complaint_accept', received);
		INSERT INTO rights.complaint (complaint_no, channel_code, transfer_12345_id, received_at, receiving_org_id,
		                              handling_org_id, complainant_name, complainant_phone, complainant_address,
		                              complainant_id_no, respondent_name, respondent_address, entity_id,
		                              platform_name, category_code, subject, amount_involved, request, facts,
		                              status, accept_due_on, routing_note, source_system,
		                              clock, clock_start, clock_workdays, clock_due)
		VALUES ('SM' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.complaint_register_seq')::text, 6, '0'),
		        p_channel, xfer, received, me.org_id, route.org_id, nm, phone, addr, nullif(btrim(p_id_no), ''),
		        c.respondent_name, c.respondent_address,
		        e.id, nullif(btrim(p_platform), ''), p_category, nullif(btrim(p_subject), ''), p_amount,
		        c.request, c.facts, CASE WHEN cardinality(miss) = 0 THEN 'registered' ELSE 'draft' END,
		        api.add_workdays(today, 7),
		        CASE WHEN route.chosen THEN btrim(p_route_reason) END, 'smcon',
		        'complaint_accept', clk.start, clk.workdays, clk.due)
		RETURNING rights.complaint.id INTO cid;
		PERFORM rights.desk_log('complaint', cid, 'intake', NULL,
		                        CASE WHEN route.chosen THEN '指定处理：' || btrim(p_route_reason) END);
	END IF;
	IF v_kind IN ('report', 'both') THEN
		IF NOT coalesce(core.present(coalesce(e.name, p_respondent)), false)
		   OR NOT coalesce(core.present(coalesce(p_facts, p_request)), false) THEN
			RAISE EXCEPTION '举报须有被举报人和涉嫌违法的线索' USING ERRCODE = 'not_null_violation';
		END IF;
		IF NOT p_anonymous AND nm IS NULL THEN
			RAISE EXCEPTION '实名举报须有举报人姓名（匿名举报请选择匿名）'
				USING ERRCODE = 'not_null_violation', COLUMN = 'reporter_name';
		END IF;
		SELECT * INTO clk FROM rights.desk_clock_values('report_verify', received);
		INSERT INTO rights.report (report_no, channel_code, transfer_12345_id, received_at, receiving_org_id,
		                           handling_org_id, anonymous, reporter_name, reporter_phone, reporter_id_no,
		                           reporter_address, reported_name, reported_address, entity_id, clue,
		                           routing_note, source_system, clock, clock_start, clock_workdays, clock_due)
		VALUES ('SJ' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.report_register_seq')::text, 6, '0'),
		        p_channel, xfer, received, me.org_id, route.org_id, p_anonymous,
		        CASE WHEN NOT p_anonymous THEN nm END, phone,
		        CASE WHEN NOT p_anonymous THEN nullif(btrim(p_id_no), '') END, addr,
		        coalesce(e.name, btrim(p_respondent)), coalesce(e.address, nullif(btrim(p_respondent_address), '')),
		        e.id, btrim(coalesce(p_facts, p_request)),
		        CASE WHEN route.chosen THEN btrim(p_route_reason) END, 'smcon', 'report_verify', clk.start, clk.workdays,
		        clk.due)
		RETURNING rights.report.id INTO rid;
		IF cid IS NOT NULL THEN
			UPDATE rights.complaint x SET report_id = rid WHERE x.id = cid;
		END IF;
		PERFORM rights.desk_log('report', rid, 'intake', NULL,
		                        CASE WHEN cid IS NOT NULL THEN '与投诉一并提交' END, cid);
	END IF;
	IF v_kind IN ('consultation', 'suggestion') THEN
		IF NOT coalesce(core.present(coalesce(p_facts, p_request)), false) THEN
			RAISE EXCEPTION '咨询（建议）须有内容' USING ERRCODE = 'not_null_violation', COLUMN = 'content';
		END IF;
		-- a 12345 transfer has its reply limit; others have no clock
		SELECT * INTO clk FROM rights.desk_clock_values(CASE WHEN xfer IS NOT NULL THEN 'consult_reply' END, received);
		INSERT INTO rights.consultation (consultation_no, kind, channel_code, transfer_12345_id, received_at,
		                                 receiving_org_id, handling_org_id, contact_name, contact_phone,
		                                 category_code, topic, content, source_system, clock, clock_start,
		                                 clock_workdays, clock_due)
		VALUES ('SZ' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.consultation_register_seq')::text, 6, '0'),
		        v_kind, p_channel, xfer, received, me.org_id, route.org_id, nm, phone, p_category,
		        nullif(btrim(p_subject), ''), btrim(coalesce(p_facts, p_request)), 'smcon', clk.clock, clk.start,
		        clk.workdays, clk.due)
		RETURNING rights.consultation.id INTO qid;
		PERFORM rights.desk_log('consultation', qid, 'intake', NULL);
	END IF;

	RETURN QUERY
	SELECT 'complaint', x.id, x.complaint_no, x.status, o.name, x.clock, x.clock_due,
	       array_to_string(rights.complaint_missing(x), '、'),
	       (SELECT count(*)::int FROM rights.desk_duplicate_ids('complaint', x.id))
	  FROM rights.complaint x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = cid
	UNION ALL
	SELECT 'report', x.id, x.report_no, x.status, o.name, x.clock, x.clock_due, '',
	       (SELECT count(*)::int FROM rights.desk_duplicate_ids('report', x.id))
	  FROM rights.report x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = rid
	UNION ALL
	SELECT 'consultation', x.id, x.consultation_no, x.status, o.name, x.clock, x.clock_due, '', 0
	  FROM rights.consultation x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = qid;
END $$;
-- (its comment and grants are those of 0101: CREATE OR REPLACE keeps them)
