#!/bin/bash
# Row-level security overhead: three everyday queries, each run for a while
# as a scoped operator and as the table owner (who is not subject to RLS),
# with the same SQL text. Prints median and p99 latency and their ratios
# (target: under 1.3x), and the scoped user's plan of each query, so that one
# can see the scope is an index key and not a per-row filter.
#
#   entity search   a 2-character name fragment by the bigram index, as the
#                   search box runs it (core.entity: no RLS on reading, by design)
#   entity 360      one entity with its complaints, reports, inspection
#                   results, cases, penalties, licences and credit records
#   profile         the 360° profile as the console loads it: api.entity_header,
#                   api.entity_facts (first page of every tab), api.entity_risk
#   complaint queue a district's open complaints, oldest first (RLS on
#                   rights.complaint, scope as an InitPlan index key)
#
# Run by bench/run (PGHOST, PGDATABASE, BENCH_OWNER_PW set). Latency is
# measured by pgbench, BENCH_RLS_SECONDS per query, mode and role (default
# 10), owner and scoped user taking turns. Two modes: extended (parse, plan
# and execute every time, as the console's PQexecParams does) and prepared
# (the plan cached, as in a PL/pgSQL function): row-level security costs a
# little planning per table it covers, and the difference shows it. BENCH_RLS_FILL=1 first fills an empty warehouse with
# synthetic entities and complaints (BENCH_RLS_ENTITIES, default 2000000,
# BENCH_RLS_COMPLAINTS, default 3000000) for when the generator has not run.
set -u
: "${PGHOST:?run through bench/run}" "${PGDATABASE:?run through bench/run}" "${BENCH_OWNER_PW:?}"
secs=${BENCH_RLS_SECONDS:-10}
user=demo_handler_lx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

