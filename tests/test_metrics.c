/*
 * Figures from raw sums filled by hand: channel figures are the queue figures on the sums of
 * a channel's queues, group-channel figures divide the slot and busy integrals as documented.
 * Expected values are worked out by hand from the inputs, not by the code under test.
 */
#include "testutil.h"

#include "models/run/run.h"
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
	double *queue[2], *group[2], *status[2], *gc[2]; /* the interval rows */
	double channel[CC_CHANNEL_COUNT * CC_QR_COUNT];  /* channel sums of the row being read */
	struct cc_rep_result r;   /* the totals */
};

/* Makes the fixture's empty rows for its scenario. */
static void rows_init(struct fixture *x)
{
	size_t ng = x->scn.n_groups, ns = cc_scenario_status_count(&x->scn);
	for (int i = 0; i < 2; i++) {
		x->queue[i] = calloc(x->scn.n_queues * CC_QR_COUNT, sizeof(double));
		x->group[i] = calloc(ng * CC_GR_COUNT, sizeof(double));
		x->status[i] = calloc(ng * ns, sizeof(double));
		x->gc[i] = calloc(ng * CC_CHANNEL_COUNT * CC_GCR_COUNT, sizeof(double));
	}
	cc_rep_result_init(&x->r, &x->scn);
}

/* Row ROW of the fixture (0 or 1, or TOTAL), as the simulation hands rows over. */
static struct cc_raw_row row_of(struct fixture *x, size_t row)
{
	if (row >= 2)
		return cc_rep_result_totals(&x->r, &x->scn, &x->grid);
	cc_metrics_channel_sums(&x->scn, x->queue[row], x->channel);
	return (struct cc_raw_row){ .scn = &x->scn, .grid = &x->grid, .row = row,
	                            .n_status = x->r.n_status, .queue = x->queue[row],
	                            .group = x->group[row], .status = x->status[row],
	                            .gc = x->gc[row], .channel = x->channel };
}

/* The totals from the rows, added in order as the simulation adds them. */
static void total(struct fixture *x)
{
	cc_rep_result_fini(&x->r);
	cc_rep_result_init(&x->r, &x->scn);
	for (size_t row = 0; row < 2; row++) {
		struct cc_raw_row v = row_of(x, row);
		cc_rep_result_add_row(&x->r, &v);
	}
	cc_rep_result_finish(&x->r, &x->scn);
}

static void set_q(struct fixture *x, size_t row, size_t q, int field, double v)
{
	x->queue[row][cc_qr_at(q, field)] = v;
}

static void set_g(struct fixture *x, size_t row, size_t g, double staffed, double on_break)
{
	x->group[row][cc_gr_at(g, CC_GR_STAFFED)] = staffed;
	x->status[row][g * x->r.n_status + BREAK] = on_break;
}

static void set_gc(struct fixture *x, size_t row, size_t g, enum cc_channel ch, double slots,
                   double busy, double work, double answered)
{
	double *p = x->gc[row] + cc_gcr_at(g, ch, 0);
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
	rows_init(x);
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
	total(x);
}

static void unfill(struct fixture *x)
{
	cc_rep_result_fini(&x->r);
	for (int i = 0; i < 2; i++) {
		free(x->queue[i]);
		free(x->group[i]);
		free(x->status[i]);
		free(x->gc[i]);
	}
	cc_scenario_fini(&x->scn);
}

static double fig(struct fixture *x, enum cc_figure_owner owner, const char *name, size_t row,
                  size_t index)
{
	const struct cc_figure *f = cc_figure_find(owner, name);
	if (!f)
		fail_msg("no figure %s", name);
	struct cc_raw_row v = row_of(x, row);
	return f->value(&v, index);
}

