/* Forecasts of contacts per interval from a CSV file: the columns, the fields, the grid. */
#include "models/scenario/forecast.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/alloc.h"
#include "sim/csvread.h"
#include "sim/duration.h"

/* The names planners' WFM exports give each column (NICE IEX, Verint, Genesys, Calabrio,
 * Amazon Connect), normalised. */
static const char *const start_names[] = { "intervalstart", "interval", "start", "starttime",
	                                   "intervalstarttime", "time", "period", "datetime",
	                                   "timestamp", NULL };
static const char *const queue_names[] = { "queue", "queuename", "skill", "split", "workload",
	                                   "contacttype", "activity", NULL };
static const char *const volume_names[] = { "volume", "calls", "contacts", "offered",
	                                    "callsoffered", "contactsoffered",
	                                    "forecastvolume", "forecastedvolume", "forecastcalls",
	                                    "forecastedcalls", "forecastcontacts",
	                                    "forecastedcontacts", "contactvolume", "cv", NULL };
static const char *const aht_names[] = { "aht", "ahts", "ahtsec", "ahtseconds", "handletime",
	                                 "averagehandletime", "forecastaht", "forecastedaht", NULL };
const char *const *const cc_forecast_columns[4] = { start_names, queue_names, volume_names,
	                                            aht_names };

/* Two starts this close are the same time (clock times have whole seconds at most). */
#define SAME_TIME_S 1e-6

/* ---- reporting ---- */

__attribute__((format(printf, 5, 6)))
static enum cc_status fail(char *err, size_t errlen, const struct cc_forecast *f, size_t line,
                           const char *fmt, ...)
{
	int k = line ? snprintf(err, errlen, "%s:%zu: ", f->path, line)
	             : snprintf(err, errlen, "%s: ", f->path);
	if (k >= 0 && (size_t)k < errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return CC_ERR_SCENARIO;
}

/* ---- fields ---- */

/* NAME in lower case without spaces, '_', '-', '(', ')', '[', ']' or '.'. */
static void normalise(const char *name, char *out, size_t len)
{
	size_t k = 0;
	for (; *name && k + 1 < len; name++)
		if (!strchr(" _-()[].\t", *name))
			out[k++] = (char)tolower((unsigned char)*name);
	out[k] = '\0';
}

/* A start: "07:30", "7:30", "07:30:00", with a date ("2026-03-02 07:30", or 'T' between)
 * before it; or, when not CLOCK, seconds. *CLOCK (-1: undecided) is set by the first. */
static int start_time(const char *s, int *clock, double *out, long *day)
{
	const char *t = s;
	*day = LONG_MIN;
	if (strlen(s) > 11 && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T')) {
		char date[11];
		memcpy(date, s, 10);
		date[10] = '\0';
		if (cc_date_parse(date, day) != CC_OK)
			return 0;
		for (t = s + 11; *t == ' '; t++)
			;
	}
	if (strchr(t, ':')) {
		char padded[16];
		snprintf(padded, sizeof padded, "%s%s", t[1] == ':' ? "0" : "", t);
		if (*clock == 0 || cc_clock_parse(padded, out) != CC_OK)
			return 0;
		*clock = 1;
		return 1;
	}
	if (*clock == 1 || t != s || cc_csv_decimal(t, out) || *out < 0)
		return 0;
	*clock = 0;
	return 1;
}

/* The column of the header whose name is one of NAMES, or -1. */
static long find_column(char *const *header, size_t n, const char *const *names)
{
	for (size_t c = 0; c < n; c++) {
		char norm[64];
		normalise(header[c], norm, sizeof norm);
		for (size_t k = 0; names[k]; k++)
			if (strcmp(norm, names[k]) == 0)
				return (long)c;
	}
	return -1;
}

/* ---- the file ---- */

struct row {
	size_t line;
	size_t queue;
	double start_s, volume, aht_s;
};

long cc_forecast_queue(const struct cc_forecast *f, const char *name)
{
	for (size_t q = 0; q < f->n_queues; q++)
		if (strcmp(f->queues[q], name) == 0)
			return (long)q;
	return -1;
}

/* The header's columns: start, queue and volume required, AHT optional (-1). */
static enum cc_status header_columns(struct cc_csv_reader *r, struct cc_forecast *f,
                                     long col[4], char *err, size_t errlen)
{
	static const char *const what[] = { "interval start", "queue", "volume" };
	char *names[4] = { f->start_column, f->queue_column, f->volume_column, f->aht_column };
	for (size_t c = 0; c < r->n; c++)
		cc_csv_trim(r->fields[c]);
	for (int k = 0; k < 4; k++) {
		col[k] = find_column(r->fields, r->n, cc_forecast_columns[k]);
		if (col[k] >= 0) {
			snprintf(names[k], sizeof f->start_column, "%s", r->fields[col[k]]);
			continue;
		}
		if (k == 3)
			break;
		char known[512] = "", given[512] = "";
		for (size_t i = 0; cc_forecast_columns[k][i]; i++)
			snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
			         i ? ", " : "", cc_forecast_columns[k][i]);
		for (size_t c = 0; c < r->n; c++)
			snprintf(given + strlen(given), sizeof given - strlen(given), "%s'%s'",
			         c ? ", " : "", r->fields[c]);
		return fail(err, errlen, f, 1, "%s: no such column (a header row must name it: %s, in "
		            "any case, spaces and '_' aside; this header has %s)", what[k], known,
		            given);
	}
	return CC_OK;
}

