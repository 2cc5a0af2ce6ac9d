/* `ccsim check`'s description of a scenario (describe.h). */
#include "models/output/describe.h"

#include <math.h>
#include <string.h>

#include "models/output/clock.h"
#include "models/policies/policy.h"
#include "models/run/run.h"
#include "sim/duration.h"

/* The queue's name as written in the scenario, whatever its site. Every line has the same
 * settings in every site, so "ccsim check" describes lines. */
static void put_line_name(FILE *out, const struct cc_scenario *scn, size_t q)
{
	fprintf(out, "%s", scn->queues[q].name);
}

/* A time setting, briefly: "3s" when it is always that long, "3s to 5s" when uniform, else
 * "exponential mean 1m". */
static const char *brief_dist(const struct cc_dist *d, char *buf, size_t len)
{
	char mean[32], max[32];
	cc_duration_format(d->kind == CC_DIST_UNIFORM ? d->a : d->mean, mean, sizeof mean);
	cc_duration_format(d->b, max, sizeof max);
	if (d->kind == CC_DIST_DETERMINISTIC || (d->kind == CC_DIST_UNIFORM && d->a == d->b))
		snprintf(buf, len, "%s", mean);
	else if (d->kind == CC_DIST_UNIFORM)
		snprintf(buf, len, "%s to %s", mean, max);
	else
		snprintf(buf, len, "%s mean %s", cc_dist_kind_name(d->kind), mean);
	return buf;
}

static int same_dist(const struct cc_dist *a, const struct cc_dist *b)
{
	return a->kind == b->kind && a->mean == b->mean && a->a == b->a && a->b == b->b &&
	       a->k == b->k && a->n_values == b->n_values;
}

/* One line per quick connect of queue Q, under its queue's line: share, target, mode and
 * times, and for agent targets the rejections, own handle or ACW, and fallback. */
static void describe_quick_connect(FILE *out, const struct cc_scenario *scn,
                                   const struct cc_queue_cfg *q,
                                   const struct cc_quick_connect_cfg *qc)
{
	char b1[96], b2[96], b3[96];
	fprintf(out, "    quick connect %g%% to ", qc->share * 100);
	if (qc->kind == CC_TRANSFER_QUEUE) {
		fprintf(out, "queue ");
		put_line_name(out, scn, (size_t)qc->target);
	} else if (qc->kind == CC_TRANSFER_AGENT) {
		fprintf(out, "group %s", scn->groups[qc->target].name);
		if (qc->agent >= 0)
			fprintf(out, " agent %d", qc->agent);
		else
			fprintf(out, " (a free agent)");
	} else {
		fprintf(out, "an outside number");
	}
	fprintf(out, ": %s", cc_transfer_mode_names[qc->mode]);
	if (qc->mode == CC_TRANSFER_CONSULT)
		fprintf(out, " %s", brief_dist(&qc->consult, b1, sizeof b1));
	else if (qc->mode == CC_TRANSFER_CONFERENCE) {
		fprintf(out, " %s", brief_dist(&qc->conference, b1, sizeof b1));
		if (qc->consult.mean > 0)
			fprintf(out, " after a consult of %s", brief_dist(&qc->consult, b1, sizeof b1));
	}
	if (qc->kind != CC_TRANSFER_EXTERNAL)
		fprintf(out, ", flow %s, whispers %s agent, %s customer",
		             brief_dist(&qc->flow, b1, sizeof b1), brief_dist(&qc->agent_whisper, b2, sizeof b2),
		             brief_dist(&qc->customer_whisper, b3, sizeof b3));
	if (qc->kind == CC_TRANSFER_AGENT) {
		if (qc->reject > 0)
			fprintf(out, ", rejected %g%%", qc->reject * 100);
		if (!same_dist(&qc->handle, &q->handle))
			fprintf(out, ", handle %s", brief_dist(&qc->handle, b1, sizeof b1));
		if (!same_dist(&qc->acw, &q->acw))
			fprintf(out, ", ACW %s", brief_dist(&qc->acw, b1, sizeof b1));
		if (qc->fallback >= 0) {
			fprintf(out, "; on failure to queue ");
			put_line_name(out, scn, (size_t)qc->fallback);
		} else {
			fprintf(out, "; on failure back to the first agent");
		}
	}
	fputc('\n', out);
}

