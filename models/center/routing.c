/*
 * Matching contacts and agents. Two kinds of index keep every decision to a few firsts:
 * per group and channel, the agents who can take one more contact of the channel (a ready
 * set, below); per queue, its waiting contacts (a heap). A contact looks only at the top
 * agent of each group serving its queue; an agent only at the head of each queue of its
 * profile. The policy ranks those few candidates (models/policies/policy.h), and the match
 * goes back to the caller, which makes the offer.
 *
 * Only the head of a queue need be considered: it has waited longest (counting head
 * starts), so when it is not yet eligible for a group no contact behind it is, and when it
 * is eligible and a free agent of the group would take it, it is matched (and offered) at
 * once. So the invariant after every event: no queue's head is eligible for a free agent who
 * can take its channel. Delays are kept by one timer per queue, at the head's next threshold.
 */
#include <math.h>
#include <stdlib.h>

#include "models/center/accounting.h"
#include "models/center/routing.h"
#include "sim/alloc.h"
#include "sim/macros.h"

#define CONTACT_OF(node) CC_CONTAINER_OF(node, struct contact, qnode)
#define READY_OF(node) CC_CONTAINER_OF(node, struct ready_node, hn)

/* Free agents: fewest contacts of the channel in hand, then longest idle, then first free. */
static inline int ready_node_before(const struct ready_node *a, const struct ready_node *b)
{
	if (a->load != b->load)
		return a->load < b->load;
	if (a->idle_s != b->idle_s)
		return a->idle_s < b->idle_s;
	return a->seq < b->seq;
}

static int ready_before(const struct cc_heap_node *x, const struct cc_heap_node *y)
{
	return ready_node_before(READY_OF(x), READY_OF(y));
}

/*
 * Ready sets. The order is (load, idle_s, seq), as a heap of all the group's free agents
 * would give, but an agent's place is found in O(1) in the common case: the level of its
 * load is one array index away, and in a level an agent whose idle timer starts now (with
 * the "activity" idle timer, every one but those freed by a hand-over) comes after every
 * agent there, so it joins a queue at its tail. Only an agent that would not (an older idle
 * timer, as the "inbound" timer gives) goes to the level's heap; the level's first is the
 * first of its queue's head and its heap's top. The set keeps its first agent, which every
 * routing decision reads.
 */

/* The first agent of level L, or NULL. */
static struct ready_node *level_first(const struct ready_level *l)
{
	struct cc_heap_node *top = cc_heap_top(&l->late);
	if (!top)
		return l->head;
	struct ready_node *late = READY_OF(top);
	return l->head && ready_node_before(l->head, late) ? l->head : late;
}

/* The first agent of the set: that of its lowest level not empty. */
static struct ready_node *set_first(const struct ready_set *rs)
{
	for (int i = 0; i < rs->n_levels; i++) {
		struct ready_node *x = level_first(&rs->levels[i]);
		if (x)
			return x;
	}
	return NULL;
}

static inline void set_first_is(struct ready_set *rs, struct ready_node *x)
{
	rs->first = x;
	if (x) {
		rs->first_load = x->load;
		rs->first_idle_s = x->idle_s;
	}
}

/* Puts X (its keys set, LOAD below the concurrency) in RS. */
static void set_insert(struct ready_set *rs, struct ready_node *x)
{
	CC_ASSERT(x->load >= 0 && x->load < rs->n_levels);
	struct ready_level *l = &rs->levels[x->load];
	if (!l->tail || !ready_node_before(x, l->tail)) {
		x->prev = l->tail;
		x->next = NULL;
		if (l->tail)
			l->tail->next = x;
		else
			l->head = x;
		l->tail = x;
	} else {
		cc_heap_push(&l->late, &x->hn);
	}
	if (!rs->first || ready_node_before(x, rs->first))
		set_first_is(rs, x);
}

static void set_remove(struct ready_set *rs, struct ready_node *x)
{
	struct ready_level *l = &rs->levels[x->load];
	if (cc_heap_contains(&x->hn)) {
		cc_heap_remove(&l->late, &x->hn);
	} else {
		if (x->prev)
			x->prev->next = x->next;
		else
			l->head = x->next;
		if (x->next)
			x->next->prev = x->prev;
		else
			l->tail = x->prev;
		x->prev = x->next = NULL;
	}
	x->load = -1;
	if (rs->first == x)
		set_first_is(rs, set_first(rs));
}

