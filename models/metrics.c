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
	r->gc_raw = cc_calloc(rows * scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT,
	                      sizeof *r->gc_raw);
	r->channel_raw = cc_calloc(rows * CC_CHANNEL_COUNT * CC_QR_COUNT, sizeof *r->channel_raw);
}

void cc_rep_result_fini(struct cc_rep_result *r)
{
	if (!r)
		return;
	cc_free(r->queue_raw);
	cc_free(r->group_raw);
	cc_free(r->status_raw);
	cc_free(r->agent_raw);
	cc_free(r->gc_raw);
	cc_free(r->channel_raw);
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
	sum_rows(r->gc_raw, grid->count, scn->n_groups * CC_CHANNEL_COUNT, CC_GCR_COUNT);
	/* Channels sum queues row by row, the totals row included, so that a channel's totals
	 * are its queues' totals. */
	size_t rows = grid->count + 1;
	memset(r->channel_raw, 0, rows * CC_CHANNEL_COUNT * CC_QR_COUNT * sizeof *r->channel_raw);
	for (size_t row = 0; row < rows; row++)
		for (size_t q = 0; q < scn->n_queues; q++) {
			const double *src = r->queue_raw + cc_qr_index(scn->n_queues, row, q, 0);
			double *dst = r->channel_raw + cc_cr_index(row, scn->queues[q].channel, 0);
			for (int f = 0; f < CC_QR_COUNT; f++)
				dst[f] += src[f];
		}
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

#define GR(g, f) (r->group_raw[cc_gr_index(scn->n_groups, row, (g), (f))])
#define SR(g, s) (r->status_raw[cc_sr_index(scn->n_groups, r->n_status, row, (g), (s))])
#define GCR(g, ch, f) (r->gc_raw[cc_gcr_index(scn->n_groups, row, (g), (ch), (f))])
/* A figure function whose entity index is named IDX (g for groups, i for a group's status or
 * channel). */
#define FIGURE(fname, idx, expr)                                                              \
	static double fname(const struct cc_scenario *scn, const struct cc_grid *grid,         \
	                    const struct cc_rep_result *r, size_t row, size_t idx)             \
	{                                                                                      \
		(void)grid;                                                                        \
		return (expr);                                                                     \
	}
#define GROUP_FIGURE(fname, expr) FIGURE(fname, g, expr)
#define STATUS_FIGURE(fname, expr) FIGURE(fname, i, expr)
#define GROUP_CHANNEL_FIGURE(fname, expr) FIGURE(fname, i, expr)

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

/*
 * Queue figures are written once, on a view of the CC_QR_COUNT raw sums of one entity: a
 * queue, or a channel (the sums over its queues, channel_raw). The same list then gives the
 * queue figures and the channel figures, so the two cannot drift apart.
 */
struct queue_view {
	const double *x;     /* the entity's raw sums for the row */
	const struct cc_scenario *scn;
	const struct cc_grid *grid;
	const struct cc_rep_result *r;
	size_t row, index;   /* the row, and the queue or channel */
	enum cc_figure_owner owner; /* CC_FIG_QUEUE or CC_FIG_CHANNEL */
};

static int group_serves_channel(const struct cc_scenario *scn, size_t g, size_t ch)
{
	for (size_t s = 0; s < scn->groups[g].n_skills; s++)
		if ((size_t)scn->queues[scn->groups[g].skills[s]].channel == ch)
			return 1;
	return 0;
}

/* Whether the scenario's traffic changes ever move group G. */
static int group_moves(const struct cc_scenario *scn, size_t g)
{
	for (size_t c = 0; c < scn->regions.n_changes; c++)
		for (size_t m = 0; m < scn->regions.changes[c].n_moves; m++)
			if (scn->regions.changes[c].moves[m].group == g)
				return 1;
	return 0;
}

/* Seconds of [A, B) that group G spends in REGION, by the schedule: the group starts in its
 * own region and is in a move's region from the change's time on. */
static double seconds_in_region(const struct cc_scenario *scn, size_t g, size_t region,
                                double a, double b)
{
	size_t at = scn->groups[g].region;
	double t = a, in = 0;
	for (size_t c = 0; c < scn->regions.n_changes; c++) {
		const struct cc_traffic_change_cfg *ch = &scn->regions.changes[c];
		if (ch->at_s >= b)
			break;
		if (ch->at_s > t) {
			in += at == region ? ch->at_s - t : 0;
			t = ch->at_s;
		}
		for (size_t m = 0; m < ch->n_moves; m++)
			if (ch->moves[m].group == g)
				at = ch->moves[m].to;
	}
	return in + (at == region ? b - t : 0);
}

/*
 * Productive time of group G in ROW that served REGION. A group that never moves serves its
 * own region all along. One that moves has no productive time per region in the raw sums, so
 * each interval's is shared by the seconds the schedule puts the group in REGION (exact for
 * intervals no move falls in; moving agents really switch a little after the change, once
 * their voice calls end), and the totals row sums the intervals.
 */
static double productive_in_region(const struct cc_scenario *scn, const struct cc_grid *grid,
                                   const struct cc_rep_result *r, size_t row, size_t g,
                                   size_t region)
{
	if (!group_moves(scn, g))
		return scn->groups[g].region == region ? productive_time(scn, r, row, g) : 0;
	if (row == grid->count) {
		double t = 0;
		for (size_t i = 0; i < grid->count; i++)
			t += productive_in_region(scn, grid, r, i, g, region);
		return t;
	}
	double a = cc_grid_start(grid, row), b = cc_grid_end(grid, row);
	return b > a ? productive_time(scn, r, row, g) * seconds_in_region(scn, g, region, a, b) /
	                       (b - a)
	             : 0;
}

/* The line (the queue as the scenario writes it) of queue Q: skills name lines. With one
 * region, queue and line indexes are the same. */
static size_t queue_line(const struct cc_scenario *scn, size_t q)
{
	return scn->regions.n > 1 ? scn->queues[q].line : q;
}

/* Productive time of the groups that serve the view's entity: for a queue, those with the
 * queue's line among their skills, in the queue's region; for a channel, those with any of
 * the channel's queues (each group once, wherever it is). */
static double serving_productive(const struct queue_view *v)
{
	const struct cc_scenario *scn = v->scn;
	double productive = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		if (v->owner == CC_FIG_CHANNEL) {
			if (group_serves_channel(scn, g, v->index))
				productive += productive_time(scn, v->r, v->row, g);
			continue;
		}
		size_t line = queue_line(scn, v->index);
		for (size_t s = 0; s < scn->groups[g].n_skills; s++)
			if (scn->groups[g].skills[s] == line)
				productive += productive_in_region(scn, v->grid, v->r, v->row, g,
				                                   scn->queues[v->index].region);
	}
	return productive;
}

