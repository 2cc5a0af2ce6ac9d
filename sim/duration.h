#ifndef CC_DURATION_H
#define CC_DURATION_H

#include <stddef.h>

#include "status.h"

/*
 * Durations as people write them: "20s", "30m", "8h", "1d", "250ms", "1h30m", "1.5h", or a
 * bare number of seconds ("45"). White space around the text is allowed. The result is in
 * seconds; negative values are refused (a duration cannot be negative).
 */
enum cc_status cc_duration_parse(const char *text, double *seconds);

/* Writes SECONDS in the shortest exact form of the same syntax ("1h30m", "20s", "0.25s"). */
void cc_duration_format(double seconds, char *buf, size_t len);

/*
 * Clock times and dates, for runs that start at a time of day. A clock time is "HH:MM" or
 * "HH:MM:SS" (00:00 to 23:59:59, seconds may have a fraction); a date is "YYYY-MM-DD" (a
 * real day of the proleptic Gregorian calendar). Both are parsed strictly.
 */
enum cc_status cc_clock_parse(const char *text, double *seconds_after_midnight);
enum cc_status cc_date_parse(const char *text, long *days_since_1970);

/* Writes a time of day (seconds after midnight, below a day) as "HH:MM", or "HH:MM:SS" when
 * it is not on a whole minute. */
void cc_clock_format(double seconds_after_midnight, char *buf, size_t len);

/* Writes day DAYS_SINCE_1970 as "YYYY-MM-DD". */
void cc_date_format(long days_since_1970, char *buf, size_t len);

#endif
