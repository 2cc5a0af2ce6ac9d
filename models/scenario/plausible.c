/* Plausibility: what loads but is almost surely mistyped, as warnings. */
#include "models/scenario/loader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Means beyond this (handle, ACW, patience) are milliseconds or minutes typed as seconds. */
#define PLAUSIBLE_MEAN_S (4 * 3600.0)
/* Offer timeouts outside these bounds: milliseconds typed as seconds, or the reverse. */
#define PLAUSIBLE_TIMEOUT_MIN_S 1.0
#define PLAUSIBLE_TIMEOUT_MAX_S 3600.0
/* Offered load above this many times the agents who could take it. */
#define PLAUSIBLE_LOAD 2.0

/* The setting at PATH ("queues.[0]"), or the root when it is not written. */
static const config_setting_t *at(const config_t *cfg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static const config_setting_t *at(const config_t *cfg, const char *fmt, ...)
{
	char path[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	const config_setting_t *s = config_lookup(cfg, path);
	return s ? s : config_root_setting(cfg);
}

/* The highest rate of queue Q, contacts an hour. */
static double peak_rate(const struct cc_queue_cfg *q)
{
	double rate = 0;
	for (size_t i = 0; i < q->n_rates; i++)
		rate = fmax(rate, q->per_hour[i]);
	return rate;
}

static void plausible_queues(struct loader *L, const config_t *cfg, const struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++) {
		const struct cc_queue_cfg *q = &scn->queues[i];
		struct { const char *key; const struct cc_dist *d; int used;
		         const struct cc_dist_steps *steps; } means[] = {
			{ "handle", &q->handle, 1, &q->handle_steps },
			{ "acw", &q->acw, 1, &q->acw_steps },
			{ "patience", &q->patience, q->has_patience, &q->patience_steps },
		};
		for (size_t k = 0; k < sizeof means / sizeof means[0]; k++) {
			/* Given per step: the longest step's mean. */
			double mean = means[k].d->mean;
			for (size_t j = 0; j < means[k].steps->n; j++)
				mean = fmax(mean, means[k].steps->steps[j].mean);
			if (!means[k].used || !(mean > PLAUSIBLE_MEAN_S))
				continue;
			/* Named at the distribution's "mean", or its "value", when written. */
			const config_setting_t *d = at(cfg, "queues.[%zu].%s", i, means[k].key);
			const char *key = config_setting_get_member(d, "mean") ? "mean"
			                : config_setting_get_member(d, "value") ? "value" : NULL;
			cc_load_warn(L, d, key, "a mean of %.0f s (%.1f h) is longer than any %s a contact center "
			             "sees (minutes or milliseconds typed as seconds?)", mean, mean / 3600,
			             means[k].key);
		}
		/* Deferrable contacts may well be due after the horizon (an email within a day). */
		if (q->sl_threshold_s > scn->horizon_s && !cc_channel_deferrable(q->channel))
			cc_load_warn(L, at(cfg, "queues.[%zu]", i), "service_level.threshold",
			             "%.0f s is longer than the horizon (%.0f s): every answered contact meets it",
			             q->sl_threshold_s, scn->horizon_s);
	}
}

static void plausible_channels(struct loader *L, const config_t *cfg, const struct cc_scenario *scn)
{
	for (int c = 0; c < CC_CHANNEL_COUNT; c++) {
		int used = 0;
		for (size_t i = 0; i < scn->n_lines; i++)
			used |= scn->queues[i].channel == (enum cc_channel)c;
		if (!used)
			continue;
		double t = scn->channels[c].offer_timeout_s;
		if (t < PLAUSIBLE_TIMEOUT_MIN_S || t > PLAUSIBLE_TIMEOUT_MAX_S)
			cc_load_warn(L, at(cfg, "channels.%s", cc_channel_name(c)), "offer_timeout",
			             "an offer that rings for %g s (%s) is %s", t,
			             t < PLAUSIBLE_TIMEOUT_MIN_S ? "under a second" : "over an hour",
			             t < PLAUSIBLE_TIMEOUT_MIN_S ? "missed by nearly every agent, and re-offered "
			             "as often (milliseconds typed as seconds?)" : "never missed in practice (a "
			             "unit slip?)");
		/* Load on the channel against the agents who could take it at once. */
		double load = 0, capacity = 0, most = 0;
		size_t busiest = 0;
		for (size_t i = 0; i < scn->n_lines; i++) {
			const struct cc_queue_cfg *q = &scn->queues[i];
			double erlangs = peak_rate(q) * (q->handle.mean + q->acw.mean) / 3600;
			if (q->channel != (enum cc_channel)c)
				continue;
			load += erlangs;
			if (erlangs > most)
				most = erlangs, busiest = i;
		}
		for (size_t g = 0; g < scn->n_groups; g++)
			capacity += (double)scn->groups[g].count *
			            scn->profiles[scn->groups[g].routing].concurrency[c];
		if (load > PLAUSIBLE_LOAD * capacity && capacity > 0)
			cc_load_warn(L, at(cfg, "queues.[%zu]", busiest), NULL,
			             "the peak offered load of the %s queues, %.1f erlangs (this one %.1f), is more "
			             "than %.0f times what all their agents can hold at once (%.0f): a handle time "
			             "or a rate in the wrong unit, or agents missing?", cc_channel_name(c), load, most,
			             PLAUSIBLE_LOAD, capacity);
	}
	for (size_t g = 0; g < scn->n_groups; g++) {
		const struct cc_group_cfg *grp = &scn->groups[g];
		const struct cc_routing_profile_cfg *prof = &scn->profiles[grp->routing];
		for (int c = 0; c < CC_CHANNEL_COUNT; c++)
			if (prof->concurrency[c] && grp->answer.delay.mean > scn->channels[c].offer_timeout_s) {
				cc_load_warn(L, at(cfg, "agents.[%zu]", g), "answer.delay",
				             "a mean answer delay of %g s is longer than the %s offer timeout (%g s): "
				             "most offers will be missed", grp->answer.delay.mean, cc_channel_name(c),
				             scn->channels[c].offer_timeout_s);
				break;
			}
	}
}

/* Warnings, after a successful load, about what is almost surely mistyped. */
void cc_load_plausibility(struct loader *L, const config_t *cfg, struct cc_scenario *scn)
{
	plausible_queues(L, cfg, scn);
	plausible_channels(L, cfg, scn);
}
