#ifndef CC_CENTER_H
#define CC_CENTER_H

#include <stdint.h>

#include "models/metrics.h"
#include "models/scenario.h"
#include "sim/runner.h"
#include "sim/stats.h"

/*
 * One replication of the contact center: contacts arrive at queues, wait FIFO, are
 * connected to the longest-idle agent of a group that serves the queue, talk, do
 * after-contact work (the agent stays busy until ACW ends), or abandon when their patience
 * runs out first.
 *
 * Ties at equal times are settled by event class, lower first:
 *   0  an agent is freed (talk or ACW ends): a contact arriving at the same instant finds
 *      the agent free;
 *   1  a contact arrives;
 *   2  a waiting contact's patience ends: an agent freed at that very instant answers it,
 *      so a wait equal to the patience counts as answered.
 * Events at or after the horizon are not processed; what is in the system then is counted
 * as still waiting or still in service.
 *
 * Randomness: each queue has an arrival stream and an attribute stream, derived from the
 * queue's name; a contact draws its handle time, patience and ACW from its queue's attribute
 * stream on arrival, in that order, whatever becomes of it. Staffing changes therefore leave
 * every contact as it was (common random numbers).
 */

/*
 * Runs replication REPLICATION of SCN on GRID into OUT (initialised by the caller with
 * cc_rep_result_init). PROGRESS, if not NULL, receives events and simulated time as it goes.
 * Allocates its pools up front and as they grow; nothing per event once they have peaked.
 */
void cc_center_run(const struct cc_scenario *scn, const struct cc_grid *grid,
                   uint64_t replication, struct cc_rep_result *out,
                   struct cc_progress *progress);

#endif
