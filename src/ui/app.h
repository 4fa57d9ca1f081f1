/* The full-screen console: a stack of screens, the event loop that poll()s
 * the terminal and the database socket, and the frame around every screen
 * (title bar, message line, key line, status bar). */
#ifndef SMCON_APP_H
#define SMCON_APP_H

#include <time.h>

#include "base/conf.h"
#include "base/strbuf.h"
#include "db/conninfo.h"
#include "db/db.h"
#include "domain/action.h"
#include "domain/audit.h"
#include "domain/session.h"
#include "ui/keys.h"

struct rect {
	int y, x, h, w;
};

/* What a screen handler returns. */
enum {
	SCR_UNHANDLED = 0,
	SCR_HANDLED = 1 << 0, /* consumed; the frame is redrawn */
	SCR_POP = 1 << 1,     /* close this screen */
	SCR_QUIT = 1 << 2,    /* leave the program */
};

struct app;

/* One screen. Only draw() paints; handlers change state and return flags. */
struct screen {
	const char *name;
	enum msg_id title;
	/* The actions this screen offers (ACT_NONE-terminated): they define its
	 * keys, its key line and its help page. */
	const enum action_id *actions;
	/* Creates the screen's state from arg. */
	void *(*enter)(struct app *app, void *arg);
	/* Frees the state. */
	void (*leave)(struct app *app, void *state);
	/* Paints the content area r. */
	void (*draw)(struct app *app, void *state, const struct rect *r);
	/* Optional: sees every key first (text input). */
	int (*key)(struct app *app, void *state, const struct key *k);
	/* Handles one of its actions (role and precondition already checked). */
	int (*action)(struct app *app, void *state, enum action_id a);
	/* Optional: whether a PRE_SELECTION action has something selected. */
	int (*has_selection)(struct app *app, void *state);
	/* Optional: whether the key line offers action a now (e.g. declining
	 * a proposal only when the selected row has one); NULL: every action
	 * of the list. The key still reaches action(), which says why not. */
	int (*offers)(struct app *app, void *state, enum action_id a);
	/* Optional: whether a text field has the focus now, so that the keys a
	 * text field takes (printable characters, Left/Right, Home/End,
	 * Backspace, ^U ...) are text: the help page and the key line then
	 * leave those keys out of each action (Esc/q shows as Esc). */
	int (*typing)(struct app *app, void *state);
	/* Optional: called about once a second and after each event (top screen only). */
	int (*tick)(struct app *app, void *state);
	/* Optional: a notification arrived on a channel this screen subscribed to
	 * with app_subscribe(). Called for every subscribed screen on the stack,
	 * background screens included, right after the event loop read it; the
	 * payload is the NOTIFY's text ("" when none). A handler only records
	 * what to refresh (a covered screen cannot run a request: see
	 * app_push); the frame is redrawn afterwards. */
	void (*notify)(struct app *app, void *state, const char *channel, const char *payload);
};

enum msg_kind { MSGK_INFO, MSGK_ERROR };

#define APP_MAX_DEPTH 16

/* A screen's subscription to a LISTEN channel (app_subscribe). */
struct app_sub {
	void *state; /* the subscriber: a screen's state pointer */
	char *channel;
};

struct app {
	struct conf *conf;
	struct db db;
	struct db_reports reports; /* heavy reads: db_reports_open(&app->reports, ...) */
	struct session session;
	int logged_in;
	struct {
		const struct screen *screen;
		void *state;
	} stack[APP_MAX_DEPTH];
	int depth;
	struct strbuf message;
	enum msg_kind message_kind;
	int quit;
	time_t last_reconnect;
	int status; /* exit status of the program */
	long long wake_ms;     /* a screen wants a tick by this time (0 = none) */
	long long last_key_ms; /* when the operator last pressed a key */
	int locked;            /* the idle lock is showing */
	int auth_rejected;     /* the server refused the saved password: ask, never retry it */
	const char *initial_user; /* -U: the login screen starts with it */
	struct app_sub *subs;     /* LISTEN subscriptions of the open screens */
	int nsubs;
	long long notified; /* notifications dispatched (for tests and benchmarks) */
};

