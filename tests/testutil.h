#ifndef CC_TESTUTIL_H
#define CC_TESTUTIL_H

/* Shared by the test binaries: cmocka's prelude, floating-point assertions, files read whole,
 * scenario texts edited and written to files, runs of them, and what runs kept. Helpers live
 * here, not copied into test files. */

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

#include "models/center/center.h"
#include "models/figures/metrics.h"
#include "models/run/run.h"
#include "models/scenario/scenario.h"

/* |ACTUAL - EXPECTED| <= TOL, reporting both on failure (cmocka has no double assert). */
#define assert_near(actual, expected, tol)                                                    \
	do {                                                                                  \
		double actual_ = (actual), expected_ = (expected), tol_ = (tol);              \
		if (!(fabs(actual_ - expected_) <= tol_))                                     \
			fail_msg("%s = %.12g, expected %.12g within %.3g", #actual, actual_,  \
			         expected_, tol_);                                            \
	} while (0)

/* The whole of file PATH, NUL-terminated, its length in *LEN when LEN is not NULL (free it
 * with free()); NULL, with errno set, when it cannot be opened. */
static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *text = malloc(cap);
	while ((got = fread(text + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap)
			text = realloc(text, cap *= 2);
	}
	text[n] = '\0';
	fclose(f);
	if (len)
		*len = n;
	return text;
}

/* tu_read_file of a file that must be there (fails the test when it cannot be read). */
static inline char *tu_read_file_or_fail(const char *path)
{
	char *text = tu_read_file(path, NULL);
	if (!text)
		fail_msg("cannot read %s", path);
	return text;
}

/* TEXT with its first FROM replaced by TO, into BUF (fails the test when FROM is not in TEXT
 * or BUF is too small). */
