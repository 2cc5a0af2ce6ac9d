#ifndef CC_RUNNER_H
#define CC_RUNNER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Runs independent tasks (replications) on worker threads and hands their results to the
 * calling thread in task order, so what is written and summed never depends on the thread
 * count or on which task finished first.
 *
 * RUN(ctx, task, progress) executes on one of THREADS worker threads. It must touch no state
 * shared with other tasks except through CTX's read-only parts, its own per-task slot, and
 * what it publishes under its own lock for STREAM. COMMIT(ctx, task) runs on the calling
 * thread, for tasks 0, 1, 2... in order, each after its RUN has returned: this is where
 * results are aggregated or written. STREAM(ctx), if not NULL, runs on the calling thread
 * while it waits, each time a worker calls cc_runner_wake and at least every REPORT period:
 * the place to consume what a running task publishes as it goes. COMMIT and STREAM return 0
 * to go on, non-zero to stop (e.g. a write failed); STOPPING(ctx), if not NULL, is asked
 * likewise while waiting (e.g. whether a signal came). On a stop the runner sets the
 * progress's stop flag (running tasks may check it and end early), skips tasks not yet
 * started, and returns the non-zero value.
 *
 * Workers run at most WINDOW (by default 2 x THREADS) tasks ahead of the last commit, so the
 * memory held by finished but uncommitted tasks stays bounded however slow COMMIT is.
 *
 * While waiting, the calling thread calls REPORT (if not NULL) about four times a second
 * with the shared progress counters, for a progress line, and once at the end.
 */

struct cc_progress {
	atomic_size_t tasks_done;
	atomic_uint_fast64_t events;    /* events processed, summed over tasks */
	atomic_uint_fast64_t sim_ms;    /* simulated milliseconds, summed over tasks */
	atomic_int stop;                /* set when the run stops: tasks may end early */
	void *runner;                   /* private: the running job, for cc_runner_wake */
};

struct cc_runner_job {
	size_t tasks;
	int threads;
	size_t window;  /* tasks that may run ahead of the last commit; 0: 2 x THREADS */
	void *ctx;
	void (*run)(void *ctx, size_t task, struct cc_progress *progress);
	int (*commit)(void *ctx, size_t task);
	int (*stream)(void *ctx);
	int (*stopping)(void *ctx);
	void (*report)(void *ctx, const struct cc_progress *progress, double elapsed_s);
};

/* Initialises PROGRESS's counters to zero. */
void cc_progress_init(struct cc_progress *progress);

/* Runs JOB; returns 0 or the first non-zero COMMIT, STREAM or STOPPING value. */
int cc_runner_run(const struct cc_runner_job *job, struct cc_progress *progress);

/* From a task: asks the calling thread to run STREAM soon. */
void cc_runner_wake(struct cc_progress *progress);

/* Seconds on a monotonic clock, for elapsed times and rates. */
double cc_runner_now(void);

#endif
