#include "print/report_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/outfile.h"
#include "base/xalloc.h"
#include "i18n/i18n.h"

void report_file_name(const struct report_run *run, const char *report, enum report_format f,
                      const char *dir, struct strbuf *out)
{
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y%m%d", &tm);
	size_t n = strlen(dir);
	strbuf_addf(out, "%s%s%s_%s_%s_%s_%s_%s.%s", dir, n && dir[n - 1] == '/' ? "" : "/", report,
	            run->org_code ? run->org_code : "all", run->group_by ? run->group_by : "",
	            run->date_from, run->date_to, today, report_format_ext(f));
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void now_text(char *buf, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
}

static void fail_errno(struct db_error *err, const char *path, int e)
{
	char *m = trs(MSG_REPORT_WRITE_FAILED, path, strerror(e));
	db_error_set(err, ST_ERROR, m);
	free(m);
}

/* Fetches and writes every row; returns ST_OK or the fetch's status. */
static enum status copy_rows(struct report_run *run, struct report_out *o,
                             const struct report_write *w, struct db_error *err)
{
	long rows = 0;
	const char **cells = xcalloc((size_t)run->ncols + 1, sizeof *cells);
	enum status st = ST_OK;
	for (;;) {
		PGresult *res = report_run_fetch(run, w->fetch_rows > 0 ? w->fetch_rows : 500, err);
		if (!res) {
			st = err->status ? err->status : ST_ERROR;
			break;
		}
		int n = PQntuples(res), nf = PQnfields(res);
		for (int r = 0; r < n; r++) {
			for (int c = 0; c < run->ncols; c++)
				cells[c] = c < nf && !PQgetisnull(res, r, c) ? PQgetvalue(res, r, c)
				                                             : NULL;
			report_out_row(o, cells);
		}
		PQclear(res);
		rows += n;
		if (w->progress)
			w->progress(w->arg, rows);
		if (n == 0)
			break;
	}
	free(cells);
	return st;
}

enum status report_write_run(struct report_run *run, const struct report_write *w,
                             struct strbuf *path, struct db_error *err)
{
	char generated[32];
	now_text(generated, sizeof generated);
	struct report_doc d = {w->name,
	                       w->title,
	                       run->date_from,
	                       run->date_to,
	                       run->org_name,
	                       run->group_by,
	                       run->masked,
	                       generated,
	                       run->ncols,
	                       run->cols,
	                       w->format == RF_XLSX || w->format == RF_TABLE ? run->chart_col : -1};
	struct strbuf msg = STRBUF_INIT;
	struct outfile of = {0};
	char *xtmp = NULL;
	FILE *stream = w->stream;
	enum status st = ST_OK;
	if (w->target) {
		if (is_dir(w->target))
			report_file_name(run, w->name, w->format, w->target, path);
		else
			strbuf_add(path, w->target);
		if (w->format == RF_XLSX) {
			xtmp = outfile_temp(strbuf_str(path)); /* libxlsxwriter writes it by name */
			if (!xtmp) {
				fail_errno(err, strbuf_str(path), errno);
				return ST_ERROR;
			}
		} else {
			int e = outfile_open(&of, strbuf_str(path));
			if (e) {
				fail_errno(err, strbuf_str(path), e);
				return ST_ERROR;
			}
			stream = of.f;
		}
	}
	struct report_out *o = report_out_new(w->format, &d, stream, xtmp, w->bom, &msg);
	if (!o) {
		db_error_set(err, ST_ERROR, strbuf_str(&msg));
		st = ST_ERROR;
		goto cleanup;
	}
	st = copy_rows(run, o, w, err);
	if (report_out_finish(o, &msg) != 0 && st == ST_OK) {
		db_error_set(err, ST_ERROR, strbuf_str(&msg));
		st = ST_ERROR;
	}
cleanup:
	if (xtmp) {
		if (st == ST_OK && rename(xtmp, strbuf_str(path)) != 0) {
			fail_errno(err, strbuf_str(path), errno);
			st = ST_ERROR;
		}
		if (st != ST_OK)
			unlink(xtmp);
		free(xtmp);
	} else if (of.f) {
		if (st == ST_OK) {
			int e = outfile_commit(&of);
			if (e) {
				fail_errno(err, strbuf_str(path), e);
				st = ST_ERROR;
			}
		} else {
			outfile_abort(&of);
		}
	}
	strbuf_free(&msg);
	return st;
}