static inline void tu_edit(char *buf, size_t len, const char *text, const char *from,
                           const char *to)
{
	const char *at = strstr(text, from);
	if (!at)
		fail_msg("'%s' is not in the text", from);
	int n = snprintf(buf, len, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	assert_true(n >= 0 && (size_t)n < len);
}

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

/* Scenario texts of hand-worked cases. TU_ONE_AGENT: one agent, a voice contact every 100 s
 * from 100 s, talk 150 s, patience 50 s, with settings added to the queue, the group and
 * the top level (TU_ONE_AGENT_SCHEDULED: the group's schedule given too). TU_HEADER: one
 * replication of HORIZON s in one interval, records and events kept; TU_VOICE_Q: a voice
 * queue with deterministic arrivals (PER_HOUR) and talk (TALK s) and other settings. */
#define TU_ONE_AGENT(extra_queue, extra_group, extra) \
	TU_ONE_AGENT_SCHEDULED(extra_queue, "count = 1; " extra_group, extra)
#define TU_ONE_AGENT_SCHEDULED(extra_queue, extra_group, extra)                              \
	"name = \"one\"; horizon = 160; interval = 160; replications = 1;\n"                 \
	"statuses = [ \"Break\", \"Lunch\", \"Outbound\" ];\n"                               \
	"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 36; };\n" \
	"             handle = { dist = \"deterministic\"; value = 150; };\n"              \
	"             patience = { dist = \"deterministic\"; value = 50; }; " extra_queue " } );\n" \
	"agents = ( { name = \"g\"; skills = [ \"q\" ]; " extra_group " } );\n"  \
	"output = { contact_records = true; agent_events = true; };\n" extra
#define TU_HEADER(horizon)                                                                 \
	"name = \"r\"; horizon = " #horizon "; interval = " #horizon "; replications = 1;\n" \
	"output = { contact_records = true; agent_events = true; };\n"
#define TU_VOICE_Q(name, per_hour, talk, extra)                                              \
	"{ name = \"" name "\"; arrivals = { process = \"deterministic\"; per_hour = " #per_hour "; };\n" \
	"  handle = { dist = \"deterministic\"; value = " #talk "; }; " extra " }"

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

/* Runs the loaded scenario SCN on THREADS threads into RUN, every figure kept, handing what
 * the run writes to SINK. */
static inline void tu_run_into(int threads, struct cc_scenario *scn, struct cc_run *run,
                               struct cc_run_sink sink)
{
	memset(run, 0, sizeof *run);
	run->scn = scn;
	run->threads = threads;
	run->keep_intervals = run->keep_totals = run->keep_rep_intervals = 1;
	run->sink = sink;
	assert_int_equal(cc_run_execute(run), CC_OK);
}

/* tu_run_into with no sink; with KEPT, the contact records and agent events are kept there. */
static inline void tu_run_loaded(int threads, struct cc_scenario *scn, struct cc_run *run,
                                 struct tu_kept *kept)
{
	struct cc_run_sink sink = { 0 };
	if (kept) {
		memset(kept, 0, sizeof *kept);
		sink = (struct cc_run_sink){ .ctx = kept, .records = tu_keep_records,
		                             .events = tu_keep_events };
	}
	tu_run_into(threads, scn, run, sink);
}

/* Loads TEXT (with N_SETS overrides) and runs it as tu_run_loaded does. */
static inline void tu_run_text_on(const char *text, const char *const *sets, size_t n_sets,
                                  int threads, struct cc_scenario *scn, struct cc_run *run,
                                  struct tu_kept *kept)
{
	char err[1024] = "";
	if (tu_load(text, sets, n_sets, scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	tu_run_loaded(threads, scn, run, kept);
}

/* tu_run_text_on one thread. */
static inline void tu_run_text(const char *text, const char *const *sets, size_t n_sets,
                               struct cc_scenario *scn, struct cc_run *run, struct tu_kept *kept)
{
	tu_run_text_on(text, sets, n_sets, 1, scn, run, kept);
}

/* Frees what tu_run_text made. */
static inline void tu_done(struct cc_scenario *scn, struct cc_run *run, struct tu_kept *kept)
{
	if (kept)
		tu_kept_free(kept);
	cc_run_fini(run);
	cc_scenario_fini(scn);
}

/* Figure NAME of entity I over the whole horizon, replication REP. */
static inline double tu_total_of(const struct cc_run *run, enum cc_figure_owner owner,
                                 const char *name, size_t rep, size_t i)
{
	const struct cc_figure *f = cc_figure_find(owner, name);
	if (!f)
		fail_msg("no figure %s", name);
	return cc_run_value(run, f, rep, run->grid.count, i);
}

/* tu_total_of replication 0. */
static inline double tu_total(const struct cc_run *run, enum cc_figure_owner owner,
                              const char *name, size_t i)
{
	return tu_total_of(run, owner, name, 0, i);
}

/* The record of queue Q whose contact arrived at T (fails the test when there is none). */
static inline const struct cc_contact_record *tu_record_at(const struct tu_kept *k, int q, double t)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].queue == q && k->rows[i].arrival_s == t)
			return &k->rows[i];
	fail_msg("no record of queue %d arriving at %g", q, t);
	return NULL;
}

/* The record with id ID (fails the test when there is none). */
static inline const struct cc_contact_record *tu_record_by_id(const struct tu_kept *k, int64_t id)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].record_id == id)
			return &k->rows[i];
	fail_msg("no record %lld", (long long)id);
	return NULL;
}

/* Matches any value in tu_event. */
#define TU_ANY INT64_MIN

/* The first agent event at time T (exactly) of agent AGENT, about contact ID, with contact
 * state CS and agent status STATUS, each of them TU_ANY to match any; NULL when there is
 * none. */
static inline const struct cc_agent_event *tu_event(const struct tu_kept *k, int64_t agent,
                                                    int64_t id, int64_t cs, int64_t status,
                                                    double t)
{
	for (size_t i = 0; i < k->n_events; i++) {
		const struct cc_agent_event *e = &k->events[i];
		if (e->time_s == t && (agent == TU_ANY || e->agent == agent) &&
		    (id == TU_ANY || e->contact_id == id) && (cs == TU_ANY || e->contact_state == cs) &&
		    (status == TU_ANY || e->status == status))
			return e;
	}
	return NULL;
}