/* One row into *ROW (its queue added to F when new). */
static enum cc_status read_row(struct cc_csv_reader *r, size_t line, const long col[4],
                               int *clock, struct cc_forecast *f, struct row *row, char *err,
                               size_t errlen)
{
	for (int k = 0; k < 4; k++) {
		if (col[k] < 0)
			continue;
		const char *name[] = { f->start_column, f->queue_column, f->volume_column,
		                       f->aht_column };
		if ((size_t)col[k] >= r->n)
			return fail(err, errlen, f, line, "%s: missing (the row has %zu field%s, the "
			            "header %ld or more)", name[k], r->n, r->n == 1 ? "" : "s",
			            col[k] + 1);
		cc_csv_trim(r->fields[col[k]]);
	}
	const char *start = r->fields[col[0]], *queue = r->fields[col[1]],
	           *volume = r->fields[col[2]];
	row->line = line;
	long day;
	if (!start_time(start, clock, &row->start_s, &day))
		return fail(err, errlen, f, line, "%s: must be %s (got '%s')", f->start_column,
		            *clock == 1 ? "a clock time HH:MM"
		            : *clock == 0 ? "seconds from time 0, a number >= 0 (clock times go with "
		                            "a scenario's `start`, in every row)"
		            : "a clock time HH:MM or seconds from time 0", start);
	/* A scenario is one day: a file of several (a week's export) is refused at its second
	 * date, not read as one day's times twice over. F->day 0: no date seen yet. */
	if (day != LONG_MIN && f->day == 0) {
		f->day = day;
	} else if (day != LONG_MIN && day != f->day) {
		char first[16], here[16];
		cc_date_format(f->day, first, sizeof first);
		cc_date_format(day, here, sizeof here);
		return fail(err, errlen, f, line, "%s: the forecast covers more than one day (%s, "
		            "then %s here): a scenario is one day; give it one day's rows",
		            f->start_column, first, here);
	}
	if (!*queue)
		return fail(err, errlen, f, line, "%s: must name a queue (got an empty field)",
		            f->queue_column);
	if (cc_csv_decimal(volume, &row->volume) || row->volume < 0)
		return fail(err, errlen, f, line, "%s: must be a number >= 0 (got '%s')",
		            f->volume_column, volume);
	row->aht_s = NAN;
	if (col[3] >= 0 && *r->fields[col[3]] &&
	    (cc_csv_decimal(r->fields[col[3]], &row->aht_s) || !(row->aht_s > 0) ||
	     row->aht_s > 1e6))
		return fail(err, errlen, f, line, "%s: must be a number of seconds above 0 (got '%s')",
		            f->aht_column, r->fields[col[3]]);
	long q = cc_forecast_queue(f, queue);
	if (q < 0) {
		f->queues = cc_realloc(f->queues, f->n_queues + 1, sizeof *f->queues);
		f->queue_line = cc_realloc(f->queue_line, f->n_queues + 1, sizeof *f->queue_line);
		f->queues[f->n_queues] = cc_strdup(queue);
		f->queue_line[f->n_queues] = line;
		q = (long)f->n_queues++;
	}
	row->queue = (size_t)q;
	return CC_OK;
}

