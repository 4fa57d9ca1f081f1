/* smcon_auth: a PostgreSQL server module that suspends an operator's account
 * after repeated failed logins, whatever the client (the console, psql, a
 * script). Loaded with shared_preload_libraries (mk/pgcluster.sh does it
 * for our clusters; doc/admin-guide.md says how for others).
 *
 * The ClientAuthentication hook sees every password check. For members of
 * smcon_auth.staff_role (smcon_staff) it counts consecutive failures per
 * role in shared memory; a successful login resets the count. At
 * smcon_auth.max_failures it refuses the role at once and starts a
 * background worker that connects to the database the login was for, as
 * smcon_auth.worker_role (the warehouse owner), and calls
 * core.staff_lock_out(login, failures): the staff record becomes
 * 'suspended', the role NOLOGIN, and the lock-out is written to the audit
 * log. From then on PostgreSQL itself refuses the role ("not permitted to
 * log in") until an admin runs `smcon user resume`. Should the worker fail,
 * the role stays refused here until the server restarts, and the server log
 * says why. Counts live in memory: a restart forgets them. */
#include "postgres.h"

/* libpq-be.h wants the GSSAPI headers when the server was built with GSSAPI;
 * we use no GSSAPI, and struct Port keeps its layout without it (the header
 * keeps a void pointer in its place for extensions). */
#undef ENABLE_GSS

#include "access/xact.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/auth.h"
#include "libpq/libpq-be.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void smcon_auth_worker_main(Datum arg);

#define AUTH_SLOTS 128

enum slot_state {
	SLOT_FREE,
	SLOT_COUNTING, /* failures counted, below the limit */
	SLOT_LOCKING,  /* limit reached, the worker is suspending the account */
	SLOT_FAILED,   /* the worker could not: refused until restart */
};

struct auth_slot {
	Oid role;
	int state;
	int failures;
	TimestampTz last;
};

struct auth_shared {
	LWLock *lock;
	struct auth_slot slot[AUTH_SLOTS];
};

static int max_failures = 5;
static char *staff_role = NULL;
static char *worker_role = NULL;
static struct auth_shared *shared = NULL;
static ClientAuthentication_hook_type prev_auth_hook = NULL;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;

static void request_shmem(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(MAXALIGN(sizeof(struct auth_shared)));
	RequestNamedLWLockTranche("smcon_auth", 1);
}

static void startup_shmem(void)
{
	bool found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	shared = ShmemInitStruct("smcon_auth", sizeof(struct auth_shared), &found);
	if (!found) {
		memset(shared, 0, sizeof *shared);
		shared->lock = &(GetNamedLWLockTranche("smcon_auth"))->lock;
	}
	LWLockRelease(AddinShmemInitLock);
}

/* Whether the role is an operator: a member of the staff role, not a superuser. */
static bool is_staff(Oid role)
{
	Oid staff = get_role_oid(staff_role, true);

	return OidIsValid(staff) && role != staff && !superuser_arg(role) &&
	       is_member_of_role(role, staff);
}

static bool can_login(Oid role)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(role));
	bool ok = false;

	if (HeapTupleIsValid(tup)) {
		ok = ((Form_pg_authid)GETSTRUCT(tup))->rolcanlogin;
		ReleaseSysCache(tup);
	}
	return ok;
}

/* The role's slot, or a new one when create is set (a free slot, else the
 * counting slot unused longest). Caller holds the lock. NULL when none. */
static struct auth_slot *find_slot(Oid role, bool create)
{
	struct auth_slot *unused = NULL, *oldest = NULL, *s;

	for (int i = 0; i < AUTH_SLOTS; i++) {
		s = &shared->slot[i];
		if (s->state != SLOT_FREE && s->role == role)
			return s;
		if (s->state == SLOT_FREE && !unused)
			unused = s;
		else if (s->state == SLOT_COUNTING && (!oldest || s->last < oldest->last))
			oldest = s;
	}
	if (!create)
		return NULL;
	s = unused ? unused : oldest;
	if (s) {
		memset(s, 0, sizeof *s);
		s->role = role;
		s->state = SLOT_COUNTING;
	}
	return s;
}

static void set_state(int idx, int from, int to)
{
	LWLockAcquire(shared->lock, LW_EXCLUSIVE);
	if (shared->slot[idx].state == from)
		shared->slot[idx].state = to;
	LWLockRelease(shared->lock);
}

/* Starts the worker that suspends the account. */
static void start_worker(int idx, const char *user, const char *dbname)
{
	BackgroundWorker w;
	BackgroundWorkerHandle *handle;

	memset(&w, 0, sizeof w);
	w.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	w.bgw_start_time = BgWorkerStart_RecoveryFinished;
	w.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(w.bgw_library_name, BGW_MAXLEN, "smcon_auth");
	snprintf(w.bgw_function_name, BGW_MAXLEN, "smcon_auth_worker_main");
	snprintf(w.bgw_name, BGW_MAXLEN, "smcon_auth lock-out of %s", user);
	snprintf(w.bgw_type, BGW_MAXLEN, "smcon_auth");
	w.bgw_main_arg = Int32GetDatum(idx);
	strlcpy(w.bgw_extra, user, NAMEDATALEN);
	strlcpy(w.bgw_extra + NAMEDATALEN, dbname, NAMEDATALEN);
	if (!RegisterDynamicBackgroundWorker(&w, &handle)) {
		set_state(idx, SLOT_LOCKING, SLOT_FAILED);
		ereport(WARNING, (errmsg("smcon_auth: could not start a worker to suspend role \"%s\"; "
					 "it is refused until the server restarts",
					 user)));
	}
}

