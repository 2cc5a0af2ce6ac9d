/* Queues: each queue's plain settings by the schema, then the rules that need code. */
#include "models/scenario/loader.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario/forecast.h"
#include "models/scenario/trace.h"
#include "sim/alloc.h"

/* Every queue the forecast F names is one of the scenario's. */
static enum cc_status forecast_queues_known(struct loader *L, const struct cc_forecast *f)
{
	const struct cc_scenario *scn = L->scn;
	for (size_t k = 0; k < f->n_queues; k++) {
		size_t i = 0;
		while (i < scn->n_lines && strcmp(scn->queues[i].name, f->queues[k]) != 0)
			i++;
		if (i < scn->n_lines)
			continue;
		char names[512];
		cc_load_join(names, sizeof names, "none", &scn->queues[0].name,
		             sizeof scn->queues[0], scn->n_lines);
		snprintf(L->err, L->errlen, "%s:%zu: %s: no queue is named \"%s\" in the scenario "
		         "(its queues: %s)", f->path, f->queue_line[k], f->queue_column, f->queues[k],
		         names);
		return CC_ERR_SCENARIO;
	}
	return CC_OK;
}

/*
 * arrivals.forecast = "forecast.csv": the rates of Q (and the handle means, when the file
 * gives AHTs) from a CSV file, found from the scenario's folder, on the scenario's interval
 * grid from time 0. Intervals before the forecast's first and after its last have no
 * arrivals: the rates end with a 0, which holds to the horizon.
 */
static enum cc_status load_forecast(struct loader *L, const config_setting_t *s,
                                    const char *file, struct cc_queue_cfg *q)
{
	const char *own[] = { "per_hour", "step" };
	for (size_t i = 0; i < 2; i++)
		if (config_setting_get_member(s, own[i]))
			return cc_load_fail(L, s, own[i], "cannot be given with `forecast`, whose rows "
			                    "give the rates on the scenario's interval");
	const char *slash = strrchr(L->file, '/');
	size_t dir = file[0] == '/' || !slash ? 0 : (size_t)(slash - L->file) + 1;
	q->forecast = cc_malloc(dir + strlen(file) + 1);
	memcpy(q->forecast, L->file, dir);
	strcpy(q->forecast + dir, file);
	int clock = !isnan(L->start_s);
	double origin = clock ? L->start_s : 0, width = L->scn->interval_s;
	struct cc_forecast f;
	enum cc_status st = cc_forecast_read(q->forecast, width, origin, clock, &f, L->err,
	                                     L->errlen);
	if (st == CC_ERR_IO)
		return cc_load_fail(L, s, "forecast", "cannot read \"%s\": %s", q->forecast,
		                    strerror(errno));
	if (st || (st = forecast_queues_known(L, &f)))
		goto out;
	long k = cc_forecast_queue(&f, q->name);
	if (k < 0) {
		st = cc_load_fail(L, s, "forecast", "\"%s\" has no rows for queue \"%s\" (its "
		                  "%s column)", q->forecast, q->name, f.queue_column);
		goto out;
	}
	size_t offset = (size_t)llround((f.first_s - origin) / width);
	q->n_rates = offset + f.n_intervals + 1;
	q->per_hour = cc_calloc(q->n_rates, sizeof *q->per_hour);
	q->rate_width_s = width;
	const double *volume = f.volume + (size_t)k * f.n_intervals;
	const struct cc_setting *row = cc_schema_row(cc_schema_find("queues.arrivals"), "per_hour");
	for (size_t i = 0; i < f.n_intervals; i++)
		if ((q->per_hour[offset + i] = volume[i] * 3600 / width) > row->hi) {
			st = cc_load_fail(L, s, "forecast", "\"%s\" gives queue \"%s\" %g contacts in an "
			                  "interval of %gs: above %.0f per hour", q->forecast, q->name,
			                  volume[i], width, row->hi);
			goto out;
		}
	if (f.aht_s) {
		q->n_handle_means = q->n_rates;
		q->handle_mean_s = cc_malloc(q->n_rates * sizeof *q->handle_mean_s);
		for (size_t i = 0; i < q->n_rates; i++)
			q->handle_mean_s[i] = i >= offset && i - offset < f.n_intervals
			                      ? f.aht_s[(size_t)k * f.n_intervals + i - offset] : NAN;
	}
out:
	cc_forecast_fini(&f);
	return st;
}

