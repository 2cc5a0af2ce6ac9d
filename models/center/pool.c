/*
 * The contact pool, contacts' attributes drawn on arrival, and a customer's linked records.
 */
#include "models/center/pool.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "models/center/accounting.h"
#include "sim/alloc.h"
#include "sim/dist.h"

enum { CONTACT_SLAB = 1024 };

struct contact *cc_pool_get(struct center *c)
{
	if (!c->free_contacts) {
		struct contact *slab = cc_calloc(CONTACT_SLAB, sizeof *slab);
		if (c->n_slabs == c->cap_slabs) {
			c->cap_slabs = c->cap_slabs ? 2 * c->cap_slabs : 16;
			c->slabs = cc_realloc(c->slabs, c->cap_slabs, sizeof *c->slabs);
		}
		c->slabs[c->n_slabs++] = slab;
		for (size_t i = 0; i < CONTACT_SLAB; i++) {
			slab[i].next = c->free_contacts;
			c->free_contacts = &slab[i];
		}
	}
	struct contact *k = c->free_contacts;
	c->free_contacts = k->next;
	memset(k, 0, sizeof *k);
	cc_heap_node_init(&k->qnode);
	k->factor = 1;
	k->id = c->next_contact_id++;
	k->initial_id = k->id;
	k->previous_id = k->next_id = -1;
	k->source_row = -1;
	k->interval = k->first_interval = -1;
	return k;
}

void cc_pool_release(struct center *c, struct contact *k)
{
	cc_acct_set_interval(c, k, -1);
	cc_acct_set_first_interval(c, k, -1);
	k->next = c->free_contacts;
	c->free_contacts = k;
}

void cc_pool_fini(struct center *c)
{
	for (size_t i = 0; i < c->n_slabs; i++)
		cc_free(c->slabs[i]);
	cc_free(c->slabs);
}

/*
 * Draws K's attributes from its queue's attribute stream, in a fixed order whatever
 * becomes of it (K's arrival time set): handle, patience, ACW, then (only where the queue
 * has them) the priority class, the pause and the quick connect it will be handed on by.
 */
static void draw_attributes(struct queue *q, struct contact *k)
{
	const struct cc_queue_cfg *cfg = q->cfg;
	/* Handle, patience and ACW given per step: the step K arrives in (the queue's own
	 * distributions when not). */
	double t = k->arrival_s;
	const struct cc_dist *handle = cc_queue_dist_at(&cfg->handle, &cfg->handle_steps, t);
	k->talk_s = cc_dist_sample(handle, q->attr_rng);
	/* A forecast's AHT rescales the one draw, so that the stream is used alike in every
	 * interval (common random numbers) and the distribution keeps its shape. */
	if (cfg->handle_mean_s)
		k->talk_s *= cc_queue_handle_mean(cfg, t) / handle->mean;
	k->patience_s = cfg->has_patience
	                ? cc_dist_sample(cc_queue_dist_at(&cfg->patience, &cfg->patience_steps, t),
	                                 q->attr_rng)
	                : INFINITY;
	k->acw_s = cc_dist_sample(cc_queue_dist_at(&cfg->acw, &cfg->acw_steps, t), q->attr_rng);
	k->work_s = k->talk_s;
	k->queued_s = k->arrival_s;
	if (cfg->n_priorities) {
		double u = gsl_rng_uniform(q->attr_rng);
		for (size_t i = 0; i < cfg->n_priorities; i++) {
			if (u < cfg->priorities[i].share) {
				k->head_start_s = cfg->priorities[i].head_start_s;
				k->queued_s -= k->head_start_s;
				break;
			}
			u -= cfg->priorities[i].share;
		}
	}
	if (cfg->pause.share > 0 && gsl_rng_uniform(q->attr_rng) < cfg->pause.share) {
		k->pause_s = cc_dist_sample(&cfg->pause.duration, q->attr_rng);
		k->pause_at_s = k->talk_s / 2;
	}
	if (cfg->n_transfers) {
		double u = gsl_rng_uniform(q->attr_rng);
		for (size_t i = 0; i < cfg->n_transfers; i++) {
			if (u < cfg->transfers[i].share) {
				k->xfer = (uint8_t)(i + 1);
				break;
			}
			u -= cfg->transfers[i].share;
		}
	}
}

void cc_pool_draw(struct center *c, struct queue *q, struct contact *k)
{
	k->queue = (uint32_t)(q - c->queues);
	k->channel = q->channel;
	k->arrival_s = c->now;
	draw_attributes(q, k);
	cc_acct_set_interval(c, k, cc_grid_index(c->grid, c->now));
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERED) += 1;
}

void cc_pool_replay(struct queue *q, struct contact *k, const struct cc_trace_call *call)
{
	const struct cc_queue_cfg *cfg = q->cfg;
	k->source_row = (int32_t)call->line;
	if (!isnan(call->handle_s)) {
		k->talk_s = k->work_s = call->handle_s;
		if (k->pause_s > 0)
			k->pause_at_s = k->talk_s / 2;
	}
	if (!isnan(call->patience_s))
		k->patience_s = call->patience_s;
	if (call->priority >= 0) {
		k->head_start_s = call->priority ? cfg->priorities[call->priority - 1].head_start_s : 0;
		k->queued_s = k->arrival_s - k->head_start_s;
	}
}

void cc_pool_follow(struct center *c, struct contact *next, struct contact *k)
{
	next->initial_id = k->initial_id;
	next->previous_id = k->id;
	next->first_arrival_s = k->first_arrival_s;
	cc_acct_set_first_interval(c, next, k->first_interval);
	next->first_queue = k->first_queue;
	next->redials = k->redials;
	next->source_row = k->source_row;
	k->next_id = next->id;
}