#define RAW(f) (v->x[(f)])
/* F(id, name, units, description, expression of the view V). */
#define QUEUE_FIGURES(F)                                                                      \
	F(offered, "offered", "1", "contact records that arrived at the queue: new contacts (callbacks included), transfers in and restarts; a transfer straight to an agent enters no queue", RAW(CC_QR_OFFERED)) \
	F(answered, "answered", "1", "offered contacts connected to an agent", RAW(CC_QR_ANSWERED)) \
	F(abandoned, "abandoned", "1", "offered contacts whose customer hung up while waiting or ringing", RAW(CC_QR_ABANDONED)) \
	F(in_sl, "answered_in_threshold", "1", "offered contacts answered with a wait at most the service-level threshold", RAW(CC_QR_IN_SL)) \
	F(handled, "handled", "1", "offered contacts whose after-contact work ended before the horizon", RAW(CC_QR_HANDLED)) \
	F(service_level, "service_level", "1", "per contact record: answered within threshold / offered (a transfer in or a restart is offered and answered at the queue it enters, its wait measured from entering it; see customer_service_level for customers)", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_OFFERED))) \
	F(sl_answered, "service_level_of_answered", "1", "answered within threshold / answered", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_ANSWERED))) \
	F(sl_excl, "service_level_excl_short_abandons", "1", "answered within threshold / (offered - abandoned within threshold)", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_OFFERED) - RAW(CC_QR_ABANDONED_IN_SL))) \
	F(p_wait, "p_wait", "1", "share of offered contacts that found no agent free and queued", ratio(RAW(CC_QR_QUEUED), RAW(CC_QR_OFFERED))) \
	F(asa, "asa_s", "s", "average speed of answer: mean wait from queue entry to connect over answered contacts (ringing and RONAs included)", ratio(RAW(CC_QR_WAIT_SUM), RAW(CC_QR_ANSWERED))) \
	F(abandon_rate, "abandon_rate", "1", "abandoned / offered", ratio(RAW(CC_QR_ABANDONED), RAW(CC_QR_OFFERED))) \
	F(abandon_time, "mean_abandon_time_s", "s", "mean wait of abandoned contacts before hanging up", ratio(RAW(CC_QR_ABANDON_SUM), RAW(CC_QR_ABANDONED))) \
	F(aht, "aht_s", "s", "average handle time of handled contacts: talk + hold + ACW (talk_s + hold_s + acw_s)", ratio(RAW(CC_QR_TALK_SUM) + RAW(CC_QR_HOLD_SUM) + RAW(CC_QR_ACW_SUM), RAW(CC_QR_HANDLED))) \
	F(talk, "talk_s", "s", "mean talk time of handled contacts: connected to their agent, hold not included", ratio(RAW(CC_QR_TALK_SUM), RAW(CC_QR_HANDLED))) \
	F(hold, "hold_s", "s", "mean time handled contacts spent on hold (CONNECTED_ONHOLD: their agent transferring or consulting), all holds of the contact record together", ratio(RAW(CC_QR_HOLD_SUM), RAW(CC_QR_HANDLED))) \
	F(acw, "acw_s", "s", "mean after-contact work time of handled contacts (after any ACW limit)", ratio(RAW(CC_QR_ACW_SUM), RAW(CC_QR_HANDLED))) \
	F(queue_length, "queue_length", "1", "time-weighted mean number of contacts waiting", ratio(RAW(CC_QR_QUEUE_TIME), cc_metrics_row_seconds(v->grid, v->row))) \
	F(occupancy, "occupancy", "1", "contact-seconds on this queue's contacts (talk, hold included, + ACW) / productive time (staffed - not-productive statuses) of the groups serving the queue; above 1 is possible with concurrency", ratio(RAW(CC_QR_WORK_TIME), serving_productive(v))) \
	F(offers, "offers", "1", "offers of offered contacts to agents (a ring, or an answer at once)", RAW(CC_QR_OFFERS)) \
	F(ronas, "ronas", "1", "offers not accepted within the channel's offer timeout (RONA / missed); the contact went back to the queue", RAW(CC_QR_RONAS)) \
	F(rona_rate, "rona_rate", "1", "ronas / offers", ratio(RAW(CC_QR_RONAS), RAW(CC_QR_OFFERS))) \
	F(ring, "ring_s", "s", "mean time an offer rang before it was accepted, missed or abandoned", ratio(RAW(CC_QR_RING_SUM), RAW(CC_QR_OFFERS))) \
	F(abandoned_ringing, "abandoned_ringing", "1", "abandoned contacts whose customer hung up while an agent's phone rang (REJECTED)", RAW(CC_QR_ABANDONED_RINGING)) \
	F(rona_1, "contacts_rona_1", "1", "offered contacts missed by exactly one agent before they were answered, abandoned or the horizon came", RAW(CC_QR_RONA_1)) \
	F(rona_2, "contacts_rona_2", "1", "offered contacts missed exactly twice", RAW(CC_QR_RONA_2)) \
	F(rona_3p, "contacts_rona_3plus", "1", "offered contacts missed three times or more", RAW(CC_QR_RONA_3P)) \
	F(callbacks, "callbacks", "1", "offered voice contacts whose customer chose a callback instead of waiting (they left the queue; the callback is offered at its callback queue)", RAW(CC_QR_CALLBACKS)) \
	F(callback_rate, "callback_rate", "1", "callbacks / offered", ratio(RAW(CC_QR_CALLBACKS), RAW(CC_QR_OFFERED))) \
	F(callback_attempts, "callback_attempts", "1", "callback queues: dial attempts made for the offered callbacks", RAW(CC_QR_CALLBACK_ATTEMPTS)) \
	F(unreached, "unreached", "1", "callback queues: offered callbacks given up after their last dial attempt failed", RAW(CC_QR_UNREACHED)) \
	F(pause, "pause_s", "s", "mean time handled contacts (tasks) spent paused", ratio(RAW(CC_QR_PAUSE_SUM), RAW(CC_QR_HANDLED))) \
	F(transfers_in, "transfers_in", "1", "contacts transferred into the queue (by a quick connect, or to the fallback queue of a failed agent transfer); part of offered: a transfer in is offered, answered and measured for service_level and asa_s here, from its entry into this queue", RAW(CC_QR_TRANSFERS_IN)) \
	F(transfers_out, "transfers_out", "1", "answered contacts whose agent started a transfer of any kind (to a queue, an agent or an outside number), counted in the contact's arrival interval at this queue", RAW(CC_QR_TRANSFERS_OUT)) \
	F(transfer_rate, "transfer_rate", "1", "transfers_out / answered", ratio(RAW(CC_QR_TRANSFERS_OUT), RAW(CC_QR_ANSWERED))) \
	F(transfers_external, "transfers_external", "1", "transfers_out to an outside number: the customer left the center", RAW(CC_QR_TRANSFERS_EXTERNAL)) \
	F(transfers_failed, "transfers_failed", "1", "transfers_out to an agent who was busy, rejected or missed (or that moved away while it rang) the offer: the first agent took the customer back, or the fallback queue took it (a transfer in there)", RAW(CC_QR_TRANSFERS_FAILED)) \
	F(restarts_in, "restarts_in", "1", "customers who started again at this queue after a region move of their agent ended their chat or task; part of offered", RAW(CC_QR_RESTARTS_IN)) \
	F(ended_by_move, "ended_by_move", "1", "answered chats, emails or tasks ended at once when their agent moved to another region", RAW(CC_QR_ENDED_BY_MOVE)) \
	F(customers, "customers", "1", "customers whose first contact arrived at this queue, counted in the interval of that first arrival (transfers in, callbacks and restarts are not new customers)", RAW(CC_QR_CUSTOMERS)) \
	F(customer_sl, "customer_service_level", "1", "per customer, by the queue of first arrival: customers whose last contact record connected to an agent at most this queue's service-level threshold after their first arrival, following every transfer, callback and restart / customers", ratio(RAW(CC_QR_CUSTOMERS_IN_SL), RAW(CC_QR_CUSTOMERS))) \
	F(customer_connect_rate, "customer_connect_rate", "1", "per customer, by the queue of first arrival: customers whose last contact record connected to an agent / customers", ratio(RAW(CC_QR_CUSTOMERS_CONNECTED), RAW(CC_QR_CUSTOMERS))) \
	F(customer_wait, "customer_wait_s", "s", "per customer, by the queue of first arrival: mean time from the first arrival to the connect of the last contact record, over customers whose last record connected (earlier conversations, holds and hand-overs included)", ratio(RAW(CC_QR_CUSTOMER_WAIT_SUM), RAW(CC_QR_CUSTOMERS_CONNECTED)))

