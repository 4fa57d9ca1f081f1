/* smcon_auth: a PostgreSQL server module that guards operators' logins and
 * passwords, whatever the client (the console, psql, a script). Loaded with
 * shared_preload_libraries (mk/pgcluster.sh does it for our clusters;
 * doc/admin-guide.md says how for others).
 *
 * Lock-out. The ClientAuthentication hook sees every password check. For
 * members of smcon_auth.staff_role (smcon_staff) it counts consecutive
 * failures per role; a successful login resets the count. At
 * smcon_auth.max_failures it refuses the role at once and starts a
 * background worker that connects to the database the login named, as
 * smcon_auth.worker_role (the warehouse owner), and calls
 * core.staff_lock_out(login, failures): the staff record becomes
 * 'suspended', the role NOLOGIN, and the lock-out is written to the audit
 * log; `smcon user resume` undoes it. A login naming a database that does
 * not exist is neither counted nor told whether the password was right.
 * A role that may not log in gets the same answer whatever the password,
 * and those tries are counted too. Counts live in shared memory and in the
 * file smcon_auth.state of the data directory, rewritten at every change,
 * so a restart keeps them; a slot holding a count is never given to
 * another role (smcon_auth.slots of them).
 *
 * Suspension. A staff login that comes while a change of its role is in
 * flight (api.user_suspend's ALTER ROLE ... NOLOGIN, not committed yet)
 * waits for that change to end and then reads the role afresh, so that a
 * console reconnecting the moment its session was ended is refused.
 *
 * Passwords. The check_password hook applies the password policy to every
 * password an operator sets, their own with ALTER ROLE in psql included:
 * smcon_auth.password_min_length characters, letters and digits, not the
 * login name, no control characters, and only in clear text (a hash, md5
 * or SCRAM, cannot be checked). Every password change is written to the
 * server log. The owner and superusers are not checked.
 *
 * Audit. A LOG message "smcon_audit {json}" raised by the owner's code
 * (api.personal through core.audit_read), and every staff login, failed
 * login and logout in smcon_auth.audit_database, are queued in shared
 * memory; a background worker, started on demand and gone after half a
 * second idle, writes them with audit.append_event() in transactions of its own,
 * so the caller's rollback cannot undo them. */
#include "postgres.h"

/* libpq-be.h wants the GSSAPI headers when the server was built with GSSAPI;
 * we use no GSSAPI, and struct Port keeps its layout without it (the header
 * keeps a void pointer in its place for extensions). */
#undef ENABLE_GSS

#include <ctype.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_database.h"
#include "catalog/pg_type.h"
#include "commands/user.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/auth.h"
#include "libpq/crypt.h"
#include "libpq/libpq-be.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "tcop/tcopprot.h"
#include "tcop/utility.h"
#include "nodes/parsenodes.h"
#include "utils/json.h"
#include "catalog/namespace.h"
#include "storage/fd.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/spin.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/elog.h"
#include "utils/wait_event.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void smcon_auth_worker_main(Datum arg);
PGDLLEXPORT void smcon_audit_worker_main(Datum arg);

#define STATE_FILE  "smcon_auth.state"
#define STATE_MAGIC 0x534d4132 /* "SMA2" */

enum slot_state {
	SLOT_FREE,
	SLOT_COUNTING, /* failures counted, below the limit */
	SLOT_LOCKING,  /* limit reached, the worker is suspending the account */
	SLOT_FAILED,   /* the worker could not: refused until the role is changed */
};

struct auth_slot {
	Oid role;
	int32 state;
	int32 failures;     /* consecutive failed logins */
	int32 refused;      /* tries refused while locked */
	TransactionId xmin; /* the role's catalog row when the lock-out began */
	TimestampTz last;
};

struct auth_shared {
	LWLock *lock;
	int nslots;
	struct auth_slot slot[FLEXIBLE_ARRAY_MEMBER];
};

/* Audit events that must outlive the caller's transaction (reads of
 * personal data, logins, logouts): the backend puts them here, the audit
 * worker writes them to the audit log of smcon_auth.audit_database in
 * transactions of its own. Full: the event stays in the server log only. */
#define AUDIT_QUEUE 1024
#define AUDIT_TEXT  480

