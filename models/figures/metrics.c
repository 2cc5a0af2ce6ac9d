#include "models/figures/metrics.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/alloc.h"

void cc_rep_result_init(struct cc_rep_result *r, const struct cc_scenario *scn)
{
	memset(r, 0, sizeof *r);
	r->n_status = cc_scenario_status_count(scn);
	r->n_agents = (size_t)cc_scenario_agents(scn);
	r->queue_tot = cc_calloc(scn->n_queues * CC_QR_COUNT, sizeof *r->queue_tot);
	r->group_tot = cc_calloc(scn->n_groups * CC_GR_COUNT, sizeof *r->group_tot);
	r->status_tot = cc_calloc(scn->n_groups * r->n_status, sizeof *r->status_tot);
	r->gc_tot = cc_calloc(scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT, sizeof *r->gc_tot);
	r->channel_tot = cc_calloc(CC_CHANNEL_COUNT * CC_QR_COUNT, sizeof *r->channel_tot);
	r->productive_region_tot = cc_calloc(scn->n_groups * scn->regions.n,
	                                     sizeof *r->productive_region_tot);
	r->staffed_region_tot = cc_calloc(scn->n_groups * scn->regions.n,
	                                  sizeof *r->staffed_region_tot);
	r->agent_raw = cc_calloc(r->n_agents * (CC_AR_COUNT + r->n_status), sizeof *r->agent_raw);
}

void cc_rep_result_fini(struct cc_rep_result *r)
{
	if (!r)
		return;
	cc_free(r->queue_tot);
	cc_free(r->group_tot);
	cc_free(r->status_tot);
	cc_free(r->gc_tot);
	cc_free(r->channel_tot);
	cc_free(r->productive_region_tot);
	cc_free(r->staffed_region_tot);
	cc_free(r->agent_raw);
	cc_free(r->records);
	cc_free(r->events);
	memset(r, 0, sizeof *r);
}

void cc_metrics_channel_sums(const struct cc_scenario *scn, const double *queue, double *channel)
{
	memset(channel, 0, CC_CHANNEL_COUNT * CC_QR_COUNT * sizeof *channel);
	for (size_t q = 0; q < scn->n_queues; q++) {
		const double *src = queue + cc_qr_at(q, 0);
		double *dst = channel + (size_t)scn->queues[q].channel * CC_QR_COUNT;
		for (int f = 0; f < CC_QR_COUNT; f++)
			dst[f] += src[f];
	}
}

/* TOTAL[k] += ROW[k]: in row order, the same sums as adding the rows up at the end. */
static void add_into(double *total, const double *row, size_t n)
{
	for (size_t k = 0; k < n; k++)
		total[k] += row[k];
}

static double productive_in_region(const struct cc_raw_row *x, size_t g, size_t region);
static double staffed_in_region(const struct cc_raw_row *x, size_t g, size_t region);
static int group_moves(const struct cc_scenario *scn, size_t g);

void cc_rep_result_add_row(struct cc_rep_result *r, const struct cc_raw_row *row)
{
	const struct cc_scenario *scn = row->scn;
	add_into(r->queue_tot, row->queue, scn->n_queues * CC_QR_COUNT);
	add_into(r->group_tot, row->group, scn->n_groups * CC_GR_COUNT);
	add_into(r->status_tot, row->status, scn->n_groups * r->n_status);
	add_into(r->gc_tot, row->gc, scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT);
	for (size_t g = 0; g < scn->n_groups; g++)
		if (group_moves(scn, g))
			for (size_t reg = 0; reg < scn->regions.n; reg++) {
				r->productive_region_tot[g * scn->regions.n + reg] +=
					productive_in_region(row, g, reg);
				r->staffed_region_tot[g * scn->regions.n + reg] +=
					staffed_in_region(row, g, reg);
			}
}

void cc_rep_result_finish(struct cc_rep_result *r, const struct cc_scenario *scn)
{
	/* Channels sum the queue totals, so that a channel's totals are its queues' totals. */
	cc_metrics_channel_sums(scn, r->queue_tot, r->channel_tot);
}

struct cc_raw_row cc_rep_result_totals(const struct cc_rep_result *r,
                                       const struct cc_scenario *scn,
                                       const struct cc_grid *grid)
{
	return (struct cc_raw_row){ .scn = scn, .grid = grid, .row = grid->count,
	                            .n_status = r->n_status, .queue = r->queue_tot,
	                            .group = r->group_tot, .status = r->status_tot,
	                            .gc = r->gc_tot, .channel = r->channel_tot,
	                            .productive_region = r->productive_region_tot,
	                            .staffed_region = r->staffed_region_tot };
}

double cc_metrics_row_seconds(const struct cc_grid *grid, size_t row)
{
	if (row >= grid->count)
		return grid->horizon_s - grid->warmup_s;
	return cc_grid_end(grid, row) - cc_grid_start(grid, row);
}

#define GR(g, f) (x->group[cc_gr_at((g), (f))])
#define SR(g, s) (x->status[(g) * x->n_status + (size_t)(s)])
#define GCR(g, ch, f) (x->gc[cc_gcr_at((g), (ch), (f))])

/* Agent-seconds of group G in not-productive statuses, with no contact. */
static double npt_time(const struct cc_raw_row *x, size_t g)
{
	double t = 0;
	for (size_t s = CC_AGENT_FIRST_NPT; s < x->n_status; s++)
		t += SR(g, s);
	return t;
}

