#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario/loader.h"
#include "sim/alloc.h"

/* Routing-profile priorities (Amazon Connect's range), skill levels, callback retries. */
#define MAX_PRIORITY 99
#define MAX_LEVEL 20
#define MAX_RETRIES 100
#define MAX_PER_HOUR 1e7

static enum cc_status load_arrivals(struct loader *L, const config_setting_t *s,
                                    double scn_interval_s, struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "process", "per_hour", "step", NULL };
	enum cc_status st = cc_load_keys_named(L, s, keys);
	if (st)
		return st;
	const char *process = "poisson";
	if ((st = cc_load_string(L, s, "process", 0, &process)))
		return st;
	if (strcmp(process, "poisson") == 0)
		q->process = CC_ARRIVALS_POISSON;
	else if (strcmp(process, "deterministic") == 0)
		q->process = CC_ARRIVALS_DETERMINISTIC;
	else
		return cc_load_fail(L, s, "process",
		            "unknown process \"%s\" (expected poisson or deterministic)", process);
	config_setting_t *rate;
	if ((st = cc_load_member(L, s, "per_hour", 1, &rate)))
		return st;
	if (cc_load_is_number(rate)) {
		q->n_rates = 1;
		q->per_hour = cc_calloc(1, sizeof *q->per_hour);
		q->per_hour[0] = cc_load_number_of(rate);
	} else if ((st = cc_load_vector(L, rate, 0, &q->per_hour, &q->n_rates))) {
		return st;
	}
	if (q->n_rates == 0)
		return cc_load_fail(L, rate, NULL, "must list at least one rate");
	for (size_t i = 0; i < q->n_rates; i++)
		if (!(q->per_hour[i] >= 0) || !(q->per_hour[i] <= MAX_PER_HOUR))
			return cc_load_fail(L, q->n_rates == 1 && cc_load_is_number(rate) ? rate
			               : config_setting_get_elem(rate, (unsigned)i),
			            NULL, "must be a rate from 0 to %.0f contacts per hour (got %g)",
			            MAX_PER_HOUR, q->per_hour[i]);
	q->rate_width_s = scn_interval_s;
	return cc_load_duration(L, s, "step", 0, &q->rate_width_s) ? CC_ERR_SCENARIO
	       : q->rate_width_s > 0 ? CC_OK : cc_load_fail(L, s, "step", "must be positive");
}

/* rona_requeue = "original" | "tail": where a contact goes back after ringing in vain. */
static enum cc_status get_requeue(struct loader *L, const config_setting_t *s,
                                  enum cc_requeue *out)
{
	const char *requeue = "original";
	enum cc_status st = cc_load_string(L, s, "rona_requeue", 0, &requeue);
	if (st)
		return st;
	if (strcmp(requeue, "original") == 0)
		*out = CC_REQUEUE_ORIGINAL;
	else if (strcmp(requeue, "tail") == 0)
		*out = CC_REQUEUE_TAIL;
	else
		return cc_load_fail(L, s, "rona_requeue",
		            "unknown place \"%s\" (expected original or tail)", requeue);
	return CC_OK;
}

/* The defaults of every optional queue setting; every distribution is usable as it is, and
 * a callback queue without dialing settings dials at once, reaching everyone. */
static void queue_defaults(struct cc_queue_cfg *q)
{
	cc_dist_init_constant(&q->pause.duration, 0);
	q->callback.queue = -1;
	q->callback.accept = 1;
	q->callback.estimate = CC_ESTIMATE_QUEUE;
	cc_dist_init_constant(&q->dialing.pending, 0);
	cc_dist_init_constant(&q->dialing.dial, 0);
	q->dialing.reach = 1;
	q->dialing.retry_delay_s = 300;
}

/* Refuses KEY of queue S unless the queue's channel is CH. */
static enum cc_status only_on(struct loader *L, const config_setting_t *s, const char *key,
                              const struct cc_queue_cfg *q, enum cc_channel ch)
{
	if (!config_setting_get_member(s, key) || q->channel == ch)
		return CC_OK;
	return cc_load_fail(L, s, key, "is for %s queues only (this is a %s queue)", cc_channel_name(ch),
	            cc_channel_name(q->channel));
}