/* The file a queue's arrivals replay, found from the scenario's folder (read with the
 * others once every queue is loaded, by cc_load_traces). */
static enum cc_status load_trace_file(struct loader *L, const config_setting_t *s,
                                      struct cc_queue_cfg *q)
{
	const char *own[] = { "per_hour", "forecast", "step" };
	for (size_t i = 0; i < 3; i++)
		if (config_setting_get_member(s, own[i]))
			return cc_load_fail(L, s, own[i], "cannot be given with process = \"trace\", "
			                    "whose calls come from the trace's rows");
	const char *file = NULL;
	enum cc_status st = cc_load_string(L, s, "file", 1, &file);
	if (st)
		return st;
	if (!*file)
		return cc_load_fail(L, s, "file", "must name a CSV file (got an empty name)");
	const char *slash = strrchr(L->file, '/');
	size_t dir = file[0] == '/' || !slash ? 0 : (size_t)(slash - L->file) + 1;
	q->trace.file = cc_malloc(dir + strlen(file) + 1);
	memcpy(q->trace.file, L->file, dir);
	strcpy(q->trace.file + dir, file);
	/* A rate for the estimates of memory and event rates, set from the calls once read. */
	q->n_rates = 1;
	q->per_hour = cc_calloc(1, sizeof *q->per_hour);
	q->rate_width_s = L->scn->interval_s;
	return CC_OK;
}

/* The rates: per_hour = 100 or [ 60, 120, 90 ], one per step (the scenario's interval unless
 * given), or a forecast's, or none for a trace. */
static enum cc_status load_rates(struct loader *L, const config_setting_t *s,
                                 double scn_interval_s, struct cc_queue_cfg *q)
{
	const struct cc_setting *row = cc_schema_row(cc_schema_find("queues.arrivals"), "per_hour");
	config_setting_t *rate;
	const char *file = NULL;
	if (q->process == CC_ARRIVALS_TRACE)
		return load_trace_file(L, s, q);
	if (config_setting_get_member(s, "file"))
		return cc_load_fail(L, s, "file", "is for process = \"trace\" only (this queue's "
		                    "process is \"%s\")", cc_arrival_process_names[q->process]);
	enum cc_status st = cc_load_string(L, s, "forecast", 0, &file);
	if (st || file)
		return st ? st : load_forecast(L, s, file, q);
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
		if (!(q->per_hour[i] >= row->lo) || !(q->per_hour[i] <= row->hi))
			return cc_load_fail(L, q->n_rates == 1 && cc_load_is_number(rate) ? rate
			                    : config_setting_get_elem(rate, (unsigned)i), NULL,
			                    "must be a rate from %.0f to %.0f contacts per hour (got %g)",
			                    row->lo, row->hi, q->per_hour[i]);
	q->rate_width_s = scn_interval_s;
	return cc_load_duration(L, s, "step", 0, &q->rate_width_s) ? CC_ERR_SCENARIO
	       : q->rate_width_s > 0 ? CC_OK : cc_load_fail(L, s, "step", "must be positive");
}

/* Refuses KEY of queue S unless the queue's channel is CH. */
static enum cc_status only_on(struct loader *L, const config_setting_t *s, const char *key,
                              const struct cc_queue_cfg *q, enum cc_channel ch)
{
	if (!config_setting_get_member(s, key) || q->channel == ch)
		return CC_OK;
	return cc_load_fail(L, s, key, "is for %s queues only (this is a %s queue)",
	                    cc_channel_name(ch), cc_channel_name(q->channel));
}