/* A forecast-driven queue's arrivals: the file, the contacts it brings and when, its peak,
 * and the range of its AHTs with their mean over the contacts (what Erlang would take). */
static void describe_forecast(FILE *out, const struct cc_scenario *scn,
                              const struct cc_queue_cfg *q)
{
	double total = 0, peak = 0, weighted = 0, lo = INFINITY, hi = 0;
	size_t first = q->n_rates, last = 0, at_peak = 0;
	for (size_t i = 0; i < q->n_rates; i++) {
		double n = q->per_hour[i] * q->rate_width_s / 3600;
		double aht = cc_queue_handle_mean(q, (i + 0.5) * q->rate_width_s);
		if (n > 0) {
			first = first < i ? first : i;
			last = i;
			lo = fmin(lo, aht);
			hi = fmax(hi, aht);
		}
		if (q->per_hour[i] > peak) {
			peak = q->per_hour[i];
			at_peak = i;
		}
		total += n;
		weighted += n * aht;
	}
	char from[32], to[32], when[32];
	if (!(total > 0)) {
		fprintf(out, ": forecast %s, no contacts, handle mean %.1fs", q->forecast,
		             q->handle.mean);
		return;
	}
	cc_clock_label(scn, (double)first * q->rate_width_s, from, sizeof from);
	cc_clock_label(scn, (double)(last + 1) * q->rate_width_s, to, sizeof to);
	cc_clock_label(scn, (double)at_peak * q->rate_width_s, when, sizeof when);
	fprintf(out, ": forecast %s, %.0f contacts from %s to %s, peak %g/h at %s, handle mean ",
	             q->forecast, total, from, to, peak, when);
	if (q->handle_mean_s && hi > lo)
		fprintf(out, "%.0f-%.0fs by interval (%.1fs over the contacts)", lo, hi,
		             weighted / total);
	else
		fprintf(out, "%.1fs", lo);
}

/* A trace queue's arrivals: the file, its rows and days, the queue's own calls, and which
 * attributes the log gives (the others drawn). */
static void describe_trace(FILE *out, const struct cc_queue_cfg *q)
{
	const struct cc_trace_cfg *t = &q->trace;
	size_t given[3] = { 0 };
	for (size_t i = 0; i < t->n_calls; i++) {
		given[0] += !isnan(t->calls[i].handle_s);
		given[1] += !isnan(t->calls[i].patience_s);
		given[2] += t->calls[i].priority >= 0;
	}
	fprintf(out, ": trace %s (%zu rows, ", t->file, t->file_rows);
	if (t->has_day)
		fprintf(out, "%zu day%s, one a replication), %zu calls of this queue, %.1f a day",
		        t->n_days, t->n_days == 1 ? "" : "s", t->n_calls,
		        (double)t->n_calls / (double)t->n_days);
	else
		fprintf(out, "no day column: every replication replays them all), %zu calls of this "
		        "queue", t->n_calls);
	fprintf(out, ", handle %zu%% from the trace (mean otherwise %.1fs), patience %zu%%, "
	        "priority %zu%%", t->n_calls ? 100 * given[0] / t->n_calls : 0, q->handle.mean,
	        t->n_calls ? 100 * given[1] / t->n_calls : 0,
	        t->n_calls ? 100 * given[2] / t->n_calls : 0);
}

/* A busyness factor: "gamma, mean 1, sd 0.25" (or "always 1.1" with sd 0). */
static void put_busyness(FILE *out, const struct cc_busyness_cfg *b)
{
	if (b->dist.kind == CC_DIST_DETERMINISTIC)
		fprintf(out, "always %g", b->dist.mean);
	else
		fprintf(out, "%s, mean %g, sd %g", cc_dist_kind_name(b->dist.kind), b->dist.mean,
		             cc_dist_sd(&b->dist));
}

/* "; handle mean by interval 180-300s (4 steps)": a distribution given per step. */
static void describe_steps(FILE *out, const char *what, const struct cc_dist_steps *st)
{
	if (!st->n)
		return;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t j = 0; j < st->n; j++) {
		lo = fmin(lo, st->steps[j].mean);
		hi = fmax(hi, st->steps[j].mean);
	}
	fprintf(out, "; %s mean by interval %.1f-%.1fs (%zu steps, the last held)", what, lo, hi,
	             st->n);
}

