/* smcon_auth's password policy: the check_password hook applies it to
 * every password an operator sets, their own with ALTER ROLE in psql
 * included: smcon_auth.password_min_length characters, letters and
 * digits, not the login name, no control characters, and only in clear
 * text (a hash, md5 or SCRAM, cannot be checked). Every change is written
 * to the server log, and an operator's own to the audit log. The owner and
 * superusers are not checked. */
#include "postgres.h"

#include "smcon_auth.h"

static check_password_hook_type prev_password_hook = NULL;

/* What is wrong with a password in clear text, or NULL. */
static const char *password_problem(const char *user, const char *pw)
{
	bool letter = false, digit = false;
	char *lower_pw, *lower_user;

	if (pg_mbstrlen(pw) < smcon_password_min_length)
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
	if (smcon_is_staff(GetSessionUserId())) {
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
			         smcon_password_min_length)));
	}
	ereport(LOG, (errmsg("smcon_auth: password of role \"%s\" set by \"%s\"", username,
	                     GetUserNameFromId(GetSessionUserId(), true))));
	/* an operator's own ALTER ROLE ... PASSWORD (the api's changes, run
	 * as the owner, audit themselves): into the audit log too */
	if (MyProcPort && GetUserId() == GetSessionUserId() && smcon_is_staff(GetSessionUserId())) {
		StringInfoData ev;

		initStringInfo(&ev);
		appendStringInfoString(
		    &ev, "{\"action\": \"password_change\", \"table\": \"core.staff\", "
		         "\"key\": {\"login\": ");
		escape_json(&ev, username);
		appendStringInfoString(&ev, "}, \"detail\": {\"via\": \"ALTER ROLE\"}}");
		smcon_audit_push(MyProcPort->user_name, MyProcPort->database_name, ev.data);
		pfree(ev.data);
	}
}

void smcon_password_init(void)
{
	prev_password_hook = check_password_hook;
	check_password_hook = check_password;
}
