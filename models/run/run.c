#include "models/run/run_impl.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sim/alloc.h"
#include "sim/duration.h"
#include "sim/ranks.h"

/* A head replication's rows are handed over for adding once this many are waiting; its
 * worker waits when STREAM_LIMIT are (the calling thread is behind, writing a slow disk),
 * so that what waits stays bounded. */
enum { STREAM_ROWS = 64, STREAM_LIMIT = 4 * STREAM_ROWS };
/* How long a waiting worker sleeps before it looks again for a stop. */
#define STREAM_WAIT_NS 20000000L
/* Replications in flight per thread (see begin). */
enum { SLOTS_PER_THREAD = 2, RANKS_SLOTS_PER_THREAD = 8 };
/* Final interval summaries go to the sink in blocks of at most this many bytes. */
enum { FINAL_BLOCK_BYTES = 256 << 10 };

size_t cc_run_interval_bytes(const struct cc_layout *layout)
{
	return layout->cells * sizeof(struct cc_running);
}

/* The parts of a run's memory: see cc_run_memory_estimate. */
struct memory {
	double base, per_rep, slots, waiting, summaries, kept, records;
};

/* Agent events a replication writes, about, per contact and per agent (statuses, shifts). */
#define EVENTS_PER_CONTACT 6.0
#define EVENTS_PER_AGENT_HOUR 4.0

static struct memory memory_parts(const struct cc_scenario *scn, int threads, int keep_intervals,
                                  int keep_totals)
{
	struct cc_grid grid;
	struct cc_layout layout;
	cc_grid_init(&grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	cc_layout_init(&layout, scn);
	double cells = (double)layout.cells, rows = (double)grid.count;
	double reps = (double)scn->replications;
	cc_layout_fini(&layout);
	struct memory m = { 0 };
	/* The program, its libraries and the writer's blocks. */
	m.base = 24.0 * 1048576;
	double contacts = cc_center_expected_contacts(scn);
	if (scn->contact_records)
		m.records += contacts * 1.5 * sizeof(struct cc_contact_record);
	if (scn->agent_events)
		m.records += (contacts * EVENTS_PER_CONTACT +
		              (double)cc_scenario_agents(scn) * scn->horizon_s / 3600 *
		                  EVENTS_PER_AGENT_HOUR) * sizeof(struct cc_agent_event);
	/* A replication in flight: the model and its records; and the figures of those not first
	 * in line, all their rows waiting to be added (the first in line's are added as they
	 * come). */
	m.per_rep = cc_center_bytes(scn) + m.records;
	size_t t = threads < 1 ? 1 : (size_t)threads;
	if (t > (size_t)scn->replications)
		t = (size_t)scn->replications;
	m.slots = 2.0 * (double)t;
	m.waiting = (m.slots - 1) * rows * cells * sizeof(double) +
	            2.0 * 2 * STREAM_LIMIT * cells * sizeof(double);
	/* The summaries of every interval while replications add to them (with one replication
	 * each is final, and freed, as it comes). */
	m.summaries = (reps > 1 || keep_intervals) ? rows * cells * sizeof(struct cc_running) : 0;
	m.kept = keep_totals ? reps * cells * sizeof(double) : 0;
	return m;
}

double cc_run_memory_estimate(const struct cc_scenario *scn, int threads, int keep_intervals,
                              int keep_totals)
{
	struct memory m = memory_parts(scn, threads, keep_intervals, keep_totals);
	return m.base + m.slots * m.per_rep + m.waiting + m.summaries + m.kept;
}

void cc_run_memory_explain(const struct cc_scenario *scn, int threads, char *buf, size_t len)
{
	struct memory m = memory_parts(scn, threads, 0, 0);
	const double mib = 1048576;
	snprintf(buf, len,
	         "%.0f MiB per replication in flight x %.0f in flight for %d thread%s%s, %.0f MiB of "
	         "figures waiting and %.0f MiB of interval summaries: use fewer --threads, a longer "
	         "interval%s",
	         m.per_rep / mib, m.slots, threads, threads == 1 ? "" : "s",
	         m.records > 0 ? " (contact records or agent events included)" : "", m.waiting / mib,
	         m.summaries / mib,
	         m.records > 0 ? ", or turn off output.contact_records and output.agent_events"
	                       : ", or fewer agents");
}

double cc_run_memory_limit(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	double physical = pages > 0 && size > 0 ? (double)pages * (double)size : 8.0 * 1073741824;
	struct rlimit rl;
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    (double)rl.rlim_cur < physical)
		physical = (double)rl.rlim_cur;
	/* Leave room for the system and the estimate's own error. */
	return 0.8 * physical;
}