/* One line per queue for "ccsim check": arrivals, times, service level, and its extras
 * (priority classes, pauses, callbacks, dialing, capacity, balking, redials, rings) when it
 * has them; then a line per quick connect. With several sites, each line once (the copies of every site share its
 * settings), with the sites. */
static void describe_queue(FILE *out, const struct cc_scenario *scn, const struct cc_queue_cfg *q)
{
	fprintf(out, "  queue ");
	put_line_name(out, scn, (size_t)(q - scn->queues));
	fprintf(out, " (%s)", cc_channel_name(q->channel));
	if (scn->regions.n > 1)
		for (size_t r = 0; r < scn->regions.n; r++)
			fprintf(out, "%s%s", r ? ", " : " at ", scn->regions.names[r]);
	if (q->forecast)
		describe_forecast(out, scn, q);
	else if (q->process == CC_ARRIVALS_TRACE)
		describe_trace(out, q);
	else
		fprintf(out, ": %g/h%s, handle mean %.1fs", q->per_hour[0],
		             q->n_rates > 1 ? " (first of a day's profile)" : "", q->handle.mean);
	fprintf(out, ", ACW mean %.1fs, %s, SL %g%% in %gs", q->acw.mean,
	             cc_channel_deferrable(q->channel) ? "deferrable"
	             : q->has_patience                 ? "abandons"
	                                               : "nobody abandons",
	             q->sl_target * 100, q->sl_threshold_s);
	describe_steps(out, "handle", &q->handle_steps);
	describe_steps(out, "ACW", &q->acw_steps);
	describe_steps(out, "patience", &q->patience_steps);
	if (q->busyness.on) {
		fprintf(out, "; its own busyness factor ");
		put_busyness(out, &q->busyness);
	}
	if (q->n_priorities) {
		fprintf(out, "; head starts");
		for (size_t i = 0; i < q->n_priorities; i++)
			fprintf(out, "%s %g%% +%gs", i ? "," : "", q->priorities[i].share * 100,
			             q->priorities[i].head_start_s);
	}
	if (q->pause.share > 0)
		fprintf(out, "; %g%% paused once, %.1fs on average", q->pause.share * 100,
		             q->pause.duration.mean);
	if (q->silent.share > 0)
		fprintf(out, "; %g%% of abandoners leave silently, the chat held %.1fs on average",
		             q->silent.share * 100, q->silent.timeout.mean);
	if (q->callback.queue >= 0) {
		fprintf(out, "; callback to ");
		put_line_name(out, scn, (size_t)q->callback.queue);
		fprintf(out, " offered when the %s exceeds %gs, accepted %g%%",
		             q->callback.estimate == CC_ESTIMATE_QUEUE ? "estimated wait" : "oldest's wait",
		             q->callback.threshold_s, q->callback.accept * 100);
	}
	if (q->channel == CC_CHANNEL_CALLBACK) {
		const struct cc_callback_dial_cfg *d = &q->dialing;
		fprintf(out, "; dials after %.1fs pending, rings %.1fs, reaches %g%%", d->pending.mean,
		             d->dial.mean, d->reach * 100);
		if (d->retries)
			fprintf(out, ", %d retr%s after %gs", d->retries, d->retries > 1 ? "ies" : "y",
			             d->retry_delay_s);
	}
	if (q->capacity >= 0)
		fprintf(out, "; at most %d waiting (then busy signals)", q->capacity);
	if (q->balk.share > 0) {
		fprintf(out, "; %g%% balk", q->balk.share * 100);
		if (q->balk.threshold_s >= 0)
			fprintf(out, " when the %s exceeds %gs",
			        q->balk.estimate == CC_ESTIMATE_QUEUE ? "estimated wait" : "oldest's wait",
			        q->balk.threshold_s);
		else
			fprintf(out, " rather than wait");
	}
	if (q->redial.share > 0) {
		fprintf(out, "; %g%% of those who leave unserved call again", q->redial.share * 100);
		if (q->redial.queue >= 0) {
			fprintf(out, " at ");
			put_line_name(out, scn, (size_t)q->redial.queue);
		}
		fprintf(out, " after %.1fs on average, at most %d time%s", q->redial.delay.mean,
		        q->redial.max, q->redial.max > 1 ? "s" : "");
	}
	if (q->n_rings) {
		fprintf(out, "; rings");
		for (size_t i = 0; i < q->n_rings; i++)
			fprintf(out, "%s level %d+ from %gs", i ? "," : "", q->rings[i].level,
			             q->rings[i].after_s);
	}
	fputc('\n', out);
	for (size_t i = 0; i < q->n_transfers; i++)
		describe_quick_connect(out, scn, q, &q->transfers[i]);
}

