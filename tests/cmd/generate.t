#!/bin/bash
# db generate: fills an empty warehouse, the same data for the same seed,
# refuses a warehouse with data and a non-owner, and leaves nothing behind
# when it fails. Then what the data looks like.
. "$(dirname "$0")/../lib/env.sh"

SCALE=1500
AS_OF=2026-06-30

# empty_db NAME: a freshly migrated warehouse database without data or accounts.
empty_db() {
	psql_su -d postgres -c "CREATE DATABASE $1 OWNER smcon_owner" >/dev/null
	at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'"
	owner_run "$1" db migrate >/dev/null
}
owner_run() {
	local db=$1
	shift
	out=$(PGUSER=smcon_owner PGPASSWORD=$(owner_pw) "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" "$@" 2>"$SCRATCH/e")
	rc=$?
	err=$(cat "$SCRATCH/e")
}
q() { # q DB -c SQL…: values, as the owner
	local db=$1
	shift
	PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner "$@"
}

su_q() { # su_q DB -c SQL…: values, as the superuser
	local db=$1
	shift
	psql_su -d "$db" -XAt "$@"
}

# A digest of every table of the themes, without the columns that say when
# the rows were loaded.
digest() {
	PASSWORD=$(owner_pw) DB=$1 psql_as smcon_owner <<'SQL'
CREATE FUNCTION pg_temp.digest(t regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	cols text;
	r text;
BEGIN
	SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols
	  FROM pg_attribute
	 WHERE attrelid = t AND attnum > 0 AND NOT attisdropped
	   AND attname NOT IN ('loaded_at', 'created_at', 'updated_at');
	EXECUTE format('SELECT md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM (SELECT %s FROM %s) x',
	               cols, t) INTO r;
	RETURN r;
END $$;
SELECT md5(string_agg(pg_temp.digest(c.oid), '' ORDER BY n.nspname, c.relname))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug',
                                         'credit', 'price', 'ip', 'nqi', 'cogov');
SQL
}

# The tables of the themes that have no rows, by name.
empty_tables() {
	q "$1" -c "SELECT coalesce(string_agg(format('%s.%s', n.nspname, c.relname), ' ' ORDER BY format('%s.%s', n.nspname, c.relname)), '')
	             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	            WHERE c.relkind = 'r' AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment',
	                                                    'fooddrug', 'credit', 'price', 'ip', 'nqi', 'cogov')
	              AND (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname,
	                                                               c.relname), false, true, '')))[1]::text = '0'"
}

a="t_gen_a_$$"
b="t_gen_b_$$"
c="t_gen_c_$$"
empty_db "$a"
empty_db "$b"
empty_db "$c"

run_db "$a" demo_admin db generate --scale 10
is "$rc" 3 "db generate as a non-owner exits 3"
contains "$err" "不是数据仓库所有者" "  ... and says why"

owner_run "$a" db generate
is "$rc" 2 "db generate without --scale exits 2"
owner_run "$a" db generate --scale 0
is "$rc" 2 "a scale of 0 is refused (exit 2)"
owner_run "$a" db generate --scale 10 --as-of 2026-02-30
is "$rc" 2 "an as-of date that does not exist is refused (exit 2)"
contains "$err" "2026-02-30" "  ... naming it"

# Audit triggers (audit_*) are switched off while loading and on again
# after; audit.note() hears of every table. Where the warehouse has no audit
# log of its own, a stand-in records the notes.
if [ "$(q "$a" -c "SELECT to_regprocedure('audit.note(text, jsonb)') IS NULL")" = t ]; then
	q "$a" -c "CREATE SCHEMA audit" \
		-c "CREATE TABLE audit.gen_note (kind text, detail jsonb)" \
		-c "CREATE FUNCTION audit.note(kind text, detail jsonb) RETURNS void LANGUAGE sql AS 'INSERT INTO audit.gen_note VALUES (kind, detail)'"
	notes="SELECT detail FROM audit.gen_note WHERE kind = 'generate'"
	notes_as=q
else
	notes="SELECT detail FROM audit.log WHERE action = 'note' AND detail->>'kind' = 'generate'"
	notes_as=su_q
