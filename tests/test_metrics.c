/*
 * Figures from raw sums filled by hand: channel figures are the queue figures on the sums of
 * a channel's queues, group-channel figures divide the slot and busy integrals as documented.
 * Expected values are worked out by hand from the inputs, not by the code under test.
 */
#include "testutil.h"

#include "models/run.h"
#include "sim/stats.h"

/* Two voice queues and a chat queue; group g serves all three, group h only the chat. */
static const char three_queues[] =
	"name = \"m\";\n"
	"horizon = \"1h\";\n"
	"interval = \"30m\";\n"
	"statuses = [ \"Break\" ];\n"
	"queues = ( { name = \"v1\"; channel = \"voice\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"100s\"; }; },\n"
	"           { name = \"v2\"; channel = \"voice\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"100s\"; }; },\n"
	"           { name = \"c\"; channel = \"chat\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"100s\"; }; } );\n"
	"agents = ( { name = \"g\"; count = 2; skills = [ \"v1\", \"v2\", \"c\" ]; },\n"
	"           { name = \"h\"; count = 1; skills = [ \"c\" ]; } );\n";

enum { V1, V2, C };           /* queues */
enum { G, H };                /* groups */
enum { BREAK = CC_AGENT_FIRST_NPT };
#define TOL 1e-12

struct fixture {
	struct cc_scenario scn;
	struct cc_grid grid;      /* two 30-minute intervals: rows 0, 1 and the totals row 2 */
	struct cc_rep_result r;
};

static void set_q(struct fixture *x, size_t row, size_t q, int field, double v)
{
	x->r.queue_raw[cc_qr_index(x->scn.n_queues, row, q, field)] = v;
}

static void set_g(struct fixture *x, size_t row, size_t g, double staffed, double on_break)
{
	x->r.group_raw[cc_gr_index(x->scn.n_groups, row, g, CC_GR_STAFFED)] = staffed;
	x->r.status_raw[cc_sr_index(x->scn.n_groups, x->r.n_status, row, g, BREAK)] = on_break;
}

static void set_gc(struct fixture *x, size_t row, size_t g, enum cc_channel ch, double slots,
                   double busy, double work, double answered)
{
	double *p = x->r.gc_raw + cc_gcr_index(x->scn.n_groups, row, g, ch, 0);
	p[CC_GCR_SLOTS] = slots;
	p[CC_GCR_BUSY] = busy;
	p[CC_GCR_WORK] = work;
	p[CC_GCR_ANSWERED] = answered;
}