/* "07:30" or "1800s", for messages. */
static void time_text(const struct cc_forecast *f, double t, char *buf, size_t len)
{
	if (f->clock)
		cc_clock_format(fmod(t, 86400), buf, len);
	else
		snprintf(buf, len, "%gs", t);
}

/* Each queue's rows go forward in time, one per start. */
static enum cc_status in_order(struct cc_forecast *f, const struct row *rows, size_t n,
                               char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i; j-- > 0;) {
			if (rows[j].queue != rows[i].queue)
				continue;
			char a[32], b[32];
			time_text(f, rows[i].start_s, a, sizeof a);
			time_text(f, rows[j].start_s, b, sizeof b);
			if (fabs(rows[i].start_s - rows[j].start_s) < SAME_TIME_S)
				return fail(err, errlen, f, rows[i].line, "%s: queue \"%s\" has %s twice "
				            "(line %zu has it too): one row per queue and interval",
				            f->start_column, f->queues[rows[i].queue], a, rows[j].line);
			if (rows[i].start_s < rows[j].start_s)
				return fail(err, errlen, f, rows[i].line, "%s: goes back in time (%s after %s "
				            "on line %zu): a queue's rows must go forward", f->start_column, a,
				            b, rows[j].line);
			break;
		}
	return CC_OK;
}

static int ascending(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The grid: its length (given, or the smallest gap between starts), its origin; every start
 * on it. */
static enum cc_status on_grid(struct cc_forecast *f, const struct row *rows, size_t n,
                              double origin_s, char *err, size_t errlen)
{
	double first = INFINITY, last = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		first = fmin(first, rows[i].start_s);
		last = fmax(last, rows[i].start_s);
	}
	if (!(f->interval_s > 0)) {
		double *starts = cc_malloc(n * sizeof *starts);
		for (size_t i = 0; i < n; i++)
			starts[i] = rows[i].start_s;
		qsort(starts, n, sizeof *starts, ascending);
		f->interval_s = INFINITY;
		for (size_t i = 1; i < n; i++)
			if (starts[i] - starts[i - 1] >= SAME_TIME_S)
				f->interval_s = fmin(f->interval_s, starts[i] - starts[i - 1]);
		cc_free(starts);
		if (isinf(f->interval_s))
			f->interval_s = 1800;
	}
	double base = isnan(origin_s) ? first : origin_s;
	char len[32], at[32], from[32];
	cc_duration_format(f->interval_s, len, sizeof len);
	time_text(f, base, from, sizeof from);
	for (size_t i = 0; i < n; i++) {
		double k = (rows[i].start_s - base) / f->interval_s;
		time_text(f, rows[i].start_s, at, sizeof at);
		if (k < -1e-9)
			return fail(err, errlen, f, rows[i].line, "%s: %s is before the scenario's start "
			            "(%s)", f->start_column, at, from);
		if (fabs(k - round(k)) > 1e-6)
			return fail(err, errlen, f, rows[i].line, "%s: %s is off the grid of %s intervals "
			            "from %s: the forecast's intervals must be %s", f->start_column, at,
			            len, from, isnan(origin_s) ? "all as long"
			            : "the scenario's `interval` (and start on it)");
	}
	f->first_s = first;
	f->n_intervals = (size_t)llround((last - first) / f->interval_s) + 1;
	if (f->n_intervals > 1000000)
		return fail(err, errlen, f, 0, "spans %zu intervals of %s: more than a million",
		            f->n_intervals, len);
	return CC_OK;
}