/* A replication's interval rows, kept as they close (a struct cc_row_sink's context). */
struct tu_rows {
	size_t n;          /* rows kept */
	size_t queue_w, group_w, status_w, gc_w; /* entries per row */
	double *queue, *group, *status, *gc;
};

static inline void tu_keep_row(void *ctx, const struct cc_raw_row *x)
{
	struct tu_rows *k = ctx;
	const struct cc_scenario *scn = x->scn;
	assert_int_equal(x->row, k->n); /* rows come in order, each once */
	k->queue_w = scn->n_queues * CC_QR_COUNT;
	k->group_w = scn->n_groups * CC_GR_COUNT;
	k->status_w = scn->n_groups * x->n_status;
	k->gc_w = scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT;
	k->queue = realloc(k->queue, (k->n + 1) * k->queue_w * sizeof *k->queue);
	memcpy(k->queue + k->n * k->queue_w, x->queue, k->queue_w * sizeof *k->queue);
	k->group = realloc(k->group, (k->n + 1) * k->group_w * sizeof *k->group);
	k->status = realloc(k->status, (k->n + 1) * k->status_w * sizeof *k->status);
	k->gc = realloc(k->gc, (k->n + 1) * k->gc_w * sizeof *k->gc);
	memcpy(k->group + k->n * k->group_w, x->group, k->group_w * sizeof *k->group);
	memcpy(k->status + k->n * k->status_w, x->status, k->status_w * sizeof *k->status);
	memcpy(k->gc + k->n * k->gc_w, x->gc, k->gc_w * sizeof *k->gc);
	k->n++;
}

static inline struct cc_row_sink tu_row_sink(struct tu_rows *k)
{
	memset(k, 0, sizeof *k);
	return (struct cc_row_sink){ .row = tu_keep_row, .ctx = k };
}

static inline void tu_rows_free(struct tu_rows *k)
{
	free(k->queue);
	free(k->group);
	free(k->status);
	free(k->gc);
}

/* Group G's raw sums (CC_GR_*) in interval ROW, or in the totals of R when ROW is past the
 * intervals; likewise its status times and group-channel sums. */
static inline const double *tu_group_row(const struct tu_rows *k, const struct cc_rep_result *r,
                                         size_t row, size_t g)
{
	return (row < k->n ? k->group + row * k->group_w : r->group_tot) + g * CC_GR_COUNT;
}
static inline const double *tu_status_row(const struct tu_rows *k, const struct cc_rep_result *r,
                                          size_t row, size_t g)
{
	return (row < k->n ? k->status + row * k->status_w : r->status_tot) + g * r->n_status;
}
static inline const double *tu_gc_row(const struct tu_rows *k, const struct cc_rep_result *r,
                                      size_t row, size_t g, size_t ch)
{
	return (row < k->n ? k->gc + row * k->gc_w : r->gc_tot) + cc_gcr_at(g, ch, 0);
}

/* Agent time adds up, per agent over the run and per group and interval (ROWS, kept as they
 * closed) and over the whole horizon: staffed = ring + talk + ACW + time in every status but
 * Offline. */
static inline void tu_assert_time_adds_up(const struct cc_scenario *scn, const struct cc_grid *grid,
                                          const struct cc_rep_result *r, const struct tu_rows *rows)
{
	size_t n_status = cc_scenario_status_count(scn), w = CC_AR_COUNT + n_status;
	for (size_t a = 0; a < r->n_agents; a++) {
		const double *t = r->agent_raw + a * w;
		double parts = t[CC_AR_RING] + t[CC_AR_TALK] + t[CC_AR_ACW];
		for (size_t s = 1; s < n_status; s++) /* every status but Offline */
			parts += t[CC_AR_COUNT + s];
		assert_near(parts, t[CC_AR_STAFFED], 1e-6);
	}
	assert_int_equal(rows->n, grid->count);
	for (size_t row = 0; row <= grid->count; row++)
		for (size_t g = 0; g < scn->n_groups; g++) {
			const double *gr = tu_group_row(rows, r, row, g);
			const double *st = tu_status_row(rows, r, row, g);
			double parts = gr[CC_GR_RING] + gr[CC_GR_TALK] + gr[CC_GR_ACW];
			for (size_t s = 1; s < n_status; s++)
				parts += st[s];
			assert_near(parts, gr[CC_GR_STAFFED], 1e-6);
		}
}

