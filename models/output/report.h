#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stdio.h>

#include "models/run/run.h"

/*
 * What a run prints: a readable table per queue, per channel (when the queues span more than
 * one channel) and per agent group (whole post-warm-up horizon, mean ± 95 % half-width across
 * replications), or the same as JSON.
 */

void cc_report_table(FILE *out, const struct cc_run *run, const char *results_path);

/* Per queue, one row per interval (its clock time): offered, answered, abandonment, service
 * level, ASA, occupancy and agents staffed, mean ± 95 % half-width, the intervals whose
 * service level misses the queue's target marked. Needs the run's kept interval summaries. */
void cc_report_intervals(FILE *out, const struct cc_run *run);

/*
 * JSON on one object: {"scenario", "replications", "seed", ..., "queues": [{"name",
 * "channel", <every queue figure>: {"mean", "ci95"}}], "groups": [{"name", <every group
 * figure>: {...}, "statuses": {"<status>": {<every status figure>: {...}}}, "channels":
 * {"<channel>": {<every group-channel figure>: {...}}}}], "channels": [{"name", <every
 * channel figure>: {...}}], "performance"}. "channels" lists the channels that have a queue;
 * a group's "channels" those it handles (its routing profile's, its queues', or any it held
 * contacts of). Figures cover the whole horizon after warm-up; undefined values are null.
 * When the run kept them, each figure also has "intervals": {"mean": [...], "ci95": [...]}
 * (one value per reported interval, listed at the top under "intervals": {"start_s",
 * "length_s", "clock"}) and "replications": [...] (its total in each replication).
 */
void cc_report_json(FILE *out, const struct cc_run *run, const char *results_path);

/* A JSON string (quotes and control characters escaped), and a number exactly (null when not
 * finite): the pieces every JSON output of ccsim is written with. */
void cc_report_json_string(FILE *out, const char *s);
void cc_report_json_number(FILE *out, double v);

#endif