/* A little slack, so that shares such as 0.1, 0.2 and 0.7 add up to 1. */
#define SHARE_SLACK 1e-9

/* priorities = ( { share = 0.1; head_start = "2m"; }, ... ): their shares at most 1. */
static enum cc_status priorities_rule(struct loader *L, const config_setting_t *s,
                                      const struct cc_queue_cfg *q)
{
	double total = 0;
	for (size_t i = 0; i < q->n_priorities; i++)
		if ((total += q->priorities[i].share) > 1 + SHARE_SLACK)
			return cc_load_fail(L, cc_load_elem(s, "priorities", i), "share", "brings the "
			                    "classes' shares to %g: together at most 1 (the other contacts "
			                    "get no head start)", total);
	return CC_OK;
}

/* silent (chat queues, with patience: only abandoners can leave silently; a share needs a
 * timeout). */
static enum cc_status silent_rule(struct loader *L, const config_setting_t *s,
                                  struct cc_queue_cfg *q)
{
	const config_setting_t *m = config_setting_get_member(s, "silent");
	enum cc_status st;
	if (!m)
		return CC_OK;
	if ((st = only_on(L, s, "silent", q, CC_CHANNEL_CHAT)) ||
	    (st = cc_load_dist(L, m, "timeout", q->silent.share > 0, &q->silent.timeout, NULL)))
		return st;
	if (q->silent.share > 0 && !q->has_patience)
		return cc_load_fail(L, m, "share", "needs the queue's patience (only customers who "
		                    "abandon can leave silently)");
	return CC_OK;
}

/* pause (task queues; a share needs a duration), callback (voice queues: the queue is looked
 * up once every queue is loaded, by cc_load_link_callbacks) and dialing (callback queues). */
static enum cc_status extras_rule(struct loader *L, const config_setting_t *s,
                                  struct cc_queue_cfg *q)
{
	const config_setting_t *m = config_setting_get_member(s, "pause");
	enum cc_status st;
	if ((st = only_on(L, s, "pause", q, CC_CHANNEL_TASK)) ||
	    (m && (st = cc_load_dist(L, m, "duration", q->pause.share > 0, &q->pause.duration,
	                             NULL))) ||
	    (st = only_on(L, s, "callback", q, CC_CHANNEL_VOICE)) ||
	    (st = only_on(L, s, "dialing", q, CC_CHANNEL_CALLBACK)))
		return st;
	return silent_rule(L, s, q);
}

/* rings = ( { after = "0s"; level = 8; }, { after = "20s"; level = 5; } ): in order. */
static enum cc_status rings_rule(struct loader *L, const config_setting_t *s,
                                 const struct cc_queue_cfg *q)
{
	for (size_t i = 1; i < q->n_rings; i++) {
		const config_setting_t *e = cc_load_elem(s, "rings", i);
		const struct cc_ring_cfg *r = &q->rings[i], *prev = r - 1;
		if (!(r->after_s > prev->after_s))
			return cc_load_fail(L, e, "after", "must be later than the previous ring's (%gs): "
			                    "rings open one after another", prev->after_s);
		if (r->level >= prev->level)
			return cc_load_fail(L, e, "level", "must be below the previous ring's (%d): each "
			                    "ring admits lower skill levels than the last", prev->level);
	}
	return CC_OK;
}

/* Every time of a quick connect the schema does not read starts usable, at 0 s; it has no
 * target yet. */
static void quick_connect_defaults(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_init_constant(dists[i], 0);
	qc->target = -1;
	qc->fallback = -1;
}

void cc_load_quick_connect_fini(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_fini(dists[i]);
	struct cc_dist_steps *steps[] = { &qc->handle_steps, &qc->acw_steps };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		for (size_t j = 0; j < steps[i]->n; j++)
			cc_dist_fini(&steps[i]->steps[j]);
		cc_free(steps[i]->steps);
	}
}

/*
 * A time of quick connect E at KEY: E's own, else that of the queue's transfer group OUTER,
 * else the transfer group's default. Each quick connect reads its own copy from the file, so
 * that it owns its distribution (an empirical one owns its table).
 */