static double gc(struct fixture *x, const char *name, size_t row, size_t g,
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

struct q_entry { size_t row, q; int field; double v; };

/* Sets queue sums on top of fill()'s, then totals again. */
static void add_q(struct fixture *x, const struct q_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		set_q(x, e[i].row, e[i].q, e[i].field, e[i].v);
	total(x);
}

/* AHT is talk + hold + ACW: talk_s leaves hold out, hold_s is its own mean, and the three add
 * up to aht_s per queue, per channel and in total. */
static void test_metrics_aht_includes_hold(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	static const struct q_entry e[] = {
		{ 0, V1, CC_QR_TALK_SUM, 2385.75 }, { 0, V1, CC_QR_HOLD_SUM, 143.125 },
		{ 0, V1, CC_QR_ACW_SUM, 412.5 },
		{ 1, V1, CC_QR_HANDLED, 7 }, { 1, V1, CC_QR_TALK_SUM, 1702.25 },
		{ 1, V1, CC_QR_HOLD_SUM, 88.375 }, { 1, V1, CC_QR_ACW_SUM, 301 },
		{ 0, V2, CC_QR_HANDLED, 5 }, { 0, V2, CC_QR_TALK_SUM, 1111.5 },
		{ 0, V2, CC_QR_ACW_SUM, 250.25 },
		{ 0, C, CC_QR_TALK_SUM, 900.5 }, { 0, C, CC_QR_HOLD_SUM, 12.75 },
		{ 1, C, CC_QR_TALK_SUM, 1200.125 }, { 1, C, CC_QR_ACW_SUM, 60.5 },
	};
	add_q(&x, e, sizeof e / sizeof e[0]);
	assert_near(fig(&x, CC_FIG_QUEUE, "aht_s", 0, V1), 294.1375, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "hold_s", 0, V1), 14.3125, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "talk_s", 0, V1), 238.575, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "aht_s", TOTAL, V1), 5033.0 / 17, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "hold_s", TOTAL, V1), 231.5 / 17, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "aht_s", 0, C), 913.25 / 4, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "hold_s", 1, C), 0, 0);
	assert_true(isnan(fig(&x, CC_FIG_QUEUE, "aht_s", 1, V2)));
	assert_true(isnan(fig(&x, CC_FIG_QUEUE, "hold_s", 1, V2)));
	/* Voice: v1 and v2 summed before dividing, not their means averaged. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "aht_s", TOTAL, CC_CHANNEL_VOICE), 6394.75 / 22, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "hold_s", TOTAL, CC_CHANNEL_VOICE), 231.5 / 22, TOL);
	for (size_t row = 0; row <= TOTAL; row++)
		for (size_t q = V1; q <= C; q++) {
			double aht = fig(&x, CC_FIG_QUEUE, "aht_s", row, q);
			if (isnan(aht))
				continue;
			assert_near(aht, fig(&x, CC_FIG_QUEUE, "talk_s", row, q) +
			                 fig(&x, CC_FIG_QUEUE, "hold_s", row, q) +
			                 fig(&x, CC_FIG_QUEUE, "acw_s", row, q), 1e-9);
		}
	unfill(&x);
}

static void test_metrics_transfer_figures(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	static const struct q_entry e[] = {
		{ 0, V1, CC_QR_TRANSFERS_IN, 3 }, { 0, V1, CC_QR_TRANSFERS_OUT, 4 },
		{ 0, V1, CC_QR_TRANSFERS_EXTERNAL, 1 }, { 0, V1, CC_QR_TRANSFERS_FAILED, 2 },
		{ 1, V1, CC_QR_TRANSFERS_IN, 2 }, { 1, V1, CC_QR_TRANSFERS_OUT, 3 },
		{ 1, V1, CC_QR_TRANSFERS_FAILED, 1 },
		{ 0, V2, CC_QR_TRANSFERS_IN, 1 },
		{ 0, C, CC_QR_RESTARTS_IN, 2 }, { 0, C, CC_QR_ENDED_BY_MOVE, 3 },
		{ 0, C, CC_QR_TRANSFERS_OUT, 1 },
		{ 1, C, CC_QR_RESTARTS_IN, 1 }, { 1, C, CC_QR_ENDED_BY_MOVE, 1 },
	};
	add_q(&x, e, sizeof e / sizeof e[0]);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfers_in", TOTAL, V1), 5, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfers_out", 1, V1), 3, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfer_rate", 0, V1), 4.0 / 11, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfer_rate", TOTAL, V1), 7.0 / 20, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfer_rate", 1, C), 0, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfers_external", TOTAL, V1), 1, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "transfers_failed", TOTAL, V1), 3, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "restarts_in", TOTAL, C), 3, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "ended_by_move", TOTAL, C), 4, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "ended_by_move", TOTAL, V1), 0, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "transfers_in", TOTAL, CC_CHANNEL_VOICE), 6, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "transfer_rate", TOTAL, CC_CHANNEL_VOICE), 7.0 / 29, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "restarts_in", 0, CC_CHANNEL_CHAT), 2, 0);
	assert_true(isnan(fig(&x, CC_FIG_CHANNEL, "transfer_rate", TOTAL, CC_CHANNEL_EMAIL)));
	unfill(&x);
}

/* Customers are counted by their first queue and judged by their last connect: their service
 * level is not the records' (v1's first interval: 6 of 9 customers, 9 of 12 records). */