/* ---- on the workers ---- */

/* A row of the task's replication has closed: derive it and queue it for adding. */
static void row_closed(void *ctx, const struct cc_raw_row *x)
{
	struct task *t = ctx;
	struct cc_run_private *p = t->p;
	size_t cells = cc_run_cells(p->run);
	cc_layout_derive(&p->run->layout, x, t->scratch);
	pthread_mutex_lock(&p->lock);
	if (t->n == 0)
		t->first = x->row;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : STREAM_ROWS;
		t->rows = cc_realloc(t->rows, t->cap * cells, sizeof *t->rows);
	}
	memcpy(t->rows + t->n * cells, t->scratch, cells * sizeof *t->rows);
	t->n++;
	/* Rows are added as they come only once every replication before this one is. */
	int streaming = p->head == t->rep && p->next == t->rep;
	int wake = streaming && t->n >= STREAM_ROWS;
	pthread_mutex_unlock(&p->lock);
	if (!wake)
		return;
	cc_runner_wake(t->progress);
	pthread_mutex_lock(&p->lock);
	while (p->head == t->rep && p->next == t->rep && t->n >= STREAM_LIMIT &&
	       !atomic_load(&t->progress->stop)) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += STREAM_WAIT_NS;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->drained, &p->lock, &ts);
	}
	pthread_mutex_unlock(&p->lock);
}

static void run_one(void *ctx, size_t task, struct cc_progress *progress)
{
	struct cc_run_private *p = ctx;
	size_t rep = cc_run_rep_of_task(p, task);
	struct cc_run *run = p->run;
	struct task *t = cc_run_slot(p, task);
	pthread_mutex_lock(&p->lock);
	t->rep = rep;
	t->n = 0;
	pthread_mutex_unlock(&p->lock);
	t->progress = progress;
	cc_rep_result_init(&t->res, run->scn);
	struct cc_row_sink sink = { .row = row_closed, .ctx = t };
	cc_center_run(run->scn, &run->grid, rep, &t->res, &sink, progress);
	if (t->res.stalled)
		return;
	struct cc_raw_row totals = cc_rep_result_totals(&t->res, run->scn, &run->grid);
	cc_layout_derive(&run->layout, &totals, t->totals);
}

/* ---- on the calling thread ---- */

/* The summaries of the final interval rows waiting in the buffer go to the sink. */
static void flush_final(struct cc_run_private *p)
{
	struct cc_run *run = p->run;
	if (p->final_n && run->sink.intervals && !p->sink_failed)
		p->sink_failed = run->sink.intervals(run->sink.ctx, p->final_first, p->final_n,
		                                     p->final);
	p->final_n = 0;
}

/* Interval ROW has had every replication added: its summaries are final. */
static void finalize(struct cc_run_private *p, size_t row)
{
	struct cc_run *run = p->run;
	size_t cells = cc_run_cells(run);
	if (p->final_n == p->final_cap || (p->final_n && p->final_first + p->final_n != row))
		flush_final(p);
	if (p->final_n == 0)
		p->final_first = row;
	double *out = p->final + p->final_n * cells * CC_RUN_STATS;
	const struct cc_running *acc = p->acc[row];
	for (size_t c = 0; c < cells; c++) {
		double n = acc[c].n, hw = NAN;
		if (n >= 2) {
			/* The arithmetic of cc_stats_summarize, with its t quantile looked up once per
			 * count: every cell usually has one value per replication. */
			if (n - 1 != p->t_df) {
				p->t_df = n - 1;
				p->t = cc_stats_t(CC_RUN_LEVEL, (size_t)(n - 1));
			}
			double sd = sqrt(acc[c].m2 / (n - 1));
			hw = p->t * sd / sqrt(n);
		}
		out[c * CC_RUN_STATS + CC_RUN_MEAN] = n > 0 ? acc[c].mean : NAN;
		out[c * CC_RUN_STATS + CC_RUN_CI95] = hw;
	}
	p->final_n++;
	if (!run->keep_intervals) {
		cc_free(p->acc[row]);
		p->acc[row] = NULL;
		p->acc_bytes -= cells * sizeof *acc;
	}
}

