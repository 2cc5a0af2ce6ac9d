/*
 * The run of one replication: set-up, the event loop (each event to the behaviour it
 * belongs to), the stall guard, and the end.
 */
#include "models/center/center.h"

#include <math.h>
#include <string.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/contact.h"
#include "models/center/offer.h"
#include "models/center/pool.h"
#include "models/center/region.h"
#include "models/center/replication.h"
#include "models/center/rona.h"
#include "models/center/routing.h"
#include "models/center/transfer.h"
#include "sim/alloc.h"
#include "sim/rng.h"

/* Progress is published every this many events, so atomics stay off the hot path. */
enum { PROGRESS_EVERY = 1 << 16 };

static void setup(struct center *c, const struct cc_scenario *scn, const struct cc_grid *grid,
                  uint64_t replication, struct cc_rep_result *out)
{
	memset(c, 0, sizeof *c);
	c->scn = scn;
	c->grid = grid;
	c->out = out;
	c->replication = replication;
	c->cal = cc_calendar_create();
	cc_acct_rows_init(c);
	if (scn->contact_records && !out->records) {
		out->cap_records = 4096;
		out->records = cc_calloc(out->cap_records, sizeof *out->records);
	}
	CC_NEW_ARRAY(c->groups, scn->n_groups);
	for (size_t g = 0; g < scn->n_groups; g++) {
		c->groups[g].cfg = &scn->groups[g];
		c->groups[g].region = scn->groups[g].region;
	}
	CC_NEW_ARRAY(c->queues, scn->n_queues);
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		q->cfg = &scn->queues[i];
		q->channel = (uint8_t)q->cfg->channel;
		q->offer_timeout_s = scn->channels[q->cfg->channel].offer_timeout_s;
		q->mean_work_s = q->cfg->handle.mean + q->cfg->acw.mean; /* step 0's; see
		                                                            cc_contact_wait_estimate */
	}
	cc_route_setup(c);
	/* Logins at time 0 come before everything else at time 0, in agent order. */
	cc_agent_setup(c);
	/* A line's arrivals and attributes: one pair of streams, whatever region a contact
	 * goes to, so a change of the traffic distribution does not change the contacts. */
	for (size_t i = 0; i < scn->n_lines; i++) {
		struct queue *q = &c->queues[i];
		q->arrival_rng = cc_rng_create(scn->seed, replication,
		                               cc_center_line_stream(q->cfg->name, CC_STREAM_ARRIVALS));
		q->attr_rng = cc_rng_create(scn->seed, replication,
		                            cc_center_line_stream(q->cfg->name, CC_STREAM_ATTRIBUTES));
		if (q->cfg->balk.share > 0 || q->cfg->redial.share > 0)
			q->customer_rng = cc_rng_create(scn->seed, replication,
			                                cc_center_line_stream(q->cfg->name,
			                                                      CC_STREAM_CUSTOMER));
		if (q->cfg->silent.share > 0) /* a stream of its own: no other draw moves */
			q->silent_rng = cc_rng_create(scn->seed, replication,
			                              cc_center_line_stream(q->cfg->name, CC_STREAM_SILENT));
		cc_arrivals_init(&q->arrivals, q->cfg, q->arrival_rng, replication);
		q->arrivals.factor = cc_center_busyness(scn, i, replication);
		double first = cc_arrivals_next(&q->arrivals);
		if (first < grid->horizon_s)
			cc_calendar_schedule(c->cal, first, CLASS_ARRIVAL, EV_ARRIVAL, q);
	}
	for (size_t i = scn->n_lines; i < scn->n_queues; i++) {
		c->queues[i].arrival_rng = c->queues[c->queues[i].cfg->line].arrival_rng;
		c->queues[i].attr_rng = c->queues[c->queues[i].cfg->line].attr_rng;
		c->queues[i].customer_rng = c->queues[c->queues[i].cfg->line].customer_rng;
		c->queues[i].silent_rng = c->queues[c->queues[i].cfg->line].silent_rng;
	}
	cc_region_setup(c);
}

/* One draw of D from stream (SEED, REPLICATION, SOURCE); the mean of a deterministic D. */
static double draw_factor(const struct cc_dist *d, uint64_t seed, uint64_t replication,
                          uint64_t source)
{
	if (d->kind == CC_DIST_DETERMINISTIC)
		return d->mean;
	gsl_rng *r = cc_rng_create(seed, replication, source);
	double f = cc_dist_sample(d, r);
	gsl_rng_free(r);
	return f;
}