/* priorities = ( { share = 0.1; head_start = "2m"; }, ... ) */
static enum cc_status load_priorities(struct loader *L, const config_setting_t *s,
                                      struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "share", "head_start", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = cc_load_optional_list(L, s, "priorities", &list, &n);
	if (st || !list)
		return st;
	if (n == 0)
		return cc_load_fail(L, list, NULL, "must list at least one class (leave priorities out for none)");
	q->priorities = cc_calloc(n, sizeof *q->priorities);
	q->n_priorities = n;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_priority_cfg *p = &q->priorities[i];
		config_setting_t *m;
		if ((st = cc_load_keys_named(L, e, keys)) || (st = cc_load_member(L, e, "share", 1, &m)) ||
		    (st = cc_load_share(L, e, "share", &p->share)) ||
		    (st = cc_load_duration(L, e, "head_start", 1, &p->head_start_s)))
			return st;
		total += p->share;
		/* A little slack, so that shares such as 0.1, 0.2 and 0.7 add up. */
		if (total > 1 + 1e-9)
			return cc_load_fail(L, e, "share", "brings the classes' shares to %g: together at most 1 "
			            "(the other contacts get no head start)", total);
	}
	return CC_OK;
}

/* pause = { share = 0.3; duration = { ... }; } (task queues) */
static enum cc_status load_pause(struct loader *L, const config_setting_t *s,
                                 struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "share", "duration", NULL };
	const config_setting_t *m = config_setting_get_member(s, "pause");
	enum cc_status st = only_on(L, s, "pause", q, CC_CHANNEL_TASK);
	if (st || !m)
		return st;
	if ((st = cc_load_keys_named(L, m, keys)) || (st = cc_load_share(L, m, "share", &q->pause.share)))
		return st;
	return cc_load_dist(L, m, "duration", q->pause.share > 0, &q->pause.duration, NULL);
}

/* callback = { queue = "cb"; threshold = "2m"; accept = 0.5; estimate = "queue"; } (voice
 * queues). The queue is looked up once every queue is loaded (link_callbacks). */
static enum cc_status load_callback(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "queue", "threshold", "accept", "estimate", NULL };
	const config_setting_t *m = config_setting_get_member(s, "callback");
	enum cc_status st = only_on(L, s, "callback", q, CC_CHANNEL_VOICE);
	if (st || !m)
		return st;
	struct cc_callback_offer_cfg *c = &q->callback;
	const char *queue, *estimate = "queue";
	if ((st = cc_load_keys_named(L, m, keys)) || (st = cc_load_string(L, m, "queue", 1, &queue)) ||
	    (st = cc_load_duration(L, m, "threshold", 0, &c->threshold_s)) ||
	    (st = cc_load_share(L, m, "accept", &c->accept)) ||
	    (st = cc_load_string(L, m, "estimate", 0, &estimate)))
		return st;
	if (strcmp(estimate, "queue") == 0)
		c->estimate = CC_ESTIMATE_QUEUE;
	else if (strcmp(estimate, "oldest") == 0)
		c->estimate = CC_ESTIMATE_OLDEST;
	else
		return cc_load_fail(L, m, "estimate", "unknown estimate \"%s\" (expected queue or oldest)",
		            estimate);
	return CC_OK;
}

/* dialing = { pending = { ... }; dial = { ... }; reach = 0.8; retries = 2; retry_delay = "10m"; }
 * (callback queues) */
