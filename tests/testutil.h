#ifndef CC_TESTUTIL_H
#define CC_TESTUTIL_H

/* Shared by the test binaries: cmocka's prelude, floating-point assertions, and scenario
 * files written from strings. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/metrics.h"
#include "models/run.h"
#include "models/scenario.h"

/* |ACTUAL - EXPECTED| <= TOL, reporting both on failure (cmocka has no double assert). */
#define assert_near(actual, expected, tol)                                                    \
	do {                                                                                  \
		double actual_ = (actual), expected_ = (expected), tol_ = (tol);              \
		if (!(fabs(actual_ - expected_) <= tol_))                                     \
			fail_msg("%s = %.12g, expected %.12g within %.3g", #actual, actual_,  \
			         expected_, tol_);                                            \
	} while (0)

/* Writes TEXT to a new temporary file and returns its path (free it with free()). */
static inline char *tu_write_temp(const char *text)
{
	char *path = strdup("/tmp/ccsim-test-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	size_t len = strlen(text);
	if (write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return NULL;
	}
	close(fd);
	return path;
}

/* Loads scenario TEXT (with N_SETS overrides); returns the status and fills ERR. */
static inline enum cc_status tu_load(const char *text, const char *const *sets, size_t n_sets,
                                     struct cc_scenario *scn, char *err, size_t errlen)
{
	char *path = tu_write_temp(text);
	assert_non_null(path);
	enum cc_status st = cc_scenario_load(path, sets, n_sets, scn, err, errlen);
	unlink(path);
	free(path);
	return st;
}

/* What a run hands to its on_records and on_events callbacks, kept for a test to read. */
struct tu_kept {
	struct cc_contact_record *rows;
	size_t n;
	struct cc_agent_event *events;
	size_t n_events;
};

static inline int tu_keep_records(void *ctx, const struct cc_contact_record *rows, size_t n)
{
	struct tu_kept *k = ctx;
	k->rows = realloc(k->rows, (k->n + n) * sizeof *rows);
	memcpy(k->rows + k->n, rows, n * sizeof *rows);
	k->n += n;
	return 0;
}

static inline int tu_keep_events(void *ctx, const struct cc_agent_event *rows, size_t n)
{
	struct tu_kept *k = ctx;
	k->events = realloc(k->events, (k->n_events + n) * sizeof *rows);
	memcpy(k->events + k->n_events, rows, n * sizeof *rows);
	k->n_events += n;
	return 0;
}

static inline void tu_kept_free(struct tu_kept *k)
{
	free(k->rows);
	free(k->events);
}

/* Loads TEXT (with N_SETS overrides) and runs it on one thread into RUN; with KEPT, the
 * contact records and agent events are kept there. */
static inline void tu_run_text(const char *text, const char *const *sets, size_t n_sets,
                               struct cc_scenario *scn, struct cc_run *run, struct tu_kept *kept)
{
	char err[1024] = "";
	if (tu_load(text, sets, n_sets, scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	memset(run, 0, sizeof *run);
	run->scn = scn;
	run->threads = 1;
	if (kept) {
		memset(kept, 0, sizeof *kept);
		run->on_records = tu_keep_records;
		run->records_ctx = kept;
		run->on_events = tu_keep_events;
		run->events_ctx = kept;
	}
	assert_int_equal(cc_run_execute(run), CC_OK);
}

/* Frees what tu_run_text made. */
static inline void tu_done(struct cc_scenario *scn, struct cc_run *run, struct tu_kept *kept)
{
	if (kept)
		tu_kept_free(kept);
	cc_run_fini(run);
	cc_scenario_fini(scn);
}

/* Figure NAME of entity I over the whole horizon, replication 0. */
static inline double tu_total(const struct cc_run *run, enum cc_figure_owner owner,
                              const char *name, size_t i)
{
	const struct cc_figure *f = cc_figure_find(owner, name);
	if (!f)
		fail_msg("no figure %s", name);
	return cc_run_value(run, f, 0, run->grid.count, i);
}

/* An Erlang-style one-queue scenario: RATE per hour, exponential handle AHT, AGENTS agents,
 * exponential patience PATIENCE (0: none), GROUP settings added to the agent group and EXTRA
 * settings appended at the top level. */
static inline char *tu_erlang_scenario_ex(double per_hour, double aht_s, int agents,
                                          double patience_s, const char *group, const char *extra)
{
	char *text = malloc(4096);
	char patience[128] = "";
	if (patience_s > 0)
		snprintf(patience, sizeof patience,
		         "patience = { dist = \"exponential\"; mean = %.17g; };", patience_s);
	snprintf(text, 4096,
	         "name = \"t\";\n"
	         "queues = ( { name = \"q\";\n"
	         "  arrivals = { per_hour = %.17g; };\n"
	         "  handle = { dist = \"exponential\"; mean = %.17g; };\n"
	         "  %s\n"
	         "} );\n"
	         "agents = ( { name = \"g\"; count = %d; skills = [ \"q\" ]; %s } );\n"
	         "%s\n",
	         per_hour, aht_s, patience, agents, group ? group : "", extra ? extra : "");
	return text;
}

static inline char *tu_erlang_scenario(double per_hour, double aht_s, int agents,
                                       double patience_s, const char *extra)
{
	return tu_erlang_scenario_ex(per_hour, aht_s, agents, patience_s, NULL, extra);
}

#endif