struct audit_event {
	char actor[NAMEDATALEN];
	char dbname[NAMEDATALEN];
	TimestampTz at;
	char payload[AUDIT_TEXT]; /* JSON: action, table, key, detail */
};

struct audit_queue {
	slock_t mutex;
	uint64 head; /* next to write */
	uint64 tail; /* next to read */
	uint64 lost;
	bool worker_running; /* an audit worker is connected (or starting) */
	struct audit_event ev[AUDIT_QUEUE];
};

static struct audit_queue *queue = NULL;
static char *audit_database = NULL;
static emit_log_hook_type prev_emit_log_hook = NULL;
static ProcessUtility_hook_type prev_utility_hook = NULL;
static bool in_audit_hook = false;

static void audit_push(const char *actor, const char *dbname, const char *payload);
static void audit_logout(int code, Datum arg);
static void start_audit_worker(void);
static void audit_worker_exit(int code, Datum arg);

static int max_failures = 5;
static int nslots = 4096;
static int password_min_length = 8;
static char *staff_role = NULL;
static char *worker_role = NULL;
static struct auth_shared *shared = NULL;
static ClientAuthentication_hook_type prev_auth_hook = NULL;
static check_password_hook_type prev_password_hook = NULL;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;

static Size shared_size(void)
{
	return add_size(offsetof(struct auth_shared, slot),
	                mul_size(sizeof(struct auth_slot), (Size)nslots));
}

static void request_shmem(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(MAXALIGN(shared_size()));
	RequestAddinShmemSpace(MAXALIGN(sizeof(struct audit_queue)));
	RequestNamedLWLockTranche("smcon_auth", 1);
}

/* Reads the counts kept by save_state(); a missing or foreign file is no count. */
static void load_state(void)
{
	FILE *f = AllocateFile(STATE_FILE, PG_BINARY_R);
	int32 head[2];
	struct auth_slot s;
	int n = 0;

	if (!f)
		return;
	if (fread(head, sizeof head, 1, f) == 1 && head[0] == STATE_MAGIC) {
		while (n < nslots && n < head[1] && fread(&s, sizeof s, 1, f) == 1)
			if (s.state != SLOT_FREE && OidIsValid(s.role))
				shared->slot[n++] = s;
	}
	FreeFile(f);
	ereport(LOG, (errmsg("smcon_auth: %d failed-login counts read from %s", n, STATE_FILE)));
}

/* Writes the slots in use to the state file (caller holds the lock). */
static void save_state(void)
{
	FILE *f = AllocateFile(STATE_FILE ".tmp", PG_BINARY_W);
	int32 head[2] = {STATE_MAGIC, 0};
	bool ok;

	if (!f) {
		ereport(LOG, (errcode_for_file_access(),
		              errmsg("smcon_auth: could not write \"%s\": %m", STATE_FILE ".tmp")));
		return;
	}
	for (int i = 0; i < shared->nslots; i++)
		head[1] += shared->slot[i].state != SLOT_FREE;
	ok = fwrite(head, sizeof head, 1, f) == 1;
	for (int i = 0; ok && i < shared->nslots; i++)
		if (shared->slot[i].state != SLOT_FREE)
			ok = fwrite(&shared->slot[i], sizeof shared->slot[i], 1, f) == 1;
	if (FreeFile(f) != 0 || !ok) {
		ereport(LOG, (errcode_for_file_access(),
		              errmsg("smcon_auth: could not write \"%s\": %m", STATE_FILE ".tmp")));
		return;
	}
	(void)durable_rename(STATE_FILE ".tmp", STATE_FILE, LOG);
}

static void startup_shmem(void)
{
	bool found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	shared = ShmemInitStruct("smcon_auth", shared_size(), &found);
	if (!found) {
		memset(shared, 0, shared_size());
		shared->lock = &(GetNamedLWLockTranche("smcon_auth"))->lock;
		shared->nslots = nslots;
		load_state();
	}
	queue = ShmemInitStruct("smcon_auth audit", sizeof(struct audit_queue), &found);
	if (!found) {
		memset(queue, 0, sizeof *queue);
		SpinLockInit(&queue->mutex);
	}
	LWLockRelease(AddinShmemInitLock);
}