static void test_metrics_customer_figures(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	static const struct q_entry e[] = {
		{ 0, V1, CC_QR_CUSTOMERS, 9 }, { 0, V1, CC_QR_CUSTOMERS_CONNECTED, 8 },
		{ 0, V1, CC_QR_CUSTOMERS_IN_SL, 6 }, { 0, V1, CC_QR_CUSTOMER_WAIT_SUM, 163.875 },
		{ 1, V1, CC_QR_CUSTOMERS, 7 }, { 1, V1, CC_QR_CUSTOMERS_CONNECTED, 7 },
		{ 1, V1, CC_QR_CUSTOMERS_IN_SL, 5 }, { 1, V1, CC_QR_CUSTOMER_WAIT_SUM, 98.5 },
		{ 0, V2, CC_QR_CUSTOMERS, 6 }, { 0, V2, CC_QR_CUSTOMERS_CONNECTED, 4 },
		{ 0, V2, CC_QR_CUSTOMERS_IN_SL, 1 }, { 0, V2, CC_QR_CUSTOMER_WAIT_SUM, 402.25 },
		{ 0, C, CC_QR_CUSTOMERS, 3 }, { 0, C, CC_QR_CUSTOMERS_CONNECTED, 3 },
		{ 0, C, CC_QR_CUSTOMERS_IN_SL, 3 }, { 0, C, CC_QR_CUSTOMER_WAIT_SUM, 12.0625 },
	};
	add_q(&x, e, sizeof e / sizeof e[0]);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_service_level", 0, V1), 6.0 / 9, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "service_level", 0, V1), 9.0 / 12, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_service_level", TOTAL, V1), 11.0 / 16, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_connect_rate", TOTAL, V1), 15.0 / 16, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_wait_s", TOTAL, V1), 262.375 / 15, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_connect_rate", 0, V2), 4.0 / 6, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_wait_s", 0, C), 12.0625 / 3, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "customer_service_level", 0, C), 1, 0);
	assert_near(fig(&x, CC_FIG_QUEUE, "customers", TOTAL, V2), 6, 0);
	/* No customer: NaN, although records were offered. */
	assert_true(isnan(fig(&x, CC_FIG_QUEUE, "customer_service_level", 1, V2)));
	assert_true(isnan(fig(&x, CC_FIG_QUEUE, "customer_wait_s", 1, C)));
	assert_near(fig(&x, CC_FIG_CHANNEL, "customers", TOTAL, CC_CHANNEL_VOICE), 22, 0);
	assert_near(fig(&x, CC_FIG_CHANNEL, "customer_service_level", TOTAL, CC_CHANNEL_VOICE), 12.0 / 22, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "customer_connect_rate", TOTAL, CC_CHANNEL_VOICE), 19.0 / 22, TOL);
	assert_near(fig(&x, CC_FIG_CHANNEL, "customer_wait_s", TOTAL, CC_CHANNEL_VOICE), 664.625 / 19, TOL);
	unfill(&x);
}

static void set_graw(struct fixture *x, size_t row, size_t g, int field, double v)
{
	x->group[row][cc_gr_at(g, field)] = v;
}