/* For each queue figure ID: ID_of on a view, q_ID per queue and c_ID per channel. */
#define DEFINE_QUEUE_FIGURE(id, name, units, description, expr)                               \
	static double id##_of(const struct queue_view *v)                                      \
	{                                                                                      \
		return (expr);                                                                     \
	}                                                                                      \
	static double q_##id(const struct cc_scenario *scn, const struct cc_grid *grid,        \
	                     const struct cc_rep_result *r, size_t row, size_t q)              \
	{                                                                                      \
		return id##_of(&(struct queue_view){                                               \
			r->queue_raw + cc_qr_index(scn->n_queues, row, q, 0), scn, grid, r, row, q,    \
			CC_FIG_QUEUE });                                                               \
	}                                                                                      \
	static double c_##id(const struct cc_scenario *scn, const struct cc_grid *grid,        \
	                     const struct cc_rep_result *r, size_t row, size_t ch)             \
	{                                                                                      \
		return id##_of(&(struct queue_view){ r->channel_raw + cc_cr_index(row, ch, 0),     \
		                                     scn, grid, r, row, ch, CC_FIG_CHANNEL });     \
	}
QUEUE_FIGURES(DEFINE_QUEUE_FIGURE)
#define QUEUE_ENTRY(id, name, units, description, expr) \
	{ name, CC_FIG_QUEUE, units, description, q_##id },
#define CHANNEL_ENTRY(id, name, units, description, expr) \
	{ name, CC_FIG_CHANNEL, units, description, c_##id },

/* Contact-seconds of every channel held by group G's agents. */
static double slot_time(const struct cc_scenario *scn, const struct cc_rep_result *r,
                        size_t row, size_t g)
{
	double t = 0;
	for (size_t ch = 0; ch < CC_CHANNEL_COUNT; ch++)
		t += GCR(g, ch, CC_GCR_SLOTS);
	return t;
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
GROUP_FIGURE(g_hold, GR(g, CC_GR_HOLD))
GROUP_FIGURE(g_transfers_out, GR(g, CC_GR_TRANSFERS_OUT))
GROUP_FIGURE(g_transfers_in, GR(g, CC_GR_TRANSFERS_IN))
GROUP_FIGURE(g_transfers_rejected, GR(g, CC_GR_TRANSFERS_REJECTED))
GROUP_FIGURE(g_moved, GR(g, CC_GR_MOVED))
GROUP_FIGURE(g_occupancy, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), productive_time(scn, r, row, g)))
GROUP_FIGURE(g_utilization, ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), GR(g, CC_GR_STAFFED)))
GROUP_FIGURE(g_slots_per_agent, ratio(slot_time(scn, r, row, g), GR(g, CC_GR_STAFFED)))

