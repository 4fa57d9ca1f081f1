/* The report screens: the catalog (report_list.c), the parameter form
 * (report_form.c) and the report as a table and a chart (report_view.c). */
#ifndef SMCON_REPORT_SCREENS_H
#define SMCON_REPORT_SCREENS_H

#include "domain/report.h"
#include "ui/app.h"

/* What the form hands the report view (copied on entry). */
struct report_request {
	const struct report_info *info;
	const char *from, *to, *org, *by;
};

extern const struct screen screen_report_form;
extern const struct screen screen_report_view;
extern const struct screen screen_report_stations;

#endif
