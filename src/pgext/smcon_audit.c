/* smcon_auth's audit that a rollback cannot undo: a LOG message
 * "smcon_audit {json}" raised by the owner's code (api.personal through
 * core.audit_read, report runs, exports), every staff login, failed login
 * and logout in smcon_auth.audit_database, an operator's own password
 * change, and every change of an audit trigger are queued in shared
 * memory; a background worker, started on demand and gone after half a
 * second idle, writes them with audit.append_event() in transactions of
 * its own. */
#include "postgres.h"

#include "smcon_auth.h"

PGDLLEXPORT void smcon_audit_worker_main(Datum arg);

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
static emit_log_hook_type prev_emit_log_hook = NULL;
static ProcessUtility_hook_type prev_utility_hook = NULL;
static bool in_audit_hook = false;

static void start_audit_worker(void);
static void audit_worker_exit(int code, Datum arg);

Size smcon_audit_shmem_size(void)
{
	return MAXALIGN(sizeof(struct audit_queue));
}

void smcon_audit_shmem_startup(void)
{
	bool found;

	queue = ShmemInitStruct("smcon_auth audit", sizeof(struct audit_queue), &found);
	if (!found) {
		memset(queue, 0, sizeof *queue);
		SpinLockInit(&queue->mutex);
	}
}

/* Queues an audit event of the session's login in the database it is in. */
void smcon_audit_push(const char *actor, const char *dbname, const char *payload)
{
	struct audit_event *e;
	bool start;

	if (!queue || !smcon_audit_database || strcmp(dbname, smcon_audit_database) != 0)
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
	if (GetUserId() == get_role_oid(smcon_worker_role, true))
		smcon_audit_push(MyProcPort->user_name, MyProcPort->database_name,
		                 edata->message + 12);
	in_audit_hook = false;
}

/* A staff session's end: its logout. */
void smcon_audit_logout(int code, Datum arg)
{
	(void)code;
	(void)arg;
	if (MyProcPort)
		smcon_audit_push(MyProcPort->user_name, MyProcPort->database_name,
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
	BackgroundWorkerInitializeConnection(smcon_audit_database, smcon_worker_role, 0);
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
	smcon_audit_push(MyProcPort->user_name, MyProcPort->database_name, ev.data);
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

	smcon_worker_prepare(&w, "smcon_audit_worker_main");
	snprintf(w.bgw_name, BGW_MAXLEN, "smcon_auth audit writer");
	snprintf(w.bgw_type, BGW_MAXLEN, "smcon_auth audit");
	if (!RegisterDynamicBackgroundWorker(&w, &handle)) {
		SpinLockAcquire(&queue->mutex);
		queue->worker_running = false;
		SpinLockRelease(&queue->mutex);
	}
}

void smcon_audit_init(void)
{
	prev_emit_log_hook = emit_log_hook;
	emit_log_hook = audit_emit;
	prev_utility_hook = ProcessUtility_hook;
	ProcessUtility_hook = check_utility;
}