double cc_center_busyness(const struct cc_scenario *scn, size_t line, uint64_t replication)
{
	const struct cc_queue_cfg *q = &scn->queues[line];
	if (!cc_queue_has_busyness(scn, q)) /* none, or a trace: its calls come as logged */
		return 1;
	if (q->busyness.on)
		return draw_factor(&q->busyness.dist, scn->seed, replication,
		                   cc_center_line_stream(q->name, CC_STREAM_BUSYNESS));
	return draw_factor(&scn->busyness.dist, scn->seed, replication,
	                   cc_rng_source_id("busyness", CC_STREAM_DAY));
}

/* Closes every open account at the horizon and records what is still in the system. */
static void finish(struct center *c)
{
	c->now = c->grid->horizon_s;
	cc_agent_finish(c);
	cc_contact_finish(c);
}

static void teardown(struct center *c)
{
	for (size_t i = 0; i < c->scn->n_lines; i++) {
		gsl_rng_free(c->queues[i].arrival_rng);
		gsl_rng_free(c->queues[i].attr_rng);
		if (c->queues[i].customer_rng)
			gsl_rng_free(c->queues[i].customer_rng);
		gsl_rng_free(c->queues[i].silent_rng);
	}
	cc_region_teardown(c);
	for (size_t i = 0; i < c->n_agents; i++)
		gsl_rng_free(c->agents[i].rng);
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_roster_fini(&c->groups[g].roster);
	cc_route_teardown(c);
	cc_pool_fini(c);
	cc_free(c->queues);
	cc_free(c->groups);
	cc_free(c->agents);
	cc_acct_rows_fini(c);
	cc_calendar_destroy(c->cal);
}

static void dispatch_event(struct center *c, struct cc_event *ev)
{
	switch ((enum event_kind)ev->kind) {
	case EV_ARRIVAL: cc_contact_on_arrival(c, ev); return;
	case EV_ABANDON: cc_contact_on_abandon(c, ev); return;
	case EV_TALK_END: cc_contact_on_talk_end(c, ev); return;
	case EV_ACW_END: cc_contact_on_acw_end(c, ev); return;
	case EV_ACCEPT: cc_offer_on_accept(c, ev); return;
	case EV_OFFER_TIMEOUT: cc_rona_on_timeout(c, ev); return;
	case EV_PENDING_END: cc_contact_on_pending_end(c, ev); return;
	case EV_DIAL_END: cc_contact_on_dial_end(c, ev); return;
	case EV_RETRY: cc_contact_on_retry(c, ev); return;
	case EV_ELIGIBLE: cc_offer_on_eligible(c, ev); return;
	case EV_XFER: case EV_REJECT: cc_transfer_on_event(c, ev); return;
	case EV_TRAFFIC: case EV_RESTART: cc_region_on_event(c, ev); return;
	case EV_REDIAL: cc_contact_on_redial(c, ev); return;
	default: cc_agent_on_event(c, ev); return;
	}
}

/* The settings most likely to blame when events of KIND fill an instant. */
static const char *stall_suspects(unsigned kind)
{
	switch ((enum event_kind)kind) {
	case EV_OFFER_TIMEOUT: case EV_ACCEPT:
		return "offers that ring out: channels.<channel>.offer_timeout and "
		       "agents.<group>.answer, rona";
	case EV_XFER: case EV_REJECT:
		return "transfers: queues.<queue>.transfer (flow, whispers, consult, reject)";
	case EV_RETRY: case EV_DIAL_END: case EV_PENDING_END:
		return "callbacks: queues.<queue>.dialing (dial, retry_delay) and callback";
	case EV_ELIGIBLE:
		return "routing delays: routing_profiles.<profile>.queues delay and queue rings";
	case EV_TALK_END: case EV_ACW_END:
		return "talk and after-contact work: queues.<queue>.handle, acw";
	case EV_ARRIVAL: return "arrivals: queues.<queue>.arrivals";
	case EV_ABANDON: return "patience: queues.<queue>.patience";
	case EV_REDIAL: return "redials: queues.<queue>.redial (delay)";
	case EV_LOGIN: case EV_LOGOUT: return "rosters: agents.<group>.shifts, login_delay";
	case EV_OUTBOUND: return "outbound calls: agents.<group>.outbound";
	case EV_TRAFFIC: case EV_RESTART: return "regions: regions.changes, restart_delay";
	default:
		return "agent statuses: agents.<group>.planned, unplanned, answer.away, rona.reaction, "
		       "rona.idle";
	}
}