void cc_run_add_rows(struct cc_run_private *p, size_t rep, size_t first, size_t n,
                     const double *rows, int full)
{
	struct cc_run *run = p->run;
	double t0 = cc_runner_now();
	size_t cells = cc_run_cells(run), lo = p->lo, hi = p->hi;
	size_t stride = full ? cells : hi - lo, skip = full ? lo : 0;
	for (size_t i = 0; i < n; i++) {
		size_t row = first + i;
		const double *v = rows + i * stride + skip - lo; /* v[c]: cell c, c in [lo, hi) */
		if (!p->acc[row]) {
			p->acc[row] = cc_calloc(cells, sizeof *p->acc[row]);
			p->acc_bytes += cells * sizeof *p->acc[row];
			if (p->acc_bytes > run->summary_peak_bytes)
				run->summary_peak_bytes = p->acc_bytes;
		}
		struct cc_running *acc = p->acc[row];
		for (size_t c = lo; c < hi; c++)
			cc_running_add(&acc[c], v[c]);
		if (run->keep_rep_intervals && full)
			memcpy(run->rep_intervals + (rep * run->grid.count + row) * cells,
			       rows + i * cells, cells * sizeof *rows);
		/* With ranks, rows are final once the slices are gathered, at the batch's end. */
		if (rep + 1 == p->final_reps && p->ranks == 1)
			finalize(p, row);
	}
	if (n && full && run->sink.rep_intervals && run->scn->rep_intervals && !p->sink_failed)
		p->sink_failed = run->sink.rep_intervals(run->sink.ctx, rep, first, n, rows);
	run->merge_s += cc_runner_now() - t0;
}

int cc_run_add_replication(struct cc_run_private *p, size_t rep, const double *totals,
                           const struct cc_rep_counts *counts,
                           const struct cc_contact_record *records, size_t n_records,
                           const struct cc_agent_event *events, size_t n_events)
{
	struct cc_run *run = p->run;
	size_t cells = cc_run_cells(run);
	double t0 = cc_runner_now();
	for (size_t c = 0; c < cells; c++)
		cc_running_add(&run->totals_summary[c], totals[c]);
	if (run->keep_totals) {
		memcpy(run->totals + rep * cells, totals, cells * sizeof *totals);
		run->counts[rep] = *counts;
	}
	run->events += counts->events;
	run->contacts += counts->arrived;
	run->replications = rep + 1;
	const struct cc_run_sink *s = &run->sink;
	if (rep + 1 == p->final_reps && p->ranks == 1)
		flush_final(p);
	if (!p->sink_failed && s->replication)
		p->sink_failed = s->replication(s->ctx, rep, totals, counts);
	if (!p->sink_failed && s->records && n_records && cc_ranks_writer())
		p->sink_failed = s->records(s->ctx, records, n_records);
	if (!p->sink_failed && s->events && n_events && cc_ranks_writer())
		p->sink_failed = s->events(s->ctx, events, n_events);
	run->merge_s += cc_runner_now() - t0;
	pthread_mutex_lock(&p->lock);
	p->next = rep + 1;
	pthread_mutex_unlock(&p->lock);
	return p->sink_failed;
}

/* Takes the rows the head replication has derived so far (into P->taken): their first
 * interval and count, *FIRST and return value. */
static size_t take_rows(struct cc_run_private *p, size_t *first)
{
	pthread_mutex_lock(&p->lock);
	struct task *t = cc_run_slot(p, p->head_task);
	size_t n = t->rep == p->head ? t->n : 0;
	*first = t->first;
	if (n) {
		/* Swap buffers, so the worker goes on filling while these are added. */
		double *rows = t->rows;
		size_t cap = t->cap;
		t->rows = p->taken;
		t->cap = p->taken_cap;
		p->taken = rows;
		p->taken_cap = cap;
		t->first += n;
		t->n = 0;
		pthread_cond_broadcast(&p->drained);
	}
	pthread_mutex_unlock(&p->lock);
	return n;
}

