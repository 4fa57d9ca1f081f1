-- 0211 a reassignment locks and checks every item before it writes. It
-- used to lock, check and write one item after another, so from its first
-- write (whose audit rows take the hash chain's lock, held to commit) it
-- waited for the row locks of the items after it while holding the chain:
-- every other writer of the warehouse queued behind a transaction that was
-- itself queued, and a pause holding one of those items and waiting for the
-- chain closed a deadlock that only the one-second deadlock timeout broke
-- (20 handlers on one queue: writes p99 0.5-0.7 s). Now the row locks come
-- first, in id order, then one UPDATE for all the items (one statement, one
-- batch of audit rows) and the timeline lines. Same checks, same errors,
-- same result.

CREATE OR REPLACE FUNCTION api.desk_assign(p_kind text, p_ids bigint[], p_login text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record;
	who core.staff;
	ids bigint[] := (SELECT array_agg(x ORDER BY x) FROM unnest(p_ids) x);
	states text[] := '{}';
	boss boolean := core.caller_has('supervisor');
BEGIN
	SELECT * INTO who FROM core.staff s WHERE s.login = coalesce(p_login, session_user) AND s.status = 'active';
	IF who.id IS NULL THEN
		RAISE EXCEPTION '没有在岗职员 %', coalesce(p_login, session_user) USING ERRCODE = 'no_data_found';
	ELSIF NOT boss AND who.login <> session_user THEN
		RAISE EXCEPTION '只有负责人可以把事项分派给他人' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p_kind <> 'consultation' AND NOT EXISTS (SELECT 1 FROM pg_roles r
	                                             WHERE r.rolname IN ('smcon_handler', 'smcon_supervisor')
	                                               AND pg_has_role(who.login, r.oid, 'MEMBER')) THEN
		RAISE EXCEPTION '% 不是投诉举报处理员', who.full_name USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR n IN 1 .. coalesce(cardinality(ids), 0) LOOP
		it := rights.desk_lock(p_kind, ids[n], 'handler', 'supervisor');
		IF NOT rights.desk_open(p_kind, it.state) THEN
			PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '分派');
		ELSIF NOT (it.org_id = ANY (core.org_scope(who.org_unit_id))) THEN
			RAISE EXCEPTION '% 不在处理%（%）的机构', who.full_name, rights.kind_label(p_kind), it.item_no
				USING ERRCODE = 'invalid_parameter_value';
		ELSIF NOT boss AND it.handler IS NOT NULL AND it.handler <> who.id THEN
			RAISE EXCEPTION '%（%）已由他人承办；改派须由负责人操作', rights.kind_label(p_kind), it.item_no
				USING ERRCODE = 'insufficient_privilege';
		END IF;
		states := states || it.state;
	END LOOP;
	IF coalesce(cardinality(ids), 0) = 0 THEN
		RETURN 0;
	END IF;
	EXECUTE format('UPDATE %s SET %I = $2 WHERE id = ANY ($1)', rights.kind_table(p_kind),
	               CASE p_kind WHEN 'consultation' THEN 'answered_by_staff_id' ELSE 'handler_staff_id' END)
		USING ids, who.id;
	FOR n IN 1 .. cardinality(ids) LOOP
		PERFORM rights.desk_log(p_kind, ids[n], 'assign', states[n], '承办人：' || who.full_name);
	END LOOP;
	RETURN cardinality(ids);
END $$;
