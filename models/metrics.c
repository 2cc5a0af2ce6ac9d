#include "models/metrics.h"

#include <math.h>
#include <string.h>

#include "sim/alloc.h"

void cc_rep_result_init(struct cc_rep_result *r, const struct cc_scenario *scn,
                        const struct cc_grid *grid)
{
	memset(r, 0, sizeof *r);
	size_t rows = grid->count + 1;
	r->queue_raw = cc_calloc(rows * scn->n_queues * CC_QR_COUNT, sizeof *r->queue_raw);
	r->group_raw = cc_calloc(rows * scn->n_groups * CC_GR_COUNT, sizeof *r->group_raw);
}

void cc_rep_result_fini(struct cc_rep_result *r)
{
	if (!r)
		return;
	cc_free(r->queue_raw);
	cc_free(r->group_raw);
	cc_free(r->records);
	memset(r, 0, sizeof *r);
}

/* Sums rows 0..ROWS-1 of RAW (ROWS x WIDTH entries of FIELDS doubles) into row ROWS. */
static void sum_rows(double *raw, size_t rows, size_t width, size_t fields)
{
	size_t stride = width * fields;
	double *total = raw + rows * stride;
	for (size_t k = 0; k < stride; k++) {
		double s = 0;
		for (size_t i = 0; i < rows; i++)
			s += raw[i * stride + k];
		total[k] = s;
	}
}

void cc_rep_result_total(struct cc_rep_result *r, const struct cc_scenario *scn,
                         const struct cc_grid *grid)
{
	sum_rows(r->queue_raw, grid->count, scn->n_queues, CC_QR_COUNT);
	sum_rows(r->group_raw, grid->count, scn->n_groups, CC_GR_COUNT);
}

double cc_metrics_row_seconds(const struct cc_grid *grid, size_t row)
{
	if (row >= grid->count)
		return grid->horizon_s - grid->warmup_s;
	return cc_grid_end(grid, row) - cc_grid_start(grid, row);
}

/* A ratio that is undefined (NaN) when its denominator is zero. */
static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

#define QR(f) (r->queue_raw[cc_qr_index(scn->n_queues, row, q, (f))])
#define GR(g, f) (r->group_raw[cc_gr_index(scn->n_groups, row, (g), (f))])
/* A figure function whose entity index is named IDX (q for queues, g for groups). */
#define FIGURE(fname, idx, expr)                                                              \
	static double fname(const struct cc_scenario *scn, const struct cc_grid *grid,         \
	                    const struct cc_rep_result *r, size_t row, size_t idx)             \
	{                                                                                      \
		(void)grid;                                                                        \
		return (expr);                                                                     \
	}
#define QUEUE_FIGURE(fname, expr) FIGURE(fname, q, expr)
#define GROUP_FIGURE(fname, expr) FIGURE(fname, g, expr)

QUEUE_FIGURE(q_offered, QR(CC_QR_OFFERED))
QUEUE_FIGURE(q_answered, QR(CC_QR_ANSWERED))
QUEUE_FIGURE(q_abandoned, QR(CC_QR_ABANDONED))
QUEUE_FIGURE(q_in_sl, QR(CC_QR_IN_SL))
QUEUE_FIGURE(q_handled, QR(CC_QR_HANDLED))
QUEUE_FIGURE(q_service_level, ratio(QR(CC_QR_IN_SL), QR(CC_QR_OFFERED)))
QUEUE_FIGURE(q_sl_answered, ratio(QR(CC_QR_IN_SL), QR(CC_QR_ANSWERED)))
QUEUE_FIGURE(q_sl_excl, ratio(QR(CC_QR_IN_SL), QR(CC_QR_OFFERED) - QR(CC_QR_ABANDONED_IN_SL)))
QUEUE_FIGURE(q_p_wait, ratio(QR(CC_QR_QUEUED), QR(CC_QR_OFFERED)))
QUEUE_FIGURE(q_asa, ratio(QR(CC_QR_WAIT_SUM), QR(CC_QR_ANSWERED)))
QUEUE_FIGURE(q_abandon_rate, ratio(QR(CC_QR_ABANDONED), QR(CC_QR_OFFERED)))
QUEUE_FIGURE(q_abandon_time, ratio(QR(CC_QR_ABANDON_SUM), QR(CC_QR_ABANDONED)))
QUEUE_FIGURE(q_aht, ratio(QR(CC_QR_TALK_SUM) + QR(CC_QR_ACW_SUM), QR(CC_QR_HANDLED)))
QUEUE_FIGURE(q_talk, ratio(QR(CC_QR_TALK_SUM), QR(CC_QR_HANDLED)))
QUEUE_FIGURE(q_acw, ratio(QR(CC_QR_ACW_SUM), QR(CC_QR_HANDLED)))
QUEUE_FIGURE(q_queue_length, ratio(QR(CC_QR_QUEUE_TIME), cc_metrics_row_seconds(grid, row)))