/* Whether the role is an operator: a member of the staff role, not a superuser. */
static bool is_staff(Oid role)
{
	Oid staff = get_role_oid(staff_role, true);

	return OidIsValid(staff) && OidIsValid(role) && role != staff && !superuser_arg(role) &&
	       is_member_of_role(role, staff);
}

/* Waits until no transaction is changing the role's catalog row (a
 * suspension in flight), then reads the row afresh: whether the role may
 * log in, and the transaction that wrote the row. */
static bool role_settled(Oid role, TransactionId *xmin)
{
	HeapTuple tup;
	bool ok = false;

	for (;;) {
		SnapshotData dirty;
		ScanKeyData key;
		TransactionId wait = InvalidTransactionId;
		Relation rel = table_open(AuthIdRelationId, AccessShareLock);
		SysScanDesc scan;

		InitDirtySnapshot(dirty);
		ScanKeyInit(&key, Anum_pg_authid_oid, BTEqualStrategyNumber, F_OIDEQ,
		            ObjectIdGetDatum(role));
		/* no index before the shared relcache is complete (a missing
		 * init file): building the index's entry would need pg_class */
		scan = systable_beginscan(rel, AuthIdOidIndexId, criticalSharedRelcachesBuilt,
		                          &dirty, 1, &key);
		while (HeapTupleIsValid(systable_getnext(scan)) && !TransactionIdIsValid(wait))
			wait = TransactionIdIsValid(dirty.xmin) ? dirty.xmin : dirty.xmax;
		systable_endscan(scan);
		table_close(rel, AccessShareLock);
		if (!TransactionIdIsValid(wait))
			break;
		XactLockTableWait(wait, NULL, NULL, XLTW_None);
	}
	AcceptInvalidationMessages();
	*xmin = InvalidTransactionId;
	tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(role));
	if (HeapTupleIsValid(tup)) {
		ok = ((Form_pg_authid)GETSTRUCT(tup))->rolcanlogin;
		*xmin = HeapTupleHeaderGetXmin(tup->t_data);
		ReleaseSysCache(tup);
	}
	return ok;
}

/* Whether a database of that name exists. Not get_database_oid(): before
 * the shared relcache is complete (its init file missing) an index scan
 * would need pg_class, which a backend cannot read before it has chosen
 * its database. */
static bool database_exists(const char *name)
{
	ScanKeyData key;
	Relation rel = table_open(DatabaseRelationId, AccessShareLock);
	SysScanDesc scan;
	bool found;

	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
	            CStringGetDatum(name));
	scan = systable_beginscan(rel, DatabaseNameIndexId, criticalSharedRelcachesBuilt, NULL, 1,
	                          &key);
	found = HeapTupleIsValid(systable_getnext(scan));
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return found;
}

/* The role's slot, or a free one when create is set. A slot that holds a
 * count is never taken from its role. Caller holds the lock. NULL when none. */
static struct auth_slot *find_slot(Oid role, bool create)
{
	struct auth_slot *unused = NULL, *s;

	for (int i = 0; i < shared->nslots; i++) {
		s = &shared->slot[i];
		if (s->state != SLOT_FREE && s->role == role)
			return s;
		if (s->state == SLOT_FREE && !unused)
			unused = s;
	}
	if (!create || !unused)
		return NULL;
	memset(unused, 0, sizeof *unused);
	unused->role = role;
	unused->state = SLOT_COUNTING;
	return unused;
}

static void set_state(int idx, int from, int to)
{
	LWLockAcquire(shared->lock, LW_EXCLUSIVE);
	if (shared->slot[idx].state == from) {
		shared->slot[idx].state = to;
		save_state();
	}
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
		ereport(WARNING,
		        (errmsg("smcon_auth: could not start a worker to suspend role \"%s\"; "
		                "it is refused until an admin resumes it",
		                user)));
	}
}

static void refuse_login(const char *user, const char *why, int count)
{
	ereport(FATAL, (errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
	                errmsg("role \"%s\" is not permitted to log in", user),
	                errdetail_log("smcon_auth: %s (%d)", why, count)));
}

