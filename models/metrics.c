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
	r->n_status = cc_scenario_status_count(scn);
	r->n_agents = (size_t)cc_scenario_agents(scn);
	r->status_raw = cc_calloc(rows * scn->n_groups * r->n_status, sizeof *r->status_raw);
	r->agent_raw = cc_calloc(r->n_agents * (CC_AR_COUNT + r->n_status), sizeof *r->agent_raw);
}

void cc_rep_result_fini(struct cc_rep_result *r)
{
	if (!r)
		return;
	cc_free(r->queue_raw);
	cc_free(r->group_raw);
	cc_free(r->status_raw);
	cc_free(r->agent_raw);
	cc_free(r->records);
	cc_free(r->events);
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
	sum_rows(r->status_raw, grid->count, scn->n_groups, r->n_status);
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
#define SR(g, s) (r->status_raw[cc_sr_index(scn->n_groups, r->n_status, row, (g), (s))])
/* A figure function whose entity index is named IDX (q for queues, g for groups, i for a
 * group's status). */
#define FIGURE(fname, idx, expr)                                                              \
	static double fname(const struct cc_scenario *scn, const struct cc_grid *grid,         \
	                    const struct cc_rep_result *r, size_t row, size_t idx)             \
	{                                                                                      \
		(void)grid;                                                                        \
		return (expr);                                                                     \
	}
#define QUEUE_FIGURE(fname, expr) FIGURE(fname, q, expr)
#define GROUP_FIGURE(fname, expr) FIGURE(fname, g, expr)
#define STATUS_FIGURE(fname, expr) FIGURE(fname, i, expr)

/* Agent-seconds of group G in not-productive statuses, with no contact. */
static double npt_time(const struct cc_scenario *scn, const struct cc_rep_result *r, size_t row,
                       size_t g)
{
	double t = 0;
	for (size_t s = CC_AGENT_FIRST_NPT; s < r->n_status; s++)
		t += SR(g, s);
	return t;
}

/* Agent-seconds of group G logged in and not in a not-productive status: the denominator
 * of occupancy. */
static double productive_time(const struct cc_scenario *scn, const struct cc_rep_result *r,
                              size_t row, size_t g)
{
	return GR(g, CC_GR_STAFFED) - npt_time(scn, r, row, g);
}

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
QUEUE_FIGURE(q_offers, QR(CC_QR_OFFERS))
QUEUE_FIGURE(q_ronas, QR(CC_QR_RONAS))
QUEUE_FIGURE(q_rona_rate, ratio(QR(CC_QR_RONAS), QR(CC_QR_OFFERS)))
QUEUE_FIGURE(q_ring, ratio(QR(CC_QR_RING_SUM), QR(CC_QR_OFFERS)))
QUEUE_FIGURE(q_abandoned_ringing, QR(CC_QR_ABANDONED_RINGING))
QUEUE_FIGURE(q_rona_1, QR(CC_QR_RONA_1))
QUEUE_FIGURE(q_rona_2, QR(CC_QR_RONA_2))
QUEUE_FIGURE(q_rona_3p, QR(CC_QR_RONA_3P))

/* The queue's share of the productive time of the groups that serve it. */
static double q_occupancy(const struct cc_scenario *scn, const struct cc_grid *grid,
                          const struct cc_rep_result *r, size_t row, size_t q)
{
	(void)grid;
	double productive = 0;
	for (size_t g = 0; g < scn->n_groups; g++)
		for (size_t s = 0; s < scn->groups[g].n_skills; s++)
			if (scn->groups[g].skills[s] == q)
				productive += productive_time(scn, r, row, g);
	return ratio(QR(CC_QR_WORK_TIME), productive);
}

GROUP_FIGURE(g_scheduled_agents, ratio(GR(g, CC_GR_SCHEDULED), cc_metrics_row_seconds(grid, row)))
GROUP_FIGURE(g_staffed_agents, ratio(GR(g, CC_GR_STAFFED), cc_metrics_row_seconds(grid, row)))
GROUP_FIGURE(g_scheduled, GR(g, CC_GR_SCHEDULED))
GROUP_FIGURE(g_staffed, GR(g, CC_GR_STAFFED))
GROUP_FIGURE(g_overtime, GR(g, CC_GR_OVERTIME))
GROUP_FIGURE(g_ring, GR(g, CC_GR_RING))
GROUP_FIGURE(g_talk, GR(g, CC_GR_TALK))
GROUP_FIGURE(g_acw, GR(g, CC_GR_ACW))
GROUP_FIGURE(g_idle, SR(g, CC_AGENT_AVAILABLE))
GROUP_FIGURE(g_rona_time, SR(g, CC_AGENT_RONA))
GROUP_FIGURE(g_npt, npt_time(scn, r, row, g))
GROUP_FIGURE(g_offline, SR(g, CC_AGENT_OFFLINE))
GROUP_FIGURE(g_outbound, GR(g, CC_GR_OUTBOUND))
GROUP_FIGURE(g_npt_on_contact, GR(g, CC_GR_NPT_ON_CONTACT))
GROUP_FIGURE(g_answered, GR(g, CC_GR_ANSWERED))
GROUP_FIGURE(g_offers, GR(g, CC_GR_OFFERS))
GROUP_FIGURE(g_ronas, GR(g, CC_GR_RONAS))
GROUP_FIGURE(g_rona_rate, ratio(GR(g, CC_GR_RONAS), GR(g, CC_GR_OFFERS)))
GROUP_FIGURE(g_ring_rona, GR(g, CC_GR_RING_RONA))
GROUP_FIGURE(g_ring_absent, GR(g, CC_GR_RING_ABSENT))
GROUP_FIGURE(g_npt_runs, GR(g, CC_GR_NPT_RUNS))
GROUP_FIGURE(g_npt_run_mean, ratio(GR(g, CC_GR_NPT_RUN_SUM), GR(g, CC_GR_NPT_RUNS)))
GROUP_FIGURE(g_acw_limited, GR(g, CC_GR_ACW_LIMITED))
GROUP_FIGURE(g_outbound_calls, GR(g, CC_GR_OUTBOUND_CALLS))
GROUP_FIGURE(g_outbound_reached, GR(g, CC_GR_OUTBOUND_REACHED))
GROUP_FIGURE(g_occupancy, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), productive_time(scn, r, row, g)))
GROUP_FIGURE(g_utilization, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), GR(g, CC_GR_STAFFED)))

