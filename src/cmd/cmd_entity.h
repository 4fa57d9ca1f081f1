/* The entity commands' rows, shared with the search screen's CSV export. */
#ifndef SMCON_CMD_ENTITY_H
#define SMCON_CMD_ENTITY_H

#include "cmd/rowset.h"
#include "domain/entity.h"

/* The loaded search results as rows: every column with machine names
 * (machine), or the columns of a table with labels. Caller frees. */
struct rowset *entity_hits_rowset(const struct entity_page *p, int machine);

#endif