/* Agent-seconds of group G logged in and not in a not-productive status: the denominator
 * of occupancy. */
static double productive_time(const struct cc_raw_row *x, size_t g)
{
	return GR(g, CC_GR_STAFFED) - npt_time(x, g);
}

/*
 * Queue figures are written once, on a view of the CC_QR_COUNT raw sums of one entity: a
 * queue, or a channel (the sums over its queues). The same list then gives the queue figures
 * and the channel figures, so the two cannot drift apart.
 */
struct queue_view {
	const double *y;     /* the entity's raw sums for the row */
	const struct cc_raw_row *x;
	size_t index;        /* the queue or channel */
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

/* Logged-in agent-seconds of group G. */
static double staffed_time(const struct cc_raw_row *x, size_t g)
{
	return GR(g, CC_GR_STAFFED);
}

/* A time of a group in a row: productive_time or staffed_time. */
typedef double (*group_time)(const struct cc_raw_row *x, size_t g);

/*
 * TIME of group G in row X spent serving REGION. A group that never moves serves its own
 * region all along. One that moves has no time per region in the raw sums, so each
 * interval's is shared by the seconds the schedule puts the group in REGION (exact for
 * intervals no move falls in; moving agents really switch a little after the change, once
 * their voice calls end), and the totals row carries the sums of the intervals (TOTALS,
 * per group and region).
 */
static double in_region(const struct cc_raw_row *x, size_t g, size_t region, group_time time,
                        const double *totals)
{
	const struct cc_scenario *scn = x->scn;
	if (!group_moves(scn, g))
		return scn->groups[g].region == region ? time(x, g) : 0;
	if (totals)
		return totals[g * scn->regions.n + region];
	double a = cc_grid_start(x->grid, x->row), b = cc_grid_end(x->grid, x->row);
	return b > a ? time(x, g) * seconds_in_region(scn, g, region, a, b) / (b - a) : 0;
}

static double productive_in_region(const struct cc_raw_row *x, size_t g, size_t region)
{
	return in_region(x, g, region, productive_time, x->productive_region);
}

static double staffed_in_region(const struct cc_raw_row *x, size_t g, size_t region)
{
	return in_region(x, g, region, staffed_time, x->staffed_region);
}

/* The line (the queue as the scenario writes it) of queue Q: skills name lines. With one
 * region, queue and line indexes are the same. */
static size_t queue_line(const struct cc_scenario *scn, size_t q)
{
	return scn->regions.n > 1 ? scn->queues[q].line : q;
}

/* TIME (productive or staffed) of the groups that serve the view's entity: for a queue,
 * those with the queue's line among their skills, in the queue's region; for a channel,
 * those with any of the channel's queues (each group once, wherever it is). */
static double serving(const struct queue_view *v, group_time time,
                      double (*time_in)(const struct cc_raw_row *, size_t, size_t))
{
	const struct cc_scenario *scn = v->x->scn;
	double sum = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		if (v->owner == CC_FIG_CHANNEL) {
			if (group_serves_channel(scn, g, v->index))
				sum += time(v->x, g);
			continue;
		}
		size_t line = queue_line(scn, v->index);
		for (size_t s = 0; s < scn->groups[g].n_skills; s++)
			if (scn->groups[g].skills[s] == line)
				sum += time_in(v->x, g, scn->queues[v->index].region);
	}
	return sum;
}

/* A ratio that is undefined (NaN) when its denominator is zero. */
static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