void app_init(struct app *app, struct conf *conf);
void app_free(struct app *app);
/* Runs the console until the operator quits. Returns the exit status. */
int app_run(struct app *app);
/* Opens a screen on top; the screen already on top is not opened again.
 * Returns 0, or -1 with a message when the stack is full (one place is
 * kept for the idle lock, so the console can always lock). */
int app_push(struct app *app, const struct screen *s, void *arg);
/* Closes screens until depth screens remain. */
void app_pop_to(struct app *app, int depth);
/* Shows a message on the message line until the next key. */
void app_message(struct app *app, enum msg_kind kind, const char *text);
/* The directory exports go to (ui.export_dir or the default under
 * $XDG_DATA_HOME, see conf_export_dir), created when missing: appends it to
 * dir. Returns 0, or an errno value (then the message line says why). */
int app_export_dir(struct app *app, struct strbuf *dir);
/* Records an export (or a report run elsewhere) in the audit log on the
 * primary (audit_output_note). Returns 0, or -1 after telling the operator
 * why: the caller then does not export. */
int app_audit_output(struct app *app, const struct audit_output *o);
/* Actions every screen has, after its own (ACT_NONE-terminated): a key a
 * screen's own action has goes to that action first (see screens_key_shares). */
extern const enum action_id app_global_actions[];
/* The action of list (ACT_NONE-terminated) that key k is bound to, or
 * ACT_NONE: a screen with a text box asks it before taking a key as text. */
enum action_id app_key_action(const enum action_id *list, const struct key *k);
/* Whether the logged-in operator may use action a (roles and preconditions). */
int app_allowed(struct app *app, enum action_id a);
/* Why not (action_check on the session and the top screen's selection), or ACTION_OK. */
enum action_refusal app_refusal(struct app *app, enum action_id a);
/* Whether the top screen offers action a now: app_allowed() and, for the
 * screen's own actions, its offers hook. The help page and the key line
 * list only these. */
int app_offered(struct app *app, enum action_id a);
/* Whether the top screen has a text field in focus (its typing hook). */
int app_typing(struct app *app);
/* Appends the keys of action a that work on the top screen now, as the help
 * page and the key line show them ("Esc/q"; "Esc" while typing). Returns
 * how many keys it appended (0: none works now). */
int app_keys_shown(struct app *app, enum action_id a, struct strbuf *out);
/* Logs out: closes the connection and forgets the session. */
void app_logout(struct app *app);
/* Milliseconds of a monotonic clock. */
long long app_now_ms(void);
/* Asks for a tick (the screen's tick handler) within ms milliseconds. */
void app_wake_in(struct app *app, int ms);

/* ---- the app-owned connection ------------------------------------------
 *
 * Owner token: a screen's state pointer. A screen that sends a request with
 * db_async_send() tags it with db_async_adopt(&app->db, state) and collects
 * it with db_async_poll_owned(&app->db, state, ...). The app cancels (without
 * blocking) the request of a screen that is closed (app_pop_to) or covered by
 * another screen (app_push), so a result never reaches a screen that is gone;
 * the covered screen's poll then answers -1 and it sends again when it is on
 * top. src/ui/livelist.h does all of this for lists. */

/* Subscribes screen state to a LISTEN channel: the screen's notify handler
 * gets every notification on it until the screen is closed (the
 * subscription ends by itself) or app_unsubscribe(). The app LISTENs (name
 * quoted), and LISTENs again after every reconnect. Returns 0, or -1 for an
 * invalid channel name (empty or over 63 bytes). */
int app_subscribe(struct app *app, void *state, const char *channel);
/* Ends state's subscription to channel (NULL: to every channel). */
void app_unsubscribe(struct app *app, void *state, const char *channel);
/* Hands one notification to every subscribed screen (the event loop does
 * this for each PQnotifies; exposed for tests). Returns how many got it. */
int app_dispatch(struct app *app, const char *channel, const char *payload);

/* The content area below the title bar and above the message line. */
struct rect app_content(void);

#endif
