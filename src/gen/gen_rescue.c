/* 96333: elevator emergency calls over the last years — about twenty people
 * trapped a day at 110,000 elevators — with each workflow step's time in
 * order (received, identified, level-1 dispatch, acknowledged, en route,
 * arrived, released, closed, callback), escalations to level 2 and 3, and
 * the cause recorded at close. Calls still open on the as-of date stop at
 * the step they had reached. */
#include <stdlib.h>
#include <string.h>

#include "gen/gen_codes.h"
#include "gen/gen_themes.h"

static const char SQL_INCIDENT[] =
    "COPY rights.rescue_incident (id, incident_no, kind, received_at, received_by_staff_id, "
    "caller_name, "
    "caller_phone, rescue_code_given, location_given, elevator_id, district_org_id, identified_at, "
    "trapped_count, injured, level1_entity_id, level1_dispatched_at, acknowledged_at, en_route_at, "
    "arrived_at, arrival_limit_minutes, level2_entity_id, level2_station_id, level2_dispatched_at, "
    "level2_reason, level3_dispatched_at, level3_reason, released_at, released_count, status, "
    "closed_at, "
    "cause_code, cause_note, callback_at, callback_result, note, source_system) FROM STDIN";

/* The steps of the generated history, from the step times of each incident
 * (the desk writes them one by one as dispatchers act). */
static const char SQL_STEPS[] =
    "INSERT INTO rights.rescue_step (incident_id, step, at, staff_id, to_state, level, target, "
    "version) "
    "SELECT i.id, s.step, s.at, CASE WHEN s.step = 'received' THEN i.received_by_staff_id END, "
    "       CASE WHEN s.step IN ('level2', 'level3') THEN "
    "            CASE WHEN i.arrived_at <= s.at THEN 'arrived' WHEN i.en_route_at <= s.at THEN "
    "'en_route' "
    "                 WHEN i.acknowledged_at <= s.at THEN 'acknowledged' "
    "                 WHEN i.level1_dispatched_at <= s.at OR s.step = 'level2' THEN 'dispatched' "
    "                 ELSE 'received' END "
    "            WHEN s.step = 'callback' THEN 'callback_done' ELSE s.step END, "
    "       s.level, s.target, 0 "
    "  FROM rights.rescue_incident i CROSS JOIN LATERAL (VALUES "
    "       ('received', i.received_at, NULL::smallint, NULL::text), "
    "       ('dispatched', i.level1_dispatched_at, 1::smallint, NULL), "
    "       ('acknowledged', i.acknowledged_at, NULL, NULL), ('en_route', i.en_route_at, NULL, "
    "NULL), "
    "       ('level2', i.level2_dispatched_at, 2::smallint, NULL), "
    "       ('level3', i.level3_dispatched_at, 3::smallint, '119'), ('arrived', i.arrived_at, "
    "NULL, NULL), "
    "       ('released', i.released_at, NULL, NULL), "
    "       (CASE WHEN i.status = 'cancelled' THEN 'cancelled' ELSE 'closed' END, i.closed_at, "
    "NULL, NULL), "
    "       ('callback', i.callback_at, NULL, NULL)) AS s (step, at, level, target) "
    " WHERE s.at IS NOT NULL ORDER BY i.id, s.at";

static const char *const causes[] = {"power_cut", "water_ingress", "door_blocked", "forced_door",
                                     "overload",  "door_fault",    "drive_fault",  "other"};
static const int cause_w[] = {10, 1, 15, 5, 5, 35, 20, 9};
static const char *const cause_notes[] = {"小区突然停电，电梯停在两层之间",
                                          "暴雨积水进入底坑",
                                          "乘客用物品阻挡轿门",
                                          "乘客强行扒门",
                                          "乘客在轿厢内蹦跳",
                                          "层门门锁触点接触不良",
                                          "变频器故障报警",
                                          "原因待维保单位进一步排查"};

struct steps {
	int64_t t[9]; /* received … callback; GEN_NO_TS when not taken */
	int64_t level2, level3;
};

