/*
 * The agent's status machine: shifts, logins and logouts, planned and unplanned statuses,
 * away episodes, and outbound calls. The RONA status is rona.c's; contacts in hand belong
 * to contact.c; which contact an agent gets, to routing.c, and the offer, to offer.c.
 */
#include <math.h>

#include <gsl/gsl_randist.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/contact.h"
#include "models/center/offer.h"
#include "models/center/records.h"
#include "models/center/region.h"
#include "models/center/rona.h"
#include "models/center/routing.h"
#include "sim/alloc.h"
#include "sim/dist.h"
#include "sim/rng.h"

static void logout_now(struct center *c, struct agent *a);

/* Ends the agent's run of consecutive not-productive statuses: its length goes to the
 * interval in which it began, where the run was counted. */
static void npt_run_end(struct center *c, struct agent *a)
{
	cc_acct_gcount(c, a->group, CC_GR_NPT_RUN_SUM, a->npt_run_start_s,
	               c->now - a->npt_run_start_s);
}

/* Moves the agent in or out of the logged-in (staffed) count, and its queues' counts of
 * agents serving them. */
static void set_staffed(struct center *c, struct agent *a, int on)
{
	struct group *g = &c->groups[a->group];
	cc_acct_group(c, g);
	g->staffed += on ? 1 : -1;
	for (size_t e = 0; e < g->n_edges; e++)
		c->queues[g->edges[e].queue].serving += on ? 1 : -1;
	if (on) {
		a->staffed_since_s = c->now;
		return;
	}
	*araw(c, a, CC_AR_STAFFED) += c->now - a->staffed_since_s;
	if (a->overtime) {
		g->overtime--;
		*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		a->overtime = 0;
	}
}

/*
 * An agent who becomes Available looks for work at once (it may still hold contacts of
 * other channels, or fewer than its concurrency of this one).
 */
void cc_agent_set_status(struct center *c, struct agent *a, int s, double duration_s)
{
	cc_acct_agent(c, a);
	cc_center_cancel(c, &a->status_ev);
	int old = a->status;
	if ((old == CC_AGENT_OFFLINE) != (s == CC_AGENT_OFFLINE))
		set_staffed(c, a, s != CC_AGENT_OFFLINE);
	if (!is_npt(old) && is_npt(s)) {
		a->npt_run_start_s = c->now;
		cc_acct_gcount(c, a->group, CC_GR_NPT_RUNS, c->now, 1);
	} else if (is_npt(old) && !is_npt(s)) {
		npt_run_end(c, a);
	}
	a->status = s;
	if (!c->scn->routing.idle_inbound)
		a->idle_since_s = c->now;
	cc_rec_event(c, a, NULL);
	if (s != CC_AGENT_AVAILABLE && isfinite(duration_s))
		a->status_ev = cc_calendar_schedule(c->cal, c->now + duration_s, CLASS_AGENT_FREED,
		                                    EV_STATUS_END, a);
	if (s == CC_AGENT_AVAILABLE)
		cc_offer_agent_ready(c, a);
	else
		cc_route_refresh(c, a);
}

/* A status falls due: taken now when the agent holds nothing, or next when its last
 * contact ends (no new contacts meanwhile). */
static void request_status(struct center *c, struct agent *a, int s, double duration_s)
{
	if (a->n_held) {
		if (a->next_status != CC_AGENT_OFFLINE) { /* logging out wins */
			a->next_status = s;
			a->next_duration_s = duration_s;
			cc_rec_event(c, a, NULL);
			cc_route_refresh(c, a);
		}
		return;
	}
	cc_agent_set_status(c, a, s, duration_s);
}

int cc_agent_take_next(struct center *c, struct agent *a)
{
	int s = a->next_status;
	if (s == CC_NO_STATUS)
		return 0;
	a->next_status = CC_NO_STATUS;
	if (a->moving) /* moved to another region: it arrives there */
		cc_region_arrive(c, a);
	else if (s == CC_AGENT_OFFLINE)
		logout_now(c, a);
	else
		cc_agent_set_status(c, a, s, a->next_duration_s);
	return 1;
}

void cc_agent_after_contact(struct center *c, struct agent *a)
{
	if (a->n_held == 0 && cc_agent_take_next(c, a))
		return;
	if (a->status == CC_AGENT_AVAILABLE)
		cc_offer_agent_ready(c, a);
	/* Otherwise the agent stays in its status, whose end is scheduled. */
}