static enum cc_status inherit_timing(struct loader *L, const config_setting_t *e,
                                     const config_setting_t *outer, const char *key,
                                     struct cc_dist *out)
{
	cc_dist_init_constant(out, cc_schema_row(cc_schema_find("queues.transfer"), key)->def);
	return cc_load_timing(L, config_setting_get_member(e, key) ? e : outer, key, 0, out);
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
		if (!config_setting_get_member(e, targets[k]) ||
		    (kinds[k] == CC_TRANSFER_EXTERNAL && !external))
			continue;
		if (given)
			return cc_load_fail(L, e, targets[k], "give only one of queue, group and "
			                    "external = true (%s is given too)", given);
		given = targets[k];
		*out = kinds[k];
	}
	if (!given)
		return cc_load_fail(L, e, NULL, "has no target: give queue (a queue's name), group (an "
		                    "agent group's name) or external = true");
	return CC_OK;
}

/* The settings a quick connect of kind and mode QC refuses. */
static enum cc_status quick_connect_refusals(struct loader *L, const config_setting_t *e,
                                             const struct cc_quick_connect_cfg *qc)
{
	static const char *const agent_only[] = { "agent", "reject", "handle", "acw", "fallback" };
	static const char *const flow_keys[] = { "flow", "agent_whisper", "customer_whisper" };
	const struct cc_setting *mode = cc_schema_row(cc_schema_find("queues.transfer.to"), "mode");
	if (qc->kind != CC_TRANSFER_AGENT)
		for (size_t k = 0; k < sizeof agent_only / sizeof agent_only[0]; k++)
			if (config_setting_get_member(e, agent_only[k]))
				return cc_load_fail(L, e, agent_only[k], "is for transfers to an agent group "
				                    "only (this one goes to %s)", qc->kind == CC_TRANSFER_QUEUE
				                    ? "a queue" : "an outside number");
	if (qc->kind == CC_TRANSFER_EXTERNAL)
		for (size_t k = 0; k < sizeof flow_keys / sizeof flow_keys[0]; k++)
			if (config_setting_get_member(e, flow_keys[k]))
				return cc_load_fail(L, e, flow_keys[k], "an external transfer has no flow and "
				                    "no whispers: the contact leaves the center at once");
	if (qc->mode == CC_TRANSFER_COLD && config_setting_get_member(e, "consult"))
		return cc_load_fail(L, e, "consult", "a cold transfer has no consult (give mode = "
		                    "\"consult\" or \"conference\")");
	if (qc->mode != CC_TRANSFER_CONFERENCE && config_setting_get_member(e, "conference"))
		return cc_load_fail(L, e, "conference", "is for mode = \"conference\" only (this "
		                    "transfer is %s)", mode->choices[qc->mode]);
	if ((qc->kind != CC_TRANSFER_QUEUE || qc->mode == CC_TRANSFER_COLD) &&
	    config_setting_get_member(e, "max_wait"))
		return cc_load_fail(L, e, "max_wait", "is for a consult or conference through a queue "
		                    "only (the first agent's wait for the queue's agent)");
	return CC_OK;
}

/* The target agent's settings: it talks and wraps up as the queue S's own agents do, unless
 * told otherwise. Its index is checked against the group's size once groups are loaded. */