static void fill(struct fixture *x)
{
	char err[512] = "";
	if (tu_load(three_queues, NULL, 0, &x->scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(x->scn.n_queues, 3);
	assert_int_equal(x->scn.queues[V2].channel, CC_CHANNEL_VOICE);
	assert_int_equal(x->scn.queues[C].channel, CC_CHANNEL_CHAT);
	cc_grid_init(&x->grid, 1800, 0, 3600);
	assert_int_equal(x->grid.count, 2);
	cc_rep_result_init(&x->r, &x->scn, &x->grid);
	assert_int_equal(x->r.n_status, 4);

	static const struct { size_t row, q; int field; double v; } q[] = {
		{ 0, V1, CC_QR_OFFERED, 12 }, { 0, V1, CC_QR_IN_SL, 9 }, { 0, V1, CC_QR_ANSWERED, 11 },
		{ 0, V1, CC_QR_WAIT_SUM, 47.25 }, { 0, V1, CC_QR_WORK_TIME, 1385.5 },
		{ 0, V1, CC_QR_CALLBACKS, 1 }, { 0, V1, CC_QR_HANDLED, 10 },
		{ 0, V2, CC_QR_OFFERED, 7 }, { 0, V2, CC_QR_IN_SL, 4 }, { 0, V2, CC_QR_ANSWERED, 6 },
		{ 0, V2, CC_QR_WAIT_SUM, 88.125 }, { 0, V2, CC_QR_WORK_TIME, 640.75 },
		{ 0, V2, CC_QR_CALLBACKS, 2 },
		{ 0, C, CC_QR_OFFERED, 5 }, { 0, C, CC_QR_IN_SL, 5 }, { 0, C, CC_QR_ANSWERED, 5 },
		{ 0, C, CC_QR_WAIT_SUM, 3.5 }, { 0, C, CC_QR_WORK_TIME, 2385 },
		{ 0, C, CC_QR_HANDLED, 4 }, { 0, C, CC_QR_PAUSE_SUM, 12.385 },
		{ 1, V1, CC_QR_OFFERED, 9 }, { 1, V1, CC_QR_IN_SL, 8 }, { 1, V1, CC_QR_ANSWERED, 9 },
		{ 1, V1, CC_QR_WAIT_SUM, 20.5 }, { 1, V1, CC_QR_WORK_TIME, 1100.25 },
		{ 1, V2, CC_QR_OFFERED, 4 }, { 1, V2, CC_QR_IN_SL, 2 }, { 1, V2, CC_QR_ANSWERED, 3 },
		{ 1, V2, CC_QR_WAIT_SUM, 61.75 }, { 1, V2, CC_QR_WORK_TIME, 402.5 },
		{ 1, C, CC_QR_OFFERED, 6 }, { 1, C, CC_QR_IN_SL, 3 }, { 1, C, CC_QR_ANSWERED, 4 },
		{ 1, C, CC_QR_WAIT_SUM, 170.375 }, { 1, C, CC_QR_WORK_TIME, 1990.125 },
		{ 1, C, CC_QR_HANDLED, 5 }, { 1, C, CC_QR_PAUSE_SUM, 45.5 },
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
		set_q(x, q[i].row, q[i].q, q[i].field, q[i].v);
	/* Productive time: g 3187.5 then 3540.25; h 1679.25 then 1800. */
	set_g(x, 0, G, 3600, 412.5);
	set_g(x, 1, G, 3540.25, 0);
	set_g(x, 0, H, 1800, 120.75);
	set_g(x, 1, H, 1800, 0);
	set_gc(x, 0, G, CC_CHANNEL_VOICE, 2950.5, 2950.5, 2400.25, 17);
	set_gc(x, 0, G, CC_CHANNEL_CHAT, 4120.75, 1650.25, 2385, 3);
	set_gc(x, 1, G, CC_CHANNEL_VOICE, 2400, 2400, 2100.5, 12);
	set_gc(x, 1, G, CC_CHANNEL_CHAT, 3318.5, 1402.125, 1500.75, 2);
	set_gc(x, 0, H, CC_CHANNEL_CHAT, 1500, 900, 1200.5, 4);
	cc_rep_result_total(&x->r, &x->scn, &x->grid);
}

static void unfill(struct fixture *x)
{
	cc_rep_result_fini(&x->r);
	cc_scenario_fini(&x->scn);
}

static double fig(const struct fixture *x, enum cc_figure_owner owner, const char *name,
                  size_t row, size_t index)
{
	const struct cc_figure *f = cc_figure_find(owner, name);
	if (!f)
		fail_msg("no figure %s", name);
	return f->value(&x->scn, &x->grid, &x->r, row, index);
}

static double gc(const struct fixture *x, const char *name, size_t row, size_t g,
                 enum cc_channel ch)
{
	return fig(x, CC_FIG_GROUP_CHANNEL, name, row, g * CC_CHANNEL_COUNT + ch);
}

enum { TOTAL = 2 };

static void test_metrics_channel_figures_sum_their_queues(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	/* Voice: v1 + v2. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "offered", TOTAL, CC_CHANNEL_VOICE), 32, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "offered", 1, CC_CHANNEL_VOICE), 13, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "service_level", TOTAL, CC_CHANNEL_VOICE), 0.71875, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "service_level", 0, CC_CHANNEL_VOICE), 13.0 / 19, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "asa_s", TOTAL, CC_CHANNEL_VOICE), 217.625 / 29, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "callbacks", TOTAL, CC_CHANNEL_VOICE), 3, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "callback_rate", 0, CC_CHANNEL_VOICE), 3.0 / 19, TOL);
	/* Occupancy: the channel's work over the productive time of the groups serving it, each
	 * group once although g serves two voice queues. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "occupancy", TOTAL, CC_CHANNEL_VOICE), 3529 / 6727.75, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "occupancy", TOTAL, CC_CHANNEL_CHAT), 4375.125 / 10207.0, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "occupancy", 0, CC_CHANNEL_CHAT), 2385 / 4866.75, TOL);
	/* Chat: its one queue. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "asa_s", 1, CC_CHANNEL_CHAT), 170.375 / 4, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "pause_s", TOTAL, CC_CHANNEL_CHAT), (12.385 + 45.5) / 9, TOL);
	/* A channel with no queue: zero counts, NaN ratios. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "offered", TOTAL, CC_CHANNEL_EMAIL), 0, 0);
	assert_true(isnan(fig(&x, CC_FIG_CHANNEL, "service_level", TOTAL, CC_CHANNEL_EMAIL)));
	assert_true(isnan(fig(&x, CC_FIG_CHANNEL, "occupancy", TOTAL, CC_CHANNEL_EMAIL)));
	/* The queue figures themselves, new and old. */
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", TOTAL, V1), 2485.75 / 6727.75, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", 1, C), 1990.125 / 5340.25, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "pause_s", 1, C), 9.1, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "callbacks", TOTAL, V2), 2, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "callback_rate", TOTAL, V2), 2.0 / 11, TOL);
	assert_true(isnan(fig(&x, CC_FIG_QUEUE, "pause_s", TOTAL, V2)));
	unfill(&x);
}

