/*
 * The table of every setting. Rows of a group come in the order the loader lists them as
 * known keys; defaults in FIELD are set before a group is read (load.c), so a row's DEF and
 * DEF_DOC say the same thing twice, side by side.
 */
#include "models/scenario/schema.h"

#include <math.h>
#include <stdint.h>

#include "models/scenario/scenario.h"

#define N(rows) (sizeof rows / sizeof rows[0])
/* The group's settings are fields of the enclosing struct itself. */
#define HERE 1
#define REQ CC_SETTING_REQUIRED
#define OWN CC_SETTING_OWN_TABLE
#define POS CC_SETTING_POSITIVE
#define HOOK CC_SETTING_HOOK
#define TEXT_ROW { "description", CC_SETTING_TEXT, 0, 0, 0, NAN, "", "", "free text", .field = 0 }

static const char *const timers[] = { "activity", "inbound", NULL };
static const char *const per_replication[] = { "totals", "intervals", NULL };

/* ---- channels ---- */

static const struct cc_setting channel_rows[] = {
	{ "offer_timeout", CC_SETTING_DURATION, POS, 0, 0, NAN,
	  "18 s for `voice` and `callback`, 30 s for `chat`, `email` and `task`", "s",
	  "how long an offer rings at an agent before it counts as missed (RONA)",
	  .field = CC_FIELD(struct cc_channel_cfg, offer_timeout_s) },
	{ "slowdown", CC_SETTING_NUMBERS, 0, 1, 100, NAN, "none", "",
	  "talk-time factors by the number of the channel's contacts an agent talks on at once: "
	  "while it talks on *n* of them, each one's talk takes `slowdown[n-1]` times as long (the "
	  "last value holds beyond the array; 1: full speed). `[ 1.0, 1.2, 1.45 ]`: two chats at "
	  "once each go 1.2 times slower, three 1.45 times", .field = 0 },
};
static const struct cc_schema channel = { "channels.<channel>", channel_rows, N(channel_rows), 0 };

/* ---- routing and output ---- */

static const struct cc_setting routing_rows[] = {
	{ "policy", CC_SETTING_POLICY, 0, 0, 0, NAN, "`\"longest_idle\"`", "",
	  "who gets which contact; one of the policies below", .field = 0 },
	{ "idle_timer", CC_SETTING_ENUM, 0, 0, 0, 0, "`\"activity\"`", "",
	  "what an agent's idle timer counts from: `\"activity\"`, its last activity (any change of "
	  "status or of its contacts, so a break or an outbound call restarts it); `\"inbound\"`, "
	  "its last inbound contact (or its login), so breaks and outbound calls do not send it to "
	  "the back of the line", .choices = timers, .what = "idle timer",
	  .field = CC_FIELD(struct cc_routing_cfg, idle_inbound) },
};
static const struct cc_schema routing = { "routing", routing_rows, N(routing_rows), 0 };

static const struct cc_setting output_rows[] = {
	{ "replications", CC_SETTING_ENUM, 0, 0, 0, NAN, "`\"totals\"`", "",
	  "what is written of each replication: its figures over the whole horizon (always, for "
	  "paired comparisons), and with `\"intervals\"` also its figures per interval "
	  "(`/replications/intervals`; written in blocks as replications finish, chunked and "
	  "compressed, never held whole in memory). The summaries across replications are written "
	  "either way", .choices = per_replication, .field = 0 },
	{ "contact_records", CC_SETTING_BOOL, 0, 0, 0, 0, "false", "",
	  "write one row per contact record to `/contacts/records`",
	  .field = CC_FIELD(struct cc_scenario, contact_records) },
	{ "agent_events", CC_SETTING_BOOL, 0, 0, 0, 0, "false", "",
	  "write the agent event stream: one row per change of an agent's status or contact",
	  .field = CC_FIELD(struct cc_scenario, agent_events) },
};
static const struct cc_schema output = { "output", output_rows, N(output_rows), 0 };

/* ---- regions ---- */

static const struct cc_setting site_rows[] = {
	{ "name", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",
	  "unique; the rules of queue names, and no `@`", .field = 0 },
	{ "share", CC_SETTING_SHARE, REQ, 0, 1, NAN, "", "",
	  "of every queue's arrivals at time 0; the sites' shares add up to 1", .field = 0 },
	TEXT_ROW,
};
static const struct cc_schema site = { "regions.sites.[i]", site_rows, N(site_rows), 0 };

static const struct cc_setting region_move_rows[] = {
	{ "group", CC_SETTING_AGENTS, REQ, 0, 0, NAN, "", "", "the agent group that moves",
	  .field = 0 },
	{ "to", CC_SETTING_SITE, REQ, 0, 0, NAN, "", "",
	  "the site it moves to: another than the one it is in",
	  .field = CC_FIELD(struct cc_region_move_cfg, to) },
};
static const struct cc_schema region_move = { "regions.changes.[i].move.[i]", region_move_rows,
	                                      N(region_move_rows),
	                                      sizeof(struct cc_region_move_cfg) };

static const struct cc_setting change_rows[] = {
	{ "at", CC_SETTING_TIME, REQ, 0, 0, NAN, "", "s",
	  "when, from time 0: before the horizon, not before the previous change",
	  .field = CC_FIELD(struct cc_traffic_change_cfg, at_s) },
	{ "shares", CC_SETTING_PER_SITE, 0, 0, 1, NAN, "unchanged", "",
	  "the new share of each site, by name; every site given, adding up to 1", .field = 0 },
	{ "move", CC_SETTING_LIST, 0, 0, 0, NAN, "none",
	  "", "groups moved at that time: `{ group = \"east-team\"; to = \"west\"; }` (a group moves at "
	  "most once per change, and to another site than the one it is in)",
	  .sub = &region_move, .field = CC_FIELD(struct cc_traffic_change_cfg, moves),
	  .count = CC_FIELD(struct cc_traffic_change_cfg, n_moves),
	  .empty = "must list at least one group (leave move out for none)" },
};
static const struct cc_schema change = { "regions.changes.[i]", change_rows, N(change_rows),
	                                 sizeof(struct cc_traffic_change_cfg) };