static void test_metrics_group_transfer_figures(void **state)
{
	(void)state;
	struct fixture x;
	fill(&x);
	static const struct { size_t row, g; int field; double v; } e[] = {
		{ 0, G, CC_GR_HOLD, 231.5 }, { 0, G, CC_GR_TRANSFERS_OUT, 5 },
		{ 0, G, CC_GR_TRANSFERS_IN, 2 }, { 0, G, CC_GR_TRANSFERS_REJECTED, 1 },
		{ 1, G, CC_GR_HOLD, 88.375 }, { 1, G, CC_GR_TRANSFERS_OUT, 3 },
		{ 1, G, CC_GR_TRANSFERS_IN, 4 }, { 1, G, CC_GR_MOVED, 2 },
		{ 0, H, CC_GR_TRANSFERS_OUT, 1 }, { 0, H, CC_GR_TRANSFERS_REJECTED, 3 },
		{ 1, H, CC_GR_HOLD, 12.75 }, { 1, H, CC_GR_MOVED, 1 },
	};
	for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
		set_graw(&x, e[i].row, e[i].g, e[i].field, e[i].v);
	total(&x);
	assert_near(fig(&x, CC_FIG_GROUP, "hold_s", 0, G), 231.5, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "hold_s", TOTAL, G), 319.875, TOL);
	assert_near(fig(&x, CC_FIG_GROUP, "hold_s", TOTAL, H), 12.75, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_out", TOTAL, G), 8, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_out", 0, H), 1, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_in", 1, G), 4, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_in", TOTAL, G), 6, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_rejected", TOTAL, H), 3, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "transfers_rejected", 1, G), 0, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "moved", TOTAL, G), 2, 0);
	assert_near(fig(&x, CC_FIG_GROUP, "moved", TOTAL, H), 1, 0);
	unfill(&x);
}

/* One line "a" in two regions: queue 0 is a@r0, queue 1 a@r1 (the scenario's second queue
 * stands in for the copy, and h's skill is made line 0 by hand). Group g starts in r0 and the
 * schedule moves it to r1 at 45:00 and back at 55:00; group h stays in r1. */
static const char two_regions[] =
	"name = \"rg\";\n"
	"horizon = \"1h\";\n"
	"interval = \"30m\";\n"
	"statuses = [ \"Break\" ];\n"
	"queues = ( { name = \"a\"; channel = \"voice\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"100s\"; }; },\n"
	"           { name = \"b\"; channel = \"voice\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"100s\"; }; } );\n"
	"agents = ( { name = \"g\"; count = 2; skills = [ \"a\" ]; },\n"
	"           { name = \"h\"; count = 1; skills = [ \"b\" ]; } );\n";

/* A queue's occupancy counts the groups serving its line in its region; a group that moves
 * counts in each region for the share of the interval the schedule puts it there. */
