/* smcon_auth: a PostgreSQL server module that guards operators' logins and
 * passwords, whatever the client (the console, psql, a script). Loaded with
 * shared_preload_libraries (mk/pgcluster.sh does it for our clusters;
 * doc/admin-guide.md says how for others). This file: the module's start
 * and the lock-out; smcon_password.c: the password policy; smcon_audit.c:
 * the audit; smcon_auth.h: what they share.
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

#include "smcon_auth.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void smcon_auth_worker_main(Datum arg);

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

static int max_failures = 5;
static int nslots = 4096;
int smcon_password_min_length = 8;
char *smcon_staff_role = NULL;
char *smcon_worker_role = NULL;
char *smcon_audit_database = NULL;
static struct auth_shared *shared = NULL;
static ClientAuthentication_hook_type prev_auth_hook = NULL;
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
	RequestAddinShmemSpace(smcon_audit_shmem_size());
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
	smcon_audit_shmem_startup();
	LWLockRelease(AddinShmemInitLock);
}
bool smcon_is_staff(Oid role)
{
	Oid staff = get_role_oid(smcon_staff_role, true);

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

void smcon_worker_prepare(BackgroundWorker *w, const char *function)
{
	memset(w, 0, sizeof *w);
	w->bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	w->bgw_start_time = BgWorkerStart_RecoveryFinished;
	w->bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(w->bgw_library_name, BGW_MAXLEN, "smcon_auth");
	snprintf(w->bgw_function_name, BGW_MAXLEN, "%s", function);
}

/* Starts the worker that suspends the account. */
static void start_worker(int idx, const char *user, const char *dbname)
{
	BackgroundWorker w;
	BackgroundWorkerHandle *handle;

	smcon_worker_prepare(&w, "smcon_auth_worker_main");
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
	if (!OidIsValid(role) || !smcon_is_staff(role))
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
		smcon_audit_push(port->user_name, port->database_name, "{\"action\": \"login\"}");
		before_shmem_exit(smcon_audit_logout, 0);
	} else {
		char ev[128];

		snprintf(ev, sizeof ev,
		         "{\"action\": \"login_failed\", \"detail\": {\"locked\": %s}}",
		         locked || launch ? "true" : "false");
		smcon_audit_push(port->user_name, port->database_name, ev);
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

	if (SPI_execute("SELECT to_regprocedure('core.staff_lock_out(text,integer)') IS NOT NULL",
	                true, 1) == SPI_OK_SELECT &&
	    SPI_processed == 1)
		have_function = DatumGetBool(
		    SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (have_function && !isnull) {
		values[0] = CStringGetTextDatum(user);
		values[1] = Int32GetDatum(failures);
		SPI_execute_with_args("SELECT core.staff_lock_out($1, $2)", 2, types, values, NULL,
		                      false, 0);
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
	BackgroundWorkerInitializeConnection(dbname, smcon_worker_role, 0);

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
void _PG_init(void)
{
	DefineCustomIntVariable(
	    "smcon_auth.max_failures",
	    "Consecutive failed logins after which a staff account is suspended.",
	    "0 turns the lock-out off.", &max_failures, 5, 0, 1000, PGC_SIGHUP, 0, NULL, NULL,
	    NULL);
	DefineCustomIntVariable(
	    "smcon_auth.slots", "How many staff accounts can have failed logins counted at once.",
	    NULL, &nslots, 4096, 16, 1000000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable(
	    "smcon_auth.password_min_length", "The shortest password an operator may set.", NULL,
	    &smcon_password_min_length, 8, 1, 1000, PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable(
	    "smcon_auth.staff_role", "Only members of this role are counted and suspended.", NULL,
	    &smcon_staff_role, "smcon_staff", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable(
	    "smcon_auth.worker_role",
	    "The role the lock-out worker connects as (the warehouse owner).", NULL,
	    &smcon_worker_role, "smcon_owner", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("smcon_auth.audit_database",
	                           "The warehouse whose audit log gets reads, logins and logouts "
	                           "written outside the caller's transaction (empty: none).",
	                           NULL, &smcon_audit_database, "smcon", PGC_POSTMASTER, 0, NULL,
	                           NULL, NULL);
	MarkGUCPrefixReserved("smcon_auth");
	smcon_password_init();
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = request_shmem;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = startup_shmem;
	prev_auth_hook = ClientAuthentication_hook;
	ClientAuthentication_hook = check_authentication;
	smcon_audit_init();
}
