/* The keys of the action table, parsed once (the specs in
 * src/domain/actions_*.def are text), and the keys every screen has. */
#ifndef SMCON_KEYMAP_H
#define SMCON_KEYMAP_H

#include "base/strbuf.h"
#include "domain/action.h"
#include "ui/keys.h"

/* Parses every action's keys into the map. Returns how many specs had a
 * name that is no key, each described on a line of errors (when given).
 * The keys are parsed on first use as well; main() calls it to log what is
 * wrong at start-up, the unit test to fail on it. */
int keymap_init(struct strbuf *errors);
/* The parsed keys of action id (none for ACT_NONE or an unknown id). */
const struct key_set *keymap_keys(enum action_id id);
/* Whether k is one of action id's keys. */
int keymap_matches(const struct key *k, enum action_id id);
/* Whether actions a and b have a key in common (filled in *common). */
int keymap_shared(enum action_id a, enum action_id b, struct key *common);

#endif
