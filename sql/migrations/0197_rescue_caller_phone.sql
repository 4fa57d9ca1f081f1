-- 0197 the caller's number, for the callback (issue 12). Everywhere else
-- the 96333 caller's phone is masked (api.rescue_show); the dispatcher who
-- calls the caller back needs it whole. api.rescue_caller_phone() gives it
-- to those core.may_reveal() lets see the incident's personal data — every
-- dispatcher, a supervisor of the elevator's district — and writes each
-- reveal to the audit log as a read of rights.rescue_incident.caller_phone
-- (through core.audit_read: the server module's worker when it is loaded, so
-- that a rollback cannot take the record back). Unknown incident and "not
-- yours" get the same answer (0090).

CREATE FUNCTION api.rescue_caller_phone(p_id bigint) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	v text;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	IF NOT core.may_reveal('rights.rescue_incident', p_id) THEN
		RAISE EXCEPTION '账号 % 无权查看 96333 事件 % 的报警人电话', session_user, p_id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT i.caller_phone INTO v FROM rights.rescue_incident i WHERE i.id = p_id;
	PERFORM core.audit_read('rights.rescue_incident', jsonb_build_object('id', p_id),
	                        jsonb_build_object('columns', jsonb_build_array('caller_phone'),
	                                           'via', 'api.rescue_caller_phone'));
	RETURN v;
END $$;
COMMENT ON FUNCTION api.rescue_caller_phone(bigint) IS
	'回访用：96333 事件报警人的完整电话（调度员；本区局的负责人），每次查看记入审计日志';

REVOKE ALL ON FUNCTION api.rescue_caller_phone(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.rescue_caller_phone(bigint) TO smcon_dispatcher, smcon_supervisor;