enum cc_status cc_forecast_read(const char *path, double interval_s, double origin_s, int clock,
                                struct cc_forecast *f, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	f->path = cc_strdup(path);
	f->interval_s = interval_s;
	size_t len = 0, n = 0, cap = 0;
	struct row *rows = NULL;
	struct cc_csv_reader r = { 0 };
	enum cc_status st = CC_OK;
	char *text = NULL;
	if (cc_csv_read_file(path, &text, &len) != CC_OK) {
		snprintf(err, errlen, "%s: cannot read the forecast: %s", path, strerror(errno));
		st = CC_ERR_IO;
		goto out;
	}
	/* The separator from the header: ';' where a decimal comma is the custom. */
	cc_csv_reader_init(&r, text, len, '\0');
	long col[4];
	enum cc_status got = cc_csv_reader_next(&r);
	if (got != CC_OK || r.n == 0) {
		st = fail(err, errlen, f, got ? 1 : 0, got ? "a quote is never closed"
		          : "is empty: a header row must name the columns");
		goto out;
	}
	if ((st = header_columns(&r, f, col, err, errlen)))
		goto out;
	size_t width = r.n;
	f->clock = clock;
	while ((got = cc_csv_reader_next(&r)) == CC_OK && r.n > 0) {
		size_t line = r.line;
		if (r.n == 1 && !*r.fields[0])
			continue; /* an empty line */
		/* More fields than the header names: most often a decimal comma ("1,5") splitting
		 * a number, which would otherwise shift into the next column unseen. */
		if (r.n > width) {
			st = fail(err, errlen, f, line, "the row has %zu fields, the header %zu (a decimal "
			          "comma? write 1.5, or separate the fields with ';')", r.n, width);
			goto out;
		}
		if (n == cap)
			rows = cc_realloc(rows, cap = cap ? 2 * cap : 64, sizeof *rows);
		if ((st = read_row(&r, line, col, &f->clock, f, &rows[n], err, errlen)))
			goto out;
		n++;
	}
	if (got != CC_OK) {
		st = fail(err, errlen, f, r.line, "a quote is never closed");
		goto out;
	}
	if (n == 0) {
		st = fail(err, errlen, f, 0, "has no rows under its header");
		goto out;
	}
	if ((st = in_order(f, rows, n, err, errlen)) ||
	    (st = on_grid(f, rows, n, origin_s, err, errlen)))
		goto out;
	size_t cells = f->n_queues * f->n_intervals;
	f->volume = cc_calloc(cells, sizeof *f->volume);
	if (col[3] >= 0) {
		f->aht_s = cc_malloc(cells * sizeof *f->aht_s);
		for (size_t i = 0; i < cells; i++)
			f->aht_s[i] = NAN;
	}
	for (size_t i = 0; i < n; i++) {
		size_t at = rows[i].queue * f->n_intervals +
		            (size_t)llround((rows[i].start_s - f->first_s) / f->interval_s);
		f->volume[at] = rows[i].volume;
		if (f->aht_s)
			f->aht_s[at] = rows[i].aht_s;
	}
out:
	cc_free(rows);
	cc_csv_reader_fini(&r);
	cc_free(text);
	int e = errno;
	if (st)
		cc_forecast_fini(f);
	errno = e; /* the reason a file could not be read, for the caller's own message */
	return st;
}

void cc_forecast_fini(struct cc_forecast *f)
{
	if (!f)
		return;
	for (size_t q = 0; q < f->n_queues; q++)
		cc_free(f->queues[q]);
	cc_free(f->queues);
	cc_free(f->queue_line);
	cc_free(f->volume);
	cc_free(f->aht_s);
	cc_free(f->path);
	memset(f, 0, sizeof *f);
}