/* Exponential gap of a Poisson clock at PER_HOUR. */
static double gap(struct agent *a, double per_hour)
{
	return 3600.0 / per_hour * cc_dist_sample_exp(a->rng);
}

void cc_agent_outbound_done(struct center *c, struct agent *a)
{
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	const struct cc_outbound_cfg *o = &g->outbound;
	if (o->available_after) {
		cc_agent_set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
		return;
	}
	double idle = cc_dist_sample(&o->idle_after, a->rng);
	if (a->status == CC_AGENT_AVAILABLE)
		cc_agent_set_status(c, a, g->idle_status, idle);
	else if (!a->status_ev) /* the status set to dial: idle in it for a while */
		a->status_ev = cc_calendar_schedule(c->cal, c->now + idle, CLASS_AGENT_FREED,
		                                    EV_STATUS_END, a);
}

/* ---- the agent's own clocks: unplanned statuses, away episodes, outbound calls ---- */

static void on_unplanned(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	double u = gsl_rng_uniform(a->rng) * g->unplanned_per_hour;
	size_t i = 0;
	while (i + 1 < cfg->n_unplanned && u >= cfg->unplanned[i].per_hour)
		u -= cfg->unplanned[i++].per_hour;
	double duration = cc_dist_sample(&cfg->unplanned[i].duration, a->rng);
	/* Only an agent who is Available, with nothing else due, steps away. */
	if (a->status == CC_AGENT_AVAILABLE && a->next_status == CC_NO_STATUS)
		request_status(c, a, cfg->unplanned[i].status, duration);
	cc_calendar_reschedule(c->cal, ev, c->now + gap(a, g->unplanned_per_hour));
}

static void on_away(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_answer_cfg *ans = &c->groups[a->group].cfg->answer;
	a->away_until_s = c->now + cc_dist_sample(&ans->away, a->rng);
	cc_calendar_reschedule(c->cal, ev, a->away_until_s + gap(a, ans->away_per_hour));
}

/* The next outbound attempt after now, inside the campaign, or INFINITY. */
static double next_outbound(struct agent *a, const struct cc_outbound_cfg *o, double now)
{
	double t = (now > o->from_s ? now : o->from_s) + gap(a, o->per_hour);
	return t < o->until_s ? t : INFINITY;
}

/* Places an outbound call now; the agent is logged in and holds nothing. */
static void dial(struct center *c, struct agent *a)
{
	const struct cc_outbound_cfg *o = &c->groups[a->group].cfg->outbound;
	int reached = o->reach >= 1 || gsl_rng_uniform(a->rng) < o->reach;
	double talk = cc_dist_sample(&o->dial, a->rng), acw = 0;
	if (reached) {
		talk += cc_dist_sample(&o->handle, a->rng);
		acw = cc_dist_sample(&o->acw, a->rng);
	}
	cc_acct_gcount(c, a->group, CC_GR_OUTBOUND_CALLS, c->now, 1);
	if (reached)
		cc_acct_gcount(c, a->group, CC_GR_OUTBOUND_REACHED, c->now, 1);
	if (a->status == CC_AGENT_AVAILABLE && o->status >= 0)
		cc_agent_set_status(c, a, o->status, INFINITY);
	cc_contact_dial(c, a, talk, acw, reached);
}

static void on_outbound(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_outbound_cfg *o = &c->groups[a->group].cfg->outbound;
	/* Agents dial when they hold nothing, in Available or a not-productive status. */
	if (c->now >= o->from_s && a->n_held == 0 && a->next_status == CC_NO_STATUS &&
	    (a->status == CC_AGENT_AVAILABLE || is_npt(a->status)) && c->now >= a->away_until_s)
		dial(c, a);
	double t = next_outbound(a, o, c->now);
	if (isfinite(t)) {
		cc_calendar_reschedule(c->cal, ev, t);
	} else {
		cc_calendar_release(c->cal, ev);
		a->outbound_ev = NULL;
	}
}

/* ---- shifts ---- */

/*
 * Schedules the group's planned statuses that fall inside the shift starting now. One due at
 * this very instant is not scheduled but returned (its index, or -1), so that the login can
 * go straight into it rather than offer the agent a contact first.
 */
