#ifndef CC_CLOCK_H
#define CC_CLOCK_H

#include <stddef.h>

#include "models/scenario/scenario.h"

/*
 * Times of a run as people read them. With a scenario `start` (a time of day, and perhaps a
 * date), time T seconds from the start of the run is a clock time: "07:30" when the whole
 * run lies within one day, else "2026-12-01 07:30" with a date or "day 2 07:30" without.
 * Without a start, times stay offsets from 0, written as durations ("1h30m", "0s").
 */

/* The label of time T (seconds from time 0), written into BUF. */
const char *cc_clock_label(const struct cc_scenario *scn, double t_s, char *buf, size_t len);

/* The CF "units" of times from time 0: "seconds since 2026-12-01 07:00:00" with a start
 * (the date defaults to 1970-01-01), "s" without. */
const char *cc_clock_units(const struct cc_scenario *scn, char *buf, size_t len);

/* Whether the scenario has a clock (a start time). */
int cc_clock_has_start(const struct cc_scenario *scn);

#endif