#define RAW(f) (v->y[(f)])
#define ROW_SECONDS cc_metrics_row_seconds(v->x->grid, v->x->row)
/* F(id, name, units, direction, long name, description, note, expression of the view V). */
#define QUEUE_FIGURES(F)                                                                      \
	F(offered, "offered", "1", CC_DIR_NONE, "offered", "contact records that arrived at the queue: new contacts (callbacks included), transfers in and restarts; a transfer straight to an agent enters no queue", "", RAW(CC_QR_OFFERED)) \
	F(answered, "answered", "1", CC_DIR_NONE, "answered", "offered contacts connected to an agent", "", RAW(CC_QR_ANSWERED)) \
	F(abandoned, "abandoned", "1", CC_DIR_NONE, "abandoned", "offered contacts whose customer hung up while waiting or ringing", "", RAW(CC_QR_ABANDONED)) \
	F(in_sl, "answered_in_threshold", "1", CC_DIR_NONE, "answered within the threshold", "offered contacts answered with a wait at most the service-level threshold", "", RAW(CC_QR_IN_SL)) \
	F(handled, "handled", "1", CC_DIR_NONE, "handled", "offered contacts whose after-contact work ended before the horizon", "", RAW(CC_QR_HANDLED)) \
	F(service_level, "service_level", "1", CC_DIR_UP_GOOD, "service level", "per contact record: answered within threshold / offered (a transfer in or a restart is offered and answered at the queue it enters, its wait measured from entering it; see customer_service_level for customers)", "", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_OFFERED))) \
	F(sl_answered, "service_level_of_answered", "1", CC_DIR_UP_GOOD, "service level of answered", "answered within threshold / answered", "", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_ANSWERED))) \
	F(sl_excl, "service_level_excl_short_abandons", "1", CC_DIR_UP_GOOD, "service level excluding short abandons", "answered within threshold / (offered - abandoned within threshold)", "", ratio(RAW(CC_QR_IN_SL), RAW(CC_QR_OFFERED) - RAW(CC_QR_ABANDONED_IN_SL))) \
	F(p_wait, "p_wait", "1", CC_DIR_UP_BAD, "probability of waiting", "share of offered contacts that found no agent free and queued", "", ratio(RAW(CC_QR_QUEUED), RAW(CC_QR_OFFERED))) \
	F(asa, "asa_s", "s", CC_DIR_UP_BAD, "average speed of answer", "average speed of answer: mean wait from queue entry to connect over answered contacts (ringing and RONAs included)", "", ratio(RAW(CC_QR_WAIT_SUM), RAW(CC_QR_ANSWERED))) \
	F(abandon_rate, "abandon_rate", "1", CC_DIR_UP_BAD, "abandonment rate", "abandoned / offered", "", ratio(RAW(CC_QR_ABANDONED), RAW(CC_QR_OFFERED))) \
	F(abandon_time, "mean_abandon_time_s", "s", CC_DIR_NONE, "mean time to abandon", "mean wait of abandoned contacts before hanging up", "", ratio(RAW(CC_QR_ABANDON_SUM), RAW(CC_QR_ABANDONED))) \
	F(aht, "aht_s", "s", CC_DIR_NONE, "average handle time", "average handle time of handled contacts: talk + hold + ACW (talk_s + hold_s + acw_s)", "", ratio(RAW(CC_QR_TALK_SUM) + RAW(CC_QR_HOLD_SUM) + RAW(CC_QR_ACW_SUM), RAW(CC_QR_HANDLED))) \
	F(talk, "talk_s", "s", CC_DIR_NONE, "mean talk time", "mean talk time of handled contacts: connected to their agent, hold not included", "", ratio(RAW(CC_QR_TALK_SUM), RAW(CC_QR_HANDLED))) \
	F(hold, "hold_s", "s", CC_DIR_NONE, "mean hold time", "mean time handled contacts spent on hold (CONNECTED_ONHOLD: their agent transferring or consulting), all holds of the contact record together", "", ratio(RAW(CC_QR_HOLD_SUM), RAW(CC_QR_HANDLED))) \
	F(acw, "acw_s", "s", CC_DIR_NONE, "mean after-contact work", "mean after-contact work time of handled contacts (after any ACW limit)", "", ratio(RAW(CC_QR_ACW_SUM), RAW(CC_QR_HANDLED))) \
	F(queue_length, "queue_length", "1", CC_DIR_UP_BAD, "mean queue length", "time-weighted mean number of contacts waiting", "", ratio(RAW(CC_QR_QUEUE_TIME), ROW_SECONDS)) \
	F(occupancy, "occupancy", "1", CC_DIR_NONE, "occupancy of the serving groups", "contact-seconds on this queue's contacts (talk, hold included, + ACW) / productive time (staffed - not-productive statuses) of the groups serving the queue; above 1 is possible with concurrency", "", ratio(RAW(CC_QR_WORK_TIME), serving(v, productive_time, productive_in_region))) \
	F(staffed_agents, "staffed_agents", "1", CC_DIR_NONE, "agents staffed in the serving groups", "time-weighted mean number of agents logged in, in the groups that serve the queue (those with its line among their skills, in its region; a group serving several queues counts in each)", "a group that moves between regions counts in each for the seconds the schedule puts it there", ratio(serving(v, staffed_time, staffed_in_region), ROW_SECONDS)) \
	F(offers, "offers", "1", CC_DIR_NONE, "offers", "offers of offered contacts to agents (a ring, or an answer at once)", "", RAW(CC_QR_OFFERS)) \
	F(ronas, "ronas", "1", CC_DIR_NONE, "RONAs", "offers not accepted within the channel's offer timeout (RONA / missed); the contact went back to the queue", "", RAW(CC_QR_RONAS)) \
	F(rona_rate, "rona_rate", "1", CC_DIR_UP_BAD, "RONA rate", "ronas / offers", "", ratio(RAW(CC_QR_RONAS), RAW(CC_QR_OFFERS))) \
	F(ring, "ring_s", "s", CC_DIR_NONE, "mean ring time", "mean time an offer rang before it was accepted, missed or abandoned", "ring seconds / offers", ratio(RAW(CC_QR_RING_SUM), RAW(CC_QR_OFFERS))) \
	F(abandoned_ringing, "abandoned_ringing", "1", CC_DIR_NONE, "abandoned while ringing", "abandoned contacts whose customer hung up while an agent's phone rang (REJECTED)", "part of `abandoned`", RAW(CC_QR_ABANDONED_RINGING)) \
	F(rona_1, "contacts_rona_1", "1", CC_DIR_NONE, "contacts missed once", "offered contacts missed by exactly one agent before they were answered, abandoned or the horizon came", "", RAW(CC_QR_RONA_1)) \
	F(rona_2, "contacts_rona_2", "1", CC_DIR_NONE, "contacts missed twice", "offered contacts missed exactly twice", "", RAW(CC_QR_RONA_2)) \
	F(rona_3p, "contacts_rona_3plus", "1", CC_DIR_NONE, "contacts missed three times or more", "offered contacts missed three times or more", "", RAW(CC_QR_RONA_3P)) \
	F(callbacks, "callbacks", "1", CC_DIR_NONE, "callbacks chosen", "offered voice contacts whose customer chose a callback instead of waiting (they left the queue; the callback is offered at its callback queue)", "neither answered nor abandoned at this queue", RAW(CC_QR_CALLBACKS)) \
	F(callback_rate, "callback_rate", "1", CC_DIR_NONE, "callback rate", "callbacks / offered", "", ratio(RAW(CC_QR_CALLBACKS), RAW(CC_QR_OFFERED))) \
	F(callback_attempts, "callback_attempts", "1", CC_DIR_NONE, "callback dial attempts", "callback queues: dial attempts made for the offered callbacks", "by the callback's arrival interval", RAW(CC_QR_CALLBACK_ATTEMPTS)) \
	F(unreached, "unreached", "1", CC_DIR_NONE, "callbacks unreached", "callback queues: offered callbacks given up after their last dial attempt failed", "", RAW(CC_QR_UNREACHED)) \
	F(pause, "pause_s", "s", CC_DIR_NONE, "mean pause time", "mean time handled contacts (tasks) spent paused", "paused seconds / handled", ratio(RAW(CC_QR_PAUSE_SUM), RAW(CC_QR_HANDLED))) \
	F(transfers_in, "transfers_in", "1", CC_DIR_NONE, "transfers in", "contacts transferred into the queue (by a quick connect, or to the fallback queue of a failed agent transfer); part of offered: a transfer in is offered, answered and measured for service_level and asa_s here, from its entry into this queue", "", RAW(CC_QR_TRANSFERS_IN)) \
	F(transfers_out, "transfers_out", "1", CC_DIR_NONE, "transfers out", "answered contacts whose agent started a transfer of any kind (to a queue, an agent or an outside number), counted in the contact's arrival interval at this queue", "", RAW(CC_QR_TRANSFERS_OUT)) \
	F(transfer_rate, "transfer_rate", "1", CC_DIR_NONE, "transfer rate", "transfers_out / answered", "", ratio(RAW(CC_QR_TRANSFERS_OUT), RAW(CC_QR_ANSWERED))) \
	F(transfers_external, "transfers_external", "1", CC_DIR_NONE, "transfers to outside numbers", "transfers_out to an outside number: the customer left the center", "part of `transfers_out`", RAW(CC_QR_TRANSFERS_EXTERNAL)) \
	F(transfers_failed, "transfers_failed", "1", CC_DIR_NONE, "failed transfers", "transfers_out to an agent who was busy, rejected or missed (or that moved away while it rang) the offer: the first agent took the customer back, or the fallback queue took it (a transfer in there)", "part of `transfers_out`", RAW(CC_QR_TRANSFERS_FAILED)) \
	F(restarts_in, "restarts_in", "1", CC_DIR_NONE, "restarts in", "customers who started again at this queue after a region move of their agent ended their chat or task; part of offered", "", RAW(CC_QR_RESTARTS_IN)) \
	F(ended_by_move, "ended_by_move", "1", CC_DIR_NONE, "ended by a region move", "answered chats, emails or tasks ended at once when their agent moved to another region", "", RAW(CC_QR_ENDED_BY_MOVE)) \
	F(balked, "balked", "1", CC_DIR_NONE, "balked", "offered contacts whose caller would have had to wait (no agent took the contact on arrival) and hung up at once; neither answered, abandoned nor queued", "", RAW(CC_QR_BALKED)) \
	F(balk_rate, "balk_rate", "1", CC_DIR_UP_BAD, "balking rate", "balked / offered", "", ratio(RAW(CC_QR_BALKED), RAW(CC_QR_OFFERED))) \
	F(blocked, "blocked", "1", CC_DIR_NONE, "blocked", "offered contacts that found the queue at its capacity and got a busy signal; neither answered, abandoned nor queued", "", RAW(CC_QR_BLOCKED)) \
	F(block_rate, "block_rate", "1", CC_DIR_UP_BAD, "blocking rate", "blocked / offered (with capacity 0, Erlang B's blocking probability)", "", ratio(RAW(CC_QR_BLOCKED), RAW(CC_QR_OFFERED))) \
	F(redials, "redials", "1", CC_DIR_NONE, "redials", "contacts of customers calling again after leaving a queue without service (abandoned, balked or blocked), by the redial's arrival here; part of offered", "", RAW(CC_QR_REDIALS)) \
	F(customers, "customers", "1", CC_DIR_NONE, "customers", "customers whose first contact arrived at this queue, counted in the interval of that first arrival (transfers in, callbacks and restarts are not new customers)", "", RAW(CC_QR_CUSTOMERS)) \
	F(customer_sl, "customer_service_level", "1", CC_DIR_UP_GOOD, "customer service level", "per customer, by the queue of first arrival: customers whose last contact record connected to an agent at most this queue's service-level threshold after their first arrival, following every transfer, callback and restart / customers", "", ratio(RAW(CC_QR_CUSTOMERS_IN_SL), RAW(CC_QR_CUSTOMERS))) \
	F(customer_connect_rate, "customer_connect_rate", "1", CC_DIR_UP_GOOD, "customer connect rate", "per customer, by the queue of first arrival: customers whose last contact record connected to an agent / customers", "", ratio(RAW(CC_QR_CUSTOMERS_CONNECTED), RAW(CC_QR_CUSTOMERS))) \
	F(customer_wait, "customer_wait_s", "s", CC_DIR_UP_BAD, "customer wait", "per customer, by the queue of first arrival: mean time from the first arrival to the connect of the last contact record, over customers whose last record connected (earlier conversations, holds and hand-overs included)", "", ratio(RAW(CC_QR_CUSTOMER_WAIT_SUM), RAW(CC_QR_CUSTOMERS_CONNECTED))) \
	F(customers_redialled, "customers_redialled", "1", CC_DIR_NONE, "customers who redialled", "customers, by the queue and interval of their first arrival, who called again at least once after leaving without service", "", RAW(CC_QR_CUSTOMERS_REDIALLED)) \
	F(customers_lost, "customers_lost", "1", CC_DIR_UP_BAD, "customers lost", "customers, by the queue and interval of their first arrival, whose last contact record ended without reaching an agent (abandoned, balked or blocked with no redial to follow, or a callback unreached); customers still in the center at the horizon are not counted", "", RAW(CC_QR_CUSTOMERS_LOST)) \
	F(silent, "silent_abandoned", "1", CC_DIR_NONE, "silent abandonments", "chat: offered contacts whose customer left without closing the chat when their patience ran out (queue silent.share); the center saw them waiting on, so they are counted as answered (or waiting at the horizon), not abandoned", "not part of `abandoned`", RAW(CC_QR_SILENT)) \
	F(silent_slot, "silent_slot_s", "s", CC_DIR_NONE, "slot time of silent abandoners", "chat: contact-seconds agents' slots were held by chats whose customer had left silently, from the agent's accept to the chat's timeout (queue silent.timeout), over those completed; part of talk_s's sum (ringing and ACW are counted there as for any chat)", "a sum, not a mean", RAW(CC_QR_SILENT_SLOT_SUM)) \
	F(silent_at_end, "silent_at_end", "1", CC_DIR_NONE, "silent abandoners still queued", "chat: silent_abandoned contacts still waiting or ringing at the horizon (counted as waiting at the end)", "", RAW(CC_QR_SILENT_AT_END))

