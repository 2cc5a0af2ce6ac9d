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
 * RUN(ctx, task, progress) executes on one of THREADS worker threads. It
 * must touch no state shared with other tasks except through CTX's read-only parts and its
 * own per-task slot. COMMIT(ctx, task) runs on the calling thread, for tasks 0, 1, 2... in
 * order, each after its RUN has returned: this is where results are aggregated or written.
 * COMMIT returns 0 to go on, non-zero to stop (e.g. a write failed): the runner then lets
 * running tasks finish, skips tasks not yet started, and returns that value.
 *
 * Workers run at most 2 x THREADS tasks ahead of the last commit, so the memory held by
 * finished but uncommitted tasks stays bounded however slow COMMIT is.
 *
 * While waiting, the calling thread calls REPORT (if not NULL) about four times a second
 * with the shared progress counters, for a progress line.
 */

struct cc_progress {
	atomic_size_t tasks_done;
	atomic_uint_fast64_t events;    /* events processed, summed over tasks */
	atomic_uint_fast64_t sim_ms;    /* simulated milliseconds, summed over tasks */
};

struct cc_runner_job {
	size_t tasks;
	int threads;
	void *ctx;
	void (*run)(void *ctx, size_t task, struct cc_progress *progress);
	int (*commit)(void *ctx, size_t task);
	void (*report)(void *ctx, const struct cc_progress *progress, double elapsed_s);
};

/* Runs JOB; returns 0 or the first non-zero COMMIT value. */
int cc_runner_run(const struct cc_runner_job *job, struct cc_progress *progress);

/* Seconds on a monotonic clock, for elapsed times and rates. */
double cc_runner_now(void);

#endif
