-- 0080 integration: the parts were built side by side; this joins them.
-- Tables created after the audit trail (0042) get its triggers, and the
-- inspection-plan candidate list is written only by those whose work it is.

-- Every table of the warehouse is audited unless audit.unaudited says why not.
DO $$
DECLARE
	t regclass;
BEGIN
	FOR t IN SELECT c.oid::regclass
	           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	          WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
	            AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug',
	                              'credit', 'price', 'ip', 'nqi', 'cogov', 'policy', 'meta')
	            AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'audit_update')
	            AND NOT EXISTS (SELECT 1 FROM audit.unaudited u WHERE u.table_name = n.nspname || '.' || c.relname)
	LOOP
		PERFORM audit.attach(t);
	END LOOP;
END $$;

-- Adding an entity to a plan's candidates is inspection work: the function
-- checks role and scope, and only inspectors and supervisors may call it.
REVOKE EXECUTE ON FUNCTION api.plan_candidate_add(text, text, text) FROM smcon_staff;
GRANT EXECUTE ON FUNCTION api.plan_candidate_add(text, text, text) TO smcon_inspector, smcon_supervisor;

-- The candidate list follows the inspection plans' rules (0043): scoped for
-- inspectors and supervisors, the scope an InitPlan so it is computed once,
-- city-wide for analysts; nobody else has a policy.
DROP POLICY plan_candidate_scope ON supervision.plan_candidate;
CREATE POLICY plan_candidate_scope ON supervision.plan_candidate FOR SELECT
	TO smcon_inspector, smcon_supervisor
	USING (org_id = ANY ((SELECT api.my_orgs())::bigint[]));
CREATE POLICY plan_candidate_all ON supervision.plan_candidate FOR SELECT TO smcon_analyst
	USING (true);