static enum cc_status quick_connect_agent(struct loader *L, const config_setting_t *e,
                                          const config_setting_t *s,
                                          struct cc_quick_connect_cfg *qc)
{
	const struct cc_schema *schema = cc_schema_find("queues.transfer.to");
	const struct cc_setting *agent = cc_schema_row(schema, "agent");
	long long index = qc->agent;
	enum cc_status st;
	if ((st = cc_load_share(L, e, "reject", &qc->reject)) ||
	    (st = cc_load_whole(L, e, "agent", 0, (long long)agent->lo, (long long)agent->hi,
	                        &index)))
		return st;
	qc->agent = (int)index;
	/* Its own handle and ACW are one distribution each; the queue's, which are the
	 * defaults, may change by interval step as they do for the queue. */
	qc->handle_steps.width_s = qc->acw_steps.width_s = L->scn->interval_s;
	if (config_setting_get_member(e, "handle"))
		st = cc_load_dist(L, e, "handle", 1, &qc->handle, NULL);
	else
		st = cc_load_dist_steps(L, s, "handle", 1, &qc->handle, NULL, &qc->handle_steps);
	if (st)
		return st;
	if (!(qc->handle.mean > 0))
		return cc_load_fail(L, e, "handle", "must have a positive mean (contacts take time)");
	if (config_setting_get_member(e, "acw"))
		return cc_load_dist(L, e, "acw", 1, &qc->acw, NULL);
	if (config_setting_get_member(s, "acw"))
		return cc_load_dist_steps(L, s, "acw", 1, &qc->acw, NULL, &qc->acw_steps);
	return CC_OK;
}

/*
 * The rules of quick connect E (its share and mode read already): { share = 0.2; queue =
 * "billing"; mode = "consult"; ... }. OUTER is the queue's transfer group (whose flow and
 * whispers are the defaults) and S the queue itself (whose handle and ACW are the defaults of
 * an agent's). The names of queues and groups are looked up once everything is loaded
 * (cc_load_link_transfers).
 */
static enum cc_status quick_connect_rule(struct loader *L, const config_setting_t *e,
                                         const config_setting_t *outer,
                                         const config_setting_t *s,
                                         struct cc_quick_connect_cfg *qc)
{
	const struct cc_schema *schema = cc_schema_find("queues.transfer.to");
	quick_connect_defaults(qc);
	enum cc_status st;
	if ((st = get_transfer_kind(L, e, &qc->kind)) || (st = quick_connect_refusals(L, e, qc)) ||
	    (st = cc_load_duration(L, e, "max_wait", 0, &qc->max_wait_s)))
		return st;
	if (qc->kind != CC_TRANSFER_EXTERNAL &&
	    ((st = inherit_timing(L, e, outer, "flow", &qc->flow)) ||
	     (st = inherit_timing(L, e, outer, "agent_whisper", &qc->agent_whisper)) ||
	     (st = inherit_timing(L, e, outer, "customer_whisper", &qc->customer_whisper))))
		return st;
	if (qc->mode != CC_TRANSFER_COLD) {
		cc_dist_init_constant(&qc->consult, qc->mode == CC_TRANSFER_CONSULT
		                      ? cc_schema_row(schema, "consult")->def : 0);
		if ((st = cc_load_timing(L, e, "consult", 0, &qc->consult)))
			return st;
	}
	if (qc->mode == CC_TRANSFER_CONFERENCE) {
		cc_dist_init_constant(&qc->conference, cc_schema_row(schema, "conference")->def);
		if ((st = cc_load_timing(L, e, "conference", 0, &qc->conference)))
			return st;
	}
	return qc->kind == CC_TRANSFER_AGENT ? quick_connect_agent(L, e, s, qc) : CC_OK;
}

/* transfer = { flow = "3s"; agent_whisper = "2s"; customer_whisper = "1s"; to = ( ... ); } */
static enum cc_status load_transfer(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	const struct cc_schema *schema = cc_schema_find("queues.transfer");
	const config_setting_t *m = config_setting_get_member(s, "transfer");
	if (!m)
		return CC_OK;
	enum cc_status st = cc_load_keys(L, m, schema);
	/* The group's own times are checked here, whether or not a quick connect reads them. */
	for (size_t k = 0; !st && schema->rows[k].type == CC_SETTING_TIMING; k++) {
		struct cc_dist d;
		cc_dist_init_constant(&d, 0);
		st = cc_load_timing(L, m, schema->rows[k].key, 0, &d);
		cc_dist_fini(&d);
	}
	if (st || (st = cc_load_list(L, m, cc_schema_row(schema, "to"), q)))
		return st;
	double total = 0;
	for (size_t i = 0; i < q->n_transfers; i++) {
		const config_setting_t *e = cc_load_elem(m, "to", i);
		if ((st = quick_connect_rule(L, e, m, s, &q->transfers[i])))
			return st;
		total += q->transfers[i].share;
		if (total > 1 + SHARE_SLACK)
			return cc_load_fail(L, e, "share", "brings the quick connects' shares to %g: "
			                    "together at most 1 (the other contacts end with their talk)",
			                    total);
	}
	return CC_OK;
}

