/* Call logs to replay, from a CSV file: the columns, the fields, the order of the rows. */
#include "models/scenario/trace.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario/scenario.h"
#include "sim/alloc.h"
#include "sim/csvread.h"
#include "sim/duration.h"

enum { COL_ARRIVAL, COL_QUEUE, COL_DAY, COL_HANDLE, COL_PATIENCE, COL_PRIORITY, COL_CHANNEL,
       N_COLUMNS };
const char *const cc_trace_columns[] = { "arrival", "queue", "day", "handle_s", "patience_s",
	                                 "priority", "channel", NULL };

/* ---- reporting and fields ---- */

__attribute__((format(printf, 5, 6)))
static enum cc_status fail(char *err, size_t errlen, const struct cc_trace *t, size_t line,
                           const char *fmt, ...)
{
	int k = line ? snprintf(err, errlen, "%s:%zu: ", t->path, line)
	             : snprintf(err, errlen, "%s: ", t->path);
	if (k >= 0 && (size_t)k < errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return CC_ERR_SCENARIO;
}

long cc_trace_queue(const struct cc_trace *t, const char *name)
{
	for (size_t q = 0; q < t->n_queues; q++)
		if (strcmp(t->queues[q], name) == 0)
			return (long)q;
	return -1;
}

/* The header: every column one of cc_trace_columns, none twice, arrival among them. */
static enum cc_status header_columns(struct cc_csv_reader *r, struct cc_trace *t,
                                     long col[N_COLUMNS], char *err, size_t errlen)
{
	for (int k = 0; k < N_COLUMNS; k++)
		col[k] = -1;
	for (size_t c = 0; c < r->n; c++) {
		cc_csv_trim(r->fields[c]);
		for (char *p = r->fields[c]; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		int k = 0;
		while (k < N_COLUMNS && strcmp(r->fields[c], cc_trace_columns[k]) != 0)
			k++;
		if (k == N_COLUMNS)
			return fail(err, errlen, t, 1, "%s: unknown column (the columns are arrival, "
			            "queue, day, handle_s, patience_s, priority and channel)",
			            r->fields[c]);
		if (col[k] >= 0)
			return fail(err, errlen, t, 1, "%s: the column is named twice", r->fields[c]);
		col[k] = (long)c;
	}
	if (col[COL_ARRIVAL] < 0)
		return fail(err, errlen, t, 1, "arrival: no such column (the header must name it: "
		            "seconds from time 0, or clock times HH:MM:SS)");
	t->has_queue = col[COL_QUEUE] >= 0;
	t->has_day = col[COL_DAY] >= 0;
	return CC_OK;
}

/* An arrival: seconds from 0, or a clock time when ORIGIN_S (the clock of time 0) is set;
 * a clock time before the start is taken as on the next day, as the scenario's own are. */
static int arrival_time(const char *s, double origin_s, double *out)
{
	if (strchr(s, ':')) {
		char padded[16];
		double clock;
		snprintf(padded, sizeof padded, "%s%s", s[1] == ':' ? "0" : "", s);
		if (isnan(origin_s) || cc_clock_parse(padded, &clock) != CC_OK)
			return 0;
		*out = clock - origin_s;
		if (*out < 0)
			*out += 86400;
		return 1;
	}
	return cc_csv_decimal(s, out) == CC_OK;
}

/* An optional duration in seconds: NaN when empty. */
static enum cc_status seconds(const struct cc_trace *t, size_t line, const char *name,
                              const char *s, int positive, double *out, char *err,
                              size_t errlen)
{
	*out = NAN;
	if (!*s)
		return CC_OK;
	if (cc_csv_decimal(s, out) || *out < 0 || (positive && *out == 0) ||
	    *out > CC_MAX_DURATION_S)
		return fail(err, errlen, t, line, "%s: must be a number of seconds %s, or empty to "
		            "draw it (got '%s')", name, positive ? "above 0" : ">= 0", s);
	return CC_OK;
}

/* The day names seen so far, for the rows' day indexes. */
struct days {
	char **names;
	size_t *first_line, *last_line;
	size_t n;
};

/* One row into *ROW: its fields parsed, its queue and day added to T (and D) when new. */
static enum cc_status read_row(struct cc_csv_reader *r, size_t line, const long col[N_COLUMNS],
                               double origin_s, double horizon_s, struct cc_trace *t,
                               struct days *d, struct cc_trace_row *row, char *err,
                               size_t errlen)
{
	const char *f[N_COLUMNS];
	for (int k = 0; k < N_COLUMNS; k++) {
		f[k] = "";
		if (col[k] < 0)
			continue;
		if ((size_t)col[k] >= r->n)
			return fail(err, errlen, t, line, "%s: missing (the row has %zu field%s, the "
			            "header names %ld or more)", cc_trace_columns[k], r->n,
			            r->n == 1 ? "" : "s", col[k] + 1);
		cc_csv_trim(r->fields[col[k]]);
		f[k] = r->fields[col[k]];
	}
	memset(row, 0, sizeof *row);
	row->line = line;
	if (line > INT32_MAX)
		return fail(err, errlen, t, line, "more than %d lines: split the log", INT32_MAX);
	if (!arrival_time(f[COL_ARRIVAL], origin_s, &row->arrival_s))
		return fail(err, errlen, t, line, "arrival: must be %s (got '%s')",
		            isnan(origin_s) ? "seconds from time 0, a number (clock times go with a "
		                              "scenario's `start`)"
		                            : "seconds from time 0 or a clock time HH:MM:SS",
		            f[COL_ARRIVAL]);
	if (!(row->arrival_s >= 0 && row->arrival_s < horizon_s))
		return fail(err, errlen, t, line, "arrival: %g s from time 0 is outside the "
		            "scenario's horizon [0, %g s)", row->arrival_s, horizon_s);
	enum cc_status st;
	if ((st = seconds(t, line, "handle_s", f[COL_HANDLE], 1, &row->handle_s, err, errlen)) ||
	    (st = seconds(t, line, "patience_s", f[COL_PATIENCE], 0, &row->patience_s, err,
	                  errlen)))
		return st;
	row->priority = -1;
	if (*f[COL_PRIORITY]) {
		double p;
		if (cc_csv_decimal(f[COL_PRIORITY], &p) || p < 0 || p != floor(p) || p > 255)
			return fail(err, errlen, t, line, "priority: must be a whole number >= 0 (0: no "
			            "head start; k: the queue's k-th priorities class), or empty (got "
			            "'%s')", f[COL_PRIORITY]);
		row->priority = (int)p;
	}
	row->channel = -1;
	if (*f[COL_CHANNEL]) {
		int ch = 0;
		while (ch < CC_CHANNEL_COUNT && strcmp(cc_channel_names[ch], f[COL_CHANNEL]) != 0)
			ch++;
		if (ch == CC_CHANNEL_COUNT)
			return fail(err, errlen, t, line, "channel: \"%s\" is no channel (voice, chat, "
			            "email, task or callback)", f[COL_CHANNEL]);
		row->channel = ch;
	}
	if (t->has_queue) {
		if (!*f[COL_QUEUE])
			return fail(err, errlen, t, line, "queue: must name a queue (got an empty "
			            "field)");
		long q = cc_trace_queue(t, f[COL_QUEUE]);
		if (q < 0) {
			t->queues = cc_realloc(t->queues, t->n_queues + 1, sizeof *t->queues);
			t->queue_line = cc_realloc(t->queue_line, t->n_queues + 1, sizeof *t->queue_line);
			t->queues[t->n_queues] = cc_strdup(f[COL_QUEUE]);
			t->queue_line[t->n_queues] = line;
			q = (long)t->n_queues++;
		}
		row->queue = (size_t)q;
	}
	if (t->has_day) {
		/* A new day begins when the name changes; a name seen before is a day split up. */
		if (d->n == 0 || strcmp(d->names[d->n - 1], f[COL_DAY]) != 0) {
			for (size_t k = 0; k < d->n; k++)
				if (strcmp(d->names[k], f[COL_DAY]) == 0)
					return fail(err, errlen, t, line, "day: \"%s\" comes back after other "
					            "days (its rows are on lines %zu to %zu): a day's rows must "
					            "be together", f[COL_DAY], d->first_line[k], d->last_line[k]);
			d->names = cc_realloc(d->names, d->n + 1, sizeof *d->names);
			d->first_line = cc_realloc(d->first_line, d->n + 1, sizeof *d->first_line);
			d->last_line = cc_realloc(d->last_line, d->n + 1, sizeof *d->last_line);
			d->names[d->n] = cc_strdup(f[COL_DAY]);
			d->first_line[d->n] = line;
			d->n++;
		}
		d->last_line[d->n - 1] = line;
		row->day = d->n - 1;
	}
	return CC_OK;
}

/* Within a day, each queue's arrivals go forward (ties allowed). LAST: per queue, the row
 * seen last, or NULL. */
static enum cc_status in_order(const struct cc_trace *t, const struct cc_trace_row *row,
                               const struct cc_trace_row **last, char *err, size_t errlen)
{
	const struct cc_trace_row *prev = last[row->queue];
	if (prev && prev->day == row->day && row->arrival_s < prev->arrival_s)
		return fail(err, errlen, t, row->line, "arrival: goes back in time (%g s after %g s "
		            "on line %zu%s): a queue's calls of a day must go forward", row->arrival_s,
		            prev->arrival_s, prev->line, t->has_queue ? ", the same queue" : "");
	last[row->queue] = row;
	return CC_OK;
}

enum cc_status cc_trace_read(const char *path, double origin_s, double horizon_s,
                             struct cc_trace *t, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->path = cc_strdup(path);
	size_t len = 0, cap = 0;
	struct cc_csv_reader r = { 0 };
	struct days d = { 0 };
	const struct cc_trace_row **last = NULL;
	enum cc_status st = CC_OK;
	char *text = NULL;
	if (cc_csv_read_file(path, &text, &len) != CC_OK) {
		snprintf(err, errlen, "%s: cannot read the trace: %s", path, strerror(errno));
		st = CC_ERR_IO;
		goto out;
	}
	cc_csv_reader_init(&r, text, len, '\0'); /* ";" as European spreadsheets write it */
	long col[N_COLUMNS];
	enum cc_status got = cc_csv_reader_next(&r);
	if (got != CC_OK || r.n == 0) {
		st = fail(err, errlen, t, 1, got ? "a quote is never closed"
		          : "is empty: a header row must name the columns");
		goto out;
	}
	if ((st = header_columns(&r, t, col, err, errlen)))
		goto out;
	size_t width = r.n;
	while ((got = cc_csv_reader_next(&r)) == CC_OK && r.n > 0) {
		size_t line = r.line;
		if (r.n == 1 && !*r.fields[0])
			continue; /* an empty line */
		if (r.n > width) {
			st = fail(err, errlen, t, line, "the row has %zu fields, the header %zu (a decimal "
			          "comma? write 1.5)", r.n, width);
			goto out;
		}
		if (t->n_rows == cap)
			t->rows = cc_realloc(t->rows, cap = cap ? 2 * cap : 256, sizeof *t->rows);
		if ((st = read_row(&r, line, col, origin_s, horizon_s, t, &d, &t->rows[t->n_rows],
		                   err, errlen)))
			goto out;
		t->n_rows++;
	}
	if (got != CC_OK) {
		st = fail(err, errlen, t, r.line, "a quote is never closed");
		goto out;
	}
	if (t->n_rows == 0) {
		st = fail(err, errlen, t, 1, "arrival: no calls under the header (a trace replays at least one)");
		goto out;
	}
	last = cc_calloc(t->n_queues ? t->n_queues : 1, sizeof *last);
	for (size_t i = 0; i < t->n_rows; i++)
		if ((st = in_order(t, &t->rows[i], last, err, errlen)))
			goto out;
	t->n_days = t->has_day ? d.n : 1;
out:
	for (size_t k = 0; k < d.n; k++)
		cc_free(d.names[k]);
	cc_free(d.names);
	cc_free(d.first_line);
	cc_free(d.last_line);
	cc_free(last);
	cc_csv_reader_fini(&r);
	cc_free(text);
	int e = errno;
	if (st)
		cc_trace_fini(t);
	errno = e; /* the reason a file could not be read, for the caller's own message */
	return st;
}

void cc_trace_fini(struct cc_trace *t)
{
	if (!t)
		return;
	for (size_t q = 0; q < t->n_queues; q++)
		cc_free(t->queues[q]);
	cc_free(t->queues);
	cc_free(t->queue_line);
	cc_free(t->rows);
	cc_free(t->path);
	memset(t, 0, sizeof *t);
}