static void check_authentication(Port *port, int status)
{
	Oid role;
	struct auth_slot *s;
	bool refuse = false, launch = false;
	int idx = -1, failures = 0;

	if (prev_auth_hook)
		prev_auth_hook(port, status);
	if (!shared || max_failures <= 0 || (status != STATUS_OK && status != STATUS_ERROR))
		return;
	role = get_role_oid(port->user_name, true);
	if (!OidIsValid(role) || !is_staff(role))
		return;
	bool counts = status == STATUS_ERROR && can_login(role);

	LWLockAcquire(shared->lock, LW_EXCLUSIVE);
	s = find_slot(role, counts);
	if (s && (s->state == SLOT_LOCKING || s->state == SLOT_FAILED)) {
		refuse = true;
		failures = s->failures;
	} else if (s && status == STATUS_OK) {
		s->state = SLOT_FREE;
	} else if (s && counts) {
		s->failures++;
		s->last = GetCurrentTimestamp();
		failures = s->failures;
		if (s->failures >= max_failures) {
			s->state = SLOT_LOCKING;
			idx = (int)(s - shared->slot);
			launch = true;
		}
	}
	LWLockRelease(shared->lock);

	if (launch)
		start_worker(idx, port->user_name, port->database_name);
	if (refuse || launch)
		ereport(FATAL, (errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("role \"%s\" is not permitted to log in", port->user_name),
				errdetail_log("smcon_auth: suspended after %d consecutive failed logins",
					      failures)));
}

/* Worker exit: a lock-out that did not finish leaves the role refused. */
static void worker_exit(int code, Datum arg)
{
	(void)code;
	if (shared)
		set_state(DatumGetInt32(arg), SLOT_LOCKING, SLOT_FAILED);
}

/* Suspends the account: core.staff_lock_out() in a warehouse, or just
 * NOLOGIN in a database without it. Runs inside a transaction with SPI. */
static void lock_out(const char *user, int failures)
{
	Oid types[2] = {TEXTOID, INT4OID};
	Datum values[2];
	bool isnull = true;
	bool have_function = false;

	if (SPI_execute("SELECT to_regprocedure('core.staff_lock_out(text,integer)') IS NOT NULL", true,
			1) == SPI_OK_SELECT &&
	    SPI_processed == 1)
		have_function =
			DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (have_function && !isnull) {
		values[0] = CStringGetTextDatum(user);
		values[1] = Int32GetDatum(failures);
		SPI_execute_with_args("SELECT core.staff_lock_out($1, $2)", 2, types, values, NULL, false,
				      0);
	} else {
		StringInfoData sql;

		initStringInfo(&sql);
		appendStringInfo(&sql, "ALTER ROLE %s NOLOGIN", quote_identifier(user));
		SPI_execute(sql.data, false, 0);
	}
}

void smcon_auth_worker_main(Datum arg)
{
	int idx = DatumGetInt32(arg);
	char user[NAMEDATALEN], dbname[NAMEDATALEN];
	int failures;

	strlcpy(user, MyBgworkerEntry->bgw_extra, NAMEDATALEN);
	strlcpy(dbname, MyBgworkerEntry->bgw_extra + NAMEDATALEN, NAMEDATALEN);
	before_shmem_exit(worker_exit, arg);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(dbname, worker_role, 0);

	LWLockAcquire(shared->lock, LW_SHARED);
	failures = shared->slot[idx].failures;
	LWLockRelease(shared->lock);

	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	SPI_connect();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, "smcon_auth lock-out");
	lock_out(user, failures);
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_activity(STATE_IDLE, NULL);

	set_state(idx, SLOT_LOCKING, SLOT_FREE);
	ereport(LOG, (errmsg("smcon_auth: role \"%s\" suspended after %d consecutive failed logins",
			     user, failures)));
	proc_exit(0);
}

void _PG_init(void)
{
	DefineCustomIntVariable("smcon_auth.max_failures",
				"Consecutive failed logins after which a staff account is suspended.",
				"0 turns the lock-out off.", &max_failures, 5, 0, 1000, PGC_SIGHUP, 0,
				NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.staff_role",
				   "Only members of this role are counted and suspended.", NULL,
				   &staff_role, "smcon_staff", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.worker_role",
				   "The role the lock-out worker connects as (the warehouse owner).",
				   NULL, &worker_role, "smcon_owner", PGC_SIGHUP, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("smcon_auth");
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = request_shmem;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = startup_shmem;
	prev_auth_hook = ClientAuthentication_hook;
	ClientAuthentication_hook = check_authentication;
}
