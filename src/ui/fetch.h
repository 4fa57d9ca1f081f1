/* One request a screen reads without blocking: asked for, sent as soon as
 * the app's connection is free, collected from the screen's tick, and sent
 * again when the app cancelled it because the screen was covered (see the
 * owner tokens in app.h). For a screen that shows one result (an item, an
 * article); lists use ui/livelist.h. */
#ifndef SMCON_FETCH_H
#define SMCON_FETCH_H

#include "ui/app.h"

struct fetch {
	const void *owner;   /* the screen's state pointer */
	int want;            /* to be sent from the next tick */
	int sent;            /* running */
	struct strbuf error; /* why the last request failed, "" when it did not */
};

/* Sends the request (with db_async_send, nothing else); returns ST_OK or
 * err->status. */
typedef enum status (*fetch_send_fn)(struct app *app, void *ctx, struct db_error *err);

void fetch_init(struct fetch *f, const void *owner);
/* Cancels a running request (without blocking) and frees f's memory. */
void fetch_free(struct fetch *f, struct app *app);
/* Asks for the request: a running one is cancelled (its answer is not
 * wanted any more) and the request goes out from the next tick. */
void fetch_want(struct fetch *f, struct app *app);
/* Call from the screen's tick. Returns 1 when an answer came: *res (the
 * caller PQclear()s) or NULL with f->error filled; else 0. */
int fetch_tick(struct fetch *f, struct app *app, fetch_send_fn send, void *ctx, PGresult **res);

#endif