fi
q "$a" -c "CREATE FUNCTION public.gen_t_refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit trigger fired''; END'" \
	-c "CREATE TRIGGER audit_gen_t AFTER INSERT ON rights.complaint FOR EACH STATEMENT EXECUTE FUNCTION public.gen_t_refuse()" \
	-c "COMMENT ON CONSTRAINT entity_uscc_matches_type ON core.entity IS '主体类型与统一社会信用代码前两位不符'" \
	-c "COMMENT ON INDEX rights.complaint_entity_id_idx IS '按主体查投诉'"
audit_on=$(q "$a" -c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'audit\_%' AND tgenabled <> 'D'")

owner_run "$a" db generate --scale $SCALE --seed 7 --as-of $AS_OF
is "$rc" 0 "generating $SCALE entities into an empty warehouse exits 0"
like "$out" '^  core\.entity +[0-9]+ 行' "  ... reporting each table's rows"
like "$out" '^完成：共 [0-9]+ 行，用时 .*数据库大小' "  ... and the total, the time and the database size"
[ "$rc" -eq 0 ] || diag "$err"
is "$(q "$a" -c "SELECT count(*) FROM core.entity WHERE uscc_prefix IN ('91', '92', '93')")" "$SCALE" \
	"  ... exactly --scale market entities"
is "$(q "$a" -c "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_gen_t'")" "O" \
	"an audit_ trigger is on again afterwards (it was off while loading)"
is "$(q "$a" -c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'audit\_%' AND tgenabled <> 'D'")" "$audit_on" \
	"  ... and so is every other"