static void check_authentication(Port *port, int status)
{
	Oid role;
	struct auth_slot *s;
	TransactionId xmin;
	bool can_login, launch = false, locked = false, changed = false;
	int idx = -1, count = 0;

	if (prev_auth_hook)
		prev_auth_hook(port, status);
	if (!shared || (status != STATUS_OK && status != STATUS_ERROR))
		return;
	role = get_role_oid(port->user_name, true);
	if (!OidIsValid(role) || !is_staff(role))
		return;
	/* the same answer whatever the password, and no count: only a
	 * database that exists can hold the account's record */
	if (!database_exists(port->database_name))
		ereport(FATAL, (errcode(ERRCODE_UNDEFINED_DATABASE),
		                errmsg("database \"%s\" does not exist", port->database_name)));
	can_login = role_settled(role, &xmin);

	LWLockAcquire(shared->lock, LW_EXCLUSIVE);
	s = find_slot(role, false);
	/* a lock-out the role has been changed since (resumed, password reset) is over */
	if (s && (s->state == SLOT_LOCKING || s->state == SLOT_FAILED) && s->xmin != xmin &&
	    can_login) {
		s->state = SLOT_FREE;
		s = NULL;
		changed = true;
	}
	if (s && (s->state == SLOT_LOCKING || s->state == SLOT_FAILED)) {
		locked = true;
		count = ++s->refused;
		changed = true;
	} else if (!can_login) {
		locked = true;
		if (s || (s = find_slot(role, true)) != NULL) {
			count = ++s->refused;
			changed = true;
		}
	} else if (status == STATUS_OK) {
		if (s) {
			s->state = SLOT_FREE;
			changed = true;
		}
	} else if ((s = find_slot(role, true)) != NULL) {
		s->failures++;
		s->last = GetCurrentTimestamp();
		count = s->failures;
		changed = true;
		if (s->failures >= max_failures && max_failures > 0) {
			s->state = SLOT_LOCKING;
			s->xmin = xmin;
			idx = (int)(s - shared->slot);
			launch = true;
		}
	}
	if (changed)
		save_state();
	LWLockRelease(shared->lock);

	if (status == STATUS_OK && can_login && !locked) {
		audit_push(port->user_name, port->database_name, "{\"action\": \"login\"}");
		before_shmem_exit(audit_logout, 0);
	} else {
		char ev[128];

		snprintf(ev, sizeof ev,
		         "{\"action\": \"login_failed\", \"detail\": {\"locked\": %s}}",
		         locked || launch ? "true" : "false");
		audit_push(port->user_name, port->database_name, ev);
	}

	if (status == STATUS_ERROR && can_login && !s && !locked)
		ereport(WARNING,
		        (errmsg("smcon_auth: all %d slots hold counts; the failed login of "
		                "\"%s\" is not counted",
		                nslots, port->user_name)));
	if (launch)
		start_worker(idx, port->user_name, port->database_name);
	if (launch)
		refuse_login(port->user_name, "suspended after consecutive failed logins", count);
	if (locked)
		refuse_login(port->user_name,
		             status == STATUS_OK ? "locked account, right password"
		                                 : "locked account, wrong password",
		             count);
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

	/* the role is NOLOGIN now: PostgreSQL and the hook refuse it, and
	 * `user resume` gives it a fresh count */
	set_state(idx, SLOT_LOCKING, SLOT_FREE);
	ereport(LOG, (errmsg("smcon_auth: role \"%s\" suspended after %d consecutive failed logins",
			     user, failures)));
	proc_exit(0);
}

/* What is wrong with a password in clear text, or NULL. */
static const char *password_problem(const char *user, const char *pw)
{
	bool letter = false, digit = false;
	char *lower_pw, *lower_user;

	if (pg_mbstrlen(pw) < password_min_length)
		return "is too short";
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return "contains a control character";
		letter |= isalpha(*p) != 0;
		digit |= isdigit(*p) != 0;
	}
	if (!letter || !digit)
		return "must contain both letters and digits";
	lower_pw = asc_tolower(pw, strlen(pw));
	lower_user = asc_tolower(user, strlen(user));
	if (*lower_user && strstr(lower_pw, lower_user))
		return "must not contain the login name";
	return NULL;
}