static int schedule_planned(struct center *c, struct agent *a)
{
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	int due_now = -1;
	for (size_t p = 0; p < g->n_planned; p++) {
		const struct cc_planned_cfg *pl = &g->planned[p];
		int takers = (int)floor(pl->share * a->crew + 0.5);
		if (a->rank >= takers)
			continue;
		double t = (pl->after_login ? a->span->start_s : 0) + pl->at_s +
		           pl->window_s * a->rank / takers;
		if (t == c->now && due_now < 0)
			due_now = (int)p;
		else if (t >= a->span->start_s && t < a->span->end_s && t < c->grid->horizon_s)
			cc_calendar_schedule(c->cal, t, CLASS_STATUS_DUE, EV_PLANNED + (int32_t)p, a);
	}
	return due_now;
}

static void on_planned(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_planned_cfg *pl = &c->groups[a->group].cfg->planned[ev->kind - EV_PLANNED];
	cc_calendar_release(c->cal, ev);
	double duration = cc_dist_sample(&pl->duration, a->rng);
	if (a->in_shift && a->status != CC_AGENT_OFFLINE)
		request_status(c, a, pl->status, duration);
}

static void start_clocks(struct center *c, struct agent *a)
{
	const struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	if (g->unplanned_per_hour > 0 && !a->unplanned_ev)
		a->unplanned_ev = cc_calendar_schedule(c->cal, c->now + gap(a, g->unplanned_per_hour),
		                                       CLASS_STATUS_DUE, EV_UNPLANNED, a);
	if (cfg->answer.away_per_hour > 0 && !a->away_ev)
		a->away_ev = cc_calendar_schedule(c->cal, c->now + gap(a, cfg->answer.away_per_hour),
		                                  CLASS_STATUS_DUE, EV_AWAY, a);
	if (cfg->outbound.per_hour > 0 && !a->outbound_ev) {
		double t = next_outbound(a, &cfg->outbound, c->now);
		if (isfinite(t))
			a->outbound_ev = cc_calendar_schedule(c->cal, t, CLASS_STATUS_DUE, EV_OUTBOUND, a);
	}
}

static void stop_clocks(struct center *c, struct agent *a)
{
	cc_center_cancel(c, &a->unplanned_ev);
	cc_center_cancel(c, &a->away_ev);
	cc_center_cancel(c, &a->outbound_ev);
	a->away_until_s = 0;
}

/* Moves the shift event to the agent's next shift start, if any, or lets it go. */
static void next_login(struct center *c, struct agent *a, struct cc_event *ev)
{
	a->span++;
	if (a->span < a->span_end && a->span->start_s < c->grid->horizon_s) {
		ev->kind = EV_LOGIN;
		cc_calendar_reschedule(c->cal, ev, a->span->start_s);
	} else {
		cc_calendar_release(c->cal, ev);
		a->shift_ev = NULL;
	}
}

static void on_login(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	cc_acct_agent(c, a);
	cc_acct_group(c, g);
	g->scheduled++;
	a->in_shift = 1;
	a->misses = 0; /* a new shift: the run of misses starts again */
	if (a->overtime) { /* still finishing the last shift's contacts: the new shift begins */
		g->overtime--;
		*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		a->overtime = 0;
		if (a->next_status == CC_AGENT_OFFLINE && !a->moving) {
			a->next_status = CC_NO_STATUS;
			cc_rec_event(c, a, NULL);
			cc_route_refresh(c, a);
		}
	}
	if (isfinite(a->span->end_s) && a->span->end_s < c->grid->horizon_s) {
		ev->kind = EV_LOGOUT;
		cc_calendar_reschedule(c->cal, ev, a->span->end_s);
	} else {
		cc_calendar_release(c->cal, ev);
		a->shift_ev = NULL;
	}
	int due_now = schedule_planned(c, a);
	start_clocks(c, a);
	if (due_now >= 0) { /* a status planned for the start of the shift comes first */
		const struct cc_planned_cfg *pl = &cfg->planned[due_now];
		request_status(c, a, pl->status, cc_dist_sample(&pl->duration, a->rng));
		return;
	}
	if (a->status != CC_AGENT_OFFLINE)
		return;
	if (c->scn->routing.idle_inbound)
		a->idle_since_s = c->now;
	double delay = cfg->login_status == CC_AGENT_AVAILABLE
	             ? 0 : cc_dist_sample(&cfg->login_delay, a->rng);
	if (delay <= 0)
		cc_agent_set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
	else
		cc_agent_set_status(c, a, cfg->login_status, delay);
}