loaded=$(printf '%s\n' "$out" | sed -n 's/^  \([a-z_0-9]*\.[a-z_0-9]*\) .*/\1/p' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
is "$($notes_as "$a" -c "SELECT string_agg(t, ' ' ORDER BY t COLLATE \"C\") FROM (SELECT DISTINCT d->>'table' AS t FROM ($notes) n (d)
                 WHERE (d->>'seed')::int = 7) x")" "$loaded" \
	"audit.note() is told of every table generated"
is "$(q "$a" -c "SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'entity_uscc_matches_type'")|$(q "$a" -c "SELECT obj_description('rights.complaint_entity_id_idx'::regclass, 'pg_class')")" \
	"主体类型与统一社会信用代码前两位不符|按主体查投诉" \
	"  ... and they keep their comments (the importer's messages come from them)"
is "$(q "$a" -c "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'complaint_entity_id_idx' AND i.indisvalid")" 1 \
	"indexes dropped for loading are there again"
is "$(q "$a" -c "SELECT count(*) FROM pg_constraint WHERE conname = 'entity_uscc_matches_type' AND convalidated")" 1 \
	"foreign keys dropped for loading are there again, validated"
is "$(q "$a" -c "SELECT last_value >= (SELECT max(id) FROM rights.complaint) FROM rights.complaint_id_seq")" t \
	"identity sequences continue after the generated ids"

# Every table of every theme has rows, but those written only by people at
# work (candidates proposed for a plan from an entity's profile; the frozen
# snapshots of a draw made in the console and earlier versions of a result
# corrected after confirmation: the generated history comes from the old
# platform, which kept neither; the 12315 desk's step log).
empty=$(empty_tables "$a" | tr ' ' '\n' |
	grep -vx -e 'supervision\.plan_candidate' -e 'supervision\.draw_candidate' -e 'supervision\.draw_chunk' -e 'supervision\.draw_pool' \
		-e 'supervision\.inspection_result_version' -e 'rights\.desk_event' | tr '\n' ' ' | sed 's/ $//')
is "$empty" "" "every table of every theme has rows"

owner_run "$a" db generate --scale 10
is "$rc" 5 "generating into a warehouse that has data exits 5"
contains "$err" "数据仓库已有数据" "  ... and says why"
is "$(q "$a" -c "SELECT count(*) FROM core.entity")" "$(( SCALE + 7 ))" "  ... and adds nothing"

owner_run "$b" db generate --scale $SCALE --seed 7 --as-of $AS_OF
is "$rc" 0 "the same seed, scale and date into another warehouse"
da=$(digest "$a")
db=$(digest "$b")
like "$da" '^[0-9a-f]{32}$' "  ... a digest of every theme table"
is "$db" "$da" "  ... give byte-identical data"

# A run that fails half-way leaves nothing behind: 5-digit rescue codes refuse the elevators.
q "$c" -c "UPDATE core.setting SET value = '5' WHERE key = 'rescue_code_length'"
owner_run "$c" db generate --scale 300 --seed 7 --as-of $AS_OF
isnt_zero=$([ "$rc" -ne 0 ] && echo yes)
is "$isnt_zero" yes "a run that breaks a rule half-way fails"
contains "$err" "生成失败" "  ... saying it was rolled back"
is "$(q "$c" -c "SELECT (SELECT count(*) FROM core.entity) + (SELECT count(*) FROM rights.complaint) + (SELECT count(*) FROM core.staff)")" 0 \
	"  ... and leaves no row behind"
q "$c" -c "UPDATE core.setting SET value = '6' WHERE key = 'rescue_code_length'"
owner_run "$c" db generate --scale $SCALE --seed 8 --as-of $AS_OF
is "$rc" 0 "another seed"
isnt_same=$([ "$(digest "$c")" != "$da" ] && echo yes)
is "$isnt_same" yes "  ... gives other data"

# ---- what the data looks like ----
ent() { q "$a" -c "$1"; }
is "$(ent "SELECT count(*) FROM core.entity WHERE core.uscc_problem(uscc) IS NOT NULL")" 0 "every USCC is valid"
is "$(ent "SELECT bool_and(established_on < '2015-10-01') AND bool_and(division_code = '320213') AND count(*) > 0
           FROM core.entity WHERE reg_division_code IN ('320202', '320203', '320204')")" t \
	"codes of the retired 崇安/南长/北塘 districts are on old 梁溪区 entities only"
is "$(ent "SELECT count(*) FROM core.entity WHERE uscc_prefix IN ('91','92','93')
           AND (established_on < '2015-10-01') <> (reg_no IS NOT NULL)")" 0 \
	"entities registered before the 2015 reform, and only they, carry a 15-digit 注册号"
is "$(ent "SELECT count(*) FROM core.entity e JOIN core.org_unit s ON s.id = e.org_id
           WHERE s.level <> 'station' OR s.parent_id <> e.reg_authority_org_id")" 0 \
	"each entity's station belongs to the bureau that registered it"
share=$(ent "SELECT round(100.0 * count(*) FILTER (WHERE uscc_prefix = '92') / count(*)) FROM core.entity WHERE uscc_prefix IN ('91','92','93')")
like "$share" '^(6[3-9]|7[0-5])$' "about 70 % of the entities are 个体工商户 ($share %)"
is "$(ent "SELECT count(*) FROM core.entity WHERE status NOT IN ('active', 'dormant') AND status_changed_on IS NULL")" 0 \
	"every entity that left the register says when"
is "$(ent "SELECT count(*) > 0 FROM core.entity_change c JOIN core.entity_former_name f ON f.entity_id = c.entity_id
           AND f.name = c.before_value AND f.used_to = c.changed_on WHERE c.item = '名称变更'")" t \
	"a former name comes with the change record that made it"
ratio=$(ent "SELECT round((SELECT count(*) FROM rights.complaint)::numeric / $SCALE, 1)")
is "$ratio" "1.5" "1.5 complaints per entity (3,000,000 at 2,000,000)"
is "$(ent "SELECT round((SELECT count(*) FROM rights.consultation)::numeric / (SELECT count(*) FROM rights.complaint), 1)")" "2.2" \
	"consultations to complaints as in Wuxi's 12315 (95,632 : 43,528)"
is "$(ent "SELECT count(*) FROM equipment.elevator WHERE length(rescue_code) <> 6 OR registration_code !~ '^[0-9]{20}$'")" 0 \
	"elevators have 6-digit rescue codes and 20-digit registration codes"
is "$(ent "SELECT count(*) FROM equipment.elevator e JOIN core.entity m ON m.id = e.maintenance_entity_id
           JOIN equipment.maintenance_unit u ON u.entity_id = m.id")" "$(ent "SELECT count(*) FROM equipment.elevator")" \
	"every elevator is maintained by a registered maintenance unit"
is "$(ent "SELECT count(*) > 0 FROM equipment.elevator WHERE next_inspection_due < DATE '$AS_OF'")" t \
	"some elevators are overdue for inspection"
is "$(ent "SELECT count(*) FROM rights.rescue_incident i JOIN equipment.elevator e ON e.id = i.elevator_id
           WHERE i.district_org_id <> e.district_org_id")" 0 "a 96333 incident is in its elevator's district"
is "$(ent "SELECT count(*) FROM supervision.inspection_task t
           WHERE t.status IN ('dispatched', 'inspecting', 'done')
             AND (SELECT count(*) FROM supervision.task_inspector i JOIN core.staff s ON s.id = i.staff_id
                   WHERE i.task_id = t.id AND s.credential_no IS NOT NULL) < 2")" 0 \
	"every dispatched inspection task has two credentialed inspectors"
is "$(ent "SELECT count(*) FROM fooddrug.food_licence l JOIN core.entity e ON e.id = l.entity_id
           WHERE l.kind = 'production' AND e.industry_code !~ '^1[345]'")" 0 "food production licences go to food makers"
is "$(ent "SELECT count(*) FROM core.entity WHERE risk_grade IS DISTINCT FROM
           (SELECT h.grade FROM credit.risk_grade_history h WHERE h.entity_id = entity.id ORDER BY assessed_on DESC LIMIT 1)")" 0 \
	"an entity's risk grade is its latest assessment"
is "$(ent "SELECT count(*) > 0 FROM credit.risk_grade_fact WHERE source_table IS NOT NULL")" t \
	"risk grades name the facts that made them"

is "$(ent "SELECT count(*) FROM equipment.elevator e
           WHERE last_maintained_on IS DISTINCT FROM (SELECT max(maintained_on) FROM equipment.maintenance_record m WHERE m.elevator_id = e.id)
              OR next_inspection_due IS DISTINCT FROM (SELECT p.next_due_on FROM equipment.periodic_inspection p
                                                      WHERE p.elevator_id = e.id ORDER BY p.inspected_on DESC LIMIT 1)")" 0 \
	"an elevator shows its latest maintenance and inspection"
is "$(ent "SELECT count(*) FROM rights.complaint WHERE received_at >= DATE '$AS_OF' OR decided_at >= DATE '$AS_OF'
              OR closed_at >= DATE '$AS_OF'")" 0 "nothing has happened yet on the as-of date"

# The 360° view of an entity is rarely empty: at least four themes (its
# registration history and contacts count for the entity master) for 80 % of
# 200 entities taken at random among those in business for a year or more
# (a shop opened last month has no annual report yet, and little else).
full=$(ent "WITH e AS (SELECT id FROM core.entity WHERE uscc_prefix IN ('91','92','93') AND status = 'active'
                         AND established_on < DATE '$AS_OF' - 365
                      ORDER BY md5(id::text) LIMIT 200)
SELECT count(*) FILTER (WHERE themes >= 4) FROM (
  SELECT e.id,
    (EXISTS (SELECT 1 FROM core.entity_change x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM core.entity_contact x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM supervision.licence x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM supervision.inspection_object x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM supervision.enforcement_case x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM rights.complaint x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM rights.report x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM credit.annual_report x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM credit.abnormal_operation x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM credit.risk_grade_history x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM fooddrug.food_licence x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM fooddrug.pharma_licence x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM fooddrug.sampling x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM product.entity_product x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM product.measuring_instrument x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM equipment.elevator x WHERE x.entity_id = e.id OR x.maintenance_entity_id = e.id)
      OR EXISTS (SELECT 1 FROM equipment.special_equipment x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM price.fee_inspection x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM ip.trademark x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM ip.patent x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM nqi.certificate x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM nqi.standard_declaration x WHERE x.entity_id = e.id))::int
  + (EXISTS (SELECT 1 FROM cogov.open_kitchen x WHERE x.entity_id = e.id)
      OR EXISTS (SELECT 1 FROM cogov.quick_test x WHERE x.entity_id = e.id))::int AS themes
  FROM e) t")
ok80=$([ "${full:-0}" -ge 160 ] && echo yes)
is "$ok80" yes "the 360° view: ${full:-?} of 200 entities in business have rows in at least four themes"
done_testing