/* Adds the rows the head replication has derived so far, once every replication before it
 * is added (another rank's are taken first). With ranks, only a long replication's rows go
 * before its end (at least STREAM_ROWS of them): a short one's go with it, in one message. */
static int stream(void *ctx)
{
	struct cc_run_private *p = ctx;
	if (cc_run_catch_up(p, p->head))
		return 1;
	if (p->ranks > 1) {
		pthread_mutex_lock(&p->lock);
		struct task *t = cc_run_slot(p, p->head_task);
		int few = t->rep != p->head || t->n < STREAM_ROWS;
		pthread_mutex_unlock(&p->lock);
		if (few)
			return p->sink_failed;
	}
	size_t first, n = take_rows(p, &first);
	if (n) {
		cc_run_add_rows(p, p->head, first, n, p->taken, 1);
		if (cc_run_send_rows(p, first, n, p->taken))
			return 1;
	}
	return p->sink_failed;
}

static int commit_one(void *ctx, size_t task)
{
	struct cc_run_private *p = ctx;
	size_t rep = cc_run_rep_of_task(p, task);
	struct cc_run *run = p->run;
	struct task *t = cc_run_slot(p, task);
	CC_ASSERT(p->head == rep && t->rep == rep);
	if (cc_run_catch_up(p, rep))
		return 1;
	if (t->res.stalled) {
		char at[32], span[48] = "one instant";
		cc_duration_format(t->res.stalled_at_s, at, sizeof at);
		if (t->res.stalled_span_s > 0) {
			strcpy(span, "the last ");
			cc_duration_format(t->res.stalled_span_s, span + strlen(span), sizeof span - strlen(span));
			strcat(span, " simulated");
		}
		snprintf(run->error, sizeof run->error, "replication %zu all but stopped at %s: %llu "
		         "events in %s, more than %.0f a simulated second (look at %s%s%s)", rep, at,
		         (unsigned long long)t->res.stalled_events, span, t->res.stalled_limit,
		         t->res.stalled,
		         t->res.stalled_also ? "; and at " : "",
		         t->res.stalled_also ? t->res.stalled_also : "");
		cc_run_send_stalled(p);
		p->stalled = 1;
		return 1;
	}
	/* The rows not added yet, then the totals. */
	size_t first, n = take_rows(p, &first);
	if (n)
		cc_run_add_rows(p, rep, first, n, p->taken, 1);
	if (cc_run_send_end(p, t, first, n, p->taken))
		return 1;
	cc_run_add_replication(p, rep, t->totals, &t->res.counts, t->res.records, t->res.n_records,
	                t->res.events, t->res.n_events);
	cc_rep_result_fini(&t->res);
	pthread_mutex_lock(&p->lock);
	p->head = rep + (size_t)p->ranks;
	p->head_task = task + 1;
	pthread_mutex_unlock(&p->lock);
	return p->sink_failed;
}

static int stopping(void *ctx)
{
	struct cc_run_private *p = ctx;
	return p->run->stop && atomic_load(p->run->stop);
}