/* Waiting contacts: by the time they count as queued from, then by arrival order. */
static int waiting_before(const struct cc_heap_node *x, const struct cc_heap_node *y)
{
	const struct contact *a = CONTACT_OF(x), *b = CONTACT_OF(y);
	if (a->queued_s != b->queued_s)
		return a->queued_s < b->queued_s;
	return a->id < b->id;
}

void cc_route_refresh(struct center *c, struct agent *a)
{
	struct group *g = &c->groups[a->group];
	for (size_t i = 0; i < g->n_channels; i++) {
		int ch = g->channels[i];
		struct ready_node *rn = &a->ready[i];
		int want = cc_route_can_take(c, a, ch);
		if (rn->load >= 0) {
			if (want && rn->load == a->held_ch[ch] && rn->idle_s == a->idle_since_s)
				continue; /* unchanged: it keeps its place */
			set_remove(&g->ready[ch], rn);
		}
		if (want) {
			rn->load = a->held_ch[ch];
			rn->idle_s = a->idle_since_s;
			rn->seq = c->ready_seq++;
			set_insert(&g->ready[ch], rn);
		}
	}
}

/* The agent whose ready node of group G is X. */
static struct agent *agent_of(const struct group *g, const struct ready_node *x)
{
	return g->ready_agents + x->agent;
}

struct agent *cc_route_free_agent(const struct group *g, int ch)
{
	const struct ready_node *first = g->ready[ch].first;
	return first ? agent_of(g, first) : NULL;
}

struct agent *cc_route_find_agent(struct center *c, const struct queue *q,
                                  const struct contact *k)
{
	struct cc_agent_choice best = { 0 };
	struct agent *found = NULL;
	for (size_t i = 0; i < q->n_servers; i++) {
		const struct cc_route_edge *e = q->servers[i];
		const struct group *g = &c->groups[e->group];
		const struct ready_set *rs = &g->ready[q->channel];
		if (!rs->first || !cc_route_eligible(c, k, e))
			continue;
		struct cc_agent_choice cand = { e, rs->first_load, rs->first_idle_s };
		if (!found || c->policy->agent_before(&cand, &best)) {
			best = cand;
			found = agent_of(g, rs->first);
		}
	}
	return found;
}

void cc_route_tick(struct center *c, struct queue *q)
{
	if (!q->n_thresholds)
		return;
	const struct contact *k = cc_route_head(q);
	double t = INFINITY;
	for (size_t i = 0; k && i < q->n_thresholds; i++)
		if (k->queued_s + q->thresholds[i] > c->now) {
			t = k->queued_s + q->thresholds[i];
			break;
		}
	if (!(t < c->grid->horizon_s))
		cc_center_cancel(c, &q->tick);
	else if (q->tick)
		cc_calendar_move(c->cal, q->tick, t);
	else
		q->tick = cc_calendar_schedule(c->cal, t, CLASS_ARRIVAL, EV_ELIGIBLE, q);
}

void cc_route_push(struct center *c, struct queue *q, struct contact *k)
{
	cc_acct_queue(c, q);
	const struct contact *head = cc_route_head(q);
	cc_heap_push(&q->waiting, &k->qnode);
	if (head != cc_route_head(q))
		cc_route_tick(c, q);
}

void cc_route_remove(struct center *c, struct queue *q, struct contact *k)
{
	cc_acct_queue(c, q);
	int was_head = k == cc_route_head(q);
	cc_heap_remove(&q->waiting, &k->qnode);
	if (was_head)
		cc_route_tick(c, q);
}

int cc_route_match_queue(struct center *c, struct queue *q, struct cc_match *m)
{
	struct contact *k = cc_route_head(q);
	struct agent *a = k ? cc_route_find_agent(c, q, k) : NULL;
	if (!a)
		return 0;
	cc_route_remove(c, q, k);
	*m = (struct cc_match){ k, q, a };
	return 1;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Lists, for every queue, the edges of the groups now in its region (in group order), and
 * the waits at which another of them becomes eligible. */
static void link_servers(struct center *c)
{
	const struct cc_scenario *scn = c->scn;
	for (size_t i = 0; i < scn->n_queues; i++)
		c->queues[i].n_servers = c->queues[i].n_thresholds = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		for (size_t i = 0; i < c->groups[g].n_edges; i++) {
			const struct cc_route_edge *e = &c->groups[g].edges[i];
			struct queue *q = &c->queues[e->queue];
			q->servers[q->n_servers++] = e;
			if (e->eligible_s > 0 && isfinite(e->eligible_s))
				q->thresholds[q->n_thresholds++] = e->eligible_s;
		}
	}
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		qsort(q->thresholds, q->n_thresholds, sizeof *q->thresholds, cmp_double);
		size_t n = 0;
		for (size_t t = 0; t < q->n_thresholds; t++)
			if (n == 0 || q->thresholds[t] != q->thresholds[n - 1])
				q->thresholds[n++] = q->thresholds[t];
		q->n_thresholds = n;
	}
}