static enum cc_status load_dialing(struct loader *L, const config_setting_t *s,
                                   struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "pending", "dial", "reach", "retries", "retry_delay",
	                                    NULL };
	const config_setting_t *m = config_setting_get_member(s, "dialing");
	enum cc_status st = only_on(L, s, "dialing", q, CC_CHANNEL_CALLBACK);
	if (st || !m)
		return st;
	struct cc_callback_dial_cfg *d = &q->dialing;
	long long retries = 0;
	if ((st = cc_load_keys_named(L, m, keys)) || (st = cc_load_dist(L, m, "pending", 0, &d->pending, NULL)) ||
	    (st = cc_load_dist(L, m, "dial", 0, &d->dial, NULL)) ||
	    (st = cc_load_share(L, m, "reach", &d->reach)) ||
	    (st = cc_load_whole(L, m, "retries", 0, 0, MAX_RETRIES, &retries)) ||
	    (st = cc_load_duration(L, m, "retry_delay", 0, &d->retry_delay_s)))
		return st;
	d->retries = (int)retries;
	return CC_OK;
}

/* rings = ( { after = "0s"; level = 8; }, { after = "20s"; level = 5; } ) */
static enum cc_status load_rings(struct loader *L, const config_setting_t *s,
                                 struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "after", "level", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = cc_load_optional_list(L, s, "rings", &list, &n);
	if (st || !list)
		return st;
	if (n == 0)
		return cc_load_fail(L, list, NULL, "must list at least one ring (leave rings out for one ring "
		            "of every level)");
	q->rings = cc_calloc(n, sizeof *q->rings);
	q->n_rings = n;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_ring_cfg *r = &q->rings[i];
		long long level;
		if ((st = cc_load_keys_named(L, e, keys)) || (st = cc_load_duration(L, e, "after", 1, &r->after_s)) ||
		    (st = cc_load_whole(L, e, "level", 1, 1, MAX_LEVEL, &level)))
			return st;
		r->level = (int)level;
		if (i > 0 && !(r->after_s > q->rings[i - 1].after_s))
			return cc_load_fail(L, e, "after", "must be later than the previous ring's (%gs): rings "
			            "open one after another", q->rings[i - 1].after_s);
		if (i > 0 && r->level >= q->rings[i - 1].level)
			return cc_load_fail(L, e, "level", "must be below the previous ring's (%d): each ring "
			            "admits lower skill levels than the last", q->rings[i - 1].level);
	}
	return CC_OK;
}

/* The transfer flow and the whispers, by default (Amazon Connect's default transfer flow
 * plays a short prompt; the whispers name the queue or the caller). */
#define TRANSFER_FLOW_S 3.0
#define AGENT_WHISPER_S 2.0
#define CUSTOMER_WHISPER_S 1.0
/* A consult lasts half a minute by default; a conference, a minute. */
#define CONSULT_S 30.0
#define CONFERENCE_S 60.0
/* How long a first agent waits for a queue's agent to take a consult or conference. */
#define MAX_WAIT_S 120.0

static const char *const transfer_modes[] = { "cold", "consult", "conference" };

/* Every time of a quick connect starts usable, at 0 s; it has no target yet. */
static void quick_connect_defaults(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_init_constant(dists[i], 0);
	qc->target = -1;
	qc->agent = -1;
	qc->fallback = -1;
}

void cc_load_quick_connect_fini(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_fini(dists[i]);
}

/*
 * A time of quick connect E at KEY: E's own, else that of the queue's transfer group OUTER,
 * else DEFAULT_S. Each quick connect reads its own copy from the file, so that it owns its
 * distribution (an empirical one owns its table).
 */
static enum cc_status inherit_timing(struct loader *L, const config_setting_t *e,
                                     const config_setting_t *outer, const char *key,
                                     double default_s, struct cc_dist *out)
{
	cc_dist_init_constant(out, default_s);
	return cc_load_timing(L, config_setting_get_member(e, key) ? e : outer, key, 0, out);
}