static void test_metrics_group_channel_figures(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	assert_near(gc(&x, "occupancy", 0, G, CC_CHANNEL_CHAT), 1650.25 / 3187.5, TOL);
	assert_near(gc(&x, "occupancy", TOTAL, G, CC_CHANNEL_VOICE), 5350.5 / 6727.75, TOL);
	assert_near(gc(&x, "occupancy", 0, H, CC_CHANNEL_CHAT), 900 / 1679.25, TOL);
	assert_near(gc(&x, "concurrency", TOTAL, G, CC_CHANNEL_CHAT), 7439.25 / 3052.375, TOL);
	assert_near(gc(&x, "concurrency", 0, H, CC_CHANNEL_CHAT), 1500 / 900.0, TOL);
	assert_near(gc(&x, "concurrency", 1, G, CC_CHANNEL_VOICE), 1, 0);
	assert_true(isnan(gc(&x, "concurrency", TOTAL, G, CC_CHANNEL_EMAIL)));
	assert_true(isnan(gc(&x, "concurrency", 1, H, CC_CHANNEL_CHAT)));
	assert_near(gc(&x, "slots", 1, G, CC_CHANNEL_VOICE), 2400 / 1800.0, TOL);
	assert_near(gc(&x, "slots", TOTAL, G, CC_CHANNEL_CHAT), 7439.25 / 3600, TOL);
	assert_near(gc(&x, "work_s", TOTAL, G, CC_CHANNEL_CHAT), 3885.75, TOL);
	assert_near(gc(&x, "answered", TOTAL, G, CC_CHANNEL_VOICE), 29, 0);
	assert_near(gc(&x, "answered", TOTAL, H, CC_CHANNEL_VOICE), 0, 0);
	/* Per group: every channel's slot time over staffed time. */
	assert_near(fig(&x, CC_FIG_GROUP, "slots_per_agent", TOTAL, G), 12789.75 / 7140.25, TOL);
	assert_near(fig(&x, CC_FIG_GROUP, "slots_per_agent", 0, H), 1500 / 1800.0, TOL);
	unfill(&x);
}

/* Every queue figure has a channel twin of the same name and units, in the same order. */
static void test_metrics_channel_figures_mirror_queue_figures(void **state)
{
	(void)state;
	size_t n, nq = 0, nc = 0;
	const struct cc_figure *f = cc_figures(&n);
	for (size_t i = 0; i < n; i++)
		nq += f[i].owner == CC_FIG_QUEUE;
	for (size_t i = 0; i < n; i++) {
		if (f[i].owner != CC_FIG_CHANNEL)
			continue;
		const struct cc_figure *q = &f[nc++];
		assert_int_equal(q->owner, CC_FIG_QUEUE);
		assert_string_equal(f[i].name, q->name);
		assert_string_equal(f[i].units, q->units);
		assert_ptr_equal(cc_figure_find(CC_FIG_CHANNEL, q->name), &f[i]);
	}
	assert_int_equal(nc, nq);
	assert_true(nq > 25);
}

/* In a simulated run, each channel's counts per replication and interval are its queues'. */
static void test_metrics_channels_in_a_run(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[512] = "";
	const char *set[] = { "replications=2", "horizon=3h" };
	if (tu_load(three_queues, set, 2, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_run run;
	memset(&run, 0, sizeof run);
	run.scn = &scn;
	run.threads = 1;
	assert_int_equal(cc_run_execute(&run), CC_OK);
	const struct cc_figure *qo = cc_figure_find(CC_FIG_QUEUE, "offered");
	const struct cc_figure *co = cc_figure_find(CC_FIG_CHANNEL, "offered");
	assert_int_equal(cc_run_width(&run, co), CC_CHANNEL_COUNT);
	assert_int_equal(cc_run_width(&run, cc_figure_find(CC_FIG_GROUP_CHANNEL, "slots")),
	                 2 * CC_CHANNEL_COUNT);
	double offered = 0;
	for (size_t r = 0; r < run.replications; r++)
		for (size_t row = 0; row < cc_run_rows(&run); row++) {
			double voice = cc_run_value(&run, qo, r, row, V1) + cc_run_value(&run, qo, r, row, V2);
			assert_near(cc_run_value(&run, co, r, row, CC_CHANNEL_VOICE), voice, 0);
			assert_near(cc_run_value(&run, co, r, row, CC_CHANNEL_CHAT),
			            cc_run_value(&run, qo, r, row, C), 0);
			assert_near(cc_run_value(&run, co, r, row, CC_CHANNEL_TASK), 0, 0);
			offered += voice;
		}
	assert_true(offered > 0);
	cc_run_fini(&run);
	cc_scenario_fini(&scn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metrics_channel_figures_sum_their_queues),
		cmocka_unit_test(test_metrics_group_channel_figures),
		cmocka_unit_test(test_metrics_channel_figures_mirror_queue_figures),
		cmocka_unit_test(test_metrics_channels_in_a_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