/* For each queue figure ID: ID_of on a view, q_ID per queue and c_ID per channel. */
#define DEFINE_QUEUE_FIGURE(id, name, units, dir, long_name, description, note, expr)               \
	static double id##_of(const struct queue_view *v)                                      \
	{                                                                                      \
		return (expr);                                                                     \
	}                                                                                      \
	static double q_##id(const struct cc_raw_row *x, size_t q)                             \
	{                                                                                      \
		return id##_of(&(struct queue_view){ x->queue + cc_qr_at(q, 0), x, q,              \
		                                     CC_FIG_QUEUE });                              \
	}                                                                                      \
	static double c_##id(const struct cc_raw_row *x, size_t ch)                            \
	{                                                                                      \
		return id##_of(&(struct queue_view){ x->channel + ch * CC_QR_COUNT, x, ch,         \
		                                     CC_FIG_CHANNEL });                            \
	}
QUEUE_FIGURES(DEFINE_QUEUE_FIGURE)
#define QUEUE_ENTRY(id, name, units, dir, long_name, description, note, expr) \
	{ name, CC_FIG_QUEUE, units, long_name, description, q_##id, note, dir },
#define CHANNEL_ENTRY(id, name, units, dir, long_name, description, note, expr) \
	{ name, CC_FIG_CHANNEL, units, long_name, description, c_##id, note, dir },

/* Contact-seconds of every channel held by group G's agents. */
static double slot_time(const struct cc_raw_row *x, size_t g)
{
	double t = 0;
	for (size_t ch = 0; ch < CC_CHANNEL_COUNT; ch++)
		t += GCR(g, ch, CC_GCR_SLOTS);
	return t;
}

/* F(id, name, units, direction, long name, description, note, expression of row X and group G). */
#define GROUP_FIGURES(F)                                                             \
	F(scheduled_agents, "scheduled_agents", "1", CC_DIR_NONE, "agents scheduled", "time-weighted mean number of agents scheduled (inside shifts)", "", ratio(GR(g, CC_GR_SCHEDULED), cc_metrics_row_seconds(x->grid, x->row))) \
	F(staffed_agents, "staffed_agents", "1", CC_DIR_NONE, "agents staffed", "time-weighted mean number of agents logged in", "not Offline", ratio(GR(g, CC_GR_STAFFED), cc_metrics_row_seconds(x->grid, x->row))) \
	F(scheduled, "scheduled_s", "s", CC_DIR_NONE, "scheduled time", "agent-seconds inside shifts", "", GR(g, CC_GR_SCHEDULED)) \
	F(staffed, "staffed_s", "s", CC_DIR_NONE, "staffed time", "agent-seconds logged in (not Offline), overtime included", "", GR(g, CC_GR_STAFFED)) \
	F(overtime, "overtime_s", "s", CC_DIR_NONE, "overtime", "agent-seconds logged in after the end of a shift, finishing a contact", "", GR(g, CC_GR_OVERTIME)) \
	F(ring, "ring_s", "s", CC_DIR_NONE, "ringing time", "agent-seconds ringing: offered a contact, not yet accepted or missed", "", GR(g, CC_GR_RING)) \
	F(talk, "talk_s", "s", CC_DIR_NONE, "talk time", "agent-seconds connected to contacts (busy), outbound and hold included", "", GR(g, CC_GR_TALK)) \
	F(acw, "acw_s", "s", CC_DIR_NONE, "after-contact work time", "agent-seconds in after-contact work, outbound included", "", GR(g, CC_GR_ACW)) \
	F(idle, "idle_s", "s", CC_DIR_NONE, "idle time", "agent-seconds Available with no contact and no ring", "", SR(g, CC_AGENT_AVAILABLE)) \
	F(rona_time, "rona_s", "s", CC_DIR_NONE, "time in RONA", "agent-seconds in the RONA / Missed status", "with no contact and no ring", SR(g, CC_AGENT_RONA)) \
	F(npt, "npt_s", "s", CC_DIR_NONE, "not-productive time", "agent-seconds in not-productive statuses with no contact", "", npt_time(x, g)) \
	F(offline, "offline_in_shift_s", "s", CC_DIR_NONE, "Offline time in shift", "agent-seconds Offline inside shifts (before choosing Available after logging in)", "not staffed", SR(g, CC_AGENT_OFFLINE)) \
	F(outbound, "outbound_s", "s", CC_DIR_NONE, "outbound time", "agent-seconds on outbound calls (talk + ACW; part of talk_s and acw_s)", "an overlay", GR(g, CC_GR_OUTBOUND)) \
	F(npt_on_contact, "npt_on_contact_s", "s", CC_DIR_NONE, "time on contacts in a not-productive status", "agent-seconds on a contact while in a not-productive status (part of talk_s and acw_s)", "an overlay", GR(g, CC_GR_NPT_ON_CONTACT)) \
	F(answered, "answered", "1", CC_DIR_NONE, "contacts answered", "contacts connected to the group's agents (by arrival interval, as queues count them): the queues' answered plus the transfers offered straight to the group's agents that they accepted", "the transfers straight to its agents are part of `transfers_in`", GR(g, CC_GR_ANSWERED)) \
	F(offers, "offers", "1", CC_DIR_NONE, "offers", "offers made to the group's agents, by the time of the offer", "", GR(g, CC_GR_OFFERS)) \
	F(ronas, "ronas", "1", CC_DIR_NONE, "RONAs", "offers the group's agents missed (RONA), by the time of the offer", "", GR(g, CC_GR_RONAS)) \
	F(rona_rate, "rona_rate", "1", CC_DIR_UP_BAD, "RONA rate", "ronas / offers", "", ratio(GR(g, CC_GR_RONAS), GR(g, CC_GR_OFFERS))) \
	F(ring_rona, "ring_rona_s", "s", CC_DIR_NONE, "ringing of missed offers", "seconds the missed offers rang (ringing on agents who did not answer)", "", GR(g, CC_GR_RING_RONA)) \
	F(ring_absent, "ring_absent_s", "s", CC_DIR_NONE, "ringing on absent agents", "seconds offers rang on agents who would never have answered them (away while Available, or missing the offer outright), by the time of the offer", "until the timeout or the customer hung up", GR(g, CC_GR_RING_ABSENT)) \
	F(npt_runs, "npt_runs", "1", CC_DIR_NONE, "not-productive runs", "runs of consecutive not-productive statuses, counted at their start", "", GR(g, CC_GR_NPT_RUNS)) \
	F(npt_run_mean, "npt_run_mean_s", "s", CC_DIR_NONE, "mean not-productive run", "mean length of a run of consecutive not-productive statuses (the total idle timer, 30:00 in \"20:00/30:00\")", "", ratio(GR(g, CC_GR_NPT_RUN_SUM), GR(g, CC_GR_NPT_RUNS))) \
	F(acw_limited, "acw_limited", "1", CC_DIR_NONE, "ACWs cut by the limit", "after-contact work cleared by the ACW limit, counted at its start", "", GR(g, CC_GR_ACW_LIMITED)) \
	F(outbound_calls, "outbound_calls", "1", CC_DIR_NONE, "outbound calls", "outbound calls placed, counted at their start", "", GR(g, CC_GR_OUTBOUND_CALLS)) \
	F(outbound_reached, "outbound_reached", "1", CC_DIR_NONE, "outbound calls reached", "outbound calls the customer answered", "", GR(g, CC_GR_OUTBOUND_REACHED)) \
	F(hold, "hold_s", "s", CC_DIR_NONE, "hold time", "contact-seconds the group's agents kept a customer on hold while transferring or consulting; with one contact at a time (voice) a part of talk_s, with concurrency two contacts on hold at once count twice", "for voice, `hold_s` / `talk_s` is the share of talk spent holding", GR(g, CC_GR_HOLD)) \
	F(transfers_out, "transfers_out", "1", CC_DIR_NONE, "transfers started", "transfers started by the group's agents (to a queue, an agent or an outside number), by the time the transfer started", "", GR(g, CC_GR_TRANSFERS_OUT)) \
	F(transfers_in, "transfers_in", "1", CC_DIR_NONE, "transfers taken", "transferred contacts connected to the group's agents (transferred to them directly, or into a queue they took it from), by the time of the connect", "", GR(g, CC_GR_TRANSFERS_IN)) \
	F(transfers_rejected, "transfers_rejected", "1", CC_DIR_NONE, "transfers rejected", "transfers offered directly to the group's agents that they rejected, by the time of the rejection", "", GR(g, CC_GR_TRANSFERS_REJECTED)) \
	F(moved, "moved", "1", CC_DIR_NONE, "agents moved", "agents of the group moved to another region, by the time of the move", "", GR(g, CC_GR_MOVED)) \
	F(not_ready, "not_ready", "1", CC_DIR_NONE, "put not ready after repeated misses", "times the group's agents were put in rona.not_ready_status after rona.not_ready_after consecutive missed offers, by the time (their time there is in that status's status_s)", "", GR(g, CC_GR_NOT_READY)) \
	F(occupancy, "occupancy", "1", CC_DIR_NONE, "occupancy", "(talk + ACW) / (staffed - not-productive statuses)", "", ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), productive_time(x, g))) \
	F(utilization, "utilization", "1", CC_DIR_NONE, "utilization", "(talk + ACW) / staffed", "", ratio(GR(g, CC_GR_TALK) + GR(g, CC_GR_ACW), GR(g, CC_GR_STAFFED))) \
	F(slots_per_agent, "slots_per_agent", "1", CC_DIR_NONE, "contacts held per agent", "contact-seconds held (every channel, from the offer to the end of ACW) / staffed agent-seconds: the time-weighted mean number of contacts a logged-in agent holds", "paused time included", ratio(slot_time(x, g), GR(g, CC_GR_STAFFED)))