/* The queue's share of the productive time of the groups that serve it. */
static double q_occupancy(const struct cc_scenario *scn, const struct cc_grid *grid,
                          const struct cc_rep_result *r, size_t row, size_t q)
{
	(void)grid;
	double productive = 0;
	for (size_t g = 0; g < scn->n_groups; g++)
		for (size_t s = 0; s < scn->groups[g].n_skills; s++)
			if (scn->groups[g].skills[s] == q)
				productive += GR(g, CC_GR_STAFFED);
	return ratio(QR(CC_QR_WORK_TIME), productive);
}

GROUP_FIGURE(g_staffed_agents, ratio(GR(g, CC_GR_STAFFED), cc_metrics_row_seconds(grid, row)))
GROUP_FIGURE(g_staffed, GR(g, CC_GR_STAFFED))
GROUP_FIGURE(g_talk, GR(g, CC_GR_TALK))
GROUP_FIGURE(g_acw, GR(g, CC_GR_ACW))
GROUP_FIGURE(g_idle, GR(g, CC_GR_IDLE))
GROUP_FIGURE(g_answered, GR(g, CC_GR_ANSWERED))
/* Occupancy is over staffed time less not-productive statuses; there are none yet, so the
 * two denominators coincide until the agent status machine adds them. */
GROUP_FIGURE(g_occupancy, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), GR(g, CC_GR_STAFFED)))
GROUP_FIGURE(g_utilization, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), GR(g, CC_GR_STAFFED)))

static const struct cc_figure figures[] = {
	{ "offered", CC_FIG_QUEUE, "1", "contacts that arrived at the queue", q_offered },
	{ "answered", CC_FIG_QUEUE, "1", "offered contacts connected to an agent", q_answered },
	{ "abandoned", CC_FIG_QUEUE, "1", "offered contacts whose customer hung up while waiting", q_abandoned },
	{ "answered_in_threshold", CC_FIG_QUEUE, "1", "offered contacts answered with a wait at most the service-level threshold", q_in_sl },
	{ "handled", CC_FIG_QUEUE, "1", "offered contacts whose after-contact work ended before the horizon", q_handled },
	{ "service_level", CC_FIG_QUEUE, "1", "answered within threshold / offered", q_service_level },
	{ "service_level_of_answered", CC_FIG_QUEUE, "1", "answered within threshold / answered", q_sl_answered },
	{ "service_level_excl_short_abandons", CC_FIG_QUEUE, "1", "answered within threshold / (offered - abandoned within threshold)", q_sl_excl },
	{ "p_wait", CC_FIG_QUEUE, "1", "share of offered contacts that found no agent free and queued", q_p_wait },
	{ "asa_s", CC_FIG_QUEUE, "s", "average speed of answer: mean wait from queue entry to connect over answered contacts", q_asa },
	{ "abandon_rate", CC_FIG_QUEUE, "1", "abandoned / offered", q_abandon_rate },
	{ "mean_abandon_time_s", CC_FIG_QUEUE, "s", "mean wait of abandoned contacts before hanging up", q_abandon_time },
	{ "aht_s", CC_FIG_QUEUE, "s", "average handle time (talk + hold + ACW) of handled contacts", q_aht },
	{ "talk_s", CC_FIG_QUEUE, "s", "mean talk time of handled contacts", q_talk },
	{ "acw_s", CC_FIG_QUEUE, "s", "mean after-contact work time of handled contacts", q_acw },
	{ "queue_length", CC_FIG_QUEUE, "1", "time-weighted mean number of contacts waiting", q_queue_length },
	{ "occupancy", CC_FIG_QUEUE, "1", "agent time on this queue's contacts (talk + ACW) / productive time of the groups serving the queue", q_occupancy },
	{ "staffed_agents", CC_FIG_GROUP, "1", "time-weighted mean number of agents logged in", g_staffed_agents },
	{ "staffed_s", CC_FIG_GROUP, "s", "agent-seconds logged in", g_staffed },
	{ "talk_s", CC_FIG_GROUP, "s", "agent-seconds connected to contacts (busy)", g_talk },
	{ "acw_s", CC_FIG_GROUP, "s", "agent-seconds in after-contact work", g_acw },
	{ "idle_s", CC_FIG_GROUP, "s", "agent-seconds available with no contact", g_idle },
	{ "answered", CC_FIG_GROUP, "1", "offered contacts connected to the group's agents (by arrival interval, as queues count them)", g_answered },
	{ "occupancy", CC_FIG_GROUP, "1", "(talk + ACW) / (staffed - not-productive statuses)", g_occupancy },
	{ "utilization", CC_FIG_GROUP, "1", "(talk + ACW) / staffed", g_utilization },
};

const struct cc_figure *cc_figures(size_t *n)
{
	*n = sizeof figures / sizeof figures[0];
	return figures;
}

const struct cc_figure *cc_figure_find(enum cc_figure_owner owner, const char *name)
{
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
		if (figures[i].owner == owner && strcmp(figures[i].name, name) == 0)
			return &figures[i];
	return NULL;
}