/* How a quick connect hands over: mode = "cold" | "consult" | "conference". */
static enum cc_status get_transfer_mode(struct loader *L, const config_setting_t *e,
                                        enum cc_transfer_mode *out)
{
	const char *mode = "cold";
	enum cc_status st = cc_load_string(L, e, "mode", 0, &mode);
	if (st)
		return st;
	for (size_t m = 0; m < sizeof transfer_modes / sizeof transfer_modes[0]; m++)
		if (strcmp(mode, transfer_modes[m]) == 0) {
			*out = (enum cc_transfer_mode)m;
			return CC_OK;
		}
	return cc_load_fail(L, e, "mode", "unknown mode \"%s\" (expected cold, consult or conference)", mode);
}

/* Exactly one target: queue, group or external = true. */
static enum cc_status get_transfer_kind(struct loader *L, const config_setting_t *e,
                                        enum cc_transfer_kind *out)
{
	static const char *const targets[] = { "queue", "group", "external" };
	static const enum cc_transfer_kind kinds[] = { CC_TRANSFER_QUEUE, CC_TRANSFER_AGENT,
	                                               CC_TRANSFER_EXTERNAL };
	int external = 0;
	enum cc_status st = cc_load_bool(L, e, "external", &external);
	if (st)
		return st;
	const char *given = NULL;
	for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++) {
		if (!config_setting_get_member(e, targets[k]) || (kinds[k] == CC_TRANSFER_EXTERNAL && !external))
			continue;
		if (given)
			return cc_load_fail(L, e, targets[k], "give only one of queue, group and external = true "
			            "(%s is given too)", given);
		given = targets[k];
		*out = kinds[k];
	}
	if (!given)
		return cc_load_fail(L, e, NULL, "has no target: give queue (a queue's name), group (an agent "
		            "group's name) or external = true");
	return CC_OK;
}

/*
 * One quick connect: { share = 0.2; queue = "billing"; mode = "consult"; ... }. OUTER is the
 * queue's transfer group (whose flow and whispers are the defaults) and S the queue itself
 * (whose handle and ACW are the defaults of an agent's). The names of queues and groups are
 * looked up once everything is loaded (link_transfers).
 */
