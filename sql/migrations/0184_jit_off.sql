-- JIT off in the warehouse's own functions. A function's statements are
-- planned on their own, and some carry a huge estimated cost that is not
-- real work (audit.move_head runs with enable_seqscan = off, so its UPDATE
-- of the one-row chain head costs 10^10): above jit_above_cost PostgreSQL
-- compiles them, which took 120 ms of every audited write's commit and
-- 300-400 ms of a complaint registration on the 2,000,000-entity warehouse.
-- The console's statements are small; the reports set jit = off already.
-- Every PL/pgSQL function, and every SECURITY DEFINER SQL function (never
-- inlined), gets SET jit = off; SQL functions meant to be inlined keep no
-- SET (it would stop the inlining). tests/sql/catalog_complete.sql keeps
-- new functions to the rule.
GRANT smcon_audit TO smcon_owner;  -- the audit schema's functions too; revoked below
DO $$
DECLARE
	f record;
BEGIN
	FOR f IN
		SELECT p.oid::regprocedure AS sig
		  FROM pg_proc p
		  JOIN pg_namespace n ON n.oid = p.pronamespace
		  JOIN pg_language l ON l.oid = p.prolang
		 WHERE n.nspowner IN (SELECT r.oid FROM pg_roles r WHERE r.rolname IN (current_user, 'smcon_audit'))
		   AND p.prokind IN ('f', 'p')
		   AND (l.lanname = 'plpgsql' OR l.lanname = 'sql' AND p.prosecdef)
		   AND NOT coalesce('jit=off' = ANY (p.proconfig), false)
		   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
	LOOP
		EXECUTE format('ALTER FUNCTION %s SET jit = off', f.sig);
	END LOOP;
END $$;
REVOKE smcon_audit FROM smcon_owner;
