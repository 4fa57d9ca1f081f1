-- The inlinable CHECK helpers give the same verdicts as the full functions.
BEGIN;
SELECT plan(6);

CREATE TEMP TABLE vectors (code text);
\copy vectors (code) FROM PROGRAM 'cut -f1 tests/data/uscc-vectors.txt | grep -v "^#" | grep -v "^$"'
SELECT ok((SELECT count(*) FROM vectors) > 400, 'the USCC test vectors are read');
SELECT is((SELECT count(*)::int FROM vectors
            WHERE core.uscc_valid(core.uscc_normalize(code))
                  IS DISTINCT FROM (core.uscc_problem(core.uscc_normalize(code)) IS NULL)), 0,
          'uscc_valid agrees with uscc_problem on every vector');

-- Codes made of the allowed characters at random: most fail one check or the
-- other. Seeded, so that a failure can be replayed (pg_prove runs each file in
-- a session of its own).
DO $$ BEGIN PERFORM setseed(0.16); END $$;
CREATE TEMP TABLE random_codes AS
SELECT string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (random() * 30)::int, 1), '') AS code
  FROM generate_series(1, 50000) g, generate_series(1, 18) i GROUP BY g;
-- ... and valid ones, completed from random first 16 characters.
INSERT INTO random_codes
SELECT core.uscc_complete(string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (random() * 30)::int, 1), ''))
  FROM generate_series(1, 5000) g, generate_series(1, 16) i GROUP BY g;
SELECT ok((SELECT count(*) FROM random_codes WHERE core.uscc_valid(code)) >= 5000,
          'the completed codes are valid');
SELECT is((SELECT count(*)::int FROM random_codes
            WHERE core.uscc_valid(code) IS DISTINCT FROM (core.uscc_problem(code) IS NULL)), 0,
          'uscc_valid agrees with uscc_problem on 55,000 random codes');

SELECT is((SELECT count(*)::int FROM (VALUES ('320202199102105671'), ('32020219910210567X'),
                                            ('110105194912310021'), ('11010519491231002X'),
                                            ('3202021991021056'), ('32020219910210567a')) v(id)
            WHERE core.resident_id_valid(id)), 2, 'resident ID numbers: valid ones pass, others fail');
SELECT ok(NOT (SELECT proconfig IS NOT NULL OR prolang <> (SELECT oid FROM pg_language WHERE lanname = 'sql')
                 FROM pg_proc WHERE oid = 'core.uscc_valid(text)'::regprocedure),
          'uscc_valid is plain SQL without settings, so it can be inlined');
SELECT * FROM finish();
ROLLBACK;
