#include "testutil.h"

#include <pthread.h>
#include <time.h>

#include "sim/macros.h"
#include "sim/runner.h"

/* A job whose tasks do a little work of uneven length and record what the runner did. */
enum { MAX_TASKS = 64 };

struct job_ctx {
	size_t tasks;
	double result[MAX_TASKS];   /* written by the task's RUN */
	int ran[MAX_TASKS];         /* RUN calls per task (atomic enough: one writer each) */
	size_t commits[MAX_TASKS];  /* tasks in the order COMMIT saw them */
	size_t n_commits;
	size_t fail_at;             /* COMMIT of this task returns fail_rc */
	int fail_rc;
	int stop_after_commits;     /* STOPPING returns 9 once this many commits are done (0: never) */
	int saw_stop;               /* a RUN saw the progress's stop flag */
	int reports;
	int streams;
	pthread_mutex_t lock;
};

static void sleep_ms(double ms)
{
	struct timespec ts = { 0, (long)(ms * 1e6) };
	nanosleep(&ts, NULL);
}

static void job_run(void *vctx, size_t task, struct cc_progress *progress)
{
	struct job_ctx *ctx = vctx;
	/* Later tasks are shorter, so on several threads they finish first. */
	sleep_ms((double)((ctx->tasks - task) % 5) * 0.7);
	double x = 0;
	for (size_t i = 1; i <= 1000 + task; i++)
		x += 1.0 / (double)(i * i);
	ctx->result[task] = x;
	pthread_mutex_lock(&ctx->lock);
	ctx->ran[task]++;
	if (atomic_load(&progress->stop))
		ctx->saw_stop = 1;
	pthread_mutex_unlock(&ctx->lock);
	atomic_fetch_add(&progress->events, 3);
	cc_runner_wake(progress);
}

static int job_commit(void *vctx, size_t task)
{
	struct job_ctx *ctx = vctx;
	/* Its RUN is over, and no other commit runs: the result is there. */
	assert_true(ctx->result[task] > 1.0);
	ctx->commits[ctx->n_commits++] = task;
	return task == ctx->fail_at ? ctx->fail_rc : 0;
}

static int job_stopping(void *vctx)
{
	struct job_ctx *ctx = vctx;
	return ctx->stop_after_commits && (int)ctx->n_commits >= ctx->stop_after_commits ? 9 : 0;
}

static int job_stream(void *vctx)
{
	struct job_ctx *ctx = vctx;
	ctx->streams++;
	return 0;
}

static void job_report(void *vctx, const struct cc_progress *progress, double elapsed_s)
{
	struct job_ctx *ctx = vctx;
	(void)progress;
	assert_true(elapsed_s >= 0);
	ctx->reports++;
}

static void ctx_init(struct job_ctx *ctx, size_t tasks)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->tasks = tasks;
	ctx->fail_at = SIZE_MAX;
	pthread_mutex_init(&ctx->lock, NULL);
}

static struct cc_runner_job job_of(struct job_ctx *ctx, int threads)
{
	return (struct cc_runner_job){ .tasks = ctx->tasks, .threads = threads, .ctx = ctx,
		                       .run = job_run, .commit = job_commit,
		                       .stopping = job_stopping, .stream = job_stream,
		                       .report = job_report };
}

static void test_runner_commits_in_order_on_any_thread_count(void **state)
{
	(void)state;
	static const int threads[] = { 1, 2, 3, 8, 0 }; /* 0: taken as 1 */
	static const size_t tasks[] = { 23, 1, 5 };
	for (size_t t = 0; t < CC_ARRAY_SIZE(tasks); t++) {
		for (size_t i = 0; i < CC_ARRAY_SIZE(threads); i++) {
			struct job_ctx ctx;
			ctx_init(&ctx, tasks[t]);
			struct cc_runner_job job = job_of(&ctx, threads[i]);
			struct cc_progress progress;
			cc_progress_init(&progress);
			assert_int_equal(cc_runner_run(&job, &progress), 0);
			assert_int_equal(ctx.n_commits, tasks[t]);
			for (size_t k = 0; k < tasks[t]; k++) {
				assert_int_equal(ctx.commits[k], k);
				assert_int_equal(ctx.ran[k], 1);
			}
			assert_int_equal(atomic_load(&progress.tasks_done), tasks[t]);
			assert_int_equal(atomic_load(&progress.events), 3 * tasks[t]);
			assert_int_equal(atomic_load(&progress.stop), 0);
			assert_null(progress.runner);
			assert_false(ctx.saw_stop);
			assert_true(ctx.reports >= 1); /* once at the end at least */
			pthread_mutex_destroy(&ctx.lock);
		}
	}
}

static void test_runner_no_tasks(void **state)
{
	(void)state;
	struct job_ctx ctx;
	ctx_init(&ctx, 0);
	struct cc_runner_job job = job_of(&ctx, 4);
	struct cc_progress progress;
	cc_progress_init(&progress);
	assert_int_equal(cc_runner_run(&job, &progress), 0);
	assert_int_equal(ctx.n_commits, 0);
	assert_int_equal(ctx.reports, 1);
	pthread_mutex_destroy(&ctx.lock);
}