/* patience: refused on deferrable channels, whose contacts never abandon. */
static enum cc_status load_patience(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	if (config_setting_get_member(s, "patience") && cc_channel_deferrable(q->channel))
		return cc_load_fail(L, s, "patience", "%s contacts wait without abandoning "
		                    "(deferrable); give no patience", cc_channel_name(q->channel));
	return cc_load_dist_steps(L, s, "patience", 0, &q->patience, &q->has_patience,
	                          &q->patience_steps);
}

/* handle and acw, whose parameters may be lists per interval step; every step's handle has a
 * positive mean. */
static enum cc_status load_work(struct loader *L, const config_setting_t *s,
                                struct cc_queue_cfg *q)
{
	q->handle_steps.width_s = q->acw_steps.width_s = q->patience_steps.width_s =
		L->scn->interval_s;
	enum cc_status st;
	if ((st = cc_load_dist_steps(L, s, "handle", 1, &q->handle, NULL, &q->handle_steps)) ||
	    (st = cc_load_dist_steps(L, s, "acw", 0, &q->acw, NULL, &q->acw_steps)))
		return st;
	for (size_t j = 0; j < q->handle_steps.n; j++)
		if (!(q->handle_steps.steps[j].mean > 0))
			return cc_load_fail(L, s, "handle", "must have a positive mean at every step "
			                    "(contacts take time; step %zu has mean 0)", j + 1);
	return CC_OK;
}

/* arrivals.busyness: the queue's own day factor, on rate-based arrivals only. */
static enum cc_status load_busyness(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	const config_setting_t *a = config_setting_get_member(s, "arrivals");
	if (!config_setting_get_member(a, "busyness"))
		return CC_OK;
	if (q->process != CC_ARRIVALS_POISSON && q->process != CC_ARRIVALS_DETERMINISTIC)
		return cc_load_fail(L, a, "busyness", "multiplies arrival rates: this queue's "
		                    "arrivals are not given by rates");
	return cc_load_busyness(L, a, "busyness", &q->busyness);
}

/* redial, balk and capacity: for queues whose customers can hang up (voice and chat); the
 * redial's queue is looked up once every queue is loaded, by cc_load_link_callbacks. */
static enum cc_status leaving_rule(struct loader *L, const config_setting_t *s,
                                   const struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "redial", "balk", "capacity" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (config_setting_get_member(s, keys[i]) && cc_channel_deferrable(q->channel))
			return cc_load_fail(L, s, keys[i], "%s contacts wait without hanging up "
			                    "(deferrable): %s is for voice and chat queues only",
			                    cc_channel_name(q->channel), keys[i]);
	return CC_OK;
}

/* service_level.target, a share worded as a goal. */
static enum cc_status load_target(struct loader *L, const config_setting_t *s,
                                  struct cc_queue_cfg *q)
{
	const config_setting_t *m = config_setting_get_member(s, "service_level");
	enum cc_status st;
	if (!m || (st = cc_load_number(L, m, "target", 0, &q->sl_target)))
		return m ? st : CC_OK;
	if (!(q->sl_target >= 0 && q->sl_target <= 1))
		return cc_load_fail(L, m, "target", "must be a share from 0 to 1 (0.80 for 80 %%)");
	return CC_OK;
}