STATUS_FIGURE(s_time, SR(i / r->n_status, i % r->n_status))
STATUS_FIGURE(s_agents, ratio(SR(i / r->n_status, i % r->n_status), cc_metrics_row_seconds(grid, row)))

static const struct cc_figure figures[] = {
	{ "offered", CC_FIG_QUEUE, "1", "contacts that arrived at the queue", q_offered },
	{ "answered", CC_FIG_QUEUE, "1", "offered contacts connected to an agent", q_answered },
	{ "abandoned", CC_FIG_QUEUE, "1", "offered contacts whose customer hung up while waiting or ringing", q_abandoned },
	{ "answered_in_threshold", CC_FIG_QUEUE, "1", "offered contacts answered with a wait at most the service-level threshold", q_in_sl },
	{ "handled", CC_FIG_QUEUE, "1", "offered contacts whose after-contact work ended before the horizon", q_handled },
	{ "service_level", CC_FIG_QUEUE, "1", "answered within threshold / offered", q_service_level },
	{ "service_level_of_answered", CC_FIG_QUEUE, "1", "answered within threshold / answered", q_sl_answered },
	{ "service_level_excl_short_abandons", CC_FIG_QUEUE, "1", "answered within threshold / (offered - abandoned within threshold)", q_sl_excl },
	{ "p_wait", CC_FIG_QUEUE, "1", "share of offered contacts that found no agent free and queued", q_p_wait },
	{ "asa_s", CC_FIG_QUEUE, "s", "average speed of answer: mean wait from queue entry to connect over answered contacts (ringing and RONAs included)", q_asa },
	{ "abandon_rate", CC_FIG_QUEUE, "1", "abandoned / offered", q_abandon_rate },
	{ "mean_abandon_time_s", CC_FIG_QUEUE, "s", "mean wait of abandoned contacts before hanging up", q_abandon_time },
	{ "aht_s", CC_FIG_QUEUE, "s", "average handle time (talk + hold + ACW) of handled contacts", q_aht },
	{ "talk_s", CC_FIG_QUEUE, "s", "mean talk time of handled contacts", q_talk },
	{ "acw_s", CC_FIG_QUEUE, "s", "mean after-contact work time of handled contacts (after any ACW limit)", q_acw },
	{ "queue_length", CC_FIG_QUEUE, "1", "time-weighted mean number of contacts waiting", q_queue_length },
	{ "occupancy", CC_FIG_QUEUE, "1", "agent time on this queue's contacts (talk + ACW) / productive time (staffed - not-productive statuses) of the groups serving the queue", q_occupancy },
	{ "offers", CC_FIG_QUEUE, "1", "offers of offered contacts to agents (a ring, or an answer at once)", q_offers },
	{ "ronas", CC_FIG_QUEUE, "1", "offers not accepted within the channel's offer timeout (RONA / missed); the contact went back to the queue", q_ronas },
	{ "rona_rate", CC_FIG_QUEUE, "1", "ronas / offers", q_rona_rate },
	{ "ring_s", CC_FIG_QUEUE, "s", "mean time an offer rang before it was accepted, missed or abandoned", q_ring },
	{ "abandoned_ringing", CC_FIG_QUEUE, "1", "abandoned contacts whose customer hung up while an agent's phone rang (REJECTED)", q_abandoned_ringing },
	{ "contacts_rona_1", CC_FIG_QUEUE, "1", "offered contacts missed by exactly one agent before they were answered, abandoned or the horizon came", q_rona_1 },
	{ "contacts_rona_2", CC_FIG_QUEUE, "1", "offered contacts missed exactly twice", q_rona_2 },
	{ "contacts_rona_3plus", CC_FIG_QUEUE, "1", "offered contacts missed three times or more", q_rona_3p },
	{ "scheduled_agents", CC_FIG_GROUP, "1", "time-weighted mean number of agents scheduled (inside shifts)", g_scheduled_agents },
	{ "staffed_agents", CC_FIG_GROUP, "1", "time-weighted mean number of agents logged in", g_staffed_agents },
	{ "scheduled_s", CC_FIG_GROUP, "s", "agent-seconds inside shifts", g_scheduled },
	{ "staffed_s", CC_FIG_GROUP, "s", "agent-seconds logged in (not Offline), overtime included", g_staffed },
	{ "overtime_s", CC_FIG_GROUP, "s", "agent-seconds logged in after the end of a shift, finishing a contact", g_overtime },
	{ "ring_s", CC_FIG_GROUP, "s", "agent-seconds ringing: offered a contact, not yet accepted or missed", g_ring },
	{ "talk_s", CC_FIG_GROUP, "s", "agent-seconds connected to contacts (busy), outbound included", g_talk },
	{ "acw_s", CC_FIG_GROUP, "s", "agent-seconds in after-contact work, outbound included", g_acw },
	{ "idle_s", CC_FIG_GROUP, "s", "agent-seconds Available with no contact and no ring", g_idle },
	{ "rona_s", CC_FIG_GROUP, "s", "agent-seconds in the RONA / Missed status", g_rona_time },
	{ "npt_s", CC_FIG_GROUP, "s", "agent-seconds in not-productive statuses with no contact", g_npt },
	{ "offline_in_shift_s", CC_FIG_GROUP, "s", "agent-seconds Offline inside shifts (before choosing Available after logging in)", g_offline },
	{ "outbound_s", CC_FIG_GROUP, "s", "agent-seconds on outbound calls (talk + ACW; part of talk_s and acw_s)", g_outbound },
	{ "npt_on_contact_s", CC_FIG_GROUP, "s", "agent-seconds on a contact while in a not-productive status (part of talk_s and acw_s)", g_npt_on_contact },
	{ "answered", CC_FIG_GROUP, "1", "offered contacts connected to the group's agents (by arrival interval, as queues count them)", g_answered },
	{ "offers", CC_FIG_GROUP, "1", "offers made to the group's agents, by the time of the offer", g_offers },
	{ "ronas", CC_FIG_GROUP, "1", "offers the group's agents missed (RONA), by the time of the offer", g_ronas },
	{ "rona_rate", CC_FIG_GROUP, "1", "ronas / offers", g_rona_rate },
	{ "ring_rona_s", CC_FIG_GROUP, "s", "seconds the missed offers rang (ringing on agents who did not answer)", g_ring_rona },
	{ "ring_absent_s", CC_FIG_GROUP, "s", "seconds offers rang on agents who would never have answered them (away while Available, or missing the offer outright), by the time of the offer", g_ring_absent },
	{ "npt_runs", CC_FIG_GROUP, "1", "runs of consecutive not-productive statuses, counted at their start", g_npt_runs },
	{ "npt_run_mean_s", CC_FIG_GROUP, "s", "mean length of a run of consecutive not-productive statuses (the total idle timer, 30:00 in \"20:00/30:00\")", g_npt_run_mean },
	{ "acw_limited", CC_FIG_GROUP, "1", "after-contact work cleared by the ACW limit, counted at its start", g_acw_limited },
	{ "outbound_calls", CC_FIG_GROUP, "1", "outbound calls placed, counted at their start", g_outbound_calls },
	{ "outbound_reached", CC_FIG_GROUP, "1", "outbound calls the customer answered", g_outbound_reached },
	{ "occupancy", CC_FIG_GROUP, "1", "(talk + ACW) / (staffed - not-productive statuses)", g_occupancy },
	{ "utilization", CC_FIG_GROUP, "1", "(talk + ACW) / staffed", g_utilization },
	{ "status_s", CC_FIG_STATUS, "s", "agent-seconds in the status with no contact and no ring (Offline: inside shifts only)", s_time },
	{ "status_agents", CC_FIG_STATUS, "1", "time-weighted mean number of agents in the status with no contact and no ring", s_agents },
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
