/* The data generator's world: what every theme generator needs to know about
 * the warehouse being filled — the org units, the industries, the market
 * entities made so far (compactly, in memory), the staff, and the facts one
 * theme leaves for the next (an inspection that found an entity unreachable
 * becomes an abnormal-list entry, a report that opened a case …). Rows go to
 * the database through a sink that streams COPY and reports progress. */
#ifndef SMCON_GEN_WORLD_H
#define SMCON_GEN_WORLD_H

#include <stdint.h>

#include "db/copy.h"
#include "gen/gen_plan.h"
#include "gen/gen_rng.h"
#include "gen/gen_text.h"

#define GEN_NULL    INT32_MIN /* a date that is not there */
#define GEN_NO_TS   INT64_MIN /* a moment that is not there */
#define GEN_AREAS   8         /* the seven districts and 经开区 */
#define GEN_AREA_JK 7         /* 经开区: 滨湖区 territory, a bureau of its own */

enum gen_kind { GK_ENTERPRISE, GK_INDIVIDUAL, GK_COOP, GK_OTHER };
enum gen_status { GS_ACTIVE, GS_DORMANT, GS_MOVED_OUT, GS_REVOKED, GS_DEREGISTERED, GS_ANNULLED };

/* What an entity does, as far as the themes care (bits of gen_ent.roles). */
enum gen_role {
	GR_FOOD_SALE = 1 << 0,  /* sells food: JY licence (食品销售) */
	GR_CATERING = 1 << 1,   /* restaurant: JY licence (餐饮服务) */
	GR_FOOD_MAKER = 1 << 2, /* food factory: SC licence */
	GR_PHARMACY = 1 << 3,   /* drug retail */
	GR_DEVICE = 1 << 4,     /* medical devices */
	GR_MAKER = 1 << 5,      /* manufacturer */
	GR_ESTATE = 1 << 6,     /* property management, real estate: elevators */
	GR_MAINTAINER = 1 << 7, /* elevator maintenance unit */
	GR_MARKET = 1 << 8,     /* runs a farmers' market */
	GR_STALL = 1 << 9,      /* fresh-food stall */
	GR_FUEL = 1 << 10,      /* petrol station */
	GR_LAB = 1 << 11,       /* testing laboratory */
	GR_CONSUMER = 1 << 12,  /* deals with consumers: complaints */
	GR_TECH = 1 << 13,      /* research, software: patents */
	GR_HOTEL = 1 << 14,
	GR_SHOP = 1 << 15,   /* department store, supermarket */
	GR_CLINIC = 1 << 16, /* hospital, clinic */
	GR_LOGISTICS = 1 << 17,
	GR_SERVICE = 1 << 18,   /* barber, repair, laundry …: price tagging */
	GR_INSTITUTE = 1 << 19, /* a public institution of the bureau (事业单位) */
	GR_FARM = 1 << 20,      /* grows or raises food */
};
#define GEN_ROLES 21

/* One market entity, compactly: id = index + 1. */
struct gen_ent {
	int32_t born;      /* established (days since 1970-01-01) */
	int32_t ended;     /* date of the status change, GEN_NULL when active */
	uint32_t name;     /* offset of the name in the text arena */
	uint32_t addr;     /* offset of the address */
	uint32_t trade;    /* offset of the trade name (字号), for trademarks; 0 = none */
	uint32_t rep;      /* offset of the legal representative's name */
	uint32_t capital;  /* registered capital in hundredths of 万元, 0 = none */
	uint32_t roles;    /* enum gen_role bits */
	uint16_t industry; /* index into world.ind */
	uint8_t area;      /* 0..6 gen_districts, GEN_AREA_JK */
	uint8_t station;   /* index into world.org */
	uint8_t kind;      /* enum gen_kind */
	uint8_t status;    /* enum gen_status */
};

struct gen_org {
	long id;
	char *code, *name, *short_name;
	int level;  /* 0 city, 1 district, 2 station */
	int parent; /* index, -1 for the city */
	int area;   /* -1 for the city */
};

struct gen_area {
	int district;    /* index of the district bureau in world.org */
	int stations[8]; /* indexes of its stations */
	int nstations;
	const struct gen_district *d; /* for addresses and division codes */
};

struct gen_industry {
	char code[5];
	char section;
	char *name;
};

/* A person on the bureau's staff the generator made (inspectors, handlers …). */
struct gen_staff {
	long id;
	int org;        /* index into world.org */
	int credential; /* holds an enforcement credential */
	uint32_t name;  /* offset in the text arena */
};