static void check_password(const char *username, const char *shadow_pass,
                           PasswordType password_type, Datum validuntil_time, bool validuntil_null)
{
	const char *problem;

	if (prev_password_hook)
		prev_password_hook(username, shadow_pass, password_type, validuntil_time,
		                   validuntil_null);
	if (is_staff(GetSessionUserId())) {
		if (password_type != PASSWORD_TYPE_PLAINTEXT)
			ereport(
			    ERROR,
			    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			     errmsg(
			         "password of role \"%s\" refused: an operator's password must be "
			         "given in clear text so that the server can check it",
			         username),
			     errhint("Use smcon, or ALTER ROLE ... PASSWORD with "
			             "password_encryption = scram-sha-256.")));
		if (Password_encryption != PASSWORD_TYPE_SCRAM_SHA_256)
			ereport(
			    ERROR,
			    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			     errmsg("password of role \"%s\" refused: it would be stored as md5, "
			            "which this server does not accept at login",
			            username),
			     errhint("SET password_encryption = 'scram-sha-256'.")));
		problem = password_problem(username, shadow_pass);
		if (problem)
			ereport(
			    ERROR,
			    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			     errmsg("password of role \"%s\" refused: it %s", username, problem),
			     errhint(
			         "At least %d characters, letters and digits, not the login name.",
			         password_min_length)));
	}
	ereport(LOG, (errmsg("smcon_auth: password of role \"%s\" set by \"%s\"", username,
	                     GetUserNameFromId(GetSessionUserId(), true))));
	/* an operator's own ALTER ROLE ... PASSWORD (the api's changes, run
	 * as the owner, audit themselves): into the audit log too */
	if (MyProcPort && GetUserId() == GetSessionUserId() && is_staff(GetSessionUserId())) {
		StringInfoData ev;

		initStringInfo(&ev);
		appendStringInfoString(
		    &ev, "{\"action\": \"password_change\", \"table\": \"core.staff\", "
		         "\"key\": {\"login\": ");
		escape_json(&ev, username);
		appendStringInfoString(&ev, "}, \"detail\": {\"via\": \"ALTER ROLE\"}}");
		audit_push(MyProcPort->user_name, MyProcPort->database_name, ev.data);
		pfree(ev.data);
	}
}

/* Queues an audit event of the session's login in the database it is in. */
static void audit_push(const char *actor, const char *dbname, const char *payload)
{
	struct audit_event *e;
	bool start;

	if (!queue || !audit_database || strcmp(dbname, audit_database) != 0)
		return;
	SpinLockAcquire(&queue->mutex);
	if (queue->head - queue->tail >= AUDIT_QUEUE) {
		queue->lost++;
		SpinLockRelease(&queue->mutex);
		return;
	}
	e = &queue->ev[queue->head % AUDIT_QUEUE];
	strlcpy(e->actor, actor, NAMEDATALEN);
	strlcpy(e->dbname, dbname, NAMEDATALEN);
	e->at = GetCurrentTimestamp();
	strlcpy(e->payload, payload, AUDIT_TEXT);
	queue->head++;
	start = !queue->worker_running;
	queue->worker_running = true;
	SpinLockRelease(&queue->mutex);
	if (start)
		start_audit_worker();
}

/* "smcon_audit {json}" at LOG from the owner's code (api.personal and the
 * like run as the owner): queued as an event of the session's login. A
 * staff role's own RAISE LOG runs as itself and is not taken. */
static void audit_emit(ErrorData *edata)
{
	if (prev_emit_log_hook)
		prev_emit_log_hook(edata);
	if (in_audit_hook || edata->elevel != LOG || !edata->message ||
	    strncmp(edata->message, "smcon_audit ", 12) != 0 || !IsTransactionState() ||
	    !MyProcPort)
		return;
	in_audit_hook = true;
	if (GetUserId() == get_role_oid(worker_role, true))
		audit_push(MyProcPort->user_name, MyProcPort->database_name, edata->message + 12);
	in_audit_hook = false;
}

/* A staff session's end: its logout. */
static void audit_logout(int code, Datum arg)
{
	(void)code;
	(void)arg;
	if (MyProcPort)
		audit_push(MyProcPort->user_name, MyProcPort->database_name,
		           "{\"action\": \"logout\"}");
}

/* Takes the next queued event into e; false when there is none. */
static bool audit_pop(struct audit_event *e)
{
	bool got = false;

	SpinLockAcquire(&queue->mutex);
	if (queue->tail != queue->head) {
		*e = queue->ev[queue->tail % AUDIT_QUEUE];
		queue->tail++;
		got = true;
	}
	SpinLockRelease(&queue->mutex);
	return got;
}

