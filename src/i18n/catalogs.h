/* The message catalogs, one file per part of the program. Included only by
 * i18n.h and i18n.c with M() defined. */
#include "i18n/core.def"
#include "i18n/cmd.def"
#include "i18n/uscc.def"
#include "i18n/reference.def"
#include "i18n/generate.def"
#include "i18n/import.def"
#include "i18n/security.def"
#include "i18n/entity.def"
#include "i18n/csv.def"
#include "i18n/live.def"
#include "i18n/form.def"
#include "i18n/ha.def"
