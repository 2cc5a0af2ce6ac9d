#include "testutil.h"

#include <gsl/gsl_rng.h>

#include "sim/calendar.h"

/* A naive reference: an unsorted array searched for its minimum under the same order. */
struct ref_item {
	double time;
	uint32_t cls;
	uint64_t seq;
	struct cc_event *ev;
	int id;
};

static int ref_before(const struct ref_item *a, const struct ref_item *b)
{
	if (a->time != b->time)
		return a->time < b->time;
	if (a->cls != b->cls)
		return a->cls < b->cls;
	return a->seq < b->seq;
}

/*
 * A time at or after NOW. Mostly coarse steps, so that ties in time, and in class, are
 * frequent; else anything from a microsecond to a year later (times whose bit patterns
 * differ in low or high bits alike), or now itself, or never (INFINITY).
 */
static double draw_time(gsl_rng *r, double now)
{
	double u = gsl_rng_uniform(r);
	if (u < 0.6)
		return now + floor(gsl_rng_uniform(r) * 20) * 0.5;
	if (u < 0.9)
		return now + pow(10, -6 + 13.5 * gsl_rng_uniform(r));
	return u < 0.98 ? now : INFINITY;
}

static void test_calendar_matches_naive_list(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 2385);
	struct cc_calendar *cal = cc_calendar_create();
	enum { MAX = 4000, OPS = 200000 };
	struct ref_item *ref = calloc(MAX, sizeof *ref);
	int *ids = calloc(MAX, sizeof *ids);
	size_t n = 0, peak = 0;
	uint64_t seq = 0;
	int next_id = 0;
	double now = 0;
	for (int op = 0; op < OPS; op++) {
		/* Quarters that mostly schedule, so that the calendar grows to thousands of events,
		 * alternate with quarters that mostly pop, down to a handful: the calendar changes
		 * its structure on the way (see its .c file) and back. */
		double grow = op / (OPS / 4) % 2 == 0 ? 0.55 : 0.4;
		double u = gsl_rng_uniform(r);
		if ((u < grow && n < MAX) || n == 0) {
			double t = draw_time(r, now);
			uint32_t cls = (uint32_t)gsl_rng_uniform_int(r, 3);
			int id = next_id++;
			ids[n] = id;
			struct cc_event *ev = cc_calendar_schedule(cal, t, cls, 7, &ids[n]);
			ref[n] = (struct ref_item){ t, cls, seq++, ev, id };
			n++;
		} else if (u < grow + 0.07) {
			/* Move a random pending event: it takes a new place in the order, as if
			 * cancelled and scheduled anew. */
			size_t k = gsl_rng_uniform_int(r, n);
			double t = draw_time(r, now);
			cc_calendar_move(cal, ref[k].ev, t);
			ref[k].time = t;
			ref[k].seq = seq++;
			assert_true(ref[k].ev->time == t);
		} else if (u < grow + 0.15) {
			/* Cancel a random pending event. */
			size_t k = gsl_rng_uniform_int(r, n);
			cc_calendar_cancel(cal, ref[k].ev);
			if (k < n - 1) {
				ref[k] = ref[n - 1];
				ids[k] = ids[n - 1];
				ref[k].ev->subject = &ids[k];
			}
			n--;
		} else {
			size_t best = 0;
			for (size_t k = 1; k < n; k++)
				if (ref_before(&ref[k], &ref[best]))
					best = k;
			/* Half the pops are bounded: at the earliest time itself nothing comes out. */
			int bounded = u < grow + 0.4;
			if (bounded) {
				assert_null(cc_calendar_pop_before(cal, ref[best].time));
				assert_int_equal(cc_calendar_size(cal), n);
			}
			assert_ptr_equal(cc_calendar_peek(cal), ref[best].ev);
			/* Events that never happen stay until the drain: once time reached INFINITY,
			 * nothing else could be scheduled. */
			if (!isfinite(ref[best].time)) {
				assert_null(cc_calendar_pop_before(cal, INFINITY));
				assert_int_equal(cc_calendar_size(cal), n);
				continue;
			}
			struct cc_event *ev = bounded ? cc_calendar_pop_before(cal, ref[best].time + 0.25)
			                              : cc_calendar_pop(cal);
			assert_non_null(ev);
			assert_ptr_equal(ev, ref[best].ev);
			assert_int_equal(*(int *)ev->subject, ref[best].id);
			assert_true(ev->time >= now);
			now = ev->time;
			cc_calendar_release(cal, ev);
			ref[best] = ref[n - 1];
			ids[best] = ids[n - 1];
			if (best < n - 1)
				ref[best].ev->subject = &ids[best];
			n--;
		}
		assert_int_equal(cc_calendar_size(cal), n);
		if (n > peak)
			peak = n;
	}
	assert_true(peak > 1000);
	/* Drain: the rest comes out in order. */
	while (n > 0) {
		size_t best = 0;
		for (size_t k = 1; k < n; k++)
			if (ref_before(&ref[k], &ref[best]))
				best = k;
		struct cc_event *ev = cc_calendar_pop(cal);
		assert_ptr_equal(ev, ref[best].ev);
		cc_calendar_release(cal, ev);
		ref[best] = ref[--n];
	}
	assert_null(cc_calendar_pop(cal));
	assert_null(cc_calendar_peek(cal));
	free(ref);
	free(ids);
	cc_calendar_destroy(cal);
	gsl_rng_free(r);
}

static void test_calendar_ties_by_class_then_order(void **state)
{
	(void)state;
	struct cc_calendar *cal = cc_calendar_create();
	int a, b, c, d;
	cc_calendar_schedule(cal, 2.385, 2, 0, &a);
	cc_calendar_schedule(cal, 2.385, 0, 0, &b);
	cc_calendar_schedule(cal, 2.385, 2, 0, &c);
	cc_calendar_schedule(cal, 1.5, 9, 0, &d);
	void *want[] = { &d, &b, &a, &c };
	for (int i = 0; i < 4; i++) {
		struct cc_event *ev = cc_calendar_pop(cal);
		assert_ptr_equal(ev->subject, want[i]);
		cc_calendar_release(cal, ev);
	}
	cc_calendar_destroy(cal);
}

static void test_calendar_pool_does_not_grow_in_steady_state(void **state)
{
	(void)state;
	struct cc_calendar *cal = cc_calendar_create();
	int x;
	for (int i = 0; i < 300; i++)
		cc_calendar_schedule(cal, i * 1.7, 0, 0, &x);
	size_t cap = cc_calendar_capacity(cal);
	/* A hold model: pop one, reschedule it later; cancel and re-add. */
	for (int i = 0; i < 100000; i++) {
		struct cc_event *ev = cc_calendar_pop(cal);
		cc_calendar_reschedule(cal, ev, ev->time + 511.3);
		if (i % 7 == 0) {
			struct cc_event *e2 = cc_calendar_schedule(cal, ev->time + 3.1, 1, 0, &x);
			cc_calendar_cancel(cal, e2);
		}
	}
	assert_int_equal(cc_calendar_capacity(cal), cap);
	assert_int_equal(cc_calendar_size(cal), 300);
	cc_calendar_destroy(cal);
	cc_calendar_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar_matches_naive_list),
		cmocka_unit_test(test_calendar_ties_by_class_then_order),
		cmocka_unit_test(test_calendar_pool_does_not_grow_in_steady_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
