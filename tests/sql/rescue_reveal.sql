-- The 96333 caller's number for the callback (api.rescue_caller_phone,
-- migration 0197): a dispatcher gets it whole, a supervisor for the
-- elevator's district only, a clerk or an analyst never; every reveal is a
-- read in the audit log. The reads are written by the smcon_auth module's
-- worker in transactions of its own, which an audited write of ours (it
-- holds the end of the audit chain) would keep out until our transaction
-- ends; so the operators act first, each call a transaction of its own as
-- in a console, on generated incidents, and the test waits for the rows.
\ir lib/try.psql

CREATE TEMP TABLE t AS
SELECT (SELECT i.id FROM rights.rescue_incident i JOIN core.org_unit o ON o.id = i.district_org_id
         WHERE o.code = 'LX' AND i.caller_phone IS NOT NULL ORDER BY i.id LIMIT 1) AS lx,
       (SELECT i.id FROM rights.rescue_incident i JOIN core.org_unit o ON o.id = i.district_org_id
         WHERE o.code <> 'LX' AND i.caller_phone IS NOT NULL ORDER BY i.id LIMIT 1) AS other,
       (SELECT coalesce(max(l.id), 0) FROM audit.log l) AS mark;
GRANT SELECT ON t TO PUBLIC;
CREATE FUNCTION pg_temp.phone(key text) RETURNS text LANGUAGE sql
RETURN (SELECT i.caller_phone FROM rights.rescue_incident i
         WHERE i.id = CASE key WHEN 'lx' THEN (SELECT lx FROM t) ELSE (SELECT other FROM t) END);
-- The reads of incident id through the function since the mark. (The
-- module records the session's login, here the superuser that runs pgTAP:
-- tests/security/rescue_reveal.t checks the actor, as the operators' own logins.)
CREATE FUNCTION pg_temp.reads(p_id bigint) RETURNS integer LANGUAGE sql
RETURN (SELECT count(*) FROM audit.log l
         WHERE l.id > (SELECT mark FROM t) AND l.action = 'read'
           AND l.table_name = 'rights.rescue_incident' AND l.row_key = jsonb_build_object('id', p_id)
           AND l.detail ->> 'via' = 'api.rescue_caller_phone' AND l.detail -> 'columns' = '["caller_phone"]');
-- Waits (at most 10 s) until there are n such reads of id; returns how many there are.
CREATE FUNCTION pg_temp.await_reads(p_id bigint, n integer) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	FOR i IN 1 .. 200 LOOP
		EXIT WHEN pg_temp.reads(p_id) >= n;
		PERFORM pg_sleep(0.05);
	END LOOP;
	RETURN pg_temp.reads(p_id);
END $$;

-- refused first: a read of theirs, had one been written, would be queued before the others
SET SESSION AUTHORIZATION demo_clerk_lx;
SELECT pg_temp.try('clerk', format('SELECT api.rescue_caller_phone(%s)', (SELECT lx FROM t)));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_analyst;
SELECT pg_temp.try('analyst', format('SELECT api.rescue_caller_phone(%s)', (SELECT lx FROM t)));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor_lx;
SELECT pg_temp.try('sup_other', format('SELECT api.rescue_caller_phone(%s)', (SELECT other FROM t)));
SELECT pg_temp.try('sup_none', 'SELECT api.rescue_caller_phone(-1)');
SELECT pg_temp.try('sup_lx', format('SELECT api.rescue_caller_phone(%s)', (SELECT lx FROM t)));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('d1', format('SELECT api.rescue_caller_phone(%s)', (SELECT lx FROM t)));
SELECT pg_temp.try('d2', format('SELECT api.rescue_caller_phone(%s)', (SELECT lx FROM t)));
SELECT pg_temp.try('masked', format('SELECT value FROM api.rescue_show(%s) WHERE field = %L', (SELECT lx FROM t),
                                    'caller_phone'));
RESET SESSION AUTHORIZATION;

BEGIN;
SELECT plan(10);
SELECT isnt((SELECT lx FROM t), NULL, 'the generated data has an incident in 梁溪区 with a caller''s phone');
SELECT is(pg_temp.got('d1'), pg_temp.phone('lx'), 'a dispatcher gets the caller''s number whole');
SELECT isnt(pg_temp.got('masked'), pg_temp.phone('lx'), '  ... which the incident''s page still shows masked');
SELECT is(pg_temp.got('sup_lx'), pg_temp.phone('lx'), 'a supervisor of the elevator''s district gets it');
SELECT alike(pg_temp.got('sup_other'), '42501 %无权查看%', '  ... not another district''s');
SELECT alike(pg_temp.got('sup_none'), '42501 %无权查看 96333 事件 -1 的报警人电话',
             '  ... and no incident at all gets the same answer');
SELECT alike(pg_temp.got('clerk'), '42501 %', 'a clerk is refused');
SELECT alike(pg_temp.got('analyst'), '42501 %', 'an analyst is refused');
SELECT is(pg_temp.await_reads((SELECT lx FROM t), 3), 3,
          'each reveal (the supervisor''s, the dispatcher''s two) is a read in the audit log: which incident, which column, through which function');
SELECT is(pg_temp.reads((SELECT other FROM t)), 0, '  ... a refusal reveals and records nothing');

SELECT * FROM finish();
ROLLBACK;