/* A list of entity indexes (one per role). */
struct gen_list {
	uint32_t *v;
	long n, cap;
};

/* What the risk grading needs to know about each entity, gathered as the
 * themes are written: counts in the year before the as-of date, and the
 * latest row of each kind (0 = none). */
struct gen_tally {
	uint32_t complaint_id, report_id, penalty_id, problem_result_id, abnormal_id, serious_id,
	    incident_id;
	uint16_t complaints, reports, incidents, penalties, late_reports;
};

/* A link one theme leaves for a later one: a row id, its entity, a day and
 * an org. */
struct gen_link {
	uint32_t id, ent;
	int32_t day;
	int16_t org;
	int16_t extra;
};

struct gen_links {
	struct gen_link *v;
	long n, cap;
};

struct gen_world;

/* An elevator as the 96333 history needs it. */
struct gen_elev {
	uint32_t ent, maint; /* using unit, maintenance unit (entity indexes) */
	int32_t commissioned;
	int32_t last_maint, last_insp, next_due; /* latest records (GEN_NULL: none) */
	int16_t district;                        /* its district bureau (index into world.org) */
	uint8_t area, status, urban, pad; /* status: 0 in use, 1 stopped, 2 scrapped, 3 cancelled */
};

/* A licence decision, for the register of all licences (supervision.licence). */
enum gen_lic_status { GL_VALID, GL_EXPIRED, GL_SUSPENDED, GL_REVOKED, GL_CANCELLED };
struct gen_lic {
	uint32_t ent, no, content;         /* entity index; text offsets of number and content */
	int32_t issued, valid_to, changed; /* valid_to, changed: GEN_NULL when none */
	int16_t org;                       /* issuing org (index), -1 for a provincial authority */
	uint8_t kind;                      /* index into gen_licence_kinds */
	uint8_t status;                    /* enum gen_lic_status */
};
extern const char *const gen_licence_kinds[];
extern const char *const gen_lic_status_codes[];
/* Adds a licence to the register. */
void gen_lic_add(struct gen_world *w, const struct gen_lic *l);

struct gen_world {
	struct db *db;
	uint64_t seed;
	long scale;
	int today;           /* the as-of date: data ends the day before */
	struct gen_counts n; /* planned sizes */
	struct strbuf text;  /* arena of names and addresses */

	struct gen_org *org;
	int norg;
	int city; /* index of the city bureau */
	struct gen_area area[GEN_AREAS];
	struct gen_industry *ind;
	int nind;

	struct gen_ent *ent;
	long nent;
	struct gen_list role[GEN_ROLES];    /* entity indexes per role bit */
	struct gen_list live;               /* entities in business at the as-of date */
	struct gen_list by_area[GEN_AREAS]; /* entities per area */
	struct gen_tally *tally;            /* per entity */
	uint32_t *food_licence;             /* per entity: its food licence id, 0 = none */

	struct gen_staff *staff; /* grouped by org, the credentialed first */
	int nstaff;
	long staff_base;                         /* staff ids before ours */
	int *staff_first, *staff_n, *staff_cred; /* per org: first index, count, credentialed */

	/* facts for later themes */
	struct gen_links unreachable;    /* inspection results: 无法联系 */
	struct gen_links problems;       /* inspection results with problems */
	struct gen_links report_cases;   /* cases opened from a report */
	struct gen_links sampling_cases; /* cases opened from a failed sample */
	struct gen_links price_cases;    /* cases from a fee inspection */
	struct gen_links penalties;      /* penalties (id, entity, day, org) */
	struct gen_elev *elev;           /* elevator k has id k + 1 */
	long nelev;
	struct gen_lic *lic; /* the licence register */
	long nlic, caplic;
	struct gen_links samplings; /* failed samples of fresh food (for quick tests) */
	long inst[7]; /* entity indexes: 计量测试院, 特检院, 检验检测认证研究院, 食品检测中心,
	               * 陶瓷行业协会, 阳山水蜜桃协会, 茶叶协会 */
	long lab_metrology, lab_equipment, lab_food, lab_product; /* their nqi.lab ids */
	long cert_body_ccc;    /* nqi.certification_body id of CQC */
	long nrescue_stations; /* equipment.rescue_station ids 1 … n */

	/* the loader */
	enum status st;
	struct db_error err;
	void (*progress)(void *arg, const char *table, long rows, double seconds);
	void *progress_arg;
	int audit_note; /* audit.note(text, jsonb) exists */
	long total_rows;
};

/* ---- dates and times (Asia/Shanghai, no DST after 1991) ---- */