/* F(id, name, units, direction, long name, description, note, expression of row X and index I =
 * group *
 * n_status + status). */
#define STATUS_FIGURES(F)                                                            \
	F(time, "status_s", "s", CC_DIR_NONE, "time in status", "agent-seconds in the status with no contact and no ring (Offline: inside shifts only)", "Available = `idle_s`, RONA = `rona_s`, the not-productive ones add up to `npt_s`", SR(i / x->n_status, i % x->n_status)) \
	F(agents, "status_agents", "1", CC_DIR_NONE, "agents in status", "time-weighted mean number of agents in the status with no contact and no ring", "`status_s` / interval length", ratio(SR(i / x->n_status, i % x->n_status), cc_metrics_row_seconds(x->grid, x->row)))

/* Group-channel index I is group * CC_CHANNEL_COUNT + channel. */
#define GC(f) GCR(i / CC_CHANNEL_COUNT, i % CC_CHANNEL_COUNT, (f))
/* F(id, name, units, direction, long name, description, note, expression of row X and index I). */
#define GROUP_CHANNEL_FIGURES(F)                                                     \
	F(occupancy, "occupancy", "1", CC_DIR_NONE, "channel occupancy", "agent-seconds holding at least one contact of the channel / productive time (staffed - not-productive statuses) of the group", "state occupancy per channel; its denominator is that of the group's `occupancy`", ratio(GC(CC_GCR_BUSY), productive_time(x, i / CC_CHANNEL_COUNT))) \
	F(concurrency, "concurrency", "1", CC_DIR_NONE, "concurrency", "contact-seconds of the channel held / agent-seconds holding at least one: the time-weighted mean number of the channel's contacts an agent holds while holding any", "NaN when none was held", ratio(GC(CC_GCR_SLOTS), GC(CC_GCR_BUSY))) \
	F(slots, "slots", "1", CC_DIR_NONE, "slots in use", "time-weighted mean number of the channel's contacts held by the group's agents (slots in use, from the offer to the end of ACW, paused time included)", "contact-seconds held / interval length", ratio(GC(CC_GCR_SLOTS), cc_metrics_row_seconds(x->grid, x->row))) \
	F(work, "work_s", "s", CC_DIR_NONE, "work time", "contact-seconds of the channel in talk or ACW", "", GC(CC_GCR_WORK)) \
	F(answered, "answered", "1", CC_DIR_NONE, "contacts answered", "offered contacts of the channel connected to the group's agents (by arrival interval)", "", GC(CC_GCR_ANSWERED))