static const struct cc_setting move_rows[] = {
	{ "available_after", CC_SETTING_TIMING, 0, 0, 0, NAN, "uniform, 1 to 2 m", "s",
	  "how long a moved agent takes to choose Available after arriving",
	  .field = CC_FIELD(struct cc_regions_cfg, available_after) },
	{ "automatic", CC_SETTING_BOOL, 0, 0, 0, 0, "false", "",
	  "`true`: a custom desktop sets moved agents Available on arrival",
	  .field = CC_FIELD(struct cc_regions_cfg, automatic) },
	{ "restart", CC_SETTING_SHARE, 0, 0, 1, 0.5, "0.5", "",
	  "probability a customer whose chat or task a move ended starts again",
	  .field = CC_FIELD(struct cc_regions_cfg, restart) },
	{ "restart_delay", CC_SETTING_TIMING, 0, 0, 0, 60, "1 m", "s",
	  "from the end of that contact to the customer starting again",
	  .field = CC_FIELD(struct cc_regions_cfg, restart_delay) },
};
static const struct cc_schema move = { "regions.move", move_rows, N(move_rows), 0 };

static const struct cc_setting regions_rows[] = {
	{ "sites", CC_SETTING_LIST, REQ, 0, 0, NAN, "", "", "the sites, at least one",
	  .sub = &site, .field = 0 },
	{ "changes", CC_SETTING_LIST, 0, 0, 0, NAN, "none", "",
	  "changes of the traffic distribution, in time order", .sub = &change,
	  .field = CC_FIELD(struct cc_regions_cfg, changes),
	  .count = CC_FIELD(struct cc_regions_cfg, n_changes),
	  .empty = "must list at least one change (leave changes out for none)" },
	{ "move", CC_SETTING_GROUP, 0, 0, 0, NAN, "", "", "how agents who move between sites "
	  "come back, and what becomes of the contacts a move ends", .sub = &move, .field = HERE },
};
static const struct cc_schema regions = { "regions", regions_rows, N(regions_rows), 0 };

/* ---- queues ---- */

/* A busyness factor's rows: the scenario's and a queue's own are the same settings, in two
 * tables (each row of the schema is one setting, at one place). */