enum cc_status cc_load_queue(struct loader *L, const config_setting_t *s,
                             struct cc_queue_cfg *q)
{
	enum cc_status st;
	q->callback.queue = -1;
	q->redial.queue = -1;
	q->label = cc_strdup(q->name);
	if ((st = load_rates(L, config_setting_get_member(s, "arrivals"), L->scn->interval_s, q)) ||
	    (st = load_busyness(L, s, q)) || (st = load_work(L, s, q)))
		return st;
	if (q->handle.mean <= 0)
		return cc_load_fail(L, s, "handle", "must have a positive mean (contacts take time)");
	if ((st = load_patience(L, s, q)) || (st = load_target(L, s, q)) ||
	    (st = priorities_rule(L, s, q)) || (st = extras_rule(L, s, q)) ||
	    (st = rings_rule(L, s, q)) || (st = leaving_rule(L, s, q)))
		return st;
	return load_transfer(L, s, q);
}

/* ---- traces, once every queue is loaded ---- */

/* Row X of trace T fits queue Q: a priority class it has, its channel, no patience on a
 * deferrable channel. */
static enum cc_status trace_row_fits(const struct cc_trace *t, const struct cc_trace_row *x,
                                     const struct cc_queue_cfg *q, char *err, size_t errlen)
{
	if (x->priority > (int)q->n_priorities) {
		snprintf(err, errlen, "%s:%zu: priority: queue \"%s\" has %zu priorities class%s "
		         "(got %d; 0 is no head start)", t->path, x->line, q->name, q->n_priorities,
		         q->n_priorities == 1 ? "" : "es", x->priority);
		return CC_ERR_SCENARIO;
	}
	if (x->channel >= 0 && x->channel != (int)q->channel) {
		snprintf(err, errlen, "%s:%zu: channel: \"%s\", but queue \"%s\" is a %s queue",
		         t->path, x->line, cc_channel_name((enum cc_channel)x->channel), q->name,
		         cc_channel_name(q->channel));
		return CC_ERR_SCENARIO;
	}
	if (!isnan(x->patience_s) && cc_channel_deferrable(q->channel)) {
		snprintf(err, errlen, "%s:%zu: patience_s: %s contacts wait without abandoning "
		         "(deferrable); leave it empty", t->path, x->line, cc_channel_name(q->channel));
		return CC_ERR_SCENARIO;
	}
	return CC_OK;
}

/* Queue Q's calls from T: the rows naming it (every row without a queue column), day by
 * day. */
static enum cc_status trace_calls(const struct cc_trace *t, struct cc_queue_cfg *q,
                                  double horizon_s, char *err, size_t errlen)
{
	long k = t->has_queue ? cc_trace_queue(t, q->name) : 0;
	struct cc_trace_cfg *c = &q->trace;
	c->calls = cc_calloc(t->n_rows, sizeof *c->calls);
	c->day_first = cc_calloc(t->n_days + 1, sizeof *c->day_first);
	c->n_days = t->n_days;
	c->has_day = t->has_day;
	c->file_rows = t->n_rows;
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct cc_trace_row *x = &t->rows[i];
		if ((long)x->queue != k)
			continue;
		enum cc_status st = trace_row_fits(t, x, q, err, errlen);
		if (st)
			return st;
		c->calls[c->n_calls++] = (struct cc_trace_call){
			.arrival_s = x->arrival_s, .handle_s = x->handle_s, .patience_s = x->patience_s,
			.line = (int64_t)x->line, .priority = x->priority };
		c->day_first[x->day + 1]++;
	}
	for (size_t d = 0; d < t->n_days; d++)
		c->day_first[d + 1] += c->day_first[d];
	q->per_hour[0] = (double)c->n_calls / (double)t->n_days * 3600 / horizon_s;
	return CC_OK;
}