/* For each figure ID of these lists, a function g_ID, s_ID or gc_ID of a row and an index. */
#define DEFINE_FIGURE(prefix, idx, id, expr)                                                 \
	static double prefix##id(const struct cc_raw_row *x, size_t idx)                       \
	{                                                                                      \
		return (expr);                                                                     \
	}
#define DEFINE_GROUP_FIGURE(id, name, units, dir, long_name, description, note, expr) \
	DEFINE_FIGURE(g_, g, id, expr)
#define DEFINE_STATUS_FIGURE(id, name, units, dir, long_name, description, note, expr) \
	DEFINE_FIGURE(s_, i, id, expr)
#define DEFINE_GROUP_CHANNEL_FIGURE(id, name, units, dir, long_name, description, note, expr) \
	DEFINE_FIGURE(gc_, i, id, expr)
GROUP_FIGURES(DEFINE_GROUP_FIGURE)
STATUS_FIGURES(DEFINE_STATUS_FIGURE)
GROUP_CHANNEL_FIGURES(DEFINE_GROUP_CHANNEL_FIGURE)
#define GROUP_ENTRY(id, name, units, dir, long_name, description, note, expr) \
	{ name, CC_FIG_GROUP, units, long_name, description, g_##id, note, dir },
#define STATUS_ENTRY(id, name, units, dir, long_name, description, note, expr) \
	{ name, CC_FIG_STATUS, units, long_name, description, s_##id, note, dir },
#define GROUP_CHANNEL_ENTRY(id, name, units, dir, long_name, description, note, expr) \
	{ name, CC_FIG_GROUP_CHANNEL, units, long_name, description, gc_##id, note, dir },

static const struct cc_figure figures[] = {
	QUEUE_FIGURES(QUEUE_ENTRY)
	GROUP_FIGURES(GROUP_ENTRY)
	STATUS_FIGURES(STATUS_ENTRY)
	QUEUE_FIGURES(CHANNEL_ENTRY)
	GROUP_CHANNEL_FIGURES(GROUP_CHANNEL_ENTRY)
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

const char *cc_figure_owner_name(enum cc_figure_owner owner)
{
	static const char *const names[CC_FIG_OWNER_COUNT] = { "queues", "groups", "statuses",
	                                                       "channels", "group_channels" };
	CC_ASSERT(owner < CC_FIG_OWNER_COUNT);
	return names[owner];
}

void cc_layout_init(struct cc_layout *l, const struct cc_scenario *scn)
{
	memset(l, 0, sizeof *l);
	l->scn = scn;
	l->figures = cc_figures(&l->n_figures);
	l->n_status = cc_scenario_status_count(scn);
	for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
		int used = 0;
		for (size_t q = 0; q < scn->n_queues && !used; q++)
			used = (int)scn->queues[q].channel == ch;
		if (used)
			l->channels[l->n_channels++] = (enum cc_channel)ch;
	}
	l->entities[CC_FIG_QUEUE] = scn->n_queues;
	l->entities[CC_FIG_GROUP] = scn->n_groups;
	l->entities[CC_FIG_STATUS] = scn->n_groups * l->n_status;
	l->entities[CC_FIG_CHANNEL] = l->n_channels;
	l->entities[CC_FIG_GROUP_CHANNEL] = scn->n_groups * l->n_channels;
	l->offset = cc_calloc(l->n_figures, sizeof *l->offset);
	for (size_t f = 0; f < l->n_figures; f++) {
		l->offset[f] = l->cells;
		l->cells += l->entities[l->figures[f].owner];
	}
}

void cc_layout_fini(struct cc_layout *l)
{
	if (!l)
		return;
	cc_free(l->offset);
	l->offset = NULL;
}

size_t cc_layout_width(const struct cc_layout *l, const struct cc_figure *f)
{
	return l->entities[f->owner];
}

size_t cc_layout_figure(const struct cc_layout *l, const struct cc_figure *f)
{
	size_t i = (size_t)(f - l->figures);
	CC_ASSERT(i < l->n_figures);
	return i;
}

size_t cc_layout_index(const struct cc_layout *l, enum cc_figure_owner owner, size_t e)
{
	CC_ASSERT(e < l->entities[owner]);
	if (owner == CC_FIG_CHANNEL)
		return (size_t)l->channels[e];
	if (owner == CC_FIG_GROUP_CHANNEL)
		return e / l->n_channels * CC_CHANNEL_COUNT + (size_t)l->channels[e % l->n_channels];
	return e;
}

size_t cc_layout_entity(const struct cc_layout *l, enum cc_figure_owner owner, size_t index)
{
	if (owner != CC_FIG_CHANNEL && owner != CC_FIG_GROUP_CHANNEL)
		return index < l->entities[owner] ? index : SIZE_MAX;
	size_t ch = owner == CC_FIG_CHANNEL ? index : index % CC_CHANNEL_COUNT;
	for (size_t k = 0; k < l->n_channels; k++)
		if ((size_t)l->channels[k] == ch)
			return owner == CC_FIG_CHANNEL ? k : index / CC_CHANNEL_COUNT * l->n_channels + k;
	return SIZE_MAX;
}

void cc_layout_derive(const struct cc_layout *l, const struct cc_raw_row *x, double *cells)
{
	for (size_t f = 0; f < l->n_figures; f++) {
		const struct cc_figure *fig = &l->figures[f];
		double *out = cells + l->offset[f];
		size_t n = l->entities[fig->owner];
		if (fig->owner == CC_FIG_QUEUE || fig->owner == CC_FIG_GROUP ||
		    fig->owner == CC_FIG_STATUS) {
			for (size_t e = 0; e < n; e++)
				out[e] = fig->value(x, e);
		} else {
			for (size_t e = 0; e < n; e++)
				out[e] = fig->value(x, cc_layout_index(l, fig->owner, e));
		}
	}
}

const char *cc_layout_label(const struct cc_layout *l, enum cc_figure_owner owner, size_t e,
                            char *buf, size_t len)
{
	const struct cc_scenario *scn = l->scn;
	switch (owner) {
	case CC_FIG_QUEUE: snprintf(buf, len, "%s", scn->queues[e].label); break;
	case CC_FIG_GROUP: snprintf(buf, len, "%s", scn->groups[e].name); break;
	case CC_FIG_STATUS:
		snprintf(buf, len, "%s/%s", scn->groups[e / l->n_status].name,
		         cc_scenario_status_name(scn, e % l->n_status));
		break;
	case CC_FIG_CHANNEL: snprintf(buf, len, "%s", cc_channel_name(l->channels[e])); break;
	case CC_FIG_GROUP_CHANNEL:
		snprintf(buf, len, "%s/%s", scn->groups[e / l->n_channels].name,
		         cc_channel_name(l->channels[e % l->n_channels]));
		break;
	default: cc_fail(__FILE__, __LINE__, "unknown figure owner");
	}
	return buf;
}

/* The whole-run counts of a replication, as metrics.h declares them, for every output. */
#define COUNT_FIELD(name, description, note) \
	{ #name, offsetof(struct cc_rep_counts, name), description, note },
static const struct cc_count_field count_fields[] = { CC_COUNTS(COUNT_FIELD) };

const struct cc_count_field *cc_count_fields(size_t *n)
{
	*n = sizeof count_fields / sizeof count_fields[0];
	return count_fields;
}

uint64_t cc_count_value(const struct cc_rep_counts *c, const struct cc_count_field *f)
{
	return *(const uint64_t *)((const char *)c + f->offset);
}