static enum cc_status load_quick_connect(struct loader *L, const config_setting_t *e,
                                         const config_setting_t *outer,
                                         const config_setting_t *s, struct cc_quick_connect_cfg *qc)
{
	static const char *const keys[] = { "share", "queue", "group", "external", "agent", "mode",
	                                    "flow", "agent_whisper", "customer_whisper", "consult",
	                                    "conference", "reject", "handle", "acw", "fallback",
	                                    "max_wait", "description", NULL };
	static const char *const agent_only[] = { "agent", "reject", "handle", "acw", "fallback" };
	static const char *const flow_keys[] = { "flow", "agent_whisper", "customer_whisper" };
	quick_connect_defaults(qc);
	config_setting_t *m;
	enum cc_status st;
	if ((st = cc_load_keys_named(L, e, keys)) || (st = cc_load_member(L, e, "share", 1, &m)) ||
	    (st = cc_load_share(L, e, "share", &qc->share)) || (st = get_transfer_kind(L, e, &qc->kind)) ||
	    (st = get_transfer_mode(L, e, &qc->mode)))
		return st;
	if (qc->kind != CC_TRANSFER_AGENT)
		for (size_t k = 0; k < sizeof agent_only / sizeof agent_only[0]; k++)
			if (config_setting_get_member(e, agent_only[k]))
				return cc_load_fail(L, e, agent_only[k], "is for transfers to an agent group only "
				            "(this one goes to %s)", qc->kind == CC_TRANSFER_QUEUE ? "a queue"
				            : "an outside number");
	if (qc->kind == CC_TRANSFER_EXTERNAL)
		for (size_t k = 0; k < sizeof flow_keys / sizeof flow_keys[0]; k++)
			if (config_setting_get_member(e, flow_keys[k]))
				return cc_load_fail(L, e, flow_keys[k], "an external transfer has no flow and no "
				            "whispers: the contact leaves the center at once");
	if (qc->mode == CC_TRANSFER_COLD && config_setting_get_member(e, "consult"))
		return cc_load_fail(L, e, "consult", "a cold transfer has no consult (give mode = \"consult\" "
		            "or \"conference\")");
	if (qc->mode != CC_TRANSFER_CONFERENCE && config_setting_get_member(e, "conference"))
		return cc_load_fail(L, e, "conference", "is for mode = \"conference\" only (this transfer is "
		            "%s)", transfer_modes[qc->mode]);
	if ((qc->kind != CC_TRANSFER_QUEUE || qc->mode == CC_TRANSFER_COLD) &&
	    config_setting_get_member(e, "max_wait"))
		return cc_load_fail(L, e, "max_wait", "is for a consult or conference through a queue only "
		            "(the first agent's wait for the queue's agent)");
	qc->max_wait_s = MAX_WAIT_S;
	if ((st = cc_load_duration(L, e, "max_wait", 0, &qc->max_wait_s)))
		return st;
	if (qc->kind != CC_TRANSFER_EXTERNAL &&
	    ((st = inherit_timing(L, e, outer, "flow", TRANSFER_FLOW_S, &qc->flow)) ||
	     (st = inherit_timing(L, e, outer, "agent_whisper", AGENT_WHISPER_S, &qc->agent_whisper)) ||
	     (st = inherit_timing(L, e, outer, "customer_whisper", CUSTOMER_WHISPER_S,
	                          &qc->customer_whisper))))
		return st;
	if (qc->mode != CC_TRANSFER_COLD) {
		cc_dist_init_constant(&qc->consult, qc->mode == CC_TRANSFER_CONSULT ? CONSULT_S : 0);
		if ((st = cc_load_timing(L, e, "consult", 0, &qc->consult)))
			return st;
	}
	if (qc->mode == CC_TRANSFER_CONFERENCE) {
		cc_dist_init_constant(&qc->conference, CONFERENCE_S);
		if ((st = cc_load_timing(L, e, "conference", 0, &qc->conference)))
			return st;
	}
	if (qc->kind != CC_TRANSFER_AGENT)
		return CC_OK;
	/* The agent's index is checked against the group's size once the groups are loaded. */
	long long agent = -1;
	if ((st = cc_load_share(L, e, "reject", &qc->reject)) ||
	    (st = cc_load_whole(L, e, "agent", 0, 0, 999999, &agent)))
		return st;
	qc->agent = (int)agent;
	/* The target talks and wraps up as the queue's own agents do, unless told otherwise. */
	if ((st = cc_load_dist(L, config_setting_get_member(e, "handle") ? e : s, "handle", 1,
	                   &qc->handle, NULL)))
		return st;
	if (!(qc->handle.mean > 0))
		return cc_load_fail(L, e, "handle", "must have a positive mean (contacts take time)");
	const config_setting_t *acw = config_setting_get_member(e, "acw") ? e : s;
	if (config_setting_get_member(acw, "acw"))
		return cc_load_dist(L, acw, "acw", 1, &qc->acw, NULL);
	return CC_OK;
}

/* transfer = { flow = "3s"; agent_whisper = "2s"; customer_whisper = "1s"; to = ( ... ); } */
static enum cc_status load_transfer(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "flow", "agent_whisper", "customer_whisper", "to",
	                                     NULL };
	const config_setting_t *m = config_setting_get_member(s, "transfer");
	if (!m)
		return CC_OK;
	enum cc_status st = cc_load_keys_named(L, m, keys);
	/* The group's own times are checked here, whether or not a quick connect reads them. */
	for (size_t k = 0; !st && k < 3; k++) {
		struct cc_dist d;
		cc_dist_init_constant(&d, 0);
		st = cc_load_timing(L, m, keys[k], 0, &d);
		cc_dist_fini(&d);
	}
	const config_setting_t *list;
	size_t n;
	if (st || (st = cc_load_optional_list(L, m, "to", &list, &n)))
		return st;
	if (!list)
		return cc_load_fail(L, m, "to", "missing (required)");
	if (n == 0)
		return cc_load_fail(L, list, NULL, "must list at least one target (leave transfer out for none)");
	q->transfers = cc_calloc(n, sizeof *q->transfers);
	q->n_transfers = n;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if ((st = load_quick_connect(L, e, m, s, &q->transfers[i])))
			return st;
		total += q->transfers[i].share;
		if (total > 1 + 1e-9)
			return cc_load_fail(L, e, "share", "brings the quick connects' shares to %g: together at "
			            "most 1 (the other contacts end with their talk)", total);
	}
	return CC_OK;
}