/* Writes the queued events, up to 256 a transaction. */
static void audit_drain(void)
{
	struct audit_event e;
	Oid types[3] = {TEXTOID, TIMESTAMPTZOID, TEXTOID};
	Datum values[3];
	bool more = true;

	while (more) {
		int n = 0;
		bool have_function = false;

		if (!audit_pop(&e))
			return;
		SetCurrentStatementStartTimestamp();
		StartTransactionCommand();
		SPI_connect();
		PushActiveSnapshot(GetTransactionSnapshot());
		if (SPI_execute("SELECT 1 FROM pg_proc WHERE oid = "
		                "to_regprocedure('audit.append_event(text,timestamptz,jsonb)')",
		                true, 1) == SPI_OK_SELECT &&
		    SPI_processed == 1)
			have_function = true;
		do {
			values[0] = CStringGetTextDatum(e.actor);
			values[1] = TimestampTzGetDatum(e.at);
			values[2] = CStringGetTextDatum(e.payload);
			if (have_function)
				SPI_execute_with_args(
				    "SELECT audit.append_event($1, $2, $3::jsonb)", 3, types,
				    values, NULL, false, 0);
		} while (++n < 256 && (more = audit_pop(&e)));
		SPI_finish();
		PopActiveSnapshot();
		CommitTransactionCommand();
	}
}

void smcon_audit_worker_main(Datum arg)
{
	(void)arg;
	pqsignal(SIGTERM, die);
	before_shmem_exit(audit_worker_exit, 0);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(audit_database, worker_role, 0);
	pgstat_report_appname("smcon_auth audit");
	/* started when events come, gone after a second without any: it
	 * must not hold a connection to the warehouse for long (CREATE
	 * DATABASE ... TEMPLATE needs it free) */
	for (int idle = 0;; idle++) {
		audit_drain();
		(void)WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 100,
		                PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		SpinLockAcquire(&queue->mutex);
		if (queue->tail != queue->head)
			idle = 0;
		else if (idle >= 5) {
			queue->worker_running = false;
			SpinLockRelease(&queue->mutex);
			proc_exit(0);
		}
		SpinLockRelease(&queue->mutex);
	}
}

/* A worker that dies leaves the queue to the next one. */
static void audit_worker_exit(int code, Datum arg)
{
	(void)code;
	(void)arg;
	SpinLockAcquire(&queue->mutex);
	queue->worker_running = false;
	SpinLockRelease(&queue->mutex);
}

/* Whether a trigger command touches an audit trigger: one named audit_*, or
 * all of a table's (ALL, USER). */
static bool audit_trigger(const char *name)
{
	return !name || strncmp(name, "audit_", 6) == 0;
}

/* Queues a change of an audit trigger (DISABLE, ENABLE, DROP), by anyone,
 * the owner included: the audit log gets it whether the change commits or
 * not. */
static void audit_trigger_change(const char *relname, const char *command)
{
	StringInfoData ev;

	if (!MyProcPort)
		return;
	initStringInfo(&ev);
	appendStringInfoString(&ev, "{\"action\": \"trigger_change\", \"table\": ");
	escape_json(&ev, relname);
	appendStringInfoString(&ev, ", \"detail\": {\"command\": ");
	escape_json(&ev, command);
	appendStringInfoString(&ev, "}}");
	ereport(LOG,
	        (errmsg("smcon_auth: %s on %s by %s", command, relname, MyProcPort->user_name)));
	audit_push(MyProcPort->user_name, MyProcPort->database_name, ev.data);
	pfree(ev.data);
}

