-- 0191 the profile's tab check once a session. Which tabs a login may not
-- read depends on its roles, not on the entity; bench/security.sh still
-- measured 0.2 ms a profile open for it (column privileges and policies of
-- five tables). It is kept in the session setting smcon.tabs_hidden, keyed
-- by the current role; a login that sets it itself changes only what its
-- own profile labels 无权查看 — row-level security decides what it reads.

CREATE OR REPLACE FUNCTION api.entity_tabs_hidden() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	k text := current_user || ':';
	cached text := current_setting('smcon.tabs_hidden', true);
	tabs text[];
BEGIN
	IF cached IS NOT NULL AND starts_with(cached, k) THEN
		RETURN QUERY SELECT unnest(string_to_array(nullif(substr(cached, length(k) + 1), ''), ','));
		RETURN;
	END IF;
	SELECT coalesce(array_agg(t.tab ORDER BY t.tab), '{}') INTO tabs
	  FROM (VALUES ('inspection', ARRAY['supervision.inspection_task']),
	               ('enforcement', ARRAY['supervision.enforcement_case', 'supervision.penalty']),
	               ('complaint', ARRAY['rights.complaint', 'rights.report'])) t (tab, tables)
	 WHERE NOT EXISTS (SELECT 1 FROM unnest(t.tables) x WHERE core.may_read_rows(x::regclass));
	PERFORM set_config('smcon.tabs_hidden', k || array_to_string(tabs, ','), false);
	RETURN QUERY SELECT unnest(tabs);
END $$;