enum cc_status cc_load_queue(struct loader *L, const config_setting_t *s,
                                 double scn_interval_s, struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "name", "channel", "arrivals", "handle", "patience",
	                                    "acw", "service_level", "rona_requeue", "priorities",
	                                    "pause", "callback", "dialing", "rings", "transfer",
	                                    "description", NULL };
	queue_defaults(q);
	enum cc_status st = cc_load_keys_named(L, s, keys);
	const char *name, *channel = "voice";
	if (st || (st = cc_load_name(L, s, 1, &name)) || (st = cc_load_string(L, s, "channel", 0, &channel)))
		return st;
	q->name = cc_strdup(name);
	q->label = cc_strdup(name);
	int found = 0;
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		if (strcmp(channel, cc_channel_name(c)) == 0) {
			q->channel = (enum cc_channel)c;
			found = 1;
		}
	if (!found)
		return cc_load_fail(L, s, "channel",
		            "unknown channel \"%s\" (expected voice, chat, email, task or callback)",
		            channel);
	config_setting_t *m;
	if ((st = cc_load_member(L, s, "arrivals", 1, &m)) || (st = load_arrivals(L, m, scn_interval_s, q)))
		return st;
	if ((st = cc_load_dist(L, s, "handle", 1, &q->handle, NULL)))
		return st;
	if (q->handle.mean <= 0)
		return cc_load_fail(L, s, "handle",
		            "must have a positive mean (contacts take time)");
	if (config_setting_get_member(s, "patience") && cc_channel_deferrable(q->channel))
		return cc_load_fail(L, s, "patience", "%s contacts wait without abandoning (deferrable); give "
		            "no patience", cc_channel_name(q->channel));
	if ((st = cc_load_dist(L, s, "patience", 0, &q->patience, &q->has_patience)))
		return st;
	int has_acw = 0;
	if ((st = cc_load_dist(L, s, "acw", 0, &q->acw, &has_acw)))
		return st;
	if (!has_acw)
		cc_dist_init_constant(&q->acw, 0);
	if ((st = get_requeue(L, s, &q->requeue)))
		return st;
	q->sl_threshold_s = 20;
	q->sl_target = 0.8;
	if ((m = config_setting_get_member(s, "service_level"))) {
		static const char *const slkeys[] = { "threshold", "target", NULL };
		if ((st = cc_load_keys_named(L, m, slkeys)) ||
		    (st = cc_load_duration(L, m, "threshold", 0, &q->sl_threshold_s)) ||
		    (st = cc_load_number(L, m, "target", 0, &q->sl_target)))
			return st;
		if (!(q->sl_target >= 0 && q->sl_target <= 1))
			return cc_load_fail(L, m, "target",
			            "must be a share from 0 to 1 (0.80 for 80 %%)");
	}
	if ((st = load_priorities(L, s, q)) || (st = load_pause(L, s, q)) ||
	    (st = load_callback(L, s, q)) || (st = load_dialing(L, s, q)) ||
	    (st = load_rings(L, s, q)))
		return st;
	return load_transfer(L, s, q);
}

/* Resolves each voice queue's callback.queue, now that every queue is known. */
enum cc_status cc_load_link_callbacks(struct loader *L, const config_setting_t *list,
                                     struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_queues; i++) {
		const config_setting_t *m =
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "callback");
		const char *name;
		if (!m || !config_setting_lookup_string(m, "queue", &name))
			continue;
		long q = cc_scenario_queue_index(scn, name);
		if (q < 0)
			return cc_load_no_queue(L, m, "queue", scn, name);
		if (scn->queues[q].channel != CC_CHANNEL_CALLBACK)
			return cc_load_fail(L, m, "queue", "queue \"%s\" is a %s queue: callbacks go to a queue "
			            "whose channel is callback", name, cc_channel_name(scn->queues[q].channel));
		scn->queues[i].callback.queue = q;
	}
	return CC_OK;
}
/* ---- quick connects and regions, once queues and groups are loaded ---- */