/* Days since 1970-01-01 of a civil date. */
int gen_day(int y, int m, int d);
/* The civil date of a day. */
void gen_ymd(int day, int *y, int *m, int *d);
int gen_year(int day);
/* 0 = Monday … 6 = Sunday. */
int gen_weekday(int day);
/* Seconds since 1970-01-01 00:00 local time of a day and a second in it. */
int64_t gen_moment(int day, long second_of_day);
/* A random day in [from, to]; to itself when from is later. */
int gen_day_between(struct rng *r, int from, int to);
/* A moment on day d during office hours (08:30–17:30), or any time when around_clock. */
int64_t gen_moment_on(struct rng *r, int day, int around_clock);

/* ---- COPY fields ---- */
void gen_put_date(struct copy *c, int day);      /* GEN_NULL gives NULL */
void gen_put_ts(struct copy *c, int64_t moment); /* GEN_NO_TS gives NULL */
void gen_put_bool(struct copy *c, int b);
void gen_put_money(struct copy *c, int64_t fen); /* yuan with two places; < 0 gives NULL */
void gen_put_id(struct copy *c, long id);        /* 0 gives NULL */

/* ---- the world ---- */

/* Prepares a world for generating scale entities with seed into db
 * (nothing is read yet). */
void gen_world_init(struct gen_world *w, struct db *db, uint64_t seed, long scale, int today);
void gen_world_free(struct gen_world *w);
/* Reads the org units and industries. Returns ST_OK or w->st (w->err set). */
enum status gen_world_load(struct gen_world *w);
/* Seeds r for a table: each table draws from its own stream. */
void gen_stream(const struct gen_world *w, struct rng *r, const char *table);
/* Stores text in the arena and returns its offset. */
uint32_t gen_keep(struct gen_world *w, const char *s);
/* The text at an offset of the arena. */
const char *gen_text_at(const struct gen_world *w, uint32_t off);
/* Whether entity i was in business on day (established, not yet gone). */
int gen_alive(const struct gen_world *w, long i, int day);
/* The district bureau of an entity (index into world.org). */
int gen_ent_district(const struct gen_world *w, long i);
/* A random entity with the role bit (or any entity when role is 0) that was
 * alive on day, or -1 after a few tries; skew > 1 favours a few busy ones. */
long gen_pick_ent(struct gen_world *w, struct rng *r, uint32_t role, int day, double skew);
/* Like gen_pick_ent, of one kind (enum gen_kind) only. */
long gen_pick_ent_kind(struct gen_world *w, struct rng *r, uint32_t role, int kind, int day);
/* Like gen_pick_ent, from one area. */
long gen_pick_ent_in(struct gen_world *w, struct rng *r, int area, uint32_t role, int day);
/* A staff member of org (or its district), credentialed if asked; -1 if none. */
int gen_pick_staff(struct gen_world *w, struct rng *r, int org, int credentialed);
/* How documents of an org unit are numbered: 锡梁 (梁溪区局), 澄 (江阴), 锡 (市局) … */
const char *gen_org_abbr(const struct gen_world *w, int org);
/* Adds a link. */
void gen_links_add(struct gen_links *l, uint32_t id, uint32_t ent, int day, int org, int extra);
void gen_list_add(struct gen_list *l, uint32_t v);
/* The area of a district bureau's division, for an entity's address. */
const struct gen_district *gen_area_district(const struct gen_world *w, int area);

/* ---- the sink: rows of one table, streamed with COPY ---- */

struct gen_sink {
	struct gen_world *w;
	const char *table;
	const char *sql;
	struct copy c;
	long rows;
	long chunk;
	double started;
	int open;
};

/* Starts loading a table with a COPY statement (constant text). Returns w->st. */
enum status gen_sink_open(struct gen_world *w, struct gen_sink *s, const char *table,
                          const char *copy_sql);
/* gen_stream(w, r, table) and gen_sink_open(w, s, table, copy_sql): the usual
 * start of writing a table. */
enum status gen_sink_begin(struct gen_world *w, struct gen_sink *s, struct rng *r,
                           const char *table, const char *copy_sql);
/* Ends a row; every so many rows the COPY is ended and begun again, so the
 * server's queue of pending foreign-key checks stays small. Returns w->st. */
enum status gen_sink_row(struct gen_sink *s);
/* Ends the COPY, reports the table's rows and time, and notes them in the
 * audit log when it has audit.note(). Returns w->st. */
enum status gen_sink_close(struct gen_sink *s);
/* Monotonic seconds. */
double gen_clock(void);

#endif