/* The replication's clock has moved only SPAN_S over the last EVENTS events, the last of kind
 * LAST: names in OUT the settings behind it and behind the events due next, which the run
 * then gives up. (Nothing more is dispatched here: a second call of
 * dispatch_event would cost the run loop its inlining.) */
__attribute__((cold, noinline))
static void stall(struct center *c, struct cc_rep_result *out, uint64_t events, double span_s,
                  unsigned last)
{
	/* The events due within about SAMPLE more at the pace of the window. */
	enum { SAMPLE = 4096 };
	uint32_t kinds[EV_PLANNED + 1] = { 0 };
	double until = nextafter(c->now + span_s / (double)events * SAMPLE, INFINITY);
	struct cc_event *ev;
	for (int i = 0; i < SAMPLE && (ev = cc_calendar_pop_before(c->cal, until)); i++)
		kinds[ev->kind < EV_PLANNED ? ev->kind : EV_PLANNED]++;
	last = last < EV_PLANNED ? last : EV_PLANNED;
	unsigned next = last;
	for (unsigned k = 0; k <= EV_PLANNED; k++)
		if (stall_suspects(k) != stall_suspects(last) && (next == last || kinds[k] > kinds[next]))
			next = k;
	out->stalled = stall_suspects(last);
	if (next != last && kinds[next])
		out->stalled_also = stall_suspects(next);
	out->stalled_at_s = c->now;
	out->stalled_events = events;
	out->stalled_span_s = span_s;
}

/* Events a simulated second that no real center comes near: CC_CENTER_MAX_EVENT_RATE for each
 * agent and for each contact arriving a second at the queues' peak rates, and one more. */
static double event_rate_limit(const struct center *c)
{
	double arrivals = 0;
	for (size_t q = 0; q < c->scn->n_lines; q++) {
		const struct cc_queue_cfg *cfg = &c->scn->queues[q];
		double peak = 0;
		for (size_t i = 0; i < cfg->n_rates; i++)
			peak = fmax(peak, cfg->per_hour[i]);
		arrivals += peak / 3600;
	}
	return CC_CENTER_MAX_EVENT_RATE * ((double)c->n_agents + arrivals + 1);
}

void cc_center_run(const struct cc_scenario *scn, const struct cc_grid *grid,
                   uint64_t replication, struct cc_rep_result *out,
                   const struct cc_row_sink *sink, struct cc_progress *progress)
{
	struct center c;
	setup(&c, scn, grid, replication, out);
	c.sink = sink;
	uint64_t events = 0, published_events = 0;
	double published_s = 0;
	const double horizon = grid->horizon_s;
	int stopped = 0;
	/* The stall guard: over each window of events (checked at the progress checks), the
	 * clock must move at least MIN_ADVANCE. */
	uint64_t window = CC_CENTER_STALL_WINDOW;
	if (window < CC_CENTER_STALL_WINDOW_PER_AGENT * (uint64_t)c.n_agents)
		window = CC_CENTER_STALL_WINDOW_PER_AGENT * (uint64_t)c.n_agents;
	window = (window + PROGRESS_EVERY - 1) / PROGRESS_EVERY * PROGRESS_EVERY;
	const double min_advance = (double)window / event_rate_limit(&c);
	uint64_t window_events = 0;
	double window_start = 0;
	for (;;) {
		/* Ticks come before events at the same time. */
		double limit = c.next_tick < horizon ? c.next_tick : horizon;
		struct cc_event *ev = cc_calendar_pop_before(c.cal, limit);
		if (!ev) {
			if (!(limit < horizon))
				break;
			c.now = c.next_tick;
			cc_acct_tick(&c);
			continue;
		}
		c.now = ev->time;
		unsigned kind = ev->kind;
		dispatch_event(&c, ev);
		if ((++events & (PROGRESS_EVERY - 1)) != 0)
			continue;
		if (events - window_events >= window) {
			if (c.now - window_start < min_advance) {
				stall(&c, out, events - window_events, c.now - window_start, kind);
				out->stalled_limit = (double)window / min_advance;
				stopped = 1;
				break;
			}
			window_events = events;
			window_start = c.now;
		}
		if (progress) {
			atomic_fetch_add(&progress->events, events - published_events);
			atomic_fetch_add(&progress->sim_ms, (uint64_t)((c.now - published_s) * 1000));
			published_events = events;
			published_s = c.now;
			if ((stopped = atomic_load(&progress->stop)))
				break;
		}
	}
	if (!stopped) {
		finish(&c);
		cc_acct_rows_finish(&c);
		cc_rep_result_finish(out, scn);
	}
	if (progress) {
		atomic_fetch_add(&progress->events, events - published_events);
		atomic_fetch_add(&progress->sim_ms, (uint64_t)((horizon - published_s) * 1000));
	}
	out->counts.events = events;
	teardown(&c);
}

