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

#endif
