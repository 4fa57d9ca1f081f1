/* The entity search results as rows: printed by `entity search`, exported
 * as CSV by the search screen. */
#ifndef SMCON_PRINT_ENTITY_ROWS_H
#define SMCON_PRINT_ENTITY_ROWS_H

#include "domain/entity.h"
#include "print/rowset.h"

/* The loaded search results as rows: every column with machine names
 * (machine), or the columns of a table with labels. Caller frees. */
struct rowset *entity_hits_rowset(const struct entity_page *p, int machine);

#endif
