#ifndef CC_FORECAST_H
#define CC_FORECAST_H

#include <stddef.h>

#include "sim/status.h"

/*
 * A forecast of contacts per interval, read from the CSV file a planner's workforce
 * management tool exports. A header row names the columns, in any order and case, spaces,
 * '_', '-' and brackets aside (cc_forecast_columns lists the names each column accepts):
 *
 *   interval start  a clock time "HH:MM" or "HH:MM:SS" (a "YYYY-MM-DD " date before it is
 *                   allowed and ignored), or seconds from time 0 (a number)
 *   queue           the queue's name; one file may hold several queues
 *   volume          contacts in the interval, a number >= 0
 *   aht             optional: the interval's mean handle time in seconds, > 0 (an empty field:
 *                   none for that interval)
 *
 * Other columns are ignored. A queue's rows go forward in time, one per interval; intervals
 * a queue has no row for have no contacts. Every interval has the same length: the
 * scenario's interval, or the one inferred from the starts (the smallest gap between two of
 * them). Every problem is reported as "FILE:LINE: COLUMN: problem" (LINE 1 is the header;
 * "FILE: problem" when no line is to blame) and returns CC_ERR_SCENARIO, or CC_ERR_IO when
 * the file cannot be read (errno then says why).
 */

struct cc_forecast {
	char *path;          /* as given */
	int clock;           /* 1: the starts were clock times (seconds after midnight) */
	long day;            /* the date of the starts that have one (days since 1970), 0 when
	                        none has */
	double interval_s;   /* the length of every interval */
	double first_s;      /* the start of interval 0: the earliest start of any row */
	size_t n_intervals;  /* from the first to the last start of any row */
	size_t n_queues;
	char **queues;       /* the queues' names, in the order they first appear */
	size_t *queue_line;  /* the line of each queue's first row */
	double *volume;      /* [q * n_intervals + i]: contacts of queue q in interval i (0 where
	                        it has no row) */
	double *aht_s;       /* [q * n_intervals + i]: its mean handle time, NaN where none;
	                        NULL when the file has no AHT column */
	char start_column[64], queue_column[64], volume_column[64], aht_column[64];
	                     /* the columns' names as the header writes them, for messages */
};

/*
 * Reads PATH into F. INTERVAL_S is the intervals' length (0: inferred from the starts;
 * one row per queue then gives 30 minutes). With ORIGIN_S not NaN the starts must lie on the
 * grid ORIGIN_S + k * INTERVAL_S and at or after ORIGIN_S (a scenario's time 0, as a clock
 * time when CLOCK is 1, else 0). CLOCK is 1 (starts are clock times), 0 (seconds from 0) or
 * -1 (either, as the first row writes it; every row the same way). On failure F is left
 * empty (cc_forecast_fini is still safe) and ERR says why.
 */
enum cc_status cc_forecast_read(const char *path, double interval_s, double origin_s, int clock,
                                struct cc_forecast *f, char *err, size_t errlen);

void cc_forecast_fini(struct cc_forecast *f);

/* The index of queue NAME in F, or -1. */
long cc_forecast_queue(const struct cc_forecast *f, const char *name);

/* The names each column accepts, once normalised (lower case; spaces, '_', '-', '(' and ')'
 * dropped), NULL-terminated, for the documentation: column 0 the start, 1 the queue,
 * 2 the volume, 3 the AHT. */
extern const char *const *const cc_forecast_columns[4];

#endif
