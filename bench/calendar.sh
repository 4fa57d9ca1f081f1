#!/bin/sh
# Microseconds per call of api.add_workdays (and api.workdays_between) over
# 100,000 dates, against the warehouse the PG* environment variables name
# (PGHOST, PGDATABASE, PGUSER, PGPASSWORD …; any staff account will do):
#   PGHOST=var/demo/run PGDATABASE=smcon PGUSER=demo_clerk_lx PGPASSWORD=demo sh bench/calendar.sh
# The dates are spread over the loaded years, the numbers of working days
# over 1..45, so that every call stays inside the loaded calendar; then the
# same over the provisional years (no notice loaded, computed from the
# statutory rules), whose calls should cost about the same (target: < 2×).
set -eu
# under bench/run: a clerk of the bench warehouse
if [ -n "${BENCH_DIR:-}" ]; then
	export PGUSER=${PGUSER:-demo_clerk_lx} PGPASSWORD=${PGPASSWORD:-demo}
fi
n=${BENCH_CALLS:-100000}
psql -X -q -At -v ON_ERROR_STOP=1 -v n="$n" <<'SQL'
SELECT min(year) AS first_year, max(year) AS last_year FROM api.calendar_years() WHERE NOT provisional \gset
SELECT min(year) AS prov_first, max(year) AS prov_last FROM api.calendar_years() WHERE provisional \gset
CREATE TEMP TABLE bench_date AS
SELECT make_date(:first_year, 1, 1) + (i * 7919) % (make_date(:last_year, 10, 1) - make_date(:first_year, 1, 1)) AS d,
       1 + i % 45 AS n
  FROM generate_series(1, :n) AS i;
ANALYZE bench_date;
-- warm up: load the day table and the plans
SELECT count(api.add_workdays(d, n)) FROM bench_date \g /dev/null
SELECT clock_timestamp() AS t0 \gset
SELECT count(api.add_workdays(d, n)) FROM bench_date \g /dev/null
SELECT round((extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / :n)::numeric, 2) AS us \gset
\echo add_workdays: :us µs per call (:n dates, :first_year-:last_year)
SELECT :us AS us_loaded \gset
SELECT clock_timestamp() AS t0 \gset
SELECT count(api.workdays_between(d, d + n)) FROM bench_date \g /dev/null
SELECT round((extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / :n)::numeric, 2) AS us \gset
\echo workdays_between: :us µs per call (:n pairs)
CREATE TEMP TABLE bench_prov AS
SELECT make_date(:prov_first, 1, 1) + (i * 7919) % (make_date(:prov_last, 10, 1) - make_date(:prov_first, 1, 1)) AS d,
       1 + i % 45 AS n
  FROM generate_series(1, :n) AS i;
ANALYZE bench_prov;
SELECT count(api.add_workdays(d, n)) FROM bench_prov \g /dev/null
SELECT clock_timestamp() AS t0 \gset
SELECT count(api.add_workdays(d, n)) FROM bench_prov \g /dev/null
SELECT round((extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / :n)::numeric, 2) AS prov_us \gset
\echo add_workdays on a provisional year: :prov_us µs per call (:n dates, :prov_first-:prov_last)
SELECT round(:prov_us / :us_loaded, 2) AS ratio \gset
\echo provisional ÷ loaded: :ratio (target < 2)
SELECT clock_timestamp() AS t0 \gset
SELECT count(p) FROM bench_prov, api.calendar_provisional(d, api.add_workdays(d, n)) AS p \g /dev/null
SELECT round((extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / :n)::numeric, 2) AS us \gset
\echo add_workdays with its 暂定 mark (api.calendar_provisional): :us µs per call
SQL