/* The conservation identities of the counts (see struct cc_rep_counts). */
static inline void tu_assert_conserved(const struct cc_rep_counts *n)
{
	assert_int_equal(n->arrived + n->transfers_in + n->restarts + n->redials + n->direct,
	                 n->answered + n->abandoned + n->balked + n->blocked + n->callbacks +
	                     n->unreached + n->direct_failed + n->waiting_at_end);
	assert_int_equal(n->answered, n->completed + n->in_service_at_end);
	assert_int_equal(n->customers, n->customers_done + n->customers_at_end);
	assert_int_equal(n->silent, n->silent_answered + n->silent_waiting_at_end);
	assert_true(n->silent_answered <= n->answered);
	assert_true(n->silent_waiting_at_end <= n->waiting_at_end);
}

/* Two runs of scenario texts A and B (every figure, interval and replication, the counts
 * and the contact records) are the same bit for bit. */
static inline void tu_assert_same_runs(const char *a, const char *b)
{
	struct cc_scenario sa, sb;
	struct cc_run ra, rb;
	struct tu_kept ka, kb;
	tu_run_text(a, NULL, 0, &sa, &ra, &ka);
	tu_run_text(b, NULL, 0, &sb, &rb, &kb);
	size_t reps = ra.replications, cells = ra.layout.cells;
	assert_int_equal(reps, rb.replications);
	assert_int_equal(cells, rb.layout.cells);
	assert_memory_equal(ra.totals, rb.totals, reps * cells * sizeof *ra.totals);
	assert_memory_equal(ra.rep_intervals, rb.rep_intervals,
	                    reps * ra.grid.count * cells * sizeof *ra.rep_intervals);
	assert_memory_equal(ra.counts, rb.counts, reps * sizeof *ra.counts);
	assert_int_equal(ka.n, kb.n);
	assert_int_equal(ka.n_events, kb.n_events);
	if (ka.n)
		assert_memory_equal(ka.rows, kb.rows, ka.n * sizeof *ka.rows);
	if (ka.n_events)
		assert_memory_equal(ka.events, kb.events, ka.n_events * sizeof *ka.events);
	tu_done(&sa, &ra, &ka);
	tu_done(&sb, &rb, &kb);
}

/* Checks of one replication for tu_each_rep: its result R and its interval rows ROWS. */
typedef void tu_rep_check(const struct cc_scenario *scn, const struct cc_grid *grid,
                          const struct cc_rep_result *r, const struct tu_rows *rows,
                          uint64_t rep, void *ctx);

/* Runs replications 0 to REPS - 1 of scenario TEXT (with N_SETS overrides) one at a time;
 * in each, agent time adds up and the counts are conserved, and CHECK (with CTX) passes. */
static inline void tu_each_rep(const char *text, const char *const *sets, size_t n_sets,
                               uint64_t reps, tu_rep_check *check, void *ctx)
{
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(text, sets, n_sets, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_grid grid;
	cc_grid_init(&grid, scn.interval_s, scn.warmup_s, scn.horizon_s);
	for (uint64_t rep = 0; rep < reps; rep++) {
		struct cc_rep_result r;
		struct tu_rows rows;
		struct cc_row_sink sink = tu_row_sink(&rows);
		cc_rep_result_init(&r, &scn);
		cc_center_run(&scn, &grid, rep, &r, &sink, NULL);
		tu_assert_time_adds_up(&scn, &grid, &r, &rows);
		tu_assert_conserved(&r.counts);
		check(&scn, &grid, &r, &rows, rep, ctx);
		cc_rep_result_fini(&r);
		tu_rows_free(&rows);
	}
	cc_scenario_fini(&scn);
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