enum cc_status cc_load_traces(struct loader *L, const config_setting_t *list,
                              struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++) {
		struct cc_queue_cfg *q = &scn->queues[i];
		if (q->process != CC_ARRIVALS_TRACE || q->trace.day_first)
			continue; /* not a trace, or its file read already */
		const config_setting_t *s =
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "arrivals");
		struct cc_trace t;
		enum cc_status st = cc_trace_read(q->trace.file, L->start_s, scn->horizon_s, &t,
		                                  L->err, L->errlen);
		if (st == CC_ERR_IO)
			return cc_load_fail(L, s, "file", "cannot read \"%s\": %s", q->trace.file,
			                    strerror(errno));
		if (st)
			return st;
		/* The queues replaying this file: Q and any later one naming it. */
		size_t users = 0;
		for (size_t j = i; j < scn->n_lines && !st; j++) {
			struct cc_queue_cfg *u = &scn->queues[j];
			if (u->process != CC_ARRIVALS_TRACE || strcmp(u->trace.file, q->trace.file) != 0)
				continue;
			if (++users > 1 && !t.has_queue)
				st = cc_load_fail(L, config_setting_get_member(config_setting_get_elem(
				                  list, (unsigned)j), "arrivals"), "file", "\"%s\" is "
				                  "replayed by queue \"%s\" too, but has no queue column to "
				                  "say which calls are whose", q->trace.file, q->name);
			else if (t.has_queue && cc_trace_queue(&t, u->name) < 0)
				st = cc_load_fail(L, config_setting_get_member(config_setting_get_elem(
				                  list, (unsigned)j), "arrivals"), "file", "\"%s\" has no "
				                  "rows for queue \"%s\" (its queue column)", q->trace.file,
				                  u->name);
			else
				st = trace_calls(&t, u, scn->horizon_s, L->err, L->errlen);
		}
		/* Every queue the file names replays it. */
		for (size_t k = 0; k < t.n_queues && !st; k++) {
			size_t j = 0;
			while (j < scn->n_lines && !(scn->queues[j].process == CC_ARRIVALS_TRACE &&
			                             strcmp(scn->queues[j].trace.file, q->trace.file) == 0 &&
			                             strcmp(scn->queues[j].name, t.queues[k]) == 0))
				j++;
			if (j == scn->n_lines) {
				snprintf(L->err, L->errlen, "%s:%zu: queue: \"%s\" replays no rows from this "
				         "file (no queue of that name has arrivals = { process = \"trace\"; "
				         "file = ... } naming it)", t.path, t.queue_line[k], t.queues[k]);
				st = CC_ERR_SCENARIO;
			}
		}
		if (!st && t.has_day && (!scn->trace_days || t.n_days < scn->trace_days))
			scn->trace_days = t.n_days;
		cc_trace_fini(&t);
		if (st)
			return st;
	}
	return CC_OK;
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
		long q;
		enum cc_status st = cc_load_ref(L, m, "queue", CC_SETTING_QUEUE, name, &q);
		if (st)
			return st;
		if (scn->queues[q].channel != CC_CHANNEL_CALLBACK)
			return cc_load_fail(L, m, "queue", "queue \"%s\" is a %s queue: callbacks go to a queue "
			                    "whose channel is callback", name, cc_channel_name(scn->queues[q].channel));
		scn->queues[i].callback.queue = q;
	}
	for (size_t i = 0; i < scn->n_queues; i++) {
		const config_setting_t *m =
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "redial");
		const char *name;
		if (!m || !config_setting_lookup_string(m, "queue", &name))
			continue;
		long q;
		enum cc_status st = cc_load_ref(L, m, "queue", CC_SETTING_QUEUE, name, &q);
		if (st)
			return st;
		if (scn->queues[q].channel != scn->queues[i].channel)
			return cc_load_fail(L, m, "queue", "queue \"%s\" is a %s queue: a %s customer "
			                    "calls again on the same channel", name,
			                    cc_channel_name(scn->queues[q].channel),
			                    cc_channel_name(scn->queues[i].channel));
		scn->queues[i].redial.queue = q;
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
	long t;
	if ((st = cc_load_ref(L, e, key, CC_SETTING_QUEUE, name, &t)))
		return st;
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
	long g;
	if ((st = cc_load_ref(L, e, "group", CC_SETTING_AGENTS, name, &g)))
		return st;
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