/* A commit that fails stops the run: its value comes back, nothing after it is committed,
 * and the tasks not yet started never run. */
static void test_runner_commit_error_propagates(void **state)
{
	(void)state;
	static const int threads[] = { 1, 2, 4 };
	for (size_t i = 0; i < CC_ARRAY_SIZE(threads); i++) {
		struct job_ctx ctx;
		ctx_init(&ctx, MAX_TASKS);
		ctx.fail_at = 6;
		ctx.fail_rc = 7;
		struct cc_runner_job job = job_of(&ctx, threads[i]);
		struct cc_progress progress;
		cc_progress_init(&progress);
		assert_int_equal(cc_runner_run(&job, &progress), 7);
		assert_int_equal(ctx.n_commits, 7);
		assert_int_equal(ctx.commits[6], 6);
		assert_int_equal(atomic_load(&progress.stop), 1);
		/* Workers stay within 2 x threads tasks of the last commit. */
		size_t ran = 0;
		for (size_t k = 0; k < MAX_TASKS; k++) {
			assert_true(ctx.ran[k] <= 1);
			ran += (size_t)ctx.ran[k];
		}
		assert_true(ran >= 7);
		assert_true(ran <= 7 + 2 * (size_t)threads[i]);
		pthread_mutex_destroy(&ctx.lock);
	}
}

/* STOPPING (a signal, say) cancels the run while it waits. */
static void test_runner_stopping_cancels(void **state)
{
	(void)state;
	struct job_ctx ctx;
	ctx_init(&ctx, MAX_TASKS);
	ctx.stop_after_commits = 3;
	struct cc_runner_job job = job_of(&ctx, 2);
	struct cc_progress progress;
	cc_progress_init(&progress);
	assert_int_equal(cc_runner_run(&job, &progress), 9);
	assert_true(ctx.n_commits >= 3);
	assert_true(ctx.n_commits < MAX_TASKS);
	for (size_t k = 0; k < ctx.n_commits; k++)
		assert_int_equal(ctx.commits[k], k);
	assert_int_equal(atomic_load(&progress.stop), 1);
	pthread_mutex_destroy(&ctx.lock);
}

/* A failing STREAM stops the run likewise. */
static int stream_fails(void *vctx)
{
	(void)vctx;
	return 5;
}

static void test_runner_stream_error_propagates(void **state)
{
	(void)state;
	struct job_ctx ctx;
	ctx_init(&ctx, 20);
	struct cc_runner_job job = job_of(&ctx, 2);
	job.stream = stream_fails;
	struct cc_progress progress;
	cc_progress_init(&progress);
	assert_int_equal(cc_runner_run(&job, &progress), 5);
	assert_true(ctx.n_commits < 20);
	assert_int_equal(atomic_load(&progress.stop), 1);
	pthread_mutex_destroy(&ctx.lock);
}

/* Tasks that run until told to stop: the stop reaches them while they run. */
static atomic_int spinning;

static void spin_run(void *vctx, size_t task, struct cc_progress *progress)
{
	struct job_ctx *ctx = vctx;
	(void)task;
	atomic_fetch_add(&spinning, 1);
	cc_runner_wake(progress);
	double t0 = cc_runner_now();
	while (!atomic_load(&progress->stop) && cc_runner_now() - t0 < 10)
		sleep_ms(1);
	pthread_mutex_lock(&ctx->lock);
	if (atomic_load(&progress->stop))
		ctx->saw_stop = 1;
	pthread_mutex_unlock(&ctx->lock);
}

static int spin_stopping(void *vctx)
{
	(void)vctx;
	return atomic_load(&spinning) == 2 ? 4 : 0;
}

static void test_runner_stop_reaches_running_tasks(void **state)
{
	(void)state;
	struct job_ctx ctx;
	ctx_init(&ctx, 10);
	atomic_store(&spinning, 0);
	struct cc_runner_job job = job_of(&ctx, 2);
	job.run = spin_run;
	job.stopping = spin_stopping;
	struct cc_progress progress;
	cc_progress_init(&progress);
	double t0 = cc_runner_now();
	assert_int_equal(cc_runner_run(&job, &progress), 4);
	assert_true(cc_runner_now() - t0 < 5);
	assert_int_equal(ctx.n_commits, 0);
	assert_int_equal(atomic_load(&spinning), 2); /* the other tasks never started */
	assert_true(ctx.saw_stop);
	pthread_mutex_destroy(&ctx.lock);
}

static void test_runner_wake_outside_a_run_is_harmless(void **state)
{
	(void)state;
	struct cc_progress progress;
	cc_progress_init(&progress);
	cc_runner_wake(&progress);
	double t0 = cc_runner_now();
	sleep_ms(2);
	assert_true(cc_runner_now() - t0 >= 0.0015);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runner_commits_in_order_on_any_thread_count),
		cmocka_unit_test(test_runner_no_tasks),
		cmocka_unit_test(test_runner_commit_error_propagates),
		cmocka_unit_test(test_runner_stopping_cancels),
		cmocka_unit_test(test_runner_stream_error_propagates),
		cmocka_unit_test(test_runner_stop_reaches_running_tasks),
		cmocka_unit_test(test_runner_wake_outside_a_run_is_harmless),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