/* A call's steps from receipt, cut at the as-of moment. */
static int plan_steps(struct rng *r, int64_t received, int kind, int urban, struct steps *s,
                      int *late)
{
	int64_t t = received;
	static const int gap_lo[9] = {0, 20, 20, 20, 30, 0, 60, 300, 3600};
	static const int gap_hi[9] = {0, 120, 60, 170, 300, 0, 600, 3600, 86400};
	s->t[0] = t;
	for (int k = 1; k < 9; k++) {
		int gap;
		if (k == 5) { /* travel time: ~13 minutes on average, some late */
			*late = rng_chance(r, 0.04);
			gap = *late ? (urban ? 31 : 61) * 60 + (int)rng_below(r, 1200)
			            : 240 + (int)rng_below(r, urban ? 1380 : 2700);
		} else {
			gap = gap_lo[k] + (int)rng_below(r, (uint64_t)(gap_hi[k] - gap_lo[k] + 1));
		}
		t += gap;
		s->t[k] = t;
	}
	if (kind != 0)
		s->t[6] = GEN_NO_TS; /* nobody trapped: nobody released */
	s->level2 = rng_chance(r, 0.05) ? s->t[2] + 180 + (int64_t)rng_below(r, 420) : GEN_NO_TS;
	s->level3 = rng_chance(r, 0.01) ? s->t[1] + 300 + (int64_t)rng_below(r, 600) : GEN_NO_TS;
	if (s->level2 != GEN_NO_TS && s->t[6] != GEN_NO_TS && s->level2 > s->t[6])
		s->level2 = s->t[6];
	if (s->level3 != GEN_NO_TS && s->t[6] != GEN_NO_TS && s->level3 > s->t[6])
		s->level3 = s->t[6];
	if (s->level2 != GEN_NO_TS && s->level2 > s->t[7])
		s->level2 = s->t[7];
	if (s->level3 != GEN_NO_TS && s->level3 > s->t[7])
		s->level3 = s->t[7];
	return 0;
}

static void put_step(struct copy *c, int64_t t, int64_t h)
{
	gen_put_ts(c, t != GEN_NO_TS && t < h ? t : GEN_NO_TS);
}

/* An elevator in use on day, or -1. */
static long pick_elevator(const struct gen_world *w, struct rng *r, int day)
{
	for (int tries = 0; tries < 12; tries++) {
		long k = (long)rng_below(r, (uint64_t)w->nelev);
		if (w->elev[k].commissioned < day && w->elev[k].status <= 1)
			return k;
	}
	return -1;
}

