#ifndef CC_SCENARIO_H
#define CC_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "sim/dist.h"
#include "sim/status.h"

/*
 * A scenario: everything one run needs, as plain structs copied out of the scenario file.
 * The loader (the only code that uses libconfig) validates every setting, so the model can
 * trust what it finds here. The schema is documented in scenarios/README.md.
 */

enum cc_channel { CC_CHANNEL_VOICE, CC_CHANNEL_CHAT, CC_CHANNEL_EMAIL, CC_CHANNEL_TASK,
                  CC_CHANNEL_CALLBACK, CC_CHANNEL_COUNT };

const char *cc_channel_name(enum cc_channel ch);

enum cc_arrival_process {
	CC_ARRIVALS_POISSON,      /* exponential gaps at the (piecewise constant) rate */
	CC_ARRIVALS_DETERMINISTIC /* evenly spaced at the rate: one every 3600/per_hour s */
};

struct cc_queue_cfg {
	char *name;
	enum cc_channel channel;
	enum cc_arrival_process process;
	double *per_hour;   /* rate per interval of the grid from time 0; held at the last value */
	size_t n_rates;     /* >= 1 */
	double rate_width_s;/* the width of a rate's interval (the scenario's interval) */
	struct cc_dist handle;
	struct cc_dist acw;
	struct cc_dist patience;
	int has_patience;   /* 0: nobody abandons */
	double sl_threshold_s;
	double sl_target;
};

struct cc_group_cfg {
	char *name;
	int count;          /* agents, present for the whole horizon */
	size_t *skills;     /* queue indexes, in the order the group serves them */
	size_t n_skills;
};

struct cc_scenario {
	char *name;
	char *path;         /* the file it came from */
	char *text;         /* the file's text, for provenance */
	char *overrides;    /* "--set" assignments applied, one per line ("" when none) */
	uint64_t seed;
	double horizon_s;
	double warmup_s;
	double interval_s;
	int replications;
	struct cc_queue_cfg *queues;
	size_t n_queues;
	struct cc_group_cfg *groups;
	size_t n_groups;
	int contact_records; /* write one row per contact record */
};

/*
 * Loads PATH, applying the N_SETS overrides SETS ("queues.[0].handle.mean=200s" or
 * "queues.sales.handle.mean=200s") before validation. On failure returns CC_ERR_SCENARIO
 * (or CC_ERR_IO when the file cannot be read) with "file:line: setting: problem" in ERR.
 */
enum cc_status cc_scenario_load(const char *path, const char *const *sets, size_t n_sets,
                                struct cc_scenario *scn, char *err, size_t errlen);

void cc_scenario_fini(struct cc_scenario *scn);

/* Index of the queue or group named NAME, or -1. */
long cc_scenario_queue_index(const struct cc_scenario *scn, const char *name);

/* Total agents over all groups. */
long cc_scenario_agents(const struct cc_scenario *scn);

#endif
