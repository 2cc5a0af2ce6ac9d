/*
 * Regions, as Amazon Connect's traffic distribution groups work. Every queue exists in every
 * region; each arrival of a line goes to the region the traffic distribution of the moment
 * draws. Scheduled changes alter the distribution and may move agent groups to another
 * region. A moved agent's offers still ringing go back to their queues; it finishes its
 * voice contacts (and any hand-over under way) first; its chat, email and task contacts end
 * at once, and their customers may start again, routed by the distribution of that moment;
 * then the agent arrives Offline, and chooses Available after a while (at once with a
 * desktop that does it).
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/contact.h"
#include "models/center/pool.h"
#include "models/center/records.h"
#include "models/center/region.h"
#include "models/center/routing.h"
#include "models/center/transfer.h"
#include "sim/alloc.h"
#include "sim/dist.h"
#include "sim/rng.h"

/* Stream purpose within a line's name (after its arrivals and attributes). */

void cc_region_setup(struct center *c)
{
	const struct cc_scenario *scn = c->scn;
	const struct cc_regions_cfg *r = &scn->regions;
	CC_NEW_ARRAY(c->shares, r->n);
	memcpy(c->shares, r->shares, r->n * sizeof *c->shares);
	for (size_t i = 0; i < c->n_agents; i++) {
		struct group *g = &c->groups[c->agents[i].group];
		if (!g->n_agents++)
			g->first_agent = i;
	}
	if (r->n > 1 || r->n_changes)
		for (size_t i = 0; i < scn->n_lines; i++)
			c->queues[i].region_rng = cc_rng_create(scn->seed, c->replication,
			                                        cc_center_line_stream(scn->queues[i].name,
			                                                         CC_STREAM_REGION));
	for (size_t i = 0; i < r->n_changes; i++)
		if (r->changes[i].at_s < c->grid->horizon_s)
			cc_calendar_schedule(c->cal, r->changes[i].at_s, CLASS_STATUS_DUE, EV_TRAFFIC,
			                     (void *)&r->changes[i]);
}

void cc_region_teardown(struct center *c)
{
	for (size_t i = 0; i < c->scn->n_lines; i++)
		if (c->queues[i].region_rng)
			gsl_rng_free(c->queues[i].region_rng);
	cc_free(c->shares);
}

struct queue *cc_region_route(struct center *c, struct queue *line)
{
	size_t n = c->scn->regions.n;
	if (n == 1)
		return line;
	double u = gsl_rng_uniform(line->region_rng);
	size_t r, last = 0;
	for (r = 0; r < n; r++) {
		if (c->shares[r] <= 0)
			continue;
		if (u < c->shares[r])
			break;
		u -= c->shares[r];
		last = r;
	}
	if (r == n) /* rounding past the end: the last region with a share */
		r = last;
	return &c->queues[r * c->scn->n_lines + line->cfg->line];
}

void cc_region_restart(struct center *c, struct contact *k)
{
	const struct cc_regions_cfg *r = &c->scn->regions;
	struct queue *line = &c->queues[c->queues[k->queue].cfg->line];
	if (k->gone) /* its customer had left silently: nobody to start again */
		return;
	if (!(r->restart > 0) || (r->restart < 1 && gsl_rng_uniform(line->region_rng) >= r->restart))
		return;
	struct contact *next = cc_pool_get(c);
	cc_pool_follow(c, next, k);
	next->queue = (uint32_t)(line - c->queues);
	next->channel = k->channel;
	next->arrival_s = c->now;
	cc_acct_set_interval(c, next, -1); /* counted where it arrives */
	cc_center_list_push(&c->restarting, next);
	c->out->counts.restarts++;
	next->ev = cc_calendar_schedule(c->cal,
	                                c->now + cc_dist_sample(&r->restart_delay, line->region_rng),
	                                CLASS_ARRIVAL, EV_RESTART, next);
}

/* The customer of K starts again: a new contact where the traffic now goes. */
static void on_restart(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_center_list_remove(&c->restarting, k);
	struct queue *q = cc_region_route(c, &c->queues[k->queue]);
	cc_pool_draw(c, q, k);
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_RESTARTS_IN) += 1;
	cc_contact_admit(c, q, k, 1);
}

void cc_region_arrive(struct center *c, struct agent *a)
{
	const struct cc_regions_cfg *r = &c->scn->regions;
	a->moving = 0;
	a->next_status = CC_NO_STATUS;
	if (!a->in_shift) { /* its shift ended meanwhile */
		cc_agent_set_status(c, a, CC_AGENT_OFFLINE, INFINITY);
		return;
	}
	if (r->automatic) {
		cc_agent_set_status(c, a, CC_AGENT_OFFLINE, INFINITY);
		cc_agent_set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
		return;
	}
	cc_agent_set_status(c, a, CC_AGENT_OFFLINE, cc_dist_sample(&r->available_after, a->rng));
}

/* A is moved to its group's new region. */
static void move_agent(struct center *c, struct agent *a)
{
	if (a->status == CC_AGENT_OFFLINE && !a->n_held)
		return; /* not logged in: it logs in there */
	cc_acct_gcount(c, a->group, CC_GR_MOVED, c->now, 1);
	a->moving = 1;
	a->next_status = CC_AGENT_OFFLINE; /* no new contacts; the move wins over a status due */
	cc_rec_event(c, a, NULL);
	cc_route_refresh(c, a);
	for (struct contact *k = a->held, *next; k; k = next) {
		next = k->next;
		if (k->state == K_RING) { /* an offer not yet taken goes back to its queue */
			cc_contact_end_now(c, k);
			continue;
		}
		if (!cc_region_ends(k->channel))
			continue;
		switch ((enum kstate)k->state) {
		case K_TALK: case K_PAUSED: case K_ACW:
			cc_contact_end_now(c, k);
			break;
		case K_HOLD: /* waiting for a queue's agent to take a consult: the agent lets go */
			cc_transfer_let_go(c, k);
			break;
		default: /* a hand-over under way finishes first (its parts are bounded) */
			break;
		}
	}
	if (a->moving && !a->n_held)
		cc_agent_after_contact(c, a);
}

static void on_traffic(struct center *c, struct cc_event *ev)
{
	const struct cc_traffic_change_cfg *ch = ev->subject;
	cc_calendar_release(c->cal, ev);
	if (ch->shares)
		memcpy(c->shares, ch->shares, c->scn->regions.n * sizeof *c->shares);
	for (size_t m = 0; m < ch->n_moves; m++) {
		struct group *g = &c->groups[ch->moves[m].group];
		if (g->region == ch->moves[m].to)
			continue;
		cc_route_move_group(c, g, ch->moves[m].to);
		for (size_t i = 0; i < g->n_agents; i++)
			move_agent(c, &c->agents[g->first_agent + i]);
	}
}

void cc_region_on_event(struct center *c, struct cc_event *ev)
{
	if (ev->kind == EV_RESTART)
		on_restart(c, ev);
	else
		on_traffic(c, ev);
}