STATUS_FIGURE(s_time, SR(i / r->n_status, i % r->n_status))
STATUS_FIGURE(s_agents, ratio(SR(i / r->n_status, i % r->n_status), cc_metrics_row_seconds(grid, row)))

/* Group-channel index I is group * CC_CHANNEL_COUNT + channel. */
#define GC(f) GCR(i / CC_CHANNEL_COUNT, i % CC_CHANNEL_COUNT, (f))
GROUP_CHANNEL_FIGURE(gc_occupancy, ratio(GC(CC_GCR_BUSY), productive_time(scn, r, row, i / CC_CHANNEL_COUNT)))
GROUP_CHANNEL_FIGURE(gc_concurrency, ratio(GC(CC_GCR_SLOTS), GC(CC_GCR_BUSY)))
GROUP_CHANNEL_FIGURE(gc_slots, ratio(GC(CC_GCR_SLOTS), cc_metrics_row_seconds(grid, row)))
GROUP_CHANNEL_FIGURE(gc_work, GC(CC_GCR_WORK))
GROUP_CHANNEL_FIGURE(gc_answered, GC(CC_GCR_ANSWERED))

static const struct cc_figure figures[] = {
	QUEUE_FIGURES(QUEUE_ENTRY)
	{ "scheduled_agents", CC_FIG_GROUP, "1", "time-weighted mean number of agents scheduled (inside shifts)", g_scheduled_agents },
	{ "staffed_agents", CC_FIG_GROUP, "1", "time-weighted mean number of agents logged in", g_staffed_agents },
	{ "scheduled_s", CC_FIG_GROUP, "s", "agent-seconds inside shifts", g_scheduled },
	{ "staffed_s", CC_FIG_GROUP, "s", "agent-seconds logged in (not Offline), overtime included", g_staffed },
	{ "overtime_s", CC_FIG_GROUP, "s", "agent-seconds logged in after the end of a shift, finishing a contact", g_overtime },
	{ "ring_s", CC_FIG_GROUP, "s", "agent-seconds ringing: offered a contact, not yet accepted or missed", g_ring },
	{ "talk_s", CC_FIG_GROUP, "s", "agent-seconds connected to contacts (busy), outbound and hold included", g_talk },
	{ "acw_s", CC_FIG_GROUP, "s", "agent-seconds in after-contact work, outbound included", g_acw },
	{ "idle_s", CC_FIG_GROUP, "s", "agent-seconds Available with no contact and no ring", g_idle },
	{ "rona_s", CC_FIG_GROUP, "s", "agent-seconds in the RONA / Missed status", g_rona_time },
	{ "npt_s", CC_FIG_GROUP, "s", "agent-seconds in not-productive statuses with no contact", g_npt },
	{ "offline_in_shift_s", CC_FIG_GROUP, "s", "agent-seconds Offline inside shifts (before choosing Available after logging in)", g_offline },
	{ "outbound_s", CC_FIG_GROUP, "s", "agent-seconds on outbound calls (talk + ACW; part of talk_s and acw_s)", g_outbound },
	{ "npt_on_contact_s", CC_FIG_GROUP, "s", "agent-seconds on a contact while in a not-productive status (part of talk_s and acw_s)", g_npt_on_contact },
	{ "answered", CC_FIG_GROUP, "1", "contacts connected to the group's agents (by arrival interval, as queues count them): the queues' answered plus the transfers offered straight to the group's agents that they accepted", g_answered },
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
	{ "hold_s", CC_FIG_GROUP, "s", "contact-seconds the group's agents kept a customer on hold while transferring or consulting; with one contact at a time (voice) a part of talk_s, with concurrency two contacts on hold at once count twice", g_hold },
	{ "transfers_out", CC_FIG_GROUP, "1", "transfers started by the group's agents (to a queue, an agent or an outside number), by the time the transfer started", g_transfers_out },
	{ "transfers_in", CC_FIG_GROUP, "1", "transferred contacts connected to the group's agents (transferred to them directly, or into a queue they took it from), by the time of the connect", g_transfers_in },
	{ "transfers_rejected", CC_FIG_GROUP, "1", "transfers offered directly to the group's agents that they rejected, by the time of the rejection", g_transfers_rejected },
	{ "moved", CC_FIG_GROUP, "1", "agents of the group moved to another region, by the time of the move", g_moved },
	{ "occupancy", CC_FIG_GROUP, "1", "(talk + ACW) / (staffed - not-productive statuses)", g_occupancy },
	{ "utilization", CC_FIG_GROUP, "1", "(talk + ACW) / staffed", g_utilization },
	{ "slots_per_agent", CC_FIG_GROUP, "1", "contact-seconds held (every channel, from the offer to the end of ACW) / staffed agent-seconds: the time-weighted mean number of contacts a logged-in agent holds", g_slots_per_agent },
	{ "status_s", CC_FIG_STATUS, "s", "agent-seconds in the status with no contact and no ring (Offline: inside shifts only)", s_time },
	{ "status_agents", CC_FIG_STATUS, "1", "time-weighted mean number of agents in the status with no contact and no ring", s_agents },
	QUEUE_FIGURES(CHANNEL_ENTRY)
	{ "occupancy", CC_FIG_GROUP_CHANNEL, "1", "agent-seconds holding at least one contact of the channel / productive time (staffed - not-productive statuses) of the group", gc_occupancy },
	{ "concurrency", CC_FIG_GROUP_CHANNEL, "1", "contact-seconds of the channel held / agent-seconds holding at least one: the time-weighted mean number of the channel's contacts an agent holds while holding any", gc_concurrency },
	{ "slots", CC_FIG_GROUP_CHANNEL, "1", "time-weighted mean number of the channel's contacts held by the group's agents (slots in use, from the offer to the end of ACW, paused time included)", gc_slots },
	{ "work_s", CC_FIG_GROUP_CHANNEL, "s", "contact-seconds of the channel in talk or ACW", gc_work },
	{ "answered", CC_FIG_GROUP_CHANNEL, "1", "offered contacts of the channel connected to the group's agents (by arrival interval)", gc_answered },
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
