#ifndef CC_TRACE_H
#define CC_TRACE_H

#include <stddef.h>

#include "sim/status.h"

/*
 * A call log to replay: one row per contact, read from a CSV file whose header row names the
 * columns, in any order (names exact, in any case, spaces around them aside):
 *
 *   arrival     seconds from time 0, or a clock time "HH:MM:SS" ("HH:MM") when the scenario
 *               has a start; in [0, horizon)
 *   queue       optional: the queue's name, as the scenario writes it
 *   day         optional: any text; each distinct day, in order of first appearance, is one
 *               replication; a day's rows are contiguous
 *   handle_s    optional: the talk time in seconds, > 0
 *   patience_s  optional: the patience in seconds, >= 0
 *   priority    optional: 0 (no head start) or k (the queue's k-th priorities class)
 *   channel     optional: the channel's name
 *
 * An empty optional field means "drawn from the queue's own distribution". Within a day, a
 * queue's arrivals never go back in time. Every problem is reported as
 * "FILE:LINE: COLUMN: problem" (LINE 1 is the header; "FILE: problem" when no line is to
 * blame) and returns CC_ERR_SCENARIO, or CC_ERR_IO when the file cannot be read (errno then
 * says why). Which queues may be named, and whether a priority or channel fits the queue, is
 * the loader's to check: the file alone cannot tell.
 */

/* One row of the log. */
struct cc_trace_row {
	size_t line;        /* its line in the file (the header is line 1) */
	size_t queue;       /* index in cc_trace.queues; 0 when the file has no queue column */
	size_t day;         /* index of its day; 0 when the file has no day column */
	double arrival_s;   /* from time 0 */
	double handle_s;    /* NaN: drawn */
	double patience_s;  /* NaN: drawn */
	int priority;       /* -1: drawn */
	int channel;        /* enum cc_channel; -1: not given */
};

struct cc_trace {
	char *path;             /* as given */
	struct cc_trace_row *rows;
	size_t n_rows;
	int has_queue, has_day; /* the file has that column */
	char **queues;          /* the queues' names, in order of first appearance */
	size_t *queue_line;     /* the line of each queue's first row */
	size_t n_queues;        /* 0 without a queue column */
	size_t n_days;          /* distinct days; 1 without a day column */
};

/*
 * Reads PATH into T. ORIGIN_S is the time of day of time 0 (NaN: the scenario has no clock,
 * and clock times are refused); arrivals must lie in [0, HORIZON_S). On failure T is left
 * empty (cc_trace_fini is still safe) and ERR says why.
 */
enum cc_status cc_trace_read(const char *path, double origin_s, double horizon_s,
                             struct cc_trace *t, char *err, size_t errlen);

void cc_trace_fini(struct cc_trace *t);

/* The index of queue NAME in T, or -1. */
long cc_trace_queue(const struct cc_trace *t, const char *name);

/* The column names, NULL-terminated, for messages and the documentation. */
extern const char *const cc_trace_columns[];

#endif
