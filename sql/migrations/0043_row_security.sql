-- 0043 row-level security on the bureau's case data (DESIGN §3): complaints,
-- reports, consultations, 12345 transfers, 96333 incidents, inspections,
-- enforcement cases and penalties.
--
-- How the policies are written, and why (measured on 3 M complaints):
-- - Each policy names the group roles it is for (TO …): the planner keeps or
--   drops it once, by membership, instead of testing a role per row. A role
--   with no policy on a table sees no rows of it; analysts get USING (true),
--   which folds away, so they pay nothing.
-- - A scoped policy compares the record's scope column with the caller's
--   scope as an InitPlan, col = ANY ((SELECT api.my_orgs())::bigint[]):
--   computed once per query, used as an index key (a district's complaint
--   list stays an ordered index scan, 0.05 ms), and a sequential scan
--   compares against a constant (0.6 s over 3 M rows where calling the
--   function per row took 60 s). Never IN (SELECT … FROM staff) or EXISTS
--   over staff: that lost the index.
-- - Child rows without a scope column of their own (a task's inspectors, a
--   result's items, a case's officers) are visible when their parent is:
--   EXISTS over the parent's primary key, which is itself under the parent's
--   policy.
-- - Only SELECT has policies. No ordinary role has INSERT, UPDATE or DELETE
--   on these tables; writes go through api functions (run as the owner, who
--   is not subject to RLS) that check scope and transitions themselves.
-- - core.entity has no RLS: registration facts are public, and RLS would stop
--   LIKE and trigram index use on it (those operators are not leakproof).
--   The same holds for any search over a table below: put it behind a
--   SECURITY DEFINER function that applies the scope explicitly.
--
-- Who sees what, by family (scoped = the caller's scope, all = city-wide):
--   complaints, reports, consultations, 12345 transfers:
--       scoped clerk, handler, supervisor; all analyst
--   96333 incidents:  scoped inspector, supervisor; all dispatcher, analyst
--   inspection plans, batches, draws, tasks and their inspectors:
--       scoped inspector, supervisor; all analyst
--   inspection results (published): scoped inspector, supervisor, clerk,
--       handler; all analyst
--   enforcement cases and officers: scoped inspector, handler, supervisor;
--       all analyst
--   penalties (published): scoped inspector, handler, clerk, supervisor;
--       all analyst
-- Admins see no case data. tests/data/permissions.tsv is the same matrix as
-- data; tests/cmd/permissions.t checks every role against it.

CREATE TEMP TABLE rls_rule (tbl text, scope text, scoped text[], everything text[]) ON COMMIT DROP;
INSERT INTO rls_rule VALUES
	('rights.complaint', 'handling_org_id', '{clerk,handler,supervisor}', '{analyst}'),
	('rights.report', 'handling_org_id', '{clerk,handler,supervisor}', '{analyst}'),
	('rights.consultation', 'handling_org_id', '{clerk,handler,supervisor}', '{analyst}'),
	('rights.transfer_12345', 'handling_org_id', '{clerk,handler,supervisor}', '{analyst}'),
	('rights.rescue_incident', 'district_org_id', '{inspector,supervisor}', '{dispatcher,analyst}'),
	('supervision.inspection_plan', 'org_id', '{inspector,supervisor}', '{analyst}'),
	('supervision.inspection_batch', 'org_id', '{inspector,supervisor}', '{analyst}'),
	('supervision.inspection_draw', 'org_id', '{inspector,supervisor}', '{analyst}'),
	('supervision.inspection_task', 'org_id', '{inspector,supervisor}', '{analyst}'),
	('supervision.task_inspector',
	 'EXISTS (SELECT 1 FROM supervision.inspection_task t WHERE t.id = task_id)',
	 '{inspector,supervisor}', '{analyst}'),
	('supervision.inspection_result', 'org_id', '{inspector,supervisor,clerk,handler}', '{analyst}'),
	('supervision.inspection_result_item',
	 'EXISTS (SELECT 1 FROM supervision.inspection_result r WHERE r.id = result_id)',
	 '{inspector,supervisor,clerk,handler}', '{analyst}'),
	('supervision.enforcement_case', 'deciding_org_id', '{inspector,handler,supervisor}', '{analyst}'),
	('supervision.case_officer',
	 'EXISTS (SELECT 1 FROM supervision.enforcement_case c WHERE c.id = case_id)',
	 '{inspector,handler,supervisor}', '{analyst}'),
	('supervision.penalty', 'deciding_org_id', '{inspector,handler,clerk,supervisor}', '{analyst}'),
	('supervision.penalty_measure', 'deciding_org_id', '{inspector,handler,clerk,supervisor}', '{analyst}');

DO $$
DECLARE
	r record;
	short text;
BEGIN
	FOR r IN SELECT * FROM rls_rule LOOP
		short := split_part(r.tbl, '.', 2);
		EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', r.tbl);
		EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO %s USING (%s)',
		               short || '_scope', r.tbl,
		               (SELECT string_agg(quote_ident('smcon_' || g), ', ') FROM unnest(r.scoped) g),
		               CASE WHEN r.scope LIKE 'EXISTS%' THEN r.scope
		                    ELSE format('%I = ANY ((SELECT api.my_orgs())::bigint[])', r.scope) END);
		EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO %s USING (true)',
		               short || '_all', r.tbl,
		               (SELECT string_agg(quote_ident('smcon_' || g), ', ') FROM unnest(r.everything) g));
	END LOOP;
END $$;