/* The sites with their shares at time 0, each change of the traffic distribution with the
 * groups it moves, and how moved agents come back (only with several sites). */
static void describe_regions(FILE *out, const struct cc_scenario *scn)
{
	const struct cc_regions_cfg *rg = &scn->regions;
	if (rg->n < 2)
		return;
	fprintf(out, "  sites:");
	for (size_t r = 0; r < rg->n; r++)
		fprintf(out, "%s %s %g%%", r ? "," : "", rg->names[r], rg->shares[r] * 100);
	fprintf(out, " of every queue's arrivals (queues named <queue>@<site> in the results)\n");
	size_t moves = 0;
	for (size_t c = 0; c < rg->n_changes; c++) {
		const struct cc_traffic_change_cfg *ch = &rg->changes[c];
		char at[32];
		cc_duration_format(ch->at_s, at, sizeof at);
		fprintf(out, "    at %s:", at);
		if (ch->shares)
			for (size_t r = 0; r < rg->n; r++)
				fprintf(out, "%s %s %g%%", r ? "," : "", rg->names[r], ch->shares[r] * 100);
		else
			fprintf(out, " shares unchanged");
		for (size_t m = 0; m < ch->n_moves; m++)
			fprintf(out, "%s %s to %s", m ? "," : "; moves", scn->groups[ch->moves[m].group].name,
			             rg->names[ch->moves[m].to]);
		moves += ch->n_moves;
		fputc('\n', out);
	}
	if (moves) {
		char b1[96], b2[96];
		fprintf(out, "  moved agents: Available %s", rg->automatic ? "on arrival (automatic)" : "after ");
		if (!rg->automatic)
			fprintf(out, "%s", brief_dist(&rg->available_after, b1, sizeof b1));
		fprintf(out, "; %g%% of the customers whose chat or task a move ends start again after %s\n",
		             rg->restart * 100, brief_dist(&rg->restart_delay, b2, sizeof b2));
	}
}

/* One line per routing profile used: concurrency, cross-channel, and its queues (lines,
 * served in the site of the group). */
static void describe_profile(FILE *out, const struct cc_scenario *scn,
                             const struct cc_routing_profile_cfg *p)
{
	fprintf(out, "  profile %s:", p->name);
	const char *sep = " ";
	for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++)
		if (p->concurrency[ch]) {
			fprintf(out, "%s%s %d", sep, cc_channel_name((enum cc_channel)ch), p->concurrency[ch]);
			sep = ", ";
		}
	fprintf(out, "%s; queues", p->cross_channel ? ", cross-channel" : "");
	for (size_t i = 0; i < p->n_queues; i++) {
		const struct cc_profile_queue_cfg *pq = &p->queues[i];
		fprintf(out, "%s ", i ? "," : "");
		put_line_name(out, scn, pq->queue);
		fprintf(out, " (priority %d", pq->priority);
		if (pq->delay_s > 0)
			fprintf(out, ", delay %gs", pq->delay_s);
		if (pq->level != 1)
			fprintf(out, ", level %d", pq->level);
		fputc(')', out);
	}
	fputc('\n', out);
}

/* One line per group for "ccsim check": its site (with several), size, schedule, routing
 * profile and habits. */