static void check_utility(PlannedStmt *pstmt, const char *queryString, bool readOnlyTree,
                          ProcessUtilityContext context, ParamListInfo params,
                          QueryEnvironment *queryEnv, DestReceiver *dest, QueryCompletion *qc)
{
	Node *stmt = pstmt->utilityStmt;

	if (IsA(stmt, AlterTableStmt)) {
		AlterTableStmt *at = (AlterTableStmt *)stmt;
		ListCell *lc;

		foreach (lc, at->cmds) {
			AlterTableCmd *cmd = lfirst_node(AlterTableCmd, lc);
			const char *what = NULL;

			switch (cmd->subtype) {
			case AT_DisableTrig: what = "DISABLE TRIGGER"; break;
			case AT_DisableTrigAll: what = "DISABLE TRIGGER ALL"; break;
			case AT_DisableTrigUser: what = "DISABLE TRIGGER USER"; break;
			case AT_EnableTrig:
			case AT_EnableAlwaysTrig:
			case AT_EnableReplicaTrig: what = "ENABLE TRIGGER"; break;
			case AT_EnableTrigAll: what = "ENABLE TRIGGER ALL"; break;
			case AT_EnableTrigUser: what = "ENABLE TRIGGER USER"; break;
			default: break;
			}
			if (what && at->relation && audit_trigger(cmd->name)) {
				char buf[256];

				snprintf(buf, sizeof buf, "%s%s%s", what, cmd->name ? " " : "",
				         cmd->name ? cmd->name : "");
				audit_trigger_change(
				    quote_qualified_identifier(at->relation->schemaname,
				                               at->relation->relname),
				    buf);
			}
		}
	} else if (IsA(stmt, DropStmt) && ((DropStmt *)stmt)->removeType == OBJECT_TRIGGER) {
		ListCell *lc;

		foreach (lc, ((DropStmt *)stmt)->objects) {
			List *names = (List *)lfirst(lc);
			const char *trig = strVal(llast(names));

			if (audit_trigger(trig))
				audit_trigger_change(NameListToString(list_truncate(
				                         list_copy(names), list_length(names) - 1)),
				                     psprintf("DROP TRIGGER %s", trig));
		}
	}
	if (prev_utility_hook)
		prev_utility_hook(pstmt, queryString, readOnlyTree, context, params, queryEnv, dest,
		                  qc);
	else
		standard_ProcessUtility(pstmt, queryString, readOnlyTree, context, params, queryEnv,
		                        dest, qc);
}

static void start_audit_worker(void)
{
	BackgroundWorker w;
	BackgroundWorkerHandle *handle;

	memset(&w, 0, sizeof w);
	w.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	w.bgw_start_time = BgWorkerStart_RecoveryFinished;
	w.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(w.bgw_library_name, BGW_MAXLEN, "smcon_auth");
	snprintf(w.bgw_function_name, BGW_MAXLEN, "smcon_audit_worker_main");
	snprintf(w.bgw_name, BGW_MAXLEN, "smcon_auth audit writer");
	snprintf(w.bgw_type, BGW_MAXLEN, "smcon_auth audit");
	if (!RegisterDynamicBackgroundWorker(&w, &handle)) {
		SpinLockAcquire(&queue->mutex);
		queue->worker_running = false;
		SpinLockRelease(&queue->mutex);
	}
}

void _PG_init(void)
{
	DefineCustomIntVariable("smcon_auth.max_failures",
				"Consecutive failed logins after which a staff account is suspended.",
				"0 turns the lock-out off.", &max_failures, 5, 0, 1000, PGC_SIGHUP, 0,
				NULL, NULL, NULL);
	DefineCustomIntVariable(
	    "smcon_auth.slots", "How many staff accounts can have failed logins counted at once.",
	    NULL, &nslots, 4096, 16, 1000000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("smcon_auth.password_min_length",
	                        "The shortest password an operator may set.", NULL,
	                        &password_min_length, 8, 1, 1000, PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.staff_role",
				   "Only members of this role are counted and suspended.", NULL,
				   &staff_role, "smcon_staff", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.worker_role",
				   "The role the lock-out worker connects as (the warehouse owner).",
				   NULL, &worker_role, "smcon_owner", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.audit_database",
	                           "The warehouse whose audit log gets reads, logins and logouts "
	                           "written outside the caller's transaction (empty: none).",
	                           NULL, &audit_database, "smcon", PGC_POSTMASTER, 0, NULL, NULL,
	                           NULL);
	MarkGUCPrefixReserved("smcon_auth");
	prev_password_hook = check_password_hook;
	check_password_hook = check_password;
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = request_shmem;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = startup_shmem;
	prev_auth_hook = ClientAuthentication_hook;
	ClientAuthentication_hook = check_authentication;
	prev_emit_log_hook = emit_log_hook;
	emit_log_hook = audit_emit;
	prev_utility_hook = ProcessUtility_hook;
	ProcessUtility_hook = check_utility;
}
