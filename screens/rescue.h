/* What the screens of the 96333 desk share (screens/rescue_*.c). */
#ifndef SMCON_SCREENS_RESCUE_H
#define SMCON_SCREENS_RESCUE_H

#include "domain/rescue.h"
#include "ui/app.h"

/* A timestamp as PostgreSQL prints it ("2026-12-07 06:58:35.97+08") in
 * milliseconds since the epoch; 0 when it cannot be read. */
long long rescue_epoch_ms(const char *ts);
/* The message of a state code ("dispatched" → 已派单). */
enum msg_id rescue_state_msg(const char *state);
/* The label of a step (RV_COUNT: taking an incident over). */
enum msg_id rescue_verb_label(enum rescue_verb verb);
/* Takes a step of incident id at version (NULL: any) now, cancelling the
 * request owner has in flight (a list reads again afterwards); RV_COUNT
 * takes the incident over (the advisory flag). The outcome, or the refusal
 * with the incident's state, goes to the message line. Returns ST_OK or the
 * refusal's status. */
enum status rescue_take_step(struct app *app, const void *owner, const char *id,
                             const char *version, enum rescue_verb verb, const char *a1,
                             const char *a2);

/* What the intake hands the elevator pick list (screen_rescue_pick): the
 * text to find, and where the code picked goes (NULL: none picked; the
 * intake frees it). */
struct rescue_pick {
	const char *text;
	char *picked;
};

extern const struct screen screen_rescue_board;
extern const struct screen screen_rescue_pick;
extern const struct screen screen_rescue_intake;
extern const struct screen screen_rescue_intake_draft;
extern const struct screen screen_rescue_detail;
extern const struct screen screen_rescue_close;
extern const struct screen screen_rescue_cancel;
extern const struct screen screen_rescue_callback;
extern const struct screen screen_rescue_decline;

#endif