#define BUSYNESS_ROWS                                                                        \
	{ "dist", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",                                   \
	  "`\"gamma\"` (the usual choice) or `\"lognormal\"`: a distribution given by mean and sd", \
	  .field = 0 },                                                                        \
	{ "mean", CC_SETTING_NUMBER, 0, 0, 100, NAN, "1", "",                                \
	  "the factor's mean, above 0 (1: the rates as written, on average)", .field = 0 },    \
	{ "sd", CC_SETTING_NUMBER, REQ, 0, 10, NAN, "", "",                                  \
	  "the factor's standard deviation; 0: the mean exactly, nothing drawn", .field = 0 }
static const struct cc_setting busyness_rows[] = { BUSYNESS_ROWS };
static const struct cc_schema busyness = { "busyness", busyness_rows, N(busyness_rows), 0 };
static const struct cc_setting queue_busyness_rows[] = { BUSYNESS_ROWS };
static const struct cc_schema queue_busyness = { "queues.[i].arrivals.busyness",
	                                         queue_busyness_rows, N(queue_busyness_rows), 0 };

static const struct cc_setting arrivals_rows[] = {
	{ "process", CC_SETTING_ENUM, 0, 0, 0, CC_ARRIVALS_POISSON, "`\"poisson\"`", "",
	  "Poisson, evenly spaced at the rate, or `\"trace\"`: the calls of a log (`file`) "
	  "replayed",
	  .choices = cc_arrival_process_names, .what = "process",
	  .field = CC_FIELD(struct cc_queue_cfg, process) },
	{ "per_hour", CC_SETTING_RATES, 0, 0, 1e7, NAN, "", "per hour",
	  "required unless `forecast` gives the rates; a list gives one rate per `step` from time "
	  "0 (a day's forecast), held at its last value after the list ends; arrivals follow it "
	  "exactly (by inverting the cumulative rate, not by per-interval approximation)",
	  .field = 0 },
	{ "forecast", CC_SETTING_TEXT, 0, 0, 0, NAN, "", "",
	  "a CSV file (from the scenario's folder) whose rows give the queue's contacts per "
	  "`interval` instead of `per_hour`, as a WFM tool exports them: a header naming the "
	  "columns interval start (`interval_start`, `interval`, `start`, `time`...; a clock time "
	  "HH:MM with the scenario's `start`, else seconds from 0), queue (`queue`, `skill`, "
	  "`split`...: the queue's name; one file may hold several queues, each row's queue one "
	  "of the scenario's), volume (`volume`, `calls`, `contacts`, `offered`...: contacts in "
	  "the interval) and optionally AHT (`aht`, `handle_time`...: seconds), which sets the "
	  "interval's handle-time mean (each draw of `handle` scaled to it, so the distribution "
	  "keeps its shape); starts on the `interval` grid from `start`, a queue's rows going "
	  "forward, one per interval; intervals without a row, and any after the last, have no "
	  "arrivals. Not with `per_hour` or `step`", .field = 0 },
	{ "file", CC_SETTING_TEXT, 0, 0, 0, NAN, "", "",
	  "with `process = \"trace\"` (and then required): a CSV call log (from the scenario's "
	  "folder) whose rows are the queue's calls, replayed: a header naming the columns, in any "
	  "order, `arrival` (seconds from time 0, or a clock time HH:MM:SS with the scenario's "
	  "`start`; within [0, horizon), a queue's calls of a day going forward) and optionally "
	  "`queue` (the queue's name: several queues may replay one file, each its own rows), "
	  "`day` (any text: each distinct day, in order, is one replication, and there may be no "
	  "more replications than days; a day's rows together; without it every replication "
	  "replays every row), `handle_s` (the talk time in seconds), `patience_s`, `priority` (0: "
	  "no head start; k: the queue's k-th `priorities` class) and `channel` (the queue's). An "
	  "empty field is drawn from the queue's own distribution (drawn as always, then "
	  "replaced, so common random numbers hold). Not with `per_hour`, `forecast` or `step`",
	  .field = 0 },
	{ "step", CC_SETTING_DURATION, POS, 0, 0, NAN, "the scenario's `interval`", "s",
	  "how long each rate of the list lasts; set it when the forecast's step must not follow a "
	  "changed reporting `interval`", .field = 0 },
	{ "busyness", CC_SETTING_GROUP, 0, 0, 0, NAN, "the scenario's `busyness`", "",
	  "this queue's own day factor on its rates (`per_hour` or a forecast's), drawn once per "
	  "replication from a stream named after the queue; it replaces the scenario's "
	  "`busyness` for this queue (the two are not multiplied). Only on rate-based arrivals",
	  .sub = &queue_busyness, .field = 0 },
};
static const struct cc_schema arrivals = { "queues.[i].arrivals", arrivals_rows,
	                                   N(arrivals_rows), 0 };

static const struct cc_setting service_level_rows[] = {
	{ "threshold", CC_SETTING_DURATION, 0, 0, 0, 20, "`\"20s\"`", "s",
	  "answered within this wait counts as in service level",
	  .field = CC_FIELD(struct cc_queue_cfg, sl_threshold_s) },
	{ "target", CC_SETTING_SHARE, HOOK, 0, 1, 0.8, "0.80", "",
	  "the goal, recorded for reports", .field = CC_FIELD(struct cc_queue_cfg, sl_target) },
};
static const struct cc_schema service_level = { "queues.[i].service_level", service_level_rows,
	                                        N(service_level_rows), 0 };

static const struct cc_setting priority_rows[] = {
	{ "share", CC_SETTING_SHARE, REQ, 0, 1, NAN, "", "",
	  "of the queue's arrivals; all classes together at most 1",
	  .field = CC_FIELD(struct cc_priority_cfg, share) },
	{ "head_start", CC_SETTING_DURATION, REQ, 0, 0, NAN, "", "s",
	  "how much earlier than their arrival they count as queued",
	  .field = CC_FIELD(struct cc_priority_cfg, head_start_s) },
};
static const struct cc_schema priority = { "queues.[i].priorities.[i]", priority_rows,
	                                   N(priority_rows), sizeof(struct cc_priority_cfg) };

static const struct cc_setting pause_rows[] = {
	{ "share", CC_SETTING_SHARE, 0, 0, 1, 0, "0", "", "of the queue's tasks; 0: none pauses",
	  .field = CC_FIELD(struct cc_pause_cfg, share) },
	{ "duration", CC_SETTING_DIST, HOOK, 0, 0, 0, "", "s",
	  "how long a pause lasts; required when `share` > 0",
	  .field = CC_FIELD(struct cc_pause_cfg, duration) },
};
static const struct cc_schema pause = { "queues.[i].pause", pause_rows, N(pause_rows), 0 };

static const struct cc_setting silent_rows[] = {
	{ "share", CC_SETTING_SHARE, 0, 0, 1, 0, "0", "",
	  "of the customers whose patience runs out, those who leave without closing the chat; 0: "
	  "none", .field = CC_FIELD(struct cc_silent_cfg, share) },
	{ "timeout", CC_SETTING_DIST, HOOK, 0, 0, 0, "", "s",
	  "from the agent's accepting such a chat to its closing (the agent's slot stays taken); "
	  "required when `share` > 0", .field = CC_FIELD(struct cc_silent_cfg, timeout) },
};
static const struct cc_schema silent = { "queues.[i].silent", silent_rows, N(silent_rows), 0 };

static const struct cc_setting callback_rows[] = {
	{ "queue", CC_SETTING_QUEUE, REQ, 0, 0, NAN, "", "",
	  "the callback queue (channel `callback`)", .field = 0 },
	{ "threshold", CC_SETTING_DURATION, 0, 0, 0, 0, "0", "s",
	  "callbacks are offered when the estimated wait exceeds this",
	  .field = CC_FIELD(struct cc_callback_offer_cfg, threshold_s) },
	{ "accept", CC_SETTING_SHARE, 0, 0, 1, 1, "1", "",
	  "probability the customer offered a callback chooses it",
	  .field = CC_FIELD(struct cc_callback_offer_cfg, accept) },
	{ "estimate", CC_SETTING_ENUM, 0, 0, 0, CC_ESTIMATE_QUEUE, "`\"queue\"`", "",
	  "the estimated wait: `\"queue\"`, (contacts waiting + 1) × the mean handle time / agents "
	  "logged in serving the queue; `\"oldest\"`, how long the oldest contact waiting has "
	  "waited so far", .choices = cc_wait_estimate_names, .what = "estimate",
	  .field = CC_FIELD(struct cc_callback_offer_cfg, estimate) },
};
static const struct cc_schema callback = { "queues.[i].callback", callback_rows,
	                                   N(callback_rows), 0 };

static const struct cc_setting dialing_rows[] = {
	{ "pending", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "PENDING: from accepting the callback to dialling",
	  .field = CC_FIELD(struct cc_callback_dial_cfg, pending) },
	{ "dial", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "the customer's phone rings, before an answer or a failure",
	  .field = CC_FIELD(struct cc_callback_dial_cfg, dial) },
	{ "reach", CC_SETTING_SHARE, 0, 0, 1, 1, "1", "",
	  "probability the customer answers an attempt",
	  .field = CC_FIELD(struct cc_callback_dial_cfg, reach) },
	{ "retries", CC_SETTING_INTEGER, 0, 0, 100, 0, "0", "",
	  "further attempts after a failed one",
	  .field = CC_FIELD(struct cc_callback_dial_cfg, retries) },
	{ "retry_delay", CC_SETTING_DURATION, 0, 0, 0, 300, "`\"5m\"`", "s",
	  "from a failed attempt to the callback queueing again",
	  .field = CC_FIELD(struct cc_callback_dial_cfg, retry_delay_s) },
};
static const struct cc_schema dialing = { "queues.[i].dialing", dialing_rows,
	                                  N(dialing_rows), 0 };

static const struct cc_setting redial_rows[] = {
	{ "share", CC_SETTING_SHARE, REQ, 0, 1, 0, "", "",
	  "probability a customer who leaves without service (abandons while waiting or ringing, "
	  "balks, or gets a busy signal) calls again", .field = CC_FIELD(struct cc_redial_cfg, share) },
	{ "delay", CC_SETTING_DIST, REQ, 0, 0, NAN, "", "s",
	  "from leaving to calling again", .field = CC_FIELD(struct cc_redial_cfg, delay) },
	{ "max", CC_SETTING_INTEGER, 0, 1, 100, 1, "1", "",
	  "redials per customer at most", .field = CC_FIELD(struct cc_redial_cfg, max) },
	{ "queue", CC_SETTING_QUEUE, 0, 0, 0, NAN, "the queue left", "",
	  "the queue the customer calls again: a queue of the same channel", .field = 0 },
};
static const struct cc_schema redial = { "queues.[i].redial", redial_rows, N(redial_rows), 0 };

static const struct cc_setting balk_rows[] = {
	{ "share", CC_SETTING_SHARE, REQ, 0, 1, 0, "", "",
	  "probability a caller who would have to wait (no agent takes the contact on arrival) "
	  "hangs up at once", .field = CC_FIELD(struct cc_balk_cfg, share) },
	{ "threshold", CC_SETTING_DURATION, 0, 0, 0, -1, "none: whenever they would wait", "s",
	  "only when the estimated wait exceeds this",
	  .field = CC_FIELD(struct cc_balk_cfg, threshold_s) },
	{ "estimate", CC_SETTING_ENUM, 0, 0, 0, CC_ESTIMATE_QUEUE, "`\"queue\"`", "",
	  "the estimated wait, as for callbacks: `\"queue\"` or `\"oldest\"`",
	  .choices = cc_wait_estimate_names, .what = "estimate",
	  .field = CC_FIELD(struct cc_balk_cfg, estimate) },
};
static const struct cc_schema balk = { "queues.[i].balk", balk_rows, N(balk_rows), 0 };

static const struct cc_setting ring_rows[] = {
	{ "after", CC_SETTING_DURATION, REQ, 0, 0, NAN, "", "s",
	  "the wait from which the ring is open", .field = CC_FIELD(struct cc_ring_cfg, after_s) },
	{ "level", CC_SETTING_INTEGER, REQ, 1, 20, NAN, "", "",
	  "the lowest skill level the ring admits", .field = CC_FIELD(struct cc_ring_cfg, level) },
};
static const struct cc_schema ring = { "queues.[i].rings.[i]", ring_rows, N(ring_rows),
	                               sizeof(struct cc_ring_cfg) };

static const struct cc_setting quick_connect_rows[] = {
	{ "share", CC_SETTING_SHARE, REQ, 0, 1, NAN, "", "",
	  "of the queue's answered contacts; all the queue's quick connects together at most 1 "
	  "(the other contacts end with their talk)",
	  .field = CC_FIELD(struct cc_quick_connect_cfg, share) },
	{ "queue", CC_SETTING_QUEUE, 0, 0, 0, NAN, "", "",
	  "target: a queue of the same channel, not the queue itself", .field = 0 },
	{ "group", CC_SETTING_AGENTS, 0, 0, 0, NAN, "", "",
	  "target: an agent group whose routing profile handles the channel", .field = 0 },
	{ "external", CC_SETTING_BOOL, 0, 0, 0, NAN, "false", "",
	  "`true`: target an outside number", .field = 0 },
	{ "agent", CC_SETTING_INTEGER, HOOK, 0, 999999, -1, "any free agent", "",
	  "`group` only: the agent's index in the group, from 0, below the group's size",
	  .field = CC_FIELD(struct cc_quick_connect_cfg, agent) },
	{ "mode", CC_SETTING_ENUM, 0, 0, 0, CC_TRANSFER_COLD, "`\"cold\"`", "",
	  "how the first agent hands over; see below",
	  .choices = cc_transfer_mode_names, .what = "mode",
	  .field = CC_FIELD(struct cc_quick_connect_cfg, mode) },
	{ "flow", CC_SETTING_TIMING, 0, 0, 0, NAN, "the `transfer` group's", "s",
	  "this quick connect's own transfer flow; refused with `external`", .field = 0 },
	{ "agent_whisper", CC_SETTING_TIMING, 0, 0, 0, NAN, "the `transfer` group's", "s",
	  "this quick connect's own agent whisper; refused with `external`", .field = 0 },
	{ "customer_whisper", CC_SETTING_TIMING, 0, 0, 0, NAN, "the `transfer` group's", "s",
	  "this quick connect's own customer whisper; refused with `external`", .field = 0 },
	{ "consult", CC_SETTING_TIMING, 0, 0, 0, 30, "30 s (`consult`), 0 s (`conference`)", "s",
	  "the agents talk, the customer on hold (for `external`, the first agent with the outside "
	  "party); refused with `cold`", .field = 0 },
	{ "conference", CC_SETTING_TIMING, 0, 0, 0, 60, "1 m", "s",
	  "`conference` only: all three talk together; refused with the other modes", .field = 0 },
	{ "reject", CC_SETTING_SHARE, HOOK, 0, 1, 0, "0", "",
	  "`group` only: probability the offered agent rejects it",
	  .field = CC_FIELD(struct cc_quick_connect_cfg, reject) },
	{ "handle", CC_SETTING_DIST, 0, 0, 0, NAN, "the queue's `handle`", "s",
	  "`group` only: the target agent's talk with the customer (mean above 0); one "
	  "distribution (by default the queue's, by interval step when the queue gives it so, "
	  "drawn at the hand-over's step)", .field = 0 },
	{ "acw", CC_SETTING_DIST, 0, 0, 0, NAN, "the queue's `acw`", "s",
	  "`group` only: the target agent's after-contact work (by default the queue's, by "
	  "interval step as `handle`)", .field = 0 },
	{ "fallback", CC_SETTING_QUEUE, 0, 0, 0, NAN, "none", "",
	  "`group` only: the queue (same channel, not the queue itself) the contact goes to, cold, "
	  "when the transfer fails", .field = 0 },
	{ "max_wait", CC_SETTING_DURATION, HOOK, 0, 0, 120, "2 m", "s",
	  "`queue` with `consult` or `conference` only: how long the first agent waits on hold for "
	  "an agent of the queue to take the contact; then it lets go and the contact waits on "
	  "there, as if cold", .field = CC_FIELD(struct cc_quick_connect_cfg, max_wait_s) },
	TEXT_ROW,
};
static const struct cc_schema quick_connect = { "queues.[i].transfer.to.[i]",
	                                        quick_connect_rows, N(quick_connect_rows),
	                                        sizeof(struct cc_quick_connect_cfg) };

static const struct cc_setting transfer_rows[] = {
	{ "flow", CC_SETTING_TIMING, 0, 0, 0, 3, "3 s", "s",
	  "the transfer flow (prompt, whisper set-up) before the contact reaches its target; the "
	  "default of every quick connect of the queue", .field = 0 },
	{ "agent_whisper", CC_SETTING_TIMING, 0, 0, 0, 2, "2 s", "s",
	  "played to the agent who takes it, after accepting; the default of every quick connect",
	  .field = 0 },
	{ "customer_whisper", CC_SETTING_TIMING, 0, 0, 0, 1, "1 s", "s",
	  "then played to the customer, before the parties are connected; the default of every "
	  "quick connect", .field = 0 },
	{ "to", CC_SETTING_LIST, REQ, 0, 0, NAN, "", "", "the quick connects, at least one",
	  .sub = &quick_connect, .field = CC_FIELD(struct cc_queue_cfg, transfers),
	  .count = CC_FIELD(struct cc_queue_cfg, n_transfers),
	  .empty = "must list at least one target (leave transfer out for none)" },
};
static const struct cc_schema transfer = { "queues.[i].transfer", transfer_rows,
	                                   N(transfer_rows), 0 };

static const struct cc_setting queue_rows[] = {
	{ "name", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",
	  "unique; letters, digits, `-`, `_`, not all digits and no `.` (names stand in `--set` "
	  "paths); also names the queue's random streams, so renaming a queue changes its "
	  "contacts", .what = "queue", .field = CC_FIELD(struct cc_queue_cfg, name) },
	{ "channel", CC_SETTING_ENUM, 0, 0, 0, CC_CHANNEL_VOICE, "`\"voice\"`", "",
	  "the contact's channel: how many an agent takes at once (its routing profile's "
	  "`concurrency`), whether contacts abandon, the offer timeout and slowdown (see Channels)",
	  .choices = cc_channel_names, .what = "channel", .field = CC_FIELD(struct cc_queue_cfg, channel) },
	{ "arrivals", CC_SETTING_GROUP, REQ, 0, 0, NAN, "", "", "the arrival process and rates",
	  .sub = &arrivals, .field = HERE },
	{ "handle", CC_SETTING_DIST, REQ | HOOK, 0, 0, NAN, "", "s",
	  "talk time (up to a transfer's hand-over, if any). Its parameters (`mean`, `sd`, "
	  "`value`...) may be lists, one value per `interval` from time 0, held at the last: a "
	  "contact draws from the step it arrives in",
	  .field = CC_FIELD(struct cc_queue_cfg, handle) },
	{ "patience", CC_SETTING_DIST, 0, 0, 0, NAN, "none", "s",
	  "how long a customer waits before hanging up; without it nobody abandons. Refused on "
	  "deferrable channels (email, task, callback), whose contacts never abandon. Parameters "
	  "may be lists per interval, as `handle`'s", .field = 0 },
	{ "acw", CC_SETTING_DIST, HOOK, 0, 0, 0, "0 s", "s",
	  "after-contact work: the agent stays busy until it ends. Parameters may be lists per "
	  "interval, as `handle`'s", .field = CC_FIELD(struct cc_queue_cfg, acw) },
	{ "service_level", CC_SETTING_GROUP, 0, 0, 0, NAN, "", "",
	  "the service-level threshold and target", .sub = &service_level, .field = HERE },
	{ "rona_requeue", CC_SETTING_ENUM, 0, 0, 0, CC_REQUEUE_ORIGINAL, "`\"original\"`", "",
	  "where a contact that rang an agent in vain goes back in the queue: its original place "
	  "by arrival time (as Amazon Connect and Webex do), or behind every contact waiting",
	  .choices = cc_requeue_names, .what = "place", .field = CC_FIELD(struct cc_queue_cfg, requeue) },
	{ "priorities", CC_SETTING_LIST, OWN, 0, 0, NAN, "none", "",
	  "contacts queued with a head start; see below", .sub = &priority,
	  .field = CC_FIELD(struct cc_queue_cfg, priorities),
	  .count = CC_FIELD(struct cc_queue_cfg, n_priorities),
	  .empty = "must list at least one class (leave priorities out for none)" },
	{ "pause", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "task queues only: tasks paused once during their work; see below", .sub = &pause,
	  .field = CC_FIELD(struct cc_queue_cfg, pause) },
	{ "silent", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "chat queues only: customers who abandon without closing the chat; see below",
	  .sub = &silent, .field = CC_FIELD(struct cc_queue_cfg, silent) },
	{ "callback", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "voice queues only: customers who may choose a callback instead of waiting; see below",
	  .sub = &callback, .field = CC_FIELD(struct cc_queue_cfg, callback) },
	{ "dialing", CC_SETTING_GROUP, OWN, 0, 0, NAN, "the defaults below", "",
	  "callback queues only: how the agent calls the customer back; see below",
	  .sub = &dialing, .field = CC_FIELD(struct cc_queue_cfg, dialing) },
	{ "redial", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "voice and chat queues only: customers who leave without service call again; see below",
	  .sub = &redial, .field = CC_FIELD(struct cc_queue_cfg, redial) },
	{ "balk", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "voice and chat queues only: callers who would have to wait hang up at once; see below",
	  .sub = &balk, .field = CC_FIELD(struct cc_queue_cfg, balk) },
	{ "capacity", CC_SETTING_INTEGER, 0, 0, 1000000, -1, "no limit", "",
	  "voice and chat queues only: at most this many contacts waiting (ringing ones not "
	  "counted); a new contact or redial that finds it full gets a busy signal (blocked). "
	  "0: no waiting room (Erlang B)", .field = CC_FIELD(struct cc_queue_cfg, capacity) },
	{ "rings", CC_SETTING_LIST, OWN, 0, 0, NAN, "one ring, every level", "",
	  "skill-level rings for the `bullseye` policy; see below", .sub = &ring,
	  .field = CC_FIELD(struct cc_queue_cfg, rings), .count = CC_FIELD(struct cc_queue_cfg, n_rings),
	  .empty = "must list at least one ring (leave rings out for one ring of every level)" },
	{ "transfer", CC_SETTING_GROUP, OWN, 0, 0, NAN, "none", "",
	  "quick connects: where a share of the answered contacts is handed on; see below",
	  .sub = &transfer, .field = 0 },
	TEXT_ROW,
};
static const struct cc_schema queue = { "queues.[i]", queue_rows, N(queue_rows),
	                                 sizeof(struct cc_queue_cfg) };

/* ---- agent groups ---- */

static const struct cc_setting shift_rows[] = {
	{ "start", CC_SETTING_TIME, REQ, 0, 0, NAN, "", "s",
	  "when the shift's agents log in: before the horizon",
	  .field = CC_FIELD(struct cc_shift_cfg, start_s) },
	{ "end", CC_SETTING_TIME, REQ, 0, 0, NAN, "", "s",
	  "when they log out: after `start` (a clock time not after `start` is the next day's)",
	  .field = CC_FIELD(struct cc_shift_cfg, end_s) },
	{ "count", CC_SETTING_INTEGER, REQ, 1, 1000000, NAN, "", "",
	  "agents on the shift; all shifts together at most 1000000",
	  .field = CC_FIELD(struct cc_shift_cfg, count) },
};
static const struct cc_schema shift = { "agents.[i].shifts.[i]", shift_rows, N(shift_rows),
	                                sizeof(struct cc_shift_cfg) };

static const struct cc_setting profile_rows[] = {
	{ "step", CC_SETTING_DURATION, POS, 0, 0, NAN, "the scenario's `interval`", "s",
	  "how long each count lasts", .field = 0 },
	{ "counts", CC_SETTING_COUNTS, REQ, 0, 1000000, NAN, "", "",
	  "agents logged in per step from time 0 (the last holds); at least one above 0",
	  .field = 0 },
};
static const struct cc_schema profile = { "agents.[i].profile", profile_rows, N(profile_rows), 0 };

static const struct cc_setting planned_rows[] = {
	{ "status", CC_SETTING_STATUS, REQ, 0, 0, NAN, "", "", "a not-productive status",
	  .field = CC_FIELD(struct cc_planned_cfg, status) },
	{ "at", CC_SETTING_TIME, 0, 0, 0, NAN, "", "s",
	  "when it starts, from time 0 (`\"12h\"`: at noon); `at` or `after`", .field = 0 },
	{ "after", CC_SETTING_DURATION, 0, 0, 0, NAN, "", "s",
	  "when it starts, from the start of each shift (`\"2h\"`: two hours in)", .field = 0 },
	{ "window", CC_SETTING_DURATION, 0, 0, 0, 0, "0", "s",
	  "the shift's agents start it staggered evenly over [start, start + `window`)",
	  .field = CC_FIELD(struct cc_planned_cfg, window_s) },
	{ "share", CC_SETTING_SHARE, 0, 0, 1, 1, "1", "",
	  "the share of each shift's agents who take it",
	  .field = CC_FIELD(struct cc_planned_cfg, share) },
	{ "duration", CC_SETTING_DIST, REQ, 0, 0, NAN, "", "s", "how long it lasts",
	  .field = CC_FIELD(struct cc_planned_cfg, duration) },
};
static const struct cc_schema planned = { "agents.[i].planned.[i]", planned_rows,
	                                  N(planned_rows), sizeof(struct cc_planned_cfg) };

static const struct cc_setting unplanned_rows[] = {
	{ "status", CC_SETTING_STATUS, REQ, 0, 0, NAN, "", "", "a not-productive status",
	  .field = CC_FIELD(struct cc_unplanned_cfg, status) },
	{ "per_hour", CC_SETTING_RATE, REQ | POS, 0, 3600, NAN, "", "per hour",
	  "episodes per logged-in hour", .field = CC_FIELD(struct cc_unplanned_cfg, per_hour) },
	{ "duration", CC_SETTING_DIST, REQ, 0, 0, NAN, "", "s", "how long each lasts",
	  .field = CC_FIELD(struct cc_unplanned_cfg, duration) },
};
static const struct cc_schema unplanned = { "agents.[i].unplanned.[i]", unplanned_rows,
	                                    N(unplanned_rows), sizeof(struct cc_unplanned_cfg) };

static const struct cc_setting away_rows[] = {
	{ "per_hour", CC_SETTING_RATE, REQ | POS, 0, 3600, 0, "", "per hour",
	  "\"away\" episodes per logged-in hour: the agent stays Available but answers nothing",
	  .field = CC_FIELD(struct cc_answer_cfg, away_per_hour) },
	{ "duration", CC_SETTING_DIST, REQ, 0, 0, 0, "", "s", "their lengths",
	  .field = CC_FIELD(struct cc_answer_cfg, away) },
};
static const struct cc_schema away = { "agents.[i].answer.away", away_rows, N(away_rows), 0 };

static const struct cc_setting answer_rows[] = {
	{ "delay", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s", "from the start of ringing to acceptance",
	  .field = CC_FIELD(struct cc_answer_cfg, delay) },
	{ "miss", CC_SETTING_SHARE, 0, 0, 1, 0, "0", "", "probability an offer is never answered",
	  .field = CC_FIELD(struct cc_answer_cfg, miss) },
	{ "away", CC_SETTING_GROUP, 0, 0, 0, NAN, "none", "",
	  "spells in which agents stay Available but answer nothing", .sub = &away, .field = HERE },
};
static const struct cc_schema answer = { "agents.[i].answer", answer_rows, N(answer_rows), 0 };

static const struct cc_setting rona_rows[] = {
	{ "reaction", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "from the RONA (or the end of an away episode) to the agent's choice",
	  .field = CC_FIELD(struct cc_rona_cfg, reaction) },
	{ "available", CC_SETTING_SHARE, 0, 0, 1, 1, "1", "",
	  "probability the agent then chooses Available; otherwise it goes to its `idle_reason`",
	  .field = CC_FIELD(struct cc_rona_cfg, available) },
	{ "idle", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "time in the idle reason before choosing Available",
	  .field = CC_FIELD(struct cc_rona_cfg, idle) },
	{ "not_ready_after", CC_SETTING_INTEGER, 0, 0, 1000, 0, "0 (never)", "",
	  "after this many consecutive missed offers the system puts the agent in "
	  "`not_ready_status` instead of RONA (Cisco's default is 2); the count restarts when the "
	  "agent accepts or rejects an offer, logs in, or is put there",
	  .field = CC_FIELD(struct cc_rona_cfg, not_ready_after) },
	{ "not_ready_status", CC_SETTING_STATUS, 0, 0, 0, -1, "the group's `idle_reason`", "",
	  "the not-productive status it is put in",
	  .field = CC_FIELD(struct cc_rona_cfg, not_ready_status) },
	{ "not_ready", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "time in that status before the agent chooses Available",
	  .field = CC_FIELD(struct cc_rona_cfg, not_ready) },
};
static const struct cc_schema rona = { "agents.[i].rona", rona_rows, N(rona_rows), 0 };

static const struct cc_setting outbound_rows[] = {
	{ "per_hour", CC_SETTING_RATE, 0, 0, 3600, 0, "0", "per hour",
	  "attempts per logged-in agent-hour; 0: no outbound work",
	  .field = CC_FIELD(struct cc_outbound_cfg, per_hour) },
	{ "from", CC_SETTING_TIME, 0, 0, 0, 0, "0", "s",
	  "the campaign's start: attempts only in [`from`, `until`)",
	  .field = CC_FIELD(struct cc_outbound_cfg, from_s) },
	{ "until", CC_SETTING_TIME, 0, 0, 0, INFINITY, "none", "s",
	  "the campaign's end: after `from`", .field = CC_FIELD(struct cc_outbound_cfg, until_s) },
	{ "status", CC_SETTING_STATUS, 0, 0, 0, -1, "none", "",
	  "the not-productive status set while dialling (no inbound contacts meanwhile); without "
	  "it, agents dial in their current status", .field = CC_FIELD(struct cc_outbound_cfg, status) },
	{ "reach", CC_SETTING_SHARE, 0, 0, 1, 1, "1", "", "probability the customer answers",
	  .field = CC_FIELD(struct cc_outbound_cfg, reach) },
	{ "dial", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "ringing the customer, before an answer or a failure",
	  .field = CC_FIELD(struct cc_outbound_cfg, dial) },
	{ "handle", CC_SETTING_DIST, HOOK, 0, 0, 0, "", "s",
	  "talk once answered; required, with a positive mean, when `per_hour` > 0",
	  .field = CC_FIELD(struct cc_outbound_cfg, handle) },
	{ "acw", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s", "after-contact work of a reached call",
	  .field = CC_FIELD(struct cc_outbound_cfg, acw) },
	{ "available_after", CC_SETTING_BOOL, 0, 0, 0, 1, "true", "",
	  "Available when the call ends; `false`: the agent stays in `status` (or its idle reason)",
	  .field = CC_FIELD(struct cc_outbound_cfg, available_after) },
	{ "idle_after", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "with `available_after = false`, time before choosing Available",
	  .field = CC_FIELD(struct cc_outbound_cfg, idle_after) },
};
static const struct cc_schema outbound = { "agents.[i].outbound", outbound_rows,
	                                   N(outbound_rows), 0 };

static const struct cc_setting group_rows[] = {
	{ "name", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",
	  "unique; the same rules as queue names", .what = "agent group",
	  .field = CC_FIELD(struct cc_group_cfg, name) },
	{ "region", CC_SETTING_SITE, 0, 0, 0, NAN, "the first site", "",
	  "the site the group starts in (only with `regions`); see \"Regions\"",
	  .field = CC_FIELD(struct cc_group_cfg, region) },
	{ "count", CC_SETTING_INTEGER, 0, 1, 1000000, NAN, "", "",
	  "schedule: this many agents logged in for the whole horizon", .field = 0 },
	{ "shifts", CC_SETTING_LIST, OWN, 0, 0, NAN, "", "", "schedule: see below",
	  .sub = &shift, .field = CC_FIELD(struct cc_group_cfg, shifts),
	  .count = CC_FIELD(struct cc_group_cfg, n_shifts), .empty = "must list at least one shift" },
	{ "profile", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "", "schedule: see below",
	  .sub = &profile, .field = 0 },
	{ "skills", CC_SETTING_QUEUES, 0, 0, 0, NAN, "", "",
	  "the queues the group serves, one contact at a time, first listed first: the same as a "
	  "routing profile of the group's own (see below)", .field = 0 },
	{ "routing_profile", CC_SETTING_PROFILE, 0, 0, 0, NAN, "", "",
	  "the group's routing profile, one of `routing_profiles`: its channels, concurrency and "
	  "queues", .field = 0 },
	{ "login", CC_SETTING_STATUS, CC_SETTING_LOGIN, 0, 0, CC_AGENT_AVAILABLE, "`\"Available\"`", "",
	  "the status an agent starts each shift in: `\"Available\"`, `\"Offline\"` or a "
	  "not-productive status", .field = CC_FIELD(struct cc_group_cfg, login_status) },
	{ "login_delay", CC_SETTING_DIST, 0, 0, 0, 0, "0 s", "s",
	  "unless `login` is `\"Available\"`, the time from the start of a shift until the agent "
	  "goes Available", .field = CC_FIELD(struct cc_group_cfg, login_delay) },
	{ "idle_reason", CC_SETTING_STATUS, 0, 0, 0, NAN, "the first of `statuses`, if any", "",
	  "the not-productive status an agent goes to when it does not go Available (after a RONA, "
	  "after an outbound call)", .field = CC_FIELD(struct cc_group_cfg, idle_status) },
	{ "acw_limit", CC_SETTING_DURATION, POS | HOOK, 0, 0, INFINITY, "none", "s",
	  "after-contact work is ended automatically after this long",
	  .field = CC_FIELD(struct cc_group_cfg, acw_limit_s) },
	{ "planned", CC_SETTING_LIST, OWN, 0, 0, NAN, "none", "",
	  "scheduled not-productive statuses; see below", .sub = &planned,
	  .field = CC_FIELD(struct cc_group_cfg, planned),
	  .count = CC_FIELD(struct cc_group_cfg, n_planned) },
	{ "unplanned", CC_SETTING_LIST, OWN, 0, 0, NAN, "none", "",
	  "not-productive statuses taken at random; see below", .sub = &unplanned,
	  .field = CC_FIELD(struct cc_group_cfg, unplanned),
	  .count = CC_FIELD(struct cc_group_cfg, n_unplanned) },
	{ "answer", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "", "how agents answer offers; see below",
	  .sub = &answer, .field = CC_FIELD(struct cc_group_cfg, answer) },
	{ "rona", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "",
	  "what agents do after a missed offer; see below", .sub = &rona,
	  .field = CC_FIELD(struct cc_group_cfg, rona) },
	{ "outbound", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "", "outbound calls; see below",
	  .sub = &outbound, .field = CC_FIELD(struct cc_group_cfg, outbound) },
	TEXT_ROW,
};
static const struct cc_schema group = { "agents.[i]", group_rows, N(group_rows),
	                                 sizeof(struct cc_group_cfg) };

/* ---- routing profiles ---- */

static const struct cc_setting profile_queue_rows[] = {
	{ "queue", CC_SETTING_QUEUE, REQ, 0, 0, NAN, "", "", "the queue", .field = 0 },
	{ "priority", CC_SETTING_INTEGER, 0, 1, 99, 1, "1", "",
	  "1 is served first (what a priority means is the policy's: see Routing policies)",
	  .field = CC_FIELD(struct cc_profile_queue_cfg, priority) },
	{ "delay", CC_SETTING_DURATION, 0, 0, 0, 0, "0", "s",
	  "contacts go to the profile's agents only once they have waited this long (from any "
	  "head start): a queue at delay 30 s is an overflow for contacts waiting longer",
	  .field = CC_FIELD(struct cc_profile_queue_cfg, delay_s) },
	{ "level", CC_SETTING_INTEGER, 0, 1, 20, 1, "1", "",
	  "the agents' skill level for the queue (used by the `bullseye` rings)",
	  .field = CC_FIELD(struct cc_profile_queue_cfg, level) },
};
static const struct cc_schema profile_queue = { "routing_profiles.[i].queues.[i]",
	                                        profile_queue_rows, N(profile_queue_rows), 0 };

static const struct cc_setting routing_profile_rows[] = {
	{ "name", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",
	  "unique among profiles; the same rules as queue names", .what = "routing profile",
	  .field = CC_FIELD(struct cc_routing_profile_cfg, name) },
	{ "concurrency", CC_SETTING_PER_CHANNEL, REQ, 1, 10, NAN, "0: not handled", "",
	  "how many contacts of the channel an agent holds at once (from the offer to the end of "
	  "ACW, paused tasks included): 1 for `voice` and `callback`, 1..10 for `chat`, `email` "
	  "and `task`; at least one channel", .field = 0 },
	{ "cross_channel", CC_SETTING_BOOL, 0, 0, 0, 0, "false", "",
	  "`false`: an agent holding contacts is offered only more of the channel it holds (an "
	  "agent on a chat gets no email); `true`: any channel the profile handles, each within "
	  "its concurrency", .field = CC_FIELD(struct cc_routing_profile_cfg, cross_channel) },
	{ "queues", CC_SETTING_LIST, REQ, 0, 0, NAN, "", "",
	  "the queues served, at least one; each a queue name (priority 1, no delay, level 1) or a "
	  "group as below", .sub = &profile_queue, .field = 0 },
	TEXT_ROW,
};
static const struct cc_schema routing_profile = { "routing_profiles.[i]", routing_profile_rows,
	                                          N(routing_profile_rows),
	                                          sizeof(struct cc_routing_profile_cfg) };

/* ---- the file ---- */

static const struct cc_setting root_rows[] = {
	{ "name", CC_SETTING_NAME, REQ, 0, 0, NAN, "", "",
	  "names the run and the default results file `results/<name>.h5`; letters, digits, `-`, "
	  "`_`, `.`", .field = CC_FIELD(struct cc_scenario, name) },
	TEXT_ROW,
	{ "seed", CC_SETTING_INTEGER, 0, 0, (double)INT64_MAX, NAN, "1", "",
	  "master seed: every random stream derives from (seed, replication, source)", .field = 0 },
	{ "start", CC_SETTING_CLOCK, 0, 0, 0, NAN, "none", "",
	  "the time of day of time 0, `\"07:00\"` (or `\"07:00:30\"`), optionally after a date: "
	  "`\"2026-12-01 07:00\"`. Intervals, tables, CSV and the results file then read 07:00, "
	  "07:30... (the file's times become CF times, `seconds since 2026-12-01 07:00:00`, "
	  "1970-01-01 when no date is given), and times of day (below) may be written as clock "
	  "times. Without it, times are offsets from 0", .field = 0 },
	{ "horizon", CC_SETTING_DURATION, REQ | POS, 0, 0, NAN, "", "s",
	  "simulated length of each replication, from time 0",
	  .field = CC_FIELD(struct cc_scenario, horizon_s) },
	{ "warmup", CC_SETTING_DURATION, 0, 0, 0, 0, "0", "s",
	  "left out of every figure; must be shorter than `horizon`",
	  .field = CC_FIELD(struct cc_scenario, warmup_s) },
	{ "interval", CC_SETTING_DURATION, POS, 0, 0, 1800, "`\"30m\"`", "s",
	  "reporting interval; also the default `step` of arrival profiles",
	  .field = CC_FIELD(struct cc_scenario, interval_s) },
	{ "replications", CC_SETTING_INTEGER, 0, 1, 100000, 10, "10", "",
	  "independent replications", .field = CC_FIELD(struct cc_scenario, replications) },
	{ "busyness", CC_SETTING_GROUP, 0, 0, 0, NAN, "none", "",
	  "a day's random factor multiplying every queue's arrival rates, drawn once per "
	  "replication (busy days are not average days: Whitt 1999), `{ dist = \"gamma\"; mean "
	  "= 1.0; sd = 0.25; }`; a queue's `arrivals.busyness` replaces it for that queue. The "
	  "factors drawn are in the results file (`/replications/busyness`)", .sub = &busyness,
	  .field = 0 },
	{ "statuses", CC_SETTING_NAMES, 0, 0, 0, NAN, "none", "",
	  "the not-productive (NPT) statuses agents can be in, such as `[ \"Break\", \"Lunch\", "
	  "\"Training\" ]`; see below", .field = 0 },
	{ "channels", CC_SETTING_PER_CHANNEL, OWN, 0, 0, NAN, "", "",
	  "per-channel settings; see below", .sub = &channel, .field = 0 },
	{ "routing", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "",
	  "the routing policy and the idle timer; see \"Routing policies\"", .sub = &routing,
	  .field = CC_FIELD(struct cc_scenario, routing) },
	{ "regions", CC_SETTING_GROUP, OWN, 0, 0, NAN, "one region", "",
	  "sites sharing the traffic, changes of the shares, groups moving between sites; see "
	  "\"Regions\"", .sub = &regions, .field = 0 },
	{ "queues", CC_SETTING_LIST, REQ | OWN | CC_SETTING_ENTITY | HOOK, 0, 0, NAN, "", "",
	  "see below", .sub = &queue, .field = CC_FIELD(struct cc_scenario, queues),
	  .count = CC_FIELD(struct cc_scenario, n_queues), .empty = "must have at least one entry" },
	{ "routing_profiles", CC_SETTING_LIST, OWN | CC_SETTING_ENTITY | HOOK, 0, 0, NAN, "none", "",
	  "the channels, concurrency and queues of agents; see \"Routing profiles\"",
	  .sub = &routing_profile, .field = CC_FIELD(struct cc_scenario, profiles),
	  .count = CC_FIELD(struct cc_scenario, n_profiles) },
	{ "agents", CC_SETTING_LIST, REQ | OWN | CC_SETTING_ENTITY | HOOK, 0, 0, NAN, "", "",
	  "the agent groups; see below", .sub = &group, .field = CC_FIELD(struct cc_scenario, groups),
	  .count = CC_FIELD(struct cc_scenario, n_groups), .empty = "must have at least one entry" },
	{ "output", CC_SETTING_GROUP, OWN, 0, 0, NAN, "", "", "what is written; see below",
	  .sub = &output, .field = HERE },
};
const struct cc_schema cc_schema_scenario = { "", root_rows, N(root_rows), 0 };
