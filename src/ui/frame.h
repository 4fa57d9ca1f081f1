/* The frame around every screen: title bar, message line, key line and
 * status bar, and the notice shown when the terminal is too small. */
#ifndef SMCON_FRAME_H
#define SMCON_FRAME_H

#include "ui/app.h"

#define FRAME_MIN_COLS 80
#define FRAME_MIN_ROWS 24

/* Whether the terminal is smaller than 80×24. */
int frame_too_small(void);
/* Paints everything: the frame and the top screen. */
void frame_draw(struct app *app);

#endif