static void incident_row(struct gen_world *w, struct gen_sink *s, struct rng *r, long id, long k,
                         int64_t received, int seq)
{
	const struct gen_elev *e = &w->elev[k];
	int64_t h = gen_moment(w->today, 0);
	int kind = rng_weighted(r, (const int[]){75, 20, 5}, 3);
	int cancelled = rng_chance(r, 0.03);
	int late = 0;
	struct steps st;
	plan_steps(r, received, kind, e->urban, &st, &late);
	if (cancelled)
		for (int j = 2; j < 9; j++)
			st.t[j] = GEN_NO_TS;
	int64_t closed = cancelled ? received + 300 + (int64_t)rng_below(r, 600) : st.t[7];
	const char *status = closed < h ? (cancelled ? "cancelled" : "closed") : "open";
	int open = status[0] == 'o';
	int trapped = kind == 0 ? 1 + (int)rng_below(r, 4) : 0;
	int code_given = rng_chance(r, 0.85);
	struct strbuf v = STRBUF_INIT;
	int y, m, d;
	gen_ymd((int)(received / 86400), &y, &m, &d);
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "WX96333-%04d%02d%02d-%04d", y, m, d, seq);
	copy_field(&s->c, kind == 0 ? "trapped" : kind == 1 ? "fault" : "other");
	gen_put_ts(&s->c, received);
	int who = gen_pick_staff(w, r, w->city, 0);
	gen_put_id(&s->c, who >= 0 ? w->staff[who].id : 0);
	gen_person_name(r, &v);
	copy_field(&s->c, rng_chance(r, 0.6) ? strbuf_str(&v) : NULL);
	strbuf_reset(&v);
	gen_phone(r, &v);
	copy_field(&s->c, strbuf_str(&v));
	strbuf_reset(&v);
	if (code_given && k < 900000)
		gen_rescue_code((uint64_t)k, w->seed ^ 0x96333, &v);
	copy_field(&s->c, v.len ? strbuf_str(&v) : NULL);
	copy_fieldf(&s->c, "%s附近", gen_text_at(w, w->ent[e->ent].addr));
	int identified = st.t[1] < h;
	gen_put_id(&s->c, identified ? k + 1 : 0);
	gen_put_id(&s->c, identified ? w->org[e->district].id : 0);
	put_step(&s->c, st.t[1], h);
	copy_int(&s->c, trapped);
	int injured = kind == 0 && st.level3 != GEN_NO_TS && rng_chance(r, 0.5);
	gen_put_bool(&s->c, injured);
	int dispatched = st.t[2] != GEN_NO_TS && st.t[2] < h;
	gen_put_id(&s->c, dispatched ? e->maint + 1 : 0);
	put_step(&s->c, st.t[2], h);
	put_step(&s->c, st.level2 != GEN_NO_TS && rng_chance(r, 0.5) ? GEN_NO_TS : st.t[3], h);
	put_step(&s->c, st.t[4], h);
	put_step(&s->c, st.t[5], h);
	if (dispatched)
		copy_int(&s->c, e->urban ? 30 : 60);
	else
		copy_field(&s->c, NULL);
	int l2 = st.level2 != GEN_NO_TS && st.level2 < h && dispatched;
	const struct gen_list *mu = &w->role[7];
	long other = mu->n > 1 ? (long)mu->v[rng_below(r, (uint64_t)mu->n)] : -1;
	int by_station = other < 0 || other == (long)e->maint || rng_chance(r, 0.5);
	gen_put_id(&s->c, l2 && !by_station ? other + 1 : 0);
	gen_put_id(&s->c,
	           l2 && by_station ? 1 + (long)rng_below(r, (uint64_t)w->nrescue_stations) : 0);
	put_step(&s->c, l2 ? st.level2 : GEN_NO_TS, h);
	copy_field(&s->c,
	           l2 ? (late ? "一级响应单位预计无法按时到场" : "一级响应单位超时未响应") : NULL);
	int l3 = st.level3 != GEN_NO_TS && st.level3 < h && !cancelled;
	put_step(&s->c, l3 ? st.level3 : GEN_NO_TS, h);
	copy_field(&s->c,
	           l3 ? (injured ? "被困人员受伤，通知 119" : "现场无法实施救援，通知 119") : NULL);
	put_step(&s->c, st.t[6], h);
	if (st.t[6] != GEN_NO_TS && st.t[6] < h)
		copy_int(&s->c, trapped);
	else
		copy_field(&s->c, NULL);
	copy_field(&s->c, status);
	gen_put_ts(&s->c, open ? GEN_NO_TS : closed);
	int c = rng_weighted(r, cause_w, 8);
	copy_field(&s->c, open || cancelled ? NULL : causes[c]);
	copy_field(&s->c, open || cancelled ? NULL : cause_notes[c]);
	int callback = !open && !cancelled && st.t[8] < h &&
	               rng_chance(r, 0.98); /* a few without: the quality rules look for them */
	put_step(&s->c, callback ? st.t[8] : GEN_NO_TS, h);
	copy_field(&s->c, callback ? (rng_chance(r, 0.1)    ? "unreachable"
	                              : rng_chance(r, 0.06) ? "unsatisfied"
	                                                    : "satisfied")
	                           : NULL);
	copy_field(&s->c, cancelled ? "报警人误报，核实后撤销" : NULL);
	copy_field(&s->c, "96333 平台");
	strbuf_free(&v);
	if (received >= gen_moment(w->today - 365, 0)) {
		w->tally[e->ent].incidents++;
		w->tally[e->ent].incident_id = (uint32_t)id;
	}
}

enum status gen_write_rescue(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	if (w->nelev == 0)
		return w->st;
	int ndays = w->n.incident_years * 365, d0 = w->today - ndays;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "rights.rescue_incident", SQL_INCIDENT) != ST_OK)
		return w->st;
	for (int k = 0; k < ndays && w->st == ST_OK; k++) {
		/* more calls as the stock of elevators grows */
		double share = 0.75 + 0.25 * k / ndays;
		double mean = (double)w->n.incidents * share / ndays / 0.875;
		long n = (long)mean + (rng_unit(&r) < mean - (double)(long)mean);
		int seq = 0;
		for (long j = 0; j < n; j++) {
			long e = pick_elevator(w, &r, d0 + k);
			if (e < 0)
				continue;
			incident_row(w, &s, &r, ++id, e, gen_moment_on(&r, d0 + k, 1), ++seq);
			gen_sink_row(&s);
		}
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	if (db_command(w->db, SQL_STEPS, 0, NULL, &w->err) != ST_OK)
		w->st = w->err.status;
	return w->st;
}
