#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stdio.h>

#include "models/run.h"

/*
 * What a run prints: a readable table per queue, per channel (when the queues span more than
 * one channel) and per agent group (whole post-warm-up horizon, mean ± 95 % half-width across
 * replications), or the same as JSON.
 */

void cc_report_table(FILE *out, const struct cc_run *run, const char *results_path);

/*
 * JSON on one object: {"scenario", "replications", "seed", ..., "queues": [{"name",
 * "channel", <every queue figure>: {"mean", "ci95"}}], "groups": [{"name", <every group
 * figure>: {...}, "statuses": {"<status>": {<every status figure>: {...}}}, "channels":
 * {"<channel>": {<every group-channel figure>: {...}}}}], "channels": [{"name", <every
 * channel figure>: {...}}], "performance"}. "channels" lists the channels that have a queue;
 * a group's "channels" those it handles (its routing profile's, its queues', or any it held
 * contacts of). Figures cover the whole horizon after warm-up; undefined values are null.
 */
void cc_report_json(FILE *out, const struct cc_run *run, const char *results_path);

#endif