static void test_metrics_queue_occupancy_by_region(void **state)
{
	(void)state;
	struct fixture x;
	char err[512] = "";
	if (tu_load(two_regions, NULL, 0, &x.scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(x.scn.n_queues, 2);
	cc_grid_init(&x.grid, 1800, 0, 3600);
	rows_init(&x);

	/* The regions, set by hand; the loader's own are put back before it frees them. */
	struct cc_regions_cfg saved = x.scn.regions;
	size_t saved_lines = x.scn.n_lines;
	struct cc_queue_cfg saved_q[2] = { x.scn.queues[0], x.scn.queues[1] };
	size_t saved_region[2] = { x.scn.groups[G].region, x.scn.groups[H].region };
	assert_int_equal(x.scn.groups[H].skills[0], 1);
	struct cc_region_move_cfg there = { .group = G, .to = 1 }, back = { .group = G, .to = 0 };
	struct cc_traffic_change_cfg changes[] = { { .at_s = 2700, .moves = &there, .n_moves = 1 },
	                                           { .at_s = 3300, .moves = &back, .n_moves = 1 } };
	x.scn.regions = (struct cc_regions_cfg){ .n = 2, .changes = changes, .n_changes = 2 };
	x.scn.n_lines = 1;
	x.scn.queues[0].line = 0;
	x.scn.queues[0].region = 0;
	x.scn.queues[1].line = 0;
	x.scn.queues[1].region = 1;
	x.scn.groups[G].region = 0;
	x.scn.groups[H].region = 1;
	x.scn.groups[H].skills[0] = 0;

	/* Productive time: g 3187.5 then 3540.25 (two thirds of it in r0); h 1679.25 then 1800. */
	set_g(&x, 0, G, 3600, 412.5);
	set_g(&x, 1, G, 3540.25, 0);
	set_g(&x, 0, H, 1800, 120.75);
	set_g(&x, 1, H, 1800, 0);
	set_q(&x, 0, 0, CC_QR_WORK_TIME, 1385.5);
	set_q(&x, 1, 0, CC_QR_WORK_TIME, 1100.25);
	set_q(&x, 0, 1, CC_QR_WORK_TIME, 640.75);
	set_q(&x, 1, 1, CC_QR_WORK_TIME, 402.5);
	total(&x);

	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", 0, 0), 1385.5 / 3187.5, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", 1, 0), 1100.25 / (3540.25 * 2 / 3), TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", TOTAL, 0),
	            2485.75 / (3187.5 + 3540.25 * 2 / 3), TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", 0, 1), 640.75 / 1679.25, TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", 1, 1), 402.5 / (1800 + 3540.25 / 3), TOL);
	assert_near(fig(&x, CC_FIG_QUEUE, "occupancy", TOTAL, 1),
	            1043.25 / (3479.25 + 3540.25 / 3), TOL);
	/* The channel counts every group serving one of its queues once, wherever it is. */
	assert_near(fig(&x, CC_FIG_CHANNEL, "occupancy", TOTAL, CC_CHANNEL_VOICE), 3529 / 10207.0,
	            TOL);

	x.scn.regions = saved;
	x.scn.n_lines = saved_lines;
	x.scn.queues[0] = saved_q[0];
	x.scn.queues[1] = saved_q[1];
	x.scn.groups[G].region = saved_region[0];
	x.scn.groups[H].region = saved_region[1];
	x.scn.groups[H].skills[0] = 1;
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
	run.keep_totals = run.keep_rep_intervals = 1;
	assert_int_equal(cc_run_execute(&run), CC_OK);
	const struct cc_figure *qo = cc_figure_find(CC_FIG_QUEUE, "offered");
	const struct cc_figure *co = cc_figure_find(CC_FIG_CHANNEL, "offered");
	/* Only the channels with a queue have figures: voice and chat. */
	assert_int_equal(cc_layout_width(&run.layout, co), 2);
	assert_int_equal(cc_layout_width(&run.layout, cc_figure_find(CC_FIG_GROUP_CHANNEL, "slots")), 2 * 2);
	assert_int_equal(cc_layout_entity(&run.layout, CC_FIG_CHANNEL, CC_CHANNEL_TASK), SIZE_MAX);
	double offered = 0;
	for (size_t r = 0; r < run.replications; r++)
		for (size_t row = 0; row <= run.grid.count; row++) {
			double voice = cc_run_value(&run, qo, r, row, V1) + cc_run_value(&run, qo, r, row, V2);
			assert_near(cc_run_value(&run, co, r, row, CC_CHANNEL_VOICE), voice, 0);
			assert_near(cc_run_value(&run, co, r, row, CC_CHANNEL_CHAT),
			            cc_run_value(&run, qo, r, row, C), 0);
			assert_true(isnan(cc_run_value(&run, co, r, row, CC_CHANNEL_TASK)));
			offered += voice;
		}
	assert_true(offered > 0);
	tu_done(&scn, &run, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metrics_channel_figures_sum_their_queues),
		cmocka_unit_test(test_metrics_group_channel_figures),
		cmocka_unit_test(test_metrics_aht_includes_hold),
		cmocka_unit_test(test_metrics_transfer_figures),
		cmocka_unit_test(test_metrics_customer_figures),
		cmocka_unit_test(test_metrics_group_transfer_figures),
		cmocka_unit_test(test_metrics_queue_occupancy_by_region),
		cmocka_unit_test(test_metrics_channel_figures_mirror_queue_figures),
		cmocka_unit_test(test_metrics_channels_in_a_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
