-- A phone to call back (migration 0192): core.phone_callable() gives every
-- case of tests/data/phones.tsv the verdict the console's phone_callable()
-- gives (tests/unit/test_phone.c); the complaint desk and the 96333 intake
-- refuse a short number with a message that says what a phone looks like.
BEGIN;
SELECT plan(8);
\ir lib/fixtures.psql
\ir lib/elevators.psql

CREATE TEMP TABLE cases (value text, want int);
\copy cases (value, want) FROM PROGRAM 'grep -v "^#" tests/data/phones.tsv'
SELECT ok((SELECT count(*) FROM cases) >= 20, 'the cases of tests/data/phones.tsv are read');
SELECT is((SELECT string_agg(quote_literal(value), ', ') FROM cases
            WHERE core.phone_callable(value) IS DISTINCT FROM (want = 1)), NULL,
          'core.phone_callable agrees with the cases (and so with the console)');
SELECT is(core.phone_tidy('(0510)82711234'), '0510-82711234', 'an area code in brackets is stored as 0510-');
SELECT throws_like($$SELECT rights.desk_phone('1386123', '投诉人电话')$$,
                   '投诉人电话“1386123”：须是 11 位手机号（如 13912345678）或带区号的固定电话（如 0510-82711234）',
                   'the complaint desk refuses 1386123, saying what a phone looks like');
SELECT is(rights.desk_phone(' 0510-82711234-806 ', 'x'), '0510-82711234-806', '  ... and takes a fixed line with an extension');

\ir lib/try.psql
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('short', $$SELECT id FROM api.rescue_new('213456', '12345', 1)$$);
SELECT pg_temp.try('bracket', $$SELECT id FROM api.rescue_new('213456', '(0510)82711234', 1)$$);
RESET SESSION AUTHORIZATION;
SELECT alike(pg_temp.got('short'), '23514 报警人电话“12345”：须是 11 位手机号%',
             'the 96333 intake refuses 12345 as a caller''s phone');
SELECT is((SELECT caller_phone::text FROM rights.rescue_incident WHERE id::text = pg_temp.got('bracket')),
          '0510-82711234', '  ... and stores (0510)82711234 as 0510-82711234');
SELECT is((SELECT count(*)::int FROM cases WHERE want = 1 AND NOT (core.phone_tidy(value)::core.phone IS NOT NULL)), 0,
          'every callable number fits the stored phone domain once tidied');
SELECT * FROM finish();
ROLLBACK;
