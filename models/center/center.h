#ifndef CC_CENTER_H
#define CC_CENTER_H

#include <stdint.h>

#include "models/figures/metrics.h"
#include "models/scenario/scenario.h"
#include "sim/runner.h"
#include "sim/stats.h"

/*
 * One replication of the contact center: contacts arrive at queues and wait in arrival
 * order; the longest-ready agent of a group serving the queue is offered the contact, and
 * accepts it after a drawn delay, or misses it (RONA) when the channel's offer timeout comes
 * first, the contact then going back to its place in the queue. Connected contacts talk,
 * then the agent does after-contact work (capped by the group's ACW limit). Agents log in
 * and out by their roster, take planned and unplanned not-productive statuses (as their next
 * status when busy), step away, and place outbound calls. Customers abandon when their
 * patience runs out, whether waiting or ringing.
 *
 * Ties at equal times are settled by event class, lower first:
 *   0  statuses falling due, logins and logouts: a break due as an agent is freed is taken
 *      before the next contact;
 *   1  an agent is freed (talk, ACW or a status ends): a contact arriving at the same
 *      instant finds the agent free;
 *   2  an agent answers an offer;
 *   3  a contact arrives;
 *   4  a customer's patience ends: an agent answering at that very instant answers it, and
 *      so does an agent freed then who answers at once (with an answer delay the contact
 *      starts ringing and the customer hangs up during the ring);
 *   5  an offer times out: an answer at exactly the timeout is an answer.
 * Events at or after the horizon are not processed; what is in the system then is counted
 * as still waiting (ringing included) or still in service.
 *
 * Randomness: each queue has an arrival stream and an attribute stream, derived from the
 * queue's name; a contact draws its handle time, patience and ACW from its queue's attribute
 * stream on arrival, in that order, whatever becomes of it. Each agent has its own stream
 * (from its group's name and place) for answers, statuses and outbound calls. Changes of
 * staffing, timeouts or agent habits therefore leave every contact as it was (common random
 * numbers). With no agent behaviour switched on, no agent draw is made and the only events
 * added are the logins at time 0: the figures are those of the foundation model, bit for bit.
 */

/*
 * The purposes of random streams: a stream is cc_rng_create(seed, replication,
 * cc_rng_source_id(NAME, PURPOSE)), NAME a queue line's name as written or an agent group's
 * name. These numbers are part of the reproducibility contract: changing one changes every
 * figure of every scenario that uses it.
 */
enum cc_stream_purpose {
	CC_STREAM_ARRIVALS = 1,   /* a queue line's arrival times */
	CC_STREAM_ATTRIBUTES = 2, /* a queue line's contacts: handle, patience, ACW, classes... */
	CC_STREAM_REGION = 3,     /* a queue line's draws of the region an arrival goes to */
	CC_STREAM_BUSYNESS = 4,   /* a queue line's own busyness factor (arrivals.busyness) */
	CC_STREAM_DAY = 5,        /* the scenario's busyness factor, NAME "busyness" */
	CC_STREAM_CUSTOMER = 6,   /* a queue line's customers' choices: balking, calling again,
	                             and the redials' delays (only lines with balk or redial) */
	CC_STREAM_SILENT = 7,     /* a queue line's silent abandonment: who, and the timeout */
	CC_STREAM_AGENT = 1000    /* + the agent's place in its group: its own habits */
};

/*
 * Where a replication's interval rows go as they close: ROW(CTX, X) receives each reported
 * interval's raw sums once nothing can add to them any more, in interval order, every
 * interval once (X is valid during the call only). A row closes once its interval has ended,
 * every agent, group, queue and contact in hand has accounted its time up to the row's end
 * at least, and no contact that may still count in it by its arrival (or its customer's
 * first arrival) is in the system; the rest close at the horizon. Rows stay in memory until
 * then, so memory follows the longest such span, not the horizon. When more than
 * CC_CENTER_MAX_OPEN_ROWS rows wait only on time not yet accounted, that time is accounted
 * up to the row's end at once; the sums are the same up to the order of floating-point
 * additions.
 */
struct cc_row_sink {
	void (*row)(void *ctx, const struct cc_raw_row *x);
	void *ctx;
	int at_horizon; /* hand every row over only at the horizon: the same rows, for checking
	                   that closing them early loses nothing */
};

#define CC_CENTER_MAX_OPEN_ROWS 256

/*
 * The stall guard. A replication whose clock stands still or crawls (a loop of events that
 * moves it by nothing or next to nothing, which the floor on durations, CC_MIN_DURATION_S,
 * leaves to odd distributions and to defects) is ended when, over a window of
 * CC_CENTER_STALL_WINDOW events (or CC_CENTER_STALL_WINDOW_PER_AGENT per agent, if more;
 * rounded up to the progress checks, 65,536 events), the clock moves less than one simulated
 * second for every CC_CENTER_MAX_EVENT_RATE x (agents + contacts arriving a second at the
 * queues' peak rates + 1) events. Real centers make a few events a second per agent and per
 * arrival a second; the shipped scenarios stay below one. OUT->stalled then names the
 * settings most likely to blame.
 */
#define CC_CENTER_STALL_WINDOW (1u << 20)
#define CC_CENTER_STALL_WINDOW_PER_AGENT 20
#define CC_CENTER_MAX_EVENT_RATE 100.0

/*
 * Runs replication REPLICATION of SCN on GRID: its interval rows go to SINK (may be NULL),
 * its totals, counts, records and events to OUT (initialised by the caller with
 * cc_rep_result_init; the totals complete when this returns). PROGRESS, if not NULL,
 * receives events and simulated time as it goes, and stops the run early when its stop flag
 * is set (OUT is then incomplete), or when its clock stops advancing (OUT->stalled).
 * Allocates its pools up front and as they grow; nothing per
 * event once they have peaked.
 */
void cc_center_run(const struct cc_scenario *scn, const struct cc_grid *grid,
                   uint64_t replication, struct cc_rep_result *out,
                   const struct cc_row_sink *sink, struct cc_progress *progress);

/*
 * The busyness factor on queue line LINE's rates in replication REPLICATION: 1 without one
 * (and for a queue replaying a trace, see cc_queue_has_busyness);
 * the queue's own (drawn from its stream CC_STREAM_BUSYNESS) or else the scenario's (stream
 * "busyness", CC_STREAM_DAY, the same for every queue that uses it). One draw from a stream of
 * its own, so no other draw moves; a pure function of (seed, replication), so the results
 * file can record the factors without the replication handing them over.
 */
double cc_center_busyness(const struct cc_scenario *scn, size_t line, uint64_t replication);

/* Contacts expected to arrive in one replication (the lines' rates over the horizon). */
double cc_center_expected_contacts(const struct cc_scenario *scn);

/* About how many bytes one replication of SCN holds while it runs (agents, contacts in the
 * system, the calendar, open rows), not counting contact records and agent events. */
double cc_center_bytes(const struct cc_scenario *scn);

#endif