/* The queue named at KEY of quick connect E of queue SELF: another queue, of its channel. */
static enum cc_status transfer_queue(struct loader *L, const config_setting_t *e,
                                     const char *key, const struct cc_scenario *scn,
                                     size_t self, long *out)
{
	const char *name;
	enum cc_status st = cc_load_string(L, e, key, 1, &name);
	if (st)
		return st;
	long t = cc_scenario_queue_index(scn, name);
	if (t < 0)
		return cc_load_no_queue(L, e, key, scn, name);
	if ((size_t)t == self)
		return cc_load_fail(L, e, key, "\"%s\" is the queue itself: a queue may not transfer to itself",
		            name);
	enum cc_channel ch = scn->queues[self].channel;
	if (scn->queues[t].channel != ch)
		return cc_load_fail(L, e, key, "queue \"%s\" is a %s queue: a transfer stays on its channel "
		            "(this is a %s queue)", name, cc_channel_name(scn->queues[t].channel),
		            cc_channel_name(ch));
	*out = t;
	return CC_OK;
}

/* The group named by quick connect E of queue SELF: its routing profile handles the queue's
 * channel, and it has the agent named, if any. */
static enum cc_status transfer_group(struct loader *L, const config_setting_t *e,
                                     const struct cc_scenario *scn, size_t self,
                                     struct cc_quick_connect_cfg *qc)
{
	const char *name;
	enum cc_status st = cc_load_string(L, e, "group", 1, &name);
	if (st)
		return st;
	long g = cc_load_group_index(scn, scn->n_groups, name);
	if (g < 0)
		return cc_load_no_group(L, e, "group", scn, scn->n_groups, name);
	const struct cc_group_cfg *gr = &scn->groups[g];
	const struct cc_routing_profile_cfg *p = &scn->profiles[gr->routing];
	enum cc_channel ch = scn->queues[self].channel;
	if (!p->concurrency[ch])
		return cc_load_fail(L, e, "group", "group \"%s\" handles no %s (its routing profile %s has no "
		            "concurrency.%s): it could not take this %s queue's contacts", name,
		            cc_channel_name(ch), p->name, cc_channel_name(ch), cc_channel_name(ch));
	if (qc->agent >= gr->count)
		return cc_load_fail(L, e, "agent", "must be below the group's %d agents (0 is its first; got "
		            "%d)", gr->count, qc->agent);
	qc->target = g;
	if (config_setting_get_member(e, "fallback"))
		return transfer_queue(L, e, "fallback", scn, self, &qc->fallback);
	return CC_OK;
}

/* Resolves the queues and groups each quick connect names (LIST: the queues' settings). */
enum cc_status cc_load_link_transfers(struct loader *L, const config_setting_t *list,
                                     struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++) {
		struct cc_queue_cfg *q = &scn->queues[i];
		if (!q->n_transfers)
			continue;
		const config_setting_t *to = config_setting_get_member(
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "transfer"),
			"to");
		for (size_t k = 0; k < q->n_transfers; k++) {
			const config_setting_t *e = config_setting_get_elem(to, (unsigned)k);
			struct cc_quick_connect_cfg *qc = &q->transfers[k];
			enum cc_status st = CC_OK;
			if (qc->kind == CC_TRANSFER_QUEUE)
				st = transfer_queue(L, e, "queue", scn, i, &qc->target);
			else if (qc->kind == CC_TRANSFER_AGENT)
				st = transfer_group(L, e, scn, i, qc);
			if (st)
				return st;
		}
	}
	return CC_OK;
}