static void describe_group(FILE *out, const struct cc_scenario *scn, const struct cc_group_cfg *g)
{
	fprintf(out, "  group %s", g->name);
	if (scn->regions.n > 1)
		fprintf(out, " at %s", scn->regions.names[g->region]);
	fprintf(out, ": %d agents", g->count);
	if (g->n_shifts)
		fprintf(out, " in %zu shift%s", g->n_shifts, g->n_shifts > 1 ? "s" : "");
	else if (g->profile)
		fprintf(out, " (peak of a day profile)");
	fprintf(out, ", routing profile %s", scn->profiles[g->routing].name);
	fprintf(out, "; log in %s", cc_scenario_status_name(scn, (size_t)g->login_status));
	if (g->n_planned || g->n_unplanned)
		fprintf(out, ", %zu planned and %zu unplanned statuses", g->n_planned, g->n_unplanned);
	if (g->answer.delay.mean > 0 || g->answer.miss > 0 || g->answer.away_per_hour > 0)
		fprintf(out, ", answer after %.1fs on average, miss %g%%%s", g->answer.delay.mean,
		             g->answer.miss * 100, g->answer.away_per_hour > 0 ? ", away at times" : "");
	if (g->rona.not_ready_after > 0)
		fprintf(out, ", %s after %d consecutive misses for %.1fs on average",
		             cc_scenario_status_name(scn, (size_t)g->rona.not_ready_status),
		             g->rona.not_ready_after, g->rona.not_ready.mean);
	if (isfinite(g->acw_limit_s))
		fprintf(out, ", ACW limit %gs", g->acw_limit_s);
	if (g->outbound.per_hour > 0)
		fprintf(out, ", outbound %g/h", g->outbound.per_hour);
	fputc('\n', out);
}

void cc_describe_scenario(const struct cc_scenario *scn, FILE *out)
{
	char horizon[32], warmup[32], interval[32];
	cc_duration_format(scn->horizon_s, horizon, sizeof horizon);
	cc_duration_format(scn->warmup_s, warmup, sizeof warmup);
	cc_duration_format(scn->interval_s, interval, sizeof interval);
	fprintf(out, "%s: valid. %s, warm-up %s, %s intervals, %d replications, seed %llu\n", scn->path,
	             horizon, warmup, interval, scn->replications, (unsigned long long)scn->seed);
	if (cc_clock_has_start(scn)) {
		char clock[64];
		fprintf(out, "  clock: time 0 is %s%s%s; intervals and times of day read as clock times\n",
		             scn->date, scn->date[0] ? " " : "", cc_clock_label(scn, 0, clock, sizeof clock));
	}
	const struct cc_policy *policy = cc_policy_find(scn->routing.policy);
	fprintf(out, "  routing: %s, %s; idle timer from the last %s\n", policy->name, policy->summary,
	             scn->routing.idle_inbound ? "inbound contact" : "activity");
	if (scn->busyness.on) {
		fprintf(out, "  busyness: a factor on every queue's rates (but those with their own), "
		             "drawn per replication: ");
		put_busyness(out, &scn->busyness);
		fputc('\n', out);
	}
	describe_regions(out, scn);
	for (size_t i = 0; i < scn->n_lines; i++)
		describe_queue(out, scn, &scn->queues[i]);
	for (size_t i = 0; i < scn->n_groups; i++)
		describe_group(out, scn, &scn->groups[i]);
	/* Each profile once, in the scenario's order; profiles no group uses are left out. */
	for (size_t r = 0; r < scn->n_profiles; r++) {
		int used = 0;
		for (size_t i = 0; i < scn->n_groups; i++)
			used |= scn->groups[i].routing == r;
		if (used)
			describe_profile(out, scn, &scn->profiles[r]);
	}
	if (scn->n_statuses) {
		fprintf(out, "  statuses:");
		for (size_t s = 0; s < scn->n_statuses; s++)
			fprintf(out, " %s", scn->statuses[s]);
		fputc('\n', out);
	}
	fprintf(out, "  offer timeouts:");
	for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++)
		fprintf(out, " %s %gs", cc_channel_name((enum cc_channel)ch), scn->channels[ch].offer_timeout_s);
	fputc('\n', out);
	for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
		const struct cc_channel_cfg *c = &scn->channels[ch];
		if (!c->n_slowdown)
			continue;
		fprintf(out, "  %s slowdown (talk time with 1, 2... contacts in hand):",
		             cc_channel_name((enum cc_channel)ch));
		for (size_t i = 0; i < c->n_slowdown; i++)
			fprintf(out, " x%g", c->slowdown[i]);
		fputc('\n', out);
	}
	fprintf(out, "  memory: about %.0f MiB at the peak on one thread, %.0f MiB on two\n",
	             cc_run_memory_estimate(scn, 1, 0, 0) / 1048576,
	             cc_run_memory_estimate(scn, 2, 0, 0) / 1048576);
}
