/* The parts of the smcon_auth server module (src/pgext), one shared
 * library: the module's start and the failed-login lock-out
 * (smcon_auth.c), the password policy (smcon_password.c), and the audit
 * that a rollback cannot undo (smcon_audit.c). What they share: the
 * settings, who counts as staff, the audit queue. Include after postgres.h. */
#ifndef SMCON_AUTH_H
#define SMCON_AUTH_H

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

/* settings (smcon_auth.c defines them) */
extern char *smcon_staff_role;
extern char *smcon_worker_role;
extern char *smcon_audit_database;
extern int smcon_password_min_length;

/* Whether the role is an operator: a member of the staff role, not a superuser. */
bool smcon_is_staff(Oid role);

/* A background worker of this module that runs function, connected to a
 * database, started once (the caller fills in its names and argument). */
void smcon_worker_prepare(BackgroundWorker *w, const char *function);

/* smcon_password.c: installs the check_password hook. */
void smcon_password_init(void);

/* smcon_audit.c */
/* The audit queue's shared memory: its size, and its setting up (under
 * AddinShmemInitLock, from the module's shmem_startup hook). */
Size smcon_audit_shmem_size(void);
void smcon_audit_shmem_startup(void);
/* Installs the emit_log and ProcessUtility hooks. */
void smcon_audit_init(void);
/* Queues an audit event of the session's login in the database it is in. */
void smcon_audit_push(const char *actor, const char *dbname, const char *payload);
/* A staff session's end: its logout (a before_shmem_exit callback). */
void smcon_audit_logout(int code, Datum arg);

#endif
