#include "runner.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>

#include "alloc.h"
#include "status.h"

/* The period of progress reports and of STREAM when no worker wakes the caller. */
#define REPORT_PERIOD_S 0.25

struct shared {
	const struct cc_runner_job *job;
	struct cc_progress *progress;
	pthread_mutex_t lock;
	pthread_cond_t finished; /* a task finished, or a worker asked for STREAM */
	pthread_cond_t advanced; /* signalled when a commit lets workers take more tasks */
	size_t next_task;    /* next task a worker takes; guarded by lock */
	size_t committed;    /* tasks committed so far; guarded by lock */
	size_t window;       /* tasks that may be taken but not yet committed */
	unsigned char *done; /* per task; guarded by lock */
	int woken;           /* a worker asked for STREAM; guarded by lock */
	int stop;            /* guarded by lock */
};

double cc_runner_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cc_progress_init(struct cc_progress *progress)
{
	atomic_init(&progress->tasks_done, 0);
	atomic_init(&progress->events, 0);
	atomic_init(&progress->sim_ms, 0);
	atomic_init(&progress->stop, 0);
	progress->runner = NULL;
}

void cc_runner_wake(struct cc_progress *progress)
{
	struct shared *sh = progress->runner;
	if (!sh)
		return;
	pthread_mutex_lock(&sh->lock);
	sh->woken = 1;
	pthread_cond_broadcast(&sh->finished);
	pthread_mutex_unlock(&sh->lock);
}

static void *worker(void *arg)
{
	struct shared *sh = arg;
	for (;;) {
		pthread_mutex_lock(&sh->lock);
		/* Results wait in memory until committed in order; a slow commit (writing contact
		 * records) must not let finished tasks pile up, so workers stay within a window. */
		while (!sh->stop && sh->next_task < sh->job->tasks &&
		       sh->next_task >= sh->committed + sh->window)
			pthread_cond_wait(&sh->advanced, &sh->lock);
		size_t task = sh->next_task;
		int go = !sh->stop && task < sh->job->tasks;
		if (go)
			sh->next_task++;
		pthread_mutex_unlock(&sh->lock);
		if (!go)
			return NULL;
		sh->job->run(sh->job->ctx, task, sh->progress);
		atomic_fetch_add(&sh->progress->tasks_done, 1);
		pthread_mutex_lock(&sh->lock);
		sh->done[task] = 1;
		pthread_cond_broadcast(&sh->finished);
		pthread_mutex_unlock(&sh->lock);
	}
}

/* Stops the run with RC: no new tasks, and running ones are asked to end. */
static void stop_all(struct shared *sh)
{
	pthread_mutex_lock(&sh->lock);
	sh->stop = 1;
	pthread_cond_broadcast(&sh->advanced);
	pthread_mutex_unlock(&sh->lock);
	atomic_store(&sh->progress->stop, 1);
}

/* Work the calling thread does while it waits: STOPPING, STREAM and, when due, REPORT.
 * Returns non-zero to stop. */
static int while_waiting(struct shared *sh, double t0, double *last_report)
{
	const struct cc_runner_job *job = sh->job;
	int rc = job->stopping ? job->stopping(job->ctx) : 0;
	if (rc == 0 && job->stream)
		rc = job->stream(job->ctx);
	double now = cc_runner_now();
	if (job->report && now - *last_report >= REPORT_PERIOD_S) {
		*last_report = now;
		job->report(job->ctx, sh->progress, now - t0);
	}
	return rc;
}

int cc_runner_run(const struct cc_runner_job *job, struct cc_progress *progress)
{
	double t0 = cc_runner_now(), last_report = t0;
	/* Even one thread is a worker: the calling thread stays free to report progress during a
	 * long replication, and to commit results in order. */
	int threads = job->threads < 1 ? 1 : job->threads;
	if ((size_t)threads > job->tasks)
		threads = (int)(job->tasks ? job->tasks : 1);

	struct shared sh = { .job = job, .progress = progress, .window = job->window ? job->window : 2 * (size_t)threads };
	sh.done = cc_calloc(job->tasks, 1);
	pthread_mutex_init(&sh.lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&sh.finished, &attr);
	pthread_condattr_destroy(&attr);
	pthread_cond_init(&sh.advanced, NULL);
	progress->runner = &sh;

	pthread_t *tid = cc_calloc((size_t)threads, sizeof *tid);
	for (int i = 0; i < threads; i++)
		if (pthread_create(&tid[i], NULL, worker, &sh) != 0)
			cc_fail(__FILE__, __LINE__, "pthread_create");

	int rc = 0;
	for (size_t task = 0; task < job->tasks && rc == 0; task++) {
		pthread_mutex_lock(&sh.lock);
		while (!sh.done[task] && rc == 0) {
			if (!sh.woken) {
				struct timespec ts;
				clock_gettime(CLOCK_MONOTONIC, &ts);
				ts.tv_nsec += (long)(REPORT_PERIOD_S * 1e9);
				if (ts.tv_nsec >= 1000000000L) {
					ts.tv_sec++;
					ts.tv_nsec -= 1000000000L;
				}
				int w = pthread_cond_timedwait(&sh.finished, &sh.lock, &ts);
				if (w != ETIMEDOUT && !sh.woken)
					continue;
			}
			sh.woken = 0;
			pthread_mutex_unlock(&sh.lock);
			rc = while_waiting(&sh, t0, &last_report);
			pthread_mutex_lock(&sh.lock);
		}
		pthread_mutex_unlock(&sh.lock);
		if (rc == 0)
			rc = job->commit(job->ctx, task);
		if (rc == 0)
			rc = while_waiting(&sh, t0, &last_report);
		pthread_mutex_lock(&sh.lock);
		sh.committed = task + 1;
		pthread_cond_broadcast(&sh.advanced);
		pthread_mutex_unlock(&sh.lock);
	}
	if (rc != 0)
		stop_all(&sh);
	if (job->report)
		job->report(job->ctx, progress, cc_runner_now() - t0);
	for (int i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	progress->runner = NULL;
	cc_free(tid);
	cc_free(sh.done);
	pthread_cond_destroy(&sh.finished);
	pthread_cond_destroy(&sh.advanced);
	pthread_mutex_destroy(&sh.lock);
	return rc;
}
