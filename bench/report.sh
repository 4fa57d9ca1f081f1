#!/bin/bash
# Report benchmarks (make bench): for each report of the catalog, the median
# of 7 runs (server time, as the analyst) for one month of the whole city and
# for one district (梁溪), plus one run through `smcon report run --format csv`
# (connect, run, write); what a write to a summarised table costs; how stale
# a figure can be (the summaries follow every statement in its transaction,
# so a committed write is in the next report: measured, not assumed); how
# long a full rebuild of the summaries takes; and, for scale, the plain GROUP
# BY over the complaints that the summaries replace.
#   BENCH_REPORT_MONTH  the month (default: last month)
set -u
export PGOPTIONS="-c client_min_messages=warning"
bin=${SMCON_BIN:?run through bench/run}
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
analyst() { PGUSER=demo_analyst PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

month=${BENCH_REPORT_MONTH:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}
from="$month-01"
to=$(date -d "$from +1 month -1 day" +%F)
owner <<'SQL' | sed 's/^/# /'
SELECT format('%s entities, %s complaints, %s reports, %s rescue incidents; summary rows: %s',
              (SELECT count(*) FROM core.entity), (SELECT count(*) FROM rights.complaint),
              (SELECT count(*) FROM rights.report), (SELECT count(*) FROM rights.rescue_incident),
              (SELECT string_agg(format('%s %s', replace(c.relname, 'report_sum_', ''), c.reltuples::bigint), ', '
                                 ORDER BY c.relname)
                 FROM pg_class c WHERE c.relname LIKE 'report\_sum\_%' AND c.relkind = 'r'));
SQL
echo "# month $month (median of 7 runs, server time, ms)"

printf '%-12s %12s %12s %14s\n' report city_ms LX_ms command_city_ms
for r in entity inspection complaint rescue risk quality; do
	one() { # ORG
		analyst -v n="$r" -v f="$from" -v t="$to" -v o="$1" <<'SQL'
SELECT format('SELECT count(*) FROM api.report_%s(%L::date, %L::date, %s, NULL)', :'n', :'f', :'t',
              CASE WHEN :'o' = '' THEN 'NULL' ELSE quote_literal(:'o') END) AS q \gset
SELECT set_config('bench.q', :'q', false) \g /dev/null
CREATE TEMP TABLE ms (v float8);
DO $$
DECLARE
	t0 timestamptz;
	q text := current_setting('bench.q');
BEGIN
	FOR i IN 1..7 LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		INSERT INTO ms VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
END $$;
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY v)::numeric, 1) FROM ms;
SQL
	}
	city=$(one "")
	lx=n/a
	[ "$r" = quality ] || lx=$(one LX)
	start=$(date +%s%N)
	PGUSER=demo_analyst PGPASSWORD=demo "$bin" -C /dev/null report run "$r" --period "$month" --format csv >/dev/null 2>&1
	cmd=$((($(date +%s%N) - start) / 1000000))
	printf '%-12s %12s %12s %14s\n' "$r" "${city:-err}" "${lx:-err}" "$cmd"
done

# what the summaries cost a writer: one complaint updated 50 times, each its
# own statement, with and without the triggers (rolled back)
owner 2>&1 <<'SQL' | sed 's/^WARNING: */# /'
DO $$
DECLARE
	t0 timestamptz;
	target bigint := (SELECT max(id) FROM rights.complaint);
	with_t float8[] := '{}';
	without_t float8[] := '{}';
BEGIN
	FOR pass IN 1..2 LOOP
		IF pass = 2 THEN
			ALTER TABLE rights.complaint DISABLE TRIGGER report_sum_upd;
		END IF;
		FOR i IN 1..50 LOOP
			t0 := clock_timestamp();
			UPDATE rights.complaint SET recovered_amount = coalesce(recovered_amount, 0) + 1 WHERE id = target;
			IF pass = 1 THEN
				with_t := with_t || extract(epoch FROM clock_timestamp() - t0) * 1000;
			ELSE
				without_t := without_t || extract(epoch FROM clock_timestamp() - t0) * 1000;
			END IF;
		END LOOP;
	END LOOP;
	RAISE WARNING 'a one-row complaint update: % ms with the summary triggers, % ms without (median of 50)',
		(SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY v)::numeric, 2) FROM unnest(with_t) v),
		(SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY v)::numeric, 2) FROM unnest(without_t) v);
	RAISE EXCEPTION 'rolled back';
EXCEPTION WHEN raise_exception THEN
	NULL; -- the updates and the switched-off trigger are undone
END $$;
SQL

# staleness: commit a change, then read the report at once
before=$(analyst -c "SELECT recovered FROM api.report_complaint('$from', '$to', NULL, NULL) WHERE grp IS NULL")
id=$(owner -c "SELECT max(id) FROM rights.complaint WHERE received_at >= '$from' AND received_at < '$to'::date + 1")
if [ -n "$id" ]; then
	owner -c "UPDATE rights.complaint SET recovered_amount = coalesce(recovered_amount, 0) + 100 WHERE id = $id"
	after=$(analyst -c "SELECT recovered FROM api.report_complaint('$from', '$to', NULL, NULL) WHERE grp IS NULL")
	owner -c "UPDATE rights.complaint SET recovered_amount = recovered_amount - 100 WHERE id = $id"
	echo "# staleness: recovered $before before a committed +100, $after in the next report right after the commit"
	echo "#   (the summaries change in the writer's transaction: a figure is never stale)"
fi

owner <<'SQL' | sed 's/^/# /'
\timing on
BEGIN;
SELECT 'rebuild of every summary from the source tables (rows written):', meta.report_summary_rebuild();
ROLLBACK;
SELECT 'for scale, the plain GROUP BY over every complaint:',
       count(*) FROM (SELECT handling_org_id, date_trunc('month', received_at), channel_code, count(*)
                        FROM rights.complaint GROUP BY 1, 2, 3) g;
SQL
