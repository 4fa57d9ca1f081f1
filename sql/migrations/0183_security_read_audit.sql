-- 0183 audit that a rollback cannot undo (issue 10, item 8). A read of
-- unmasked personal data (api.personal), a login, a failed login and a
-- logout are written to the audit log by the smcon_auth server module's
-- audit worker, in transactions of its own: the caller's rollback, or its
-- crash, cannot take them back. The caller raises the event at LOG
-- ("smcon_audit {json}"): the server log gets it at once, and the module,
-- seeing that it comes from the owner's code, queues it for the worker.
-- Without the module (a server that does not load it) the read is audited
-- in the caller's transaction as before. Logins, failed logins and logouts
-- are 'note' rows with detail.op login, login_failed, logout. The audit log keeps every row
-- (nothing deletes them): 180 days and more (网络安全法 §21).

-- One event from the module's audit worker, for the login that caused it:
-- a read as 'read', a login, failed login or logout as a 'note' with the op.
-- Created as smcon_audit, which owns the audit schema (as 0042 does).
GRANT smcon_audit TO smcon_owner;  -- for this migration only, revoked below
SET LOCAL ROLE smcon_audit;
CREATE FUNCTION audit.append_event(p_actor text, p_at timestamptz, p_event jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	e record;
	v_id bigint;
	v_txid bigint := txid_current();
	v_action text := CASE WHEN p_event ->> 'action' = 'read' THEN 'read' ELSE 'note' END;
	v_detail jsonb := coalesce(p_event -> 'detail', '{}') || jsonb_build_object('recorded_by', 'smcon_auth')
	                  || CASE WHEN p_event ->> 'action' = 'read' THEN '{}'
	                          ELSE jsonb_build_object('op', p_event ->> 'action') END;
BEGIN
	SELECT * INTO e FROM audit.chain_end();
	v_id := e.last_id + 1;
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	VALUES (v_id, p_at, p_actor, v_action, p_event ->> 'table', p_event -> 'key', NULL, NULL, v_detail,
	        v_txid, e.last_hash,
	        sha256(e.last_hash || audit.canonical(v_id, p_at, p_actor, v_action, p_event ->> 'table',
	                                              p_event -> 'key', NULL, NULL, v_detail, v_txid)));
	PERFORM audit.mark_open();
	RETURN v_id;
END $$;
COMMENT ON FUNCTION audit.append_event(text, timestamptz, jsonb) IS '追加服务器模块 smcon_auth 送来的审计事件（查看个人信息、登录、退出），操作人为引起事件的账号；仅所有者可调用';
REVOKE ALL ON FUNCTION audit.append_event(text, timestamptz, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.append_event(text, timestamptz, jsonb) TO smcon_owner;
RESET ROLE;
REVOKE smcon_audit FROM smcon_owner;

-- A read of personal data: to the module when it writes this warehouse's
-- audit log, else into the log in the caller's transaction.
CREATE FUNCTION core.audit_read(p_table text, p_key jsonb, p_detail jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF current_setting('smcon_auth.audit_database', true) = current_database() THEN
		RAISE LOG 'smcon_audit %', jsonb_build_object('action', 'read', 'table', p_table, 'key', p_key,
		                                              'detail', p_detail);
	ELSE
		PERFORM audit.append('read', p_table, p_key, NULL, NULL, p_detail);
	END IF;
END $$;
COMMENT ON FUNCTION core.audit_read(text, jsonb, jsonb) IS '记一次查看个人信息：由服务器模块在调用者事务之外写入审计日志（回滚抹不掉）；没有模块时写在本事务中';
REVOKE ALL ON FUNCTION core.audit_read(text, jsonb, jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION api.personal(tbl text, row_id bigint)
RETURNS TABLE (column_name text, kind text, masked_value text, value text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	allowed boolean;
	cols text[];
	sch text;
	rel text;
	rec jsonb;
BEGIN
	SELECT array_agg(p.column_name ORDER BY p.column_name), min(p.table_schema), min(p.table_name)
	  INTO cols, sch, rel
	  FROM meta.personal_column p WHERE p.table_schema || '.' || p.table_name = tbl;
	IF cols IS NULL THEN
		RAISE EXCEPTION '% 不是存有个人信息的表', tbl USING ERRCODE = 'invalid_parameter_value';
	END IF;
	allowed := core.may_reveal(tbl, row_id);
	IF allowed IS NULL THEN
		RAISE EXCEPTION '% 中没有编号为 % 的记录', tbl, row_id USING ERRCODE = 'no_data_found';
	ELSIF NOT allowed THEN
		RAISE EXCEPTION '账号 % 无权查看 % 第 % 号记录的个人信息', session_user, tbl, row_id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	EXECUTE format('SELECT to_jsonb(t) FROM %I.%I t WHERE t.id = $1', sch, rel) INTO rec USING row_id;
	PERFORM core.audit_read(tbl, jsonb_build_object('id', row_id),
	                        jsonb_build_object('columns', to_jsonb(cols), 'via', 'api.personal'));
	RETURN QUERY
		SELECT p.column_name, p.kind, rec ->> p.masked_column, rec ->> p.column_name
		  FROM meta.personal_column p
		 WHERE p.table_schema || '.' || p.table_name = tbl
		 ORDER BY p.column_name;
END $$;
