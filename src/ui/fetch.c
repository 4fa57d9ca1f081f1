#include "ui/fetch.h"

void fetch_init(struct fetch *f, const void *owner)
{
	f->owner = owner;
	f->want = 0;
	f->sent = 0;
	strbuf_init(&f->error);
}

void fetch_free(struct fetch *f, struct app *app)
{
	if (f->sent)
		db_async_cancel_owned(&app->db, f->owner);
	strbuf_free(&f->error);
}

void fetch_want(struct fetch *f, struct app *app)
{
	if (f->sent) {
		db_async_cancel_owned(&app->db, f->owner);
		f->sent = 0;
	}
	f->want = 1;
	app_wake_in(app, 0);
}

static void failed(struct fetch *f, const struct db_error *err)
{
	strbuf_reset(&f->error);
	strbuf_add(&f->error, strbuf_str(&err->message));
}

int fetch_tick(struct fetch *f, struct app *app, fetch_send_fn send, void *ctx, PGresult **res)
{
	struct db_error err;
	int done = 0;
	*res = NULL;
	db_error_init(&err);
	if (!f->sent && f->want && db_idle(&app->db)) {
		f->want = 0;
		if (send(app, ctx, &err) == ST_OK) {
			db_async_adopt(&app->db, f->owner);
			f->sent = 1;
		} else {
			failed(f, &err);
			done = 1;
		}
	} else if (f->sent) {
		int r = db_async_poll_owned(&app->db, f->owner, res, &err);
		f->sent = r == 0;
		f->want = r < 0; /* cancelled while the screen was covered: again */
		if (r > 0) {
			strbuf_reset(&f->error);
			if (!*res)
				failed(f, &err);
			done = 1;
		}
	}
	db_error_free(&err);
	return done;
}