/* Expected arrivals at line Q over the horizon, by its rates. */
static double expected_arrivals(const struct cc_queue_cfg *q, double horizon_s)
{
	double n = 0, t = 0;
	for (size_t i = 0; t < horizon_s; i++) {
		double rate = q->per_hour[i < q->n_rates ? i : q->n_rates - 1];
		double end = i + 1 < q->n_rates ? t + q->rate_width_s : horizon_s;
		if (end > horizon_s)
			end = horizon_s;
		n += rate * (end - t) / 3600;
		t = end;
	}
	return n;
}

double cc_center_expected_contacts(const struct cc_scenario *scn)
{
	double n = 0;
	for (size_t q = 0; q < scn->n_lines; q++)
		n += expected_arrivals(&scn->queues[q], scn->horizon_s);
	return n;
}

double cc_center_bytes(const struct cc_scenario *scn)
{
	double agents = (double)cc_scenario_agents(scn);
	double n_status = (double)cc_scenario_status_count(scn);
	/* An agent: its struct, its ready nodes, its random stream, its whole-run sums and its
	 * roster spans. */
	double per_agent = (double)sizeof(struct agent) +
	                   CC_CHANNEL_COUNT * (double)sizeof(struct ready_node) +
	                   (double)gsl_rng_taus2->size + 64 +
	                   8 * ((double)CC_AR_COUNT + n_status) + 4 * sizeof(struct cc_span);
	/* Contacts in the system at once, by Little's law: arrivals an hour times the hours
	 * each stays (handle, ACW and a generous wait), doubled for peaks, in slabs of 1024. */
	double in_system = 0;
	for (size_t q = 0; q < scn->n_lines; q++) {
		const struct cc_queue_cfg *cfg = &scn->queues[q];
		double rate = 0;
		for (size_t i = 0; i < cfg->n_rates; i++)
			rate = fmax(rate, cfg->per_hour[i]);
		/* Busy days: the rates of a day three sd above the factor's mean. */
		if (cc_queue_has_busyness(scn, cfg)) {
			const struct cc_dist *b = cfg->busyness.on ? &cfg->busyness.dist
			                                           : &scn->busyness.dist;
			rate *= b->mean + 3 * cc_dist_sd(b);
		}
		/* Handle and ACW given per step: the longest step's means. */
		double work = cfg->handle.mean + cfg->acw.mean;
		for (size_t j = 0; j < cfg->handle_steps.n || j < cfg->acw_steps.n; j++)
			work = fmax(work, cc_queue_dist_at(&cfg->handle, &cfg->handle_steps,
			                                   ((double)j + 0.5) * scn->interval_s)->mean +
			                  cc_queue_dist_at(&cfg->acw, &cfg->acw_steps,
			                                   ((double)j + 0.5) * scn->interval_s)->mean);
		in_system += rate / 3600 * (work + 600);
	}
	double contacts = (2 * in_system + 1024) * (double)sizeof(struct contact);
	double events = (2 * in_system + 4 * agents + 1024) * (double)sizeof(struct cc_event);
	/* Open rows: a few, usually; the queues' and groups' state. */
	double row = 8.0 * ((double)scn->n_queues * CC_QR_COUNT +
	                    (double)scn->n_groups * (CC_GR_COUNT + n_status +
	                                             CC_CHANNEL_COUNT * CC_GCR_COUNT));
	double fixed = (double)scn->n_queues * (sizeof(struct queue) + 2 * 5000.0) +
	               (double)scn->n_groups * (sizeof(struct group) + 1024);
	return agents * per_agent + contacts + events + 8 * row + fixed;
}
