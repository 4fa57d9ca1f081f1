-- 0187 exports and report runs leave a trace a rollback cannot undo (issue
-- 10, item 8, second part). core.audit_event() is core.audit_read()
-- for any event: through the smcon_auth module's worker when it writes
-- this warehouse's audit log, else in the caller's transaction; on a hot
-- standby, which takes no writes, into the standby's server log only (the
-- console then records the run on the primary, see api.audit_note), and so
-- for a report run without the module (reports run READ ONLY).
--   report_run: api.report_open() records every run, in the console, from
--       cron and in psql alike: the report, its period, org unit, grouping.
--   export: the console records every file it writes of warehouse data
--       (the search list, a profile, a report) with api.audit_note(); the
--       data was read with the reader's rights, the file is what leaves.
-- Both are 'note' rows with detail.op = 'report_run' / 'export'.

CREATE FUNCTION core.audit_event(p_action text, p_table text, p_key jsonb, p_detail jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	ev jsonb := jsonb_strip_nulls(jsonb_build_object('action', p_action, 'table', p_table, 'key', p_key,
	                                                 'detail', p_detail));
BEGIN
	IF pg_is_in_recovery() THEN
		RAISE LOG 'smcon_audit_standby %', ev;
	ELSIF current_setting('smcon_auth.audit_database', true) = current_database() THEN
		RAISE LOG 'smcon_audit %', ev;
	ELSIF p_action <> 'read' AND current_setting('transaction_read_only') = 'on' THEN
		-- a report runs READ ONLY: without the module, its run is in the
		-- server log only (a read of personal data still fails here)
		RAISE LOG 'smcon_audit_unwritten %', ev;
	ELSIF p_action = 'read' THEN
		PERFORM audit.append('read', p_table, p_key, NULL, NULL, p_detail);
	ELSE
		PERFORM audit.append('note', p_table, p_key, NULL, NULL,
		                     coalesce(p_detail, '{}') || jsonb_build_object('op', p_action));
	END IF;
END $$;
COMMENT ON FUNCTION core.audit_event(text, text, jsonb, jsonb) IS '记一个审计事件（查看个人信息、导出、运行报表）：由服务器模块在调用者事务之外写入审计日志；没有模块时写在本事务中；备库上只进服务器日志';
REVOKE ALL ON FUNCTION core.audit_event(text, text, jsonb, jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION core.audit_read(p_table text, p_key jsonb, p_detail jsonb) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
BEGIN ATOMIC
	SELECT core.audit_event('read', p_table, p_key, p_detail);
END;

-- What a login records of its own output: an export (a file of warehouse
-- data written by the console) or a report run that went to a standby. The
-- actor is always the session's login, so a caller can only say what it did
-- itself; the detail is kept as given (at most 4 kB).
CREATE FUNCTION api.audit_note(p_op text, p_detail jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF p_op IS NULL OR p_op NOT IN ('export', 'report_run') THEN
		RAISE EXCEPTION '审计事件只能是 export 或 report_run，不是 %', coalesce(p_op, '空')
			USING ERRCODE = 'invalid_parameter_value';
	ELSIF jsonb_typeof(p_detail) IS DISTINCT FROM 'object' OR octet_length(p_detail::text) > 4096 THEN
		RAISE EXCEPTION '审计事件的说明须是不超过 4 kB 的 JSON 对象' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	PERFORM core.audit_event(p_op, NULL, NULL, p_detail || jsonb_build_object('via', 'api.audit_note'));
END $$;
COMMENT ON FUNCTION api.audit_note(text, jsonb) IS '记本账号的一次导出（export）或在备库上运行的报表（report_run），写入审计日志（回滚抹不掉）';
REVOKE ALL ON FUNCTION api.audit_note(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_note(text, jsonb) TO smcon_staff;

-- The owner's side of a report run's audit (api.report_open runs as the
-- caller, under row-level security; the module takes only the owner's LOG).
CREATE FUNCTION core.audit_report_run(p_detail jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
BEGIN ATOMIC
	SELECT core.audit_event('report_run', 'meta.report', jsonb_build_object('name', p_detail ->> 'report'),
	                        p_detail);
END;
COMMENT ON FUNCTION core.audit_report_run(jsonb) IS '记一次报表运行（由 api.report_open 调用；以所有者身份，使服务器模块在事务之外写入）';
REVOKE ALL ON FUNCTION core.audit_report_run(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.audit_report_run(jsonb) TO smcon_staff;

-- The report runs record themselves (as 0162's, plus the audit event).
CREATE OR REPLACE FUNCTION api.report_open(p_name text, p_from date DEFAULT NULL, p_to date DEFAULT NULL,
                                           p_org text DEFAULT NULL, p_by text DEFAULT NULL,
                                           OUT cursor_name refcursor, OUT date_from date, OUT date_to date,
                                           OUT org_code text, OUT org_name text, OUT group_by text,
                                           OUT masked boolean)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	r meta.report;
	delay float8 := coalesce(nullif(current_setting('smcon.report_test_delay', true), '')::float8, 0);
BEGIN
	SELECT * INTO p FROM core.report_params(p_name, p_from, p_to, p_org, p_by);
	SELECT * INTO r FROM meta.report x WHERE x.name = p_name;
	date_from := p.date_from;
	date_to := p.date_to;
	IF r.whole_months AND p.group_by <> 'respondent' THEN
		date_from := date_trunc('month', p.date_from)::date;
		date_to := (date_trunc('month', p.date_to) + interval '1 month - 1 day')::date;
	END IF;
	SELECT o.code, o.short_name INTO org_code, org_name FROM core.org_unit o WHERE o.id = p.org_id;
	group_by := p.group_by;
	masked := p.masked;
	PERFORM core.audit_report_run(jsonb_build_object('report', p_name, 'from', date_from, 'to', date_to,
	                                                 'org', org_code, 'by', group_by, 'masked', masked));
	cursor_name := 'smcon_report';
	-- the wait, if any, comes with the first FETCH, where the report's work is
	OPEN cursor_name FOR EXECUTE format('SELECT r.* FROM pg_sleep($5) AS w, api.%I($1, $2, $3, $4) AS r',
	                                    r.function_name)
		USING p_from, p_to, p_org, p_by, delay;
END $$;
