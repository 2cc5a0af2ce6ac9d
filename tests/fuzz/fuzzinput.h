#ifndef CC_FUZZINPUT_H
#define CC_FUZZINPUT_H

/*
 * What a fuzz input means, shared by the AFL driver (tests/fuzz/driver.c) and the corpus
 * replay (tests/test_fuzz_corpus.c) so that both read an input the same way.
 *
 * An input is a scenario file. Its lines that begin with "#set " (a comment to libconfig)
 * are also given as "--set=VALUE" overrides, in order, at most CC_FUZZ_MAX_SETS of them, so
 * that the fuzzer reaches the override parser with inputs that stay plain scenario files.
 * (As one argument: a separate value "-h" would ask for help.)
 *
 * The run target simulates one replication of an input only when its expected work is
 * within a budget: a big but finite scenario (a million calls an hour for a year) is not a
 * hang, and skipping it lets AFL's timeout flag only real ones. Loading and checking are
 * never skipped.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/center/center.h"
#include "models/run/run.h"
#include "models/scenario/scenario.h"

#define CC_FUZZ_MAX_SETS 16
#define CC_FUZZ_SET_PREFIX "#set "

/* The budget of one replication of the run target. */
#define CC_FUZZ_MAX_CONTACTS 5000.0     /* expected arrivals over the horizon */
#define CC_FUZZ_MAX_AGENT_WORK 5000.0   /* agent-hours, weighted by what agents do per hour */
#define CC_FUZZ_MAX_ROWS 5000.0         /* intervals in the horizon */
#define CC_FUZZ_MAX_BYTES (256.0 * 1048576) /* cc_run_memory_estimate on one thread */

#define CC_FUZZ_SET_OPT "--set="

/* The VALUE of an argument "--set=VALUE" made by cc_fuzz_sets. */
#define CC_FUZZ_SET_VALUE(arg) ((arg) + sizeof CC_FUZZ_SET_OPT - 1)

static inline size_t cc_fuzz_sets_size(size_t len)
{
	return len + CC_FUZZ_MAX_SETS * sizeof CC_FUZZ_SET_OPT;
}

/*
 * Finds the "#set " lines of TEXT (LEN bytes, not necessarily NUL-terminated) and makes each
 * an argument "--set=VALUE" (VALUE the rest of its line), NUL-terminated in BUF (at least
 * cc_fuzz_sets_size(LEN) bytes), SETS[i] pointing at them. Returns how many it found.
 */
static inline size_t cc_fuzz_sets(const char *text, size_t len, char *buf,
                                  const char *sets[CC_FUZZ_MAX_SETS])
{
	const size_t plen = sizeof CC_FUZZ_SET_PREFIX - 1, olen = sizeof CC_FUZZ_SET_OPT - 1;
	size_t n = 0, used = 0;
	for (size_t i = 0; i < len && n < CC_FUZZ_MAX_SETS;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end - i >= plen && memcmp(text + i, CC_FUZZ_SET_PREFIX, plen) == 0) {
			size_t vlen = end - i - plen;
			memcpy(buf + used, CC_FUZZ_SET_OPT, olen);
			memcpy(buf + used + olen, text + i + plen, vlen);
			buf[used + olen + vlen] = '\0';
			sets[n++] = buf + used;
			used += olen + vlen + 1;
		}
		i = end + 1;
	}
	return n;
}

/* Whether one replication of SCN is within the budget; if not, says why in WHY. */
static inline int cc_fuzz_within_budget(const struct cc_scenario *scn, char *why, size_t len)
{
	double contacts = cc_center_expected_contacts(scn);
	double work = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		const struct cc_group_cfg *gr = &scn->groups[g];
		/* Each agent logs in and out, and every outbound call, unplanned status and away
		 * episode an hour is an event or more. */
		double per_hour = 1 + gr->outbound.per_hour + gr->answer.away_per_hour;
		for (size_t u = 0; u < gr->n_unplanned; u++)
			per_hour += gr->unplanned[u].per_hour;
		work += gr->count * scn->horizon_s / 3600 * per_hour;
	}
	double rows = scn->interval_s > 0 ? scn->horizon_s / scn->interval_s : INFINITY;
	double bytes = cc_run_memory_estimate(scn, 1, 0, 0);
	if (!(contacts <= CC_FUZZ_MAX_CONTACTS))
		snprintf(why, len, "%g contacts expected", contacts);
	else if (!(work <= CC_FUZZ_MAX_AGENT_WORK))
		snprintf(why, len, "%g weighted agent-hours", work);
	else if (!(rows <= CC_FUZZ_MAX_ROWS))
		snprintf(why, len, "%g intervals", rows);
	else if (!(bytes <= CC_FUZZ_MAX_BYTES))
		snprintf(why, len, "%.0f MiB estimated", bytes / 1048576);
	else
		return 1;
	return 0;
}

#endif