static void report(void *ctx, const struct cc_progress *pr, double elapsed_s)
{
	struct cc_run_private *p = ctx;
	if (!p->run->on_progress || !cc_ranks_writer())
		return;
	/* The counters add up over every batch, and so does the time. */
	double t = p->run->wall_s + elapsed_s;
	if (p->ranks == 1) {
		p->run->on_progress(p->run->progress_ctx, pr, t);
		return;
	}
	/* With ranks: the replications added, of every rank; rank 0's events and simulated
	 * time, its share of the work, times the ranks. */
	struct cc_progress all;
	cc_progress_init(&all);
	uint64_t k = (uint64_t)p->ranks;
	atomic_store(&all.tasks_done, p->next - p->rep0);
	atomic_store(&all.events, atomic_load(&pr->events) * k);
	atomic_store(&all.sim_ms, atomic_load(&pr->sim_ms) * k);
	p->run->on_progress(p->run->progress_ctx, &all, t);
}
/* Sets up RUN for replications whose count is FINAL (SIZE_MAX: decided as it goes). */
static void begin(struct cc_run *run, size_t final)
{
	const struct cc_scenario *scn = run->scn;
	cc_grid_init(&run->grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	cc_layout_init(&run->layout, scn);
	run->replications = 0;
	size_t cells = cc_run_cells(run), rows = run->grid.count;
	CC_NEW_ARRAY(run->totals_summary, cells);

	struct cc_run_private *p = cc_calloc(1, sizeof *p);
	run->priv = p;
	p->run = run;
	p->final_reps = final;
	cc_run_ranks_begin(p);
	pthread_mutex_init(&p->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p->drained, &attr);
	pthread_condattr_destroy(&attr);
	/* The runner keeps at most SLOTS_PER_THREAD x threads replications beyond the last
	 * commit; with ranks, more, so that a rank runs on while another's replication it waits
	 * for takes longer than its own. */
	size_t threads = run->threads < 1 ? 1 : (size_t)run->threads;
	if (threads > final)
		threads = final;
	p->threads = threads;
	p->n_slots = (p->ranks > 1 ? RANKS_SLOTS_PER_THREAD : SLOTS_PER_THREAD) * threads;
	CC_NEW_ARRAY(p->slots, p->n_slots);
	for (size_t i = 0; i < p->n_slots; i++) {
		p->slots[i].p = p;
		p->slots[i].rep = SIZE_MAX;
		p->slots[i].totals = cc_calloc(cells, sizeof *p->slots[i].totals);
		p->slots[i].scratch = cc_calloc(cells, sizeof *p->slots[i].scratch);
	}
	CC_NEW_ARRAY(p->acc, rows);
	p->final_cap = FINAL_BLOCK_BYTES / (cells * CC_RUN_STATS * sizeof(double));
	if (p->final_cap < 1)
		p->final_cap = 1;
	if (p->final_cap > rows)
		p->final_cap = rows;
	p->final = cc_calloc(p->final_cap * cells * CC_RUN_STATS, sizeof *p->final);
	p->t_df = -1;
	cc_progress_init(&p->progress);
}

/* What a batch that stopped short leaves: the replications it finished but never committed. */
static void drop_uncommitted(struct cc_run_private *p)
{
	for (size_t i = 0; i < p->n_slots; i++) {
		cc_rep_result_fini(&p->slots[i].res);
		p->slots[i].rep = SIZE_MAX;
		p->slots[i].n = 0;
	}
}

static enum cc_status more(struct cc_run *run, size_t n)
{
	struct cc_run_private *p = run->priv;
	CC_ASSERT(p != NULL && p->slots != NULL);
	size_t cells = cc_run_cells(run), rows = run->grid.count, total = run->replications + n;
	if (n == 0)
		return CC_OK;
	if (run->keep_totals) {
		run->totals = cc_realloc(run->totals, total * cells, sizeof *run->totals);
		run->counts = cc_realloc(run->counts, total, sizeof *run->counts);
	}
	if (run->keep_rep_intervals)
		run->rep_intervals = cc_realloc(run->rep_intervals, total * rows * cells,
		                                sizeof *run->rep_intervals);
	p->rep0 = run->replications;
	p->end = p->rep0 + n;
	p->next = p->rep0;
	p->head = cc_run_first_own(p);
	p->head_task = 0;
	size_t threads = p->threads, own = cc_run_own_tasks(p);
	struct cc_runner_job job = {
		.tasks = own,
		.threads = (int)(threads < (size_t)run->threads ? threads : (size_t)run->threads),
		.window = p->n_slots,
		.ctx = p,
		.run = run_one,
		.commit = commit_one,
		.stream = stream,
		.stopping = stopping,
		.report = report,
	};
	if (job.threads < 1)
		job.threads = 1;
	double t0 = cc_runner_now();
	int rc = own ? cc_runner_run(&job, &p->progress) : 0;
	if (rc == 0)
		rc = cc_run_catch_up(p, p->end); /* the others' replications after this rank's last */
	if (rc == 0)
		rc = cc_run_gather(p);
	run->wall_s += cc_runner_now() - t0;
	if (rc == 0)
		return CC_OK;
	drop_uncommitted(p);
	return p->stalled ? CC_ERR_STALLED : stopping(p) ? CC_ERR_STOPPED : CC_ERR_IO;
}

/* Frees what only running needs; the summaries stay for reading. */
static void release_slots(struct cc_run_private *p)
{
	drop_uncommitted(p);
	for (size_t i = 0; i < p->n_slots; i++) {
		cc_free(p->slots[i].rows);
		cc_free(p->slots[i].totals);
		cc_free(p->slots[i].scratch);
	}
	cc_free(p->slots);
	p->slots = NULL;
	CC_FREE_NULL(p->taken);
	CC_FREE_NULL(p->final);
	cc_run_ranks_release(p);
}

enum cc_status cc_run_begin(struct cc_run *run)
{
	begin(run, SIZE_MAX);
	return CC_OK;
}

enum cc_status cc_run_more(struct cc_run *run, size_t n)
{
	return more(run, n);
}

/* Every interval's summary is final now: to the sink, in interval order. */
static enum cc_status final_rows(struct cc_run_private *p)
{
	for (size_t row = 0; row < p->run->grid.count && p->run->replications > 0; row++)
		if (p->acc[row])
			finalize(p, row);
	flush_final(p);
	return p->sink_failed ? CC_ERR_IO : CC_OK;
}

enum cc_status cc_run_end(struct cc_run *run)
{
	struct cc_run_private *p = run->priv;
	CC_ASSERT(p != NULL && p->slots != NULL && p->final_reps == SIZE_MAX);
	enum cc_status st = final_rows(p);
	release_slots(p);
	return st;
}

enum cc_status cc_run_execute(struct cc_run *run)
{
	size_t n = (size_t)run->scn->replications;
	begin(run, n);
	enum cc_status st = more(run, n);
	/* One rank finalizes each row as its last replication adds to it; ranks, once they have
	 * gathered their slices. */
	if (st == CC_OK && run->priv->ranks > 1)
		st = final_rows(run->priv);
	release_slots(run->priv);
	return st;
}

void cc_run_fini(struct cc_run *run)
{
	if (!run)
		return;
	struct cc_run_private *p = run->priv;
	if (p && p->slots) /* stages that failed before cc_run_end */
		release_slots(p);
	if (p) {
		if (p->acc)
			for (size_t i = 0; i < run->grid.count; i++)
				cc_free(p->acc[i]);
		cc_free(p->acc);
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->drained);
		cc_free(p);
	}
	run->priv = NULL;
	CC_FREE_NULL(run->totals_summary);
	CC_FREE_NULL(run->totals);
	CC_FREE_NULL(run->counts);
	CC_FREE_NULL(run->rep_intervals);
	cc_layout_fini(&run->layout);
}