/* The agent logs out now (holding nothing). */
static void logout_now(struct center *c, struct agent *a)
{
	a->next_status = CC_NO_STATUS;
	cc_agent_set_status(c, a, CC_AGENT_OFFLINE, INFINITY);
}

static void on_logout(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct group *g = &c->groups[a->group];
	cc_acct_agent(c, a);
	cc_acct_group(c, g);
	g->scheduled--;
	a->in_shift = 0;
	*araw(c, a, CC_AR_SCHEDULED) += c->now - a->span->start_s;
	stop_clocks(c, a);
	if (a->n_held == 0) {
		logout_now(c, a);
	} else { /* finish the contacts in hand, and their ACW, in overtime */
		if (a->status != CC_AGENT_OFFLINE) {
			g->overtime++;
			a->overtime = 1;
			a->overtime_since_s = c->now;
		}
		a->next_status = CC_AGENT_OFFLINE;
		cc_rec_event(c, a, NULL);
		cc_route_refresh(c, a);
	}
	next_login(c, a, ev);
}

static void on_status_end(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	cc_calendar_release(c->cal, ev);
	a->status_ev = NULL;
	if (a->status == CC_AGENT_RONA)
		cc_rona_status_end(c, a);
	else
		cc_agent_set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
}

void cc_agent_on_event(struct center *c, struct cc_event *ev)
{
	switch ((enum event_kind)ev->kind) {
	case EV_STATUS_END: on_status_end(c, ev); return;
	case EV_LOGIN: on_login(c, ev); return;
	case EV_LOGOUT: on_logout(c, ev); return;
	case EV_UNPLANNED: on_unplanned(c, ev); return;
	case EV_AWAY: on_away(c, ev); return;
	case EV_OUTBOUND: on_outbound(c, ev); return;
	default: break;
	}
	CC_ASSERT(ev->kind >= EV_PLANNED);
	on_planned(c, ev);
}

/* ---- set-up and the end ---- */

void cc_agent_setup(struct center *c)
{
	const struct cc_scenario *scn = c->scn;
	for (size_t g = 0; g < scn->n_groups; g++) {
		struct group *gr = &c->groups[g];
		cc_roster_build(gr->cfg, c->grid->horizon_s, &gr->roster);
		c->n_agents += gr->roster.agents;
		for (size_t u = 0; u < gr->cfg->n_unplanned; u++)
			gr->unplanned_per_hour += gr->cfg->unplanned[u].per_hour;
	}
	CC_NEW_ARRAY(c->agents, c->n_agents);
	c->awidth = CC_AR_COUNT + c->out->n_status;
	CC_ASSERT(c->n_agents == c->out->n_agents);
	size_t id = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		const struct cc_roster *r = &c->groups[g].roster;
		cc_route_add_agents(c, &c->groups[g], c->agents + id, r->agents);
		for (size_t i = 0; i < r->agents; i++, id++) {
			struct agent *a = &c->agents[id];
			a->id = (int32_t)id;
			a->group = (uint32_t)g;
			a->status = CC_AGENT_OFFLINE;
			a->next_status = CC_NO_STATUS;
			a->rank = r->rank[i];
			a->crew = r->crew[i];
			a->span = r->spans + r->first[i];
			a->span_end = r->spans + r->first[i + 1];
			a->rng = cc_rng_create(scn->seed, c->replication,
			                       cc_rng_source_id(scn->groups[g].name, CC_STREAM_AGENT + i));
			if (a->span < a->span_end)
				a->shift_ev = cc_calendar_schedule(c->cal, a->span->start_s, CLASS_STATUS_DUE,
				                                   EV_LOGIN, a);
		}
	}
}

void cc_agent_finish(struct center *c)
{
	for (size_t i = 0; i < c->n_agents; i++) {
		struct agent *a = &c->agents[i];
		cc_acct_agent(c, a);
		if (a->status != CC_AGENT_OFFLINE)
			*araw(c, a, CC_AR_STAFFED) += c->now - a->staffed_since_s;
		if (a->overtime)
			*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		if (a->in_shift)
			*araw(c, a, CC_AR_SCHEDULED) += c->now - a->span->start_s;
		if (is_npt(a->status)) /* a run still open counts up to the horizon */
			npt_run_end(c, a);
	}
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_acct_group(c, &c->groups[g]);
}