owner_psql() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
user_psql() { PGUSER=$user PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

fill() {
	echo "# filling a synthetic warehouse: ${BENCH_RLS_ENTITIES:-2000000} entities," \
		"${BENCH_RLS_COMPLAINTS:-3000000} complaints (audit triggers off while loading)"
	owner_psql -v n_entities="${BENCH_RLS_ENTITIES:-2000000}" -v n_complaints="${BENCH_RLS_COMPLAINTS:-3000000}" <<'SQL'
SET synchronous_commit = off;
-- a valid USCC from its first 16 characters
CREATE FUNCTION pg_temp.uscc(p text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE pr text; c text := p || '00';
BEGIN
	pr := core.uscc_problem(c);
	IF pr LIKE 'org_check %' THEN c := p || substr(pr, 11, 1) || '0'; pr := core.uscc_problem(c); END IF;
	IF pr LIKE 'check %' THEN c := left(c, 17) || substr(pr, 7, 1); END IF;
	RETURN c;
END $$;
SELECT audit.note('bench_fill', jsonb_build_object('entities', :n_entities, 'complaints', :n_complaints));
ALTER TABLE core.entity DISABLE TRIGGER audit_insert;
ALTER TABLE rights.complaint DISABLE TRIGGER audit_insert;
CREATE TEMP TABLE st AS
	SELECT id, parent_id, division_code, row_number() OVER (ORDER BY id) - 1 AS n
	  FROM core.org_unit WHERE level = 'station';
INSERT INTO core.entity (uscc, name, entity_type_code, legal_rep_name, address, division_code, org_id,
                         reg_authority_org_id, established_on, source_system)
SELECT pg_temp.uscc('9132' || lpad(((g % 7) + 1)::text, 2, '0') || '00' || upper(lpad(to_hex(g), 8, '0'))),
       (ARRAY['无锡','锡山','惠山','梁溪','江阴','宜兴','滨湖','新吴'])[1 + g % 8] ||
       (ARRAY['红豆','华光','太湖','长江','东方','金鑫','宏达','恒通','永盛','佳诚'])[1 + (g / 8) % 10] ||
       (ARRAY['纺织','机械','电子','食品','餐饮','贸易','物业','科技','建材','百货'])[1 + (g / 80) % 10] ||
       '有限公司' || g,
       '1130', '张' || (g % 997), '无锡市某路' || g || '号', s.division_code, s.id, s.parent_id,
       date '2000-01-01' + (g % 8000), 'bench'
  FROM generate_series(1, :n_entities) g JOIN st s ON s.n = g % (SELECT count(*) FROM st);
CREATE TEMP TABLE dist AS
	SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM core.org_unit WHERE level = 'district';
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
    complainant_name, complainant_phone, complainant_address, respondent_name, respondent_address, entity_id,
    subject, request, facts, status, decided_at, mediation_started_at, closed_at, outcome, source_system)
SELECT 'BENCH' || lpad(g::text, 10, '0'), 'hotline_12315', t, d.id, d.id,
       '王' || (g % 1000), '139' || lpad((g % 100000000)::text, 8, '0'), '无锡市某区某路' || g || '号',
       '被投诉企业' || g, '无锡市某路' || g || '号',
       (SELECT min(id) FROM core.entity) + (g::bigint * 7919) % :n_entities, '商品', '退货退款', '商品有质量问题',
       CASE WHEN g % 50 = 0 THEN 'registered' ELSE 'closed' END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE t + interval '2 days' END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE t + interval '3 days' END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE t + interval '20 days' END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE 'agreement' END, 'bench'
  FROM generate_series(1, :n_complaints) g
  CROSS JOIN LATERAL (SELECT timestamptz '2023-01-01 08:00+08' + (g::float8 / :n_complaints) * interval '1100 days' AS t) tt
  JOIN dist d ON d.n = g % (SELECT count(*) FROM dist);
ALTER TABLE core.entity ENABLE TRIGGER audit_insert;
ALTER TABLE rights.complaint ENABLE TRIGGER audit_insert;
ANALYZE core.entity;
ANALYZE rights.complaint;
SQL
}

n_entities=$(owner_psql -c "SELECT count(*) FROM core.entity")
n_complaints=$(owner_psql -c "SELECT count(*) FROM rights.complaint")
if [ "${BENCH_RLS_FILL:-0}" = 1 ] && [ "$n_complaints" -lt 1000 ]; then
	fill || exit 1
	n_entities=$(owner_psql -c "SELECT count(*) FROM core.entity")
	n_complaints=$(owner_psql -c "SELECT count(*) FROM rights.complaint")
fi
echo "# warehouse: $n_entities entities, $n_complaints complaints; scoped user $user; ${secs}s per query and role"
if [ "$n_complaints" -lt 1000 ]; then
	echo "# too few complaints to measure (run the generator, or BENCH_RLS_FILL=1)"
	exit 0
fi

# The parameters: the user's district, a busy entity of it, a word of a name.
lx=$(owner_psql -c "SELECT id FROM core.org_unit WHERE code = 'LX'")
entity=$(owner_psql -c "SELECT entity_id FROM rights.complaint WHERE handling_org_id = $lx AND entity_id IS NOT NULL
                        GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 1")
# the 字号 of an entity half-way down the register (after 无锡市 or the district)
code=$(owner_psql -c "SELECT uscc FROM core.entity WHERE id = $entity")
word=$(owner_psql -c "SELECT substr(name, CASE WHEN name LIKE '无锡市%' THEN 4 ELSE 3 END, 2) FROM core.entity
                      ORDER BY id LIMIT 1 OFFSET $((n_entities / 2))")

cat >"$tmp/search.sql" <<'SQL'
SELECT id, uscc, name, address FROM core.entity
 WHERE core.search_bigrams(name) @> core.bigrams(core.search_norm(:word)) AND strpos(name, :word) > 0
 LIMIT 50;
SQL
cat >"$tmp/entity360.sql" <<'SQL'
SELECT e.id, e.uscc, e.name, e.legal_rep_name, e.address, e.status,
       (SELECT count(*) FROM rights.complaint c WHERE c.entity_id = e.id) AS complaints,
       (SELECT count(*) FROM rights.report r WHERE r.entity_id = e.id) AS reports,
       (SELECT count(*) FROM supervision.inspection_result x WHERE x.entity_id = e.id) AS inspections,
       (SELECT count(*) FROM supervision.enforcement_case k WHERE k.entity_id = e.id) AS cases,
       (SELECT count(*) FROM supervision.penalty p WHERE p.entity_id = e.id) AS penalties,
       (SELECT count(*) FROM supervision.licence l WHERE l.entity_id = e.id) AS licences,
       (SELECT count(*) FROM credit.abnormal_operation a WHERE a.entity_id = e.id) AS abnormal,
       (SELECT json_agg(c) FROM (SELECT c.complaint_no, c.received_at, c.status FROM rights.complaint c
                                  WHERE c.entity_id = e.id ORDER BY c.received_at DESC LIMIT 5) c) AS recent
  FROM core.entity e WHERE e.id = :entity;
SQL
cat >"$tmp/profile.sql" <<'SQL'
SELECT count(*) FROM api.entity_header(:code);
SELECT count(*) FROM api.entity_facts(:code);
SELECT count(*) FROM api.entity_risk(:code);
SQL
cat >"$tmp/queue.sql" <<'SQL'
SELECT id, complaint_no, received_at, status, respondent_name FROM rights.complaint
 WHERE handling_org_id = :lx AND status IN ('registered', 'accepted', 'mediating')
 ORDER BY received_at LIMIT 50;
SQL

# pgbench ROLE FILE SECONDS [LOGDIR]: runs FILE as ROLE; with LOGDIR, keeps
# the per-transaction log there.
bench() {
	local who=$1 file=$2 t=$3 dir=${4:-} pw=demo
	[ "$who" = smcon_owner ] && pw=$BENCH_OWNER_PW
	local args=(-n -M "$mode" -T "$t" -D word="$word" -D entity="$entity" -D code="$code" -D lx="$lx" -f "$file")
	[ -n "$dir" ] && args+=(-l --log-prefix="$dir")
	# the search box's function plans every search for its own fragment
	# (plan_cache_mode = force_custom_plan); a generic plan would not know it
	local opts=
	[ "$file" = "$tmp/search.sql" ] && opts="-c plan_cache_mode=force_custom_plan"
	PGOPTIONS=$opts PGUSER=$who PGPASSWORD=$pw pgbench "${args[@]}" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
}

# stats DIR: "median p99 count" (ms) of the latencies logged in DIR.
stats() {
	cat "$1"/r* 2>/dev/null | awk '{print $3}' | sort -n | awk '
		{ v[NR] = $1 }
		END { if (NR == 0) { print "- - 0"; exit }
		      p = int(NR * 0.99); if (p < 1) p = 1
		      printf "%.3f %.3f %d\n", v[int((NR + 1) / 2)] / 1000, v[p] / 1000, NR }'
}

# measure FILE: owner and scoped user take turns (rounds of secs/rounds
# seconds each), so that both meet the same load on the machine.
rounds=${BENCH_RLS_ROUNDS:-5}
measure() {
	local file=$1 t
	t=$(awk -v s="$secs" -v r="$rounds" 'BEGIN { t = s / r; print (t < 1 ? 1 : int(t)) }')
	rm -rf "$tmp/owner" "$tmp/user"
	mkdir -p "$tmp/owner" "$tmp/user"
	bench smcon_owner "$file" 1 && bench $user "$file" 1 || return 1
	for ((i = 0; i < rounds; i++)); do
		bench smcon_owner "$file" "$t" "$tmp/owner/r$i" && bench $user "$file" "$t" "$tmp/user/r$i" || return 1
	done
}

printf '%-10s %-9s %20s %20s %14s\n' query mode "owner med/p99 ms" "scoped med/p99 ms" "ratio med/p99"
for q in search entity360 profile queue; do
	for mode in extended prepared; do
		measure "$tmp/$q.sql" || { echo "$q $mode: failed"; continue; }
		read -r om op on < <(stats "$tmp/owner")
		read -r um up un < <(stats "$tmp/user")
		printf '%-10s %-9s %20s %20s %14s\n' "$q" "$mode" "$om / $op" "$um / $up" \
			"$(awk -v a="$um" -v b="$om" -v c="$up" -v d="$op" 'BEGIN { printf "%.2f / %.2f", a / b, c / d }')"
		echo "#   runs: owner $on, scoped $un"
	done
done

echo "# the scoped user's plans (scope column as an index key, InitPlan once per query):"
for q in search entity360 queue; do
	echo "## $q"
	sed -e "s/:word/'$word'/g" -e "s/:entity/$entity/g" -e "s/:lx/$lx/g" "$tmp/$q.sql" |
		sed '1s/^/EXPLAIN (COSTS OFF) /' | user_psql | sed 's/^/#   /' |
		grep -E 'Scan|InitPlan|Index Cond|Filter|Limit|Sort' | head -20
done