/* The cell of figure F at its INDEX, or SIZE_MAX for an entity with no figures. */
static size_t cell_of(const struct cc_run *run, const struct cc_figure *f, size_t index)
{
	size_t e = cc_layout_entity(&run->layout, f->owner, index);
	if (e == SIZE_MAX)
		return SIZE_MAX;
	return run->layout.offset[cc_layout_figure(&run->layout, f)] + e;
}

double cc_run_value(const struct cc_run *run, const struct cc_figure *f, size_t rep, size_t row,
                    size_t index)
{
	size_t c = cell_of(run, f, index), cells = cc_run_cells(run);
	CC_ASSERT(rep < run->replications && row <= run->grid.count);
	if (c == SIZE_MAX)
		return NAN;
	if (row == run->grid.count) {
		CC_ASSERT(run->totals != NULL);
		return run->totals[rep * cells + c];
	}
	CC_ASSERT(run->rep_intervals != NULL);
	return run->rep_intervals[(rep * run->grid.count + row) * cells + c];
}

struct cc_summary cc_run_summary(const struct cc_run *run, const struct cc_figure *f, size_t row,
                                 size_t index, double level)
{
	size_t c = cell_of(run, f, index);
	CC_ASSERT(row <= run->grid.count);
	if (c == SIZE_MAX)
		return (struct cc_summary){ NAN, NAN, NAN, 0 };
	if (row == run->grid.count)
		return cc_running_summary(&run->totals_summary[c], level);
	CC_ASSERT(run->keep_intervals && run->priv && run->priv->acc[row]);
	return cc_running_summary(&run->priv->acc[row][c], level);
}