void cc_route_setup(struct center *c)
{
	const struct cc_scenario *scn = c->scn;
	size_t n_regions = scn->regions.n;
	c->policy = cc_policy_find(scn->routing.policy);
	CC_ASSERT(c->policy);
	/* Every queue can have, as servers, every edge to its line. */
	size_t *per_line;
	CC_NEW_ARRAY(per_line, scn->n_lines);
	for (size_t g = 0; g < scn->n_groups; g++) {
		struct group *gr = &c->groups[g];
		gr->profile = &scn->profiles[gr->cfg->routing];
		gr->n_edges = gr->profile->n_queues;
		CC_NEW_ARRAY(gr->edges_all, gr->n_edges * n_regions);
		for (size_t r = 0; r < n_regions; r++)
			for (size_t i = 0; i < gr->n_edges; i++) {
				const struct cc_profile_queue_cfg *pq = &gr->profile->queues[i];
				struct cc_route_edge *e = &gr->edges_all[r * gr->n_edges + i];
				*e = (struct cc_route_edge){ .group = (uint32_t)g,
				                             .queue = (uint32_t)(r * scn->n_lines + pq->queue),
				                             .priority = pq->priority, .level = pq->level,
				                             .delay_s = pq->delay_s };
				e->eligible_s = c->policy->eligible(scn, e);
			}
		for (size_t i = 0; i < gr->n_edges; i++)
			per_line[gr->profile->queues[i].queue]++;
		gr->edges = gr->edges_all + gr->region * gr->n_edges;
		for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
			struct ready_set *rs = &gr->ready[ch];
			rs->n_levels = gr->profile->concurrency[ch];
			if (!rs->n_levels)
				continue;
			gr->channels[gr->n_channels++] = (uint8_t)ch;
			CC_NEW_ARRAY(rs->levels, (size_t)rs->n_levels);
			for (int l = 0; l < rs->n_levels; l++)
				cc_heap_init(&rs->levels[l].late, ready_before);
		}
	}
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		cc_heap_init(&q->waiting, waiting_before);
		CC_NEW_ARRAY(q->servers, per_line[q->cfg->line]);
		CC_NEW_ARRAY(q->thresholds, per_line[q->cfg->line]);
	}
	cc_free(per_line);
	link_servers(c);
}

void cc_route_move_group(struct center *c, struct group *g, size_t region)
{
	for (size_t i = 0; i < g->n_edges; i++) /* its staffed agents now serve the new queues */
		c->queues[g->edges[i].queue].serving -= g->staffed;
	g->region = region;
	g->edges = g->edges_all + region * g->n_edges;
	for (size_t i = 0; i < g->n_edges; i++)
		c->queues[g->edges[i].queue].serving += g->staffed;
	link_servers(c);
	for (size_t i = 0; i < c->scn->n_queues; i++)
		cc_route_tick(c, &c->queues[i]);
}

void cc_route_add_agents(struct center *c, struct group *g, struct agent *agents, size_t n)
{
	(void)c;
	CC_NEW_ARRAY(g->ready_nodes, n * g->n_channels);
	g->ready_agents = agents;
	for (size_t i = 0; i < n; i++) {
		agents[i].ready = g->ready_nodes + i * g->n_channels;
		for (size_t k = 0; k < g->n_channels; k++) {
			struct ready_node *rn = &agents[i].ready[k];
			cc_heap_node_init(&rn->hn);
			rn->load = -1;
			rn->agent = (uint32_t)i;
		}
	}
}

void cc_route_teardown(struct center *c)
{
	for (size_t g = 0; g < c->scn->n_groups; g++) {
		for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
			struct ready_set *rs = &c->groups[g].ready[ch];
			for (int l = 0; l < rs->n_levels; l++)
				cc_heap_fini(&rs->levels[l].late);
			cc_free(rs->levels);
		}
		cc_free(c->groups[g].ready_nodes);
		cc_free(c->groups[g].edges_all);
	}
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		cc_heap_fini(&c->queues[i].waiting);
		cc_free(c->queues[i].servers);
		cc_free(c->queues[i].thresholds);
	}
}
