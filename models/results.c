#include "models/results.h"

#include <stdio.h>
#include <string.h>

#include "models/version.h"
#include "sim/alloc.h"
#include "sim/h5.h"

/* Rows of the contact-record and agent-event tables per chunk, and per write at most. */
enum { RECORD_CHUNK = 16384, RECORD_BLOCK = 65536, EVENT_CHUNK = 16384, EVENT_BLOCK = 16384 };

/*
 * An agent event as the file stores it. It differs from struct cc_agent_event in one field:
 * next_status is an int32 with -1 for "none", the file's convention for a missing index,
 * where the struct keeps a byte with CC_NO_STATUS (255), which no status name could label.
 * Fields are in the order readers see them (the file's rows are packed by offset).
 */
struct event_row {
	double time_s;
	int32_t replication, agent, group;
	uint8_t status;
	int32_t next_status;
	int64_t contact_id;
	uint8_t contact_state, channel;
};

struct cc_results {
	struct cc_h5_file *file;
	struct cc_h5_table *records;
	struct cc_h5_table *events;
	struct event_row *event_buf;  /* EVENT_BLOCK rows, for converting events */
	const char **status_names;    /* the status enum's names, NULL-terminated */
};

static const char *const outcome_names[] = { "handled", "abandoned", "waiting_at_end",
                                             "in_service_at_end", "outbound", "callback",
                                             "unreached", "transferred", "ended_by_move",
                                             NULL };
static const char *const disconnect_names[] = { "none", "CUSTOMER_DISCONNECT",
                                                "CONVERSATION_ENDED", "OUTBOUND_FAILED",
                                                "TRANSFERRED", "AGENT_DISCONNECT", NULL };
static const char *const transfer_names[] = { "none", "queue", "agent", "external", "failed",
                                              NULL };
static const char *const transfer_mode_names[] = { "cold", "consult", "conference", NULL };
static const char *const channel_enum[] = { "voice", "chat", "email", "task", "callback", NULL };
/* In events, code CC_CHANNEL_COUNT means no contact. */
static const char *const event_channel_enum[] = { "voice", "chat", "email", "task", "callback",
                                                  "none", NULL };
static const char *const contact_state_names[] = { "NONE", "CONNECTING", "CONNECTED",
                                                   "CONNECTED_ONHOLD", "MISSED", "REJECTED",
                                                   "ENDED", "ERROR", "INCOMING", "PENDING",
                                                   "PAUSED", NULL };
#define NAMES(a) (sizeof (a) / sizeof (a)[0] - 1)
_Static_assert(NAMES(outcome_names) == CC_OUTCOME_COUNT, "a name per outcome");
_Static_assert(NAMES(disconnect_names) == CC_DISCONNECT_COUNT, "a name per disconnect reason");
_Static_assert(NAMES(transfer_names) == CC_RT_COUNT, "a name per record transfer");
_Static_assert(NAMES(transfer_mode_names) == CC_TRANSFER_CONFERENCE + 1, "a name per transfer mode");
_Static_assert(NAMES(channel_enum) == CC_CHANNEL_COUNT, "a name per channel");
_Static_assert(NAMES(event_channel_enum) == CC_CHANNEL_COUNT + 1, "channels, then none");
_Static_assert(NAMES(contact_state_names) == CC_CS_COUNT, "a name per contact state");

#define REC(field) offsetof(struct cc_contact_record, field)
static const struct cc_h5_field record_fields[] = {
	{ "record_id", REC(record_id), CC_H5_I64, "1", "id of this contact record, unique within the replication", NULL },
	{ "contact_id", REC(contact_id), CC_H5_I64, "1", "id of the contact, equal to record_id: every connection (each leg of a transfer, a callback, a restart) is a contact of its own, as in Amazon Connect; the agent event stream names it by this id", NULL },
	{ "initial_record_id", REC(initial_record_id), CC_H5_I64, "1", "the customer's first record (this record's own record_id when it is the first), shared by every record of the customer", NULL },
	{ "previous_record_id", REC(previous_record_id), CC_H5_I64, "1", "record this one continues (-1: the customer's first record): the record transferred from, the record whose customer asked for this callback, or the chat or task a region move ended before this restart", NULL },
	{ "next_record_id", REC(next_record_id), CC_H5_I64, "1", "record that continues this one (-1: none): the record of the transfer in the target queue or at the target agent (the fallback queue's after a failed agent transfer), the callback, or the restart; previous_record_id of that record is this one", NULL },
	{ "replication", REC(replication), CC_H5_I32, "1", "replication index", NULL },
	{ "queue", REC(queue), CC_H5_I32, "1", "queue index into /axes/queue", NULL },
	{ "channel", REC(channel), CC_H5_ENUM8, "1", "channel of the contact", channel_enum },
	{ "arrival_s", REC(arrival_s), CC_H5_F64, "s", "arrival at the queue, from the start of the run; for an outbound call, the start of dialling", NULL },
	{ "connect_s", REC(connect_s), CC_H5_F64, "s", "connection to an agent (NaN: never connected)", NULL },
	{ "end_s", REC(end_s), CC_H5_F64, "s", "end of talk, abandonment, failure of an outbound call, or the horizon if still in the system", NULL },
	{ "acw_end_s", REC(acw_end_s), CC_H5_F64, "s", "end of after-contact work (NaN: none done)", NULL },
	{ "agent", REC(agent), CC_H5_I32, "1", "agent index into /axes/agent (-1: never reached an agent)", NULL },
	{ "group", REC(group), CC_H5_I32, "1", "agent group index into /axes/group (-1: never reached an agent)", NULL },
	{ "outcome", REC(outcome), CC_H5_ENUM8, "1", "how the record ended (transferred: answered, then handed on as transfer says; ended_by_move: a chat, email or task ended at once when its agent moved to another region)", outcome_names },
	{ "disconnect_reason", REC(disconnect), CC_H5_ENUM8, "1", "why the record ended: CUSTOMER_DISCONNECT (hung up before reaching an agent; agent -1), CONVERSATION_ENDED, OUTBOUND_FAILED (the customer did not answer), TRANSFERRED (handed on to a queue, an agent or an outside number), AGENT_DISCONNECT (the agent left: a region move), none (still in the system at the horizon)", disconnect_names },
	{ "transfer", REC(transfer), CC_H5_ENUM8, "1", "the record's hand-over: none; queue or agent (the next record continues it); external (to an outside number, no next record); failed (the target agent was busy, rejected or missed (or that moved away while it rang) it: this record's agent took the customer back, or the fallback queue took it as the next record)", transfer_names },
	{ "transfer_mode", REC(transfer_mode), CC_H5_ENUM8, "1", "how the hand-over went when transfer is not none: cold (the agent left as soon as the target connected, or the contact entered the queue), consult (the agents talked first, the customer on hold), conference (all three talked, then the agent left); cold (code 0) when transfer is none", transfer_mode_names },
	{ "hold_s", REC(hold_s), CC_H5_F64, "s", "seconds the customer spent on hold (CONNECTED_ONHOLD) in this record, all holds together: its agent transferring or consulting", NULL },
	{ "ronas", REC(ronas), CC_H5_I32, "1", "offers of this contact that agents missed (RONA)", NULL },
	{ "attempts", REC(attempts), CC_H5_I32, "1", "callbacks: dial attempts made (0 for other contacts)", NULL },
	{ "ring_s", REC(ring_s), CC_H5_F64, "s", "seconds this contact rang at agents, all offers together", NULL },
	{ "head_start_s", REC(head_start_s), CC_H5_F64, "s", "the priority head start the contact queued with (0: none)", NULL },
};

/* The status field's enum names are the scenario's, so they are filled in at open time. */
#define EVT(field) offsetof(struct event_row, field)
enum { EVENT_STATUS_FIELD = 4 };
static const struct cc_h5_field event_fields[] = {
	{ "time_s", EVT(time_s), CC_H5_F64, "s", "time of the change, from the start of the run", NULL },
	{ "replication", EVT(replication), CC_H5_I32, "1", "replication index", NULL },
	{ "agent", EVT(agent), CC_H5_I32, "1", "agent index into /axes/agent", NULL },
	{ "group", EVT(group), CC_H5_I32, "1", "the agent's group, index into /axes/group", NULL },
	{ "status", EVT(status), CC_H5_ENUM8, "1", "the agent's status after the change (codes index /axes/status)", NULL },
	{ "next_status", EVT(next_status), CC_H5_I32, "1", "status the agent has chosen to take when its contact ends, index into /axes/status (-1: none pending)", NULL },
	{ "contact_id", EVT(contact_id), CC_H5_I64, "1", "the contact concerned, as contact_id in /contacts/records (-1: none)", NULL },
	{ "contact_state", EVT(contact_state), CC_H5_ENUM8, "1", "state of the agent's contact after the change (NONE: no contact)", contact_state_names },
	{ "channel", EVT(channel), CC_H5_ENUM8, "1", "channel of the contact (none: no contact)", event_channel_enum },
};

struct counts_row {
	int64_t arrived, answered, abandoned, waiting_at_end, completed, in_service_at_end, outbound,
		callbacks, unreached, transfers_in, direct, direct_failed, restarts, customers,
		customers_done, customers_at_end, events;
};

#define CNT(field) offsetof(struct counts_row, field)
static const struct cc_h5_field counts_fields[] = {
	{ "arrived", CNT(arrived), CC_H5_I64, "1", "new contacts that arrived at a queue over the whole run, warm-up included: customers' first arrivals and callbacks (not transfers in or restarts)", NULL },
	{ "answered", CNT(answered), CC_H5_I64, "1", "contact records connected to an agent (transfers in, restarts and direct transfers included)", NULL },
	{ "abandoned", CNT(abandoned), CC_H5_I64, "1", "contact records whose customer hung up before reaching an agent", NULL },
	{ "waiting_at_end", CNT(waiting_at_end), CC_H5_I64, "1", "contact records still waiting at the horizon (a direct transfer still ringing included)", NULL },
	{ "completed", CNT(completed), CC_H5_I64, "1", "answered contact records that are over, their after-contact work (if any) ended: transferred and ended-by-move records included", NULL },
	{ "in_service_at_end", CNT(in_service_at_end), CC_H5_I64, "1", "answered contact records in talk, on hold or in ACW at the horizon", NULL },
	{ "outbound", CNT(outbound), CC_H5_I64, "1", "outbound calls placed (in none of the counts above)", NULL },
	{ "callbacks", CNT(callbacks), CC_H5_I64, "1", "contacts that left their queue for a callback (the callback itself arrives anew at its callback queue)", NULL },
	{ "unreached", CNT(unreached), CC_H5_I64, "1", "callbacks given up after their last dial attempt failed", NULL },
	{ "transfers_in", CNT(transfers_in), CC_H5_I64, "1", "contacts transferred into a queue (a quick connect to a queue, or the fallback queue of a failed agent transfer): each a new record there", NULL },
	{ "direct", CNT(direct), CC_H5_I64, "1", "transfers offered to an agent directly", NULL },
	{ "direct_failed", CNT(direct_failed), CC_H5_I64, "1", "direct transfers the target agent rejected or missed, or that were withdrawn when it moved region (one that found no agent free was never offered and counts in neither)", NULL },
	{ "restarts", CNT(restarts), CC_H5_I64, "1", "customers who started again at a queue after a region move ended their chat or task", NULL },
	{ "customers", CNT(customers), CC_H5_I64, "1", "customers: first arrivals (not transfers, callbacks or restarts)", NULL },
	{ "customers_done", CNT(customers_done), CC_H5_I64, "1", "customers whose last record is over", NULL },
	{ "customers_at_end", CNT(customers_at_end), CC_H5_I64, "1", "customers still in the center at the horizon: their last record so far is not over (customers = customers_done + customers_at_end)", NULL },
	{ "events", CNT(events), CC_H5_I64, "1", "events processed", NULL },
};

void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len)
{
	snprintf(buf, len, "results/%s.h5", scn->name);
}

/* Creates the agent-event table, its status names taken from the scenario. */
static enum cc_status open_events(struct cc_results *r, const struct cc_scenario *scn)
{
	size_t n = cc_scenario_status_count(scn);
	r->status_names = cc_calloc(n + 1, sizeof *r->status_names);
	for (size_t s = 0; s < n; s++)
		r->status_names[s] = cc_scenario_status_name(scn, s);
	struct cc_h5_field fields[sizeof event_fields / sizeof event_fields[0]];
	memcpy(fields, event_fields, sizeof fields);
	CC_ASSERT(strcmp(fields[EVENT_STATUS_FIELD].name, "status") == 0);
	fields[EVENT_STATUS_FIELD].enum_names = r->status_names;
	r->event_buf = cc_calloc(EVENT_BLOCK, sizeof *r->event_buf);
	return cc_h5_table_create(r->file, "/agents/events", fields, sizeof fields / sizeof fields[0],
	                          sizeof(struct event_row), EVENT_CHUNK,
	                          "one row per agent state change: the agent's state after it, replications in order",
	                          &r->events);
}

enum cc_status cc_results_open(const char *path, const struct cc_scenario *scn,
                               struct cc_results **out, char *err, size_t errlen)
{
	*out = NULL;
	struct cc_h5_file *f;
	enum cc_status st = cc_h5_create(path, &f, err, errlen);
	if (st)
		return st;
	struct cc_results *r = cc_calloc(1, sizeof *r);
	r->file = f;
	if (scn->contact_records)
		st = cc_h5_table_create(f, "/contacts/records", record_fields,
		                        sizeof record_fields / sizeof record_fields[0],
		                        sizeof(struct cc_contact_record), RECORD_CHUNK,
		                        "one row per contact record, replications in order", &r->records);
	if (st == CC_OK && scn->agent_events)
		st = open_events(r, scn);
	if (st) {
		snprintf(err, errlen, "%s", cc_h5_error(f));
		cc_results_discard(r);
		return st;
	}
	*out = r;
	return CC_OK;
}

int cc_results_append_records(void *ctx, const struct cc_contact_record *rows, size_t n)
{
	struct cc_results *r = ctx;
	if (!r->records)
		return 0;
	for (size_t done = 0; done < n; done += RECORD_BLOCK) {
		size_t block = n - done < RECORD_BLOCK ? n - done : RECORD_BLOCK;
		if (cc_h5_table_append(r->records, rows + done, block))
			return 1;
	}
	return 0;
}

int cc_results_append_events(void *ctx, const struct cc_agent_event *rows, size_t n)
{
	struct cc_results *r = ctx;
	if (!r->events)
		return 0;
	for (size_t done = 0; done < n; done += EVENT_BLOCK) {
		size_t block = n - done < EVENT_BLOCK ? n - done : EVENT_BLOCK;
		for (size_t i = 0; i < block; i++) {
			const struct cc_agent_event *e = &rows[done + i];
			r->event_buf[i] = (struct event_row){
				.time_s = e->time_s,
				.replication = e->replication,
				.agent = e->agent,
				.group = e->group,
				.status = e->status,
				.next_status = e->next_status == CC_NO_STATUS ? -1 : e->next_status,
				.contact_id = e->contact_id,
				.contact_state = e->contact_state,
				.channel = e->channel,
			};
		}
		if (cc_h5_table_append(r->events, r->event_buf, block))
			return 1;
	}
	return 0;
}

static void write_root(struct cc_h5_file *f, const struct cc_run *run)
{
	const struct cc_scenario *scn = run->scn;
	cc_h5_attr_string(f, "/", "ccsim_version", CC_VERSION);
	cc_h5_attr_string(f, "/", "scenario_name", scn->name);
	cc_h5_attr_string(f, "/", "scenario_file", scn->path);
	cc_h5_attr_string(f, "/", "scenario", scn->text);
	cc_h5_attr_string(f, "/", "overrides", scn->overrides ? scn->overrides : "");
	cc_h5_attr_int64(f, "/", "seed", (int64_t)scn->seed);
	cc_h5_attr_int64(f, "/", "replications", (int64_t)run->replications);
	cc_h5_attr_double(f, "/", "horizon_s", scn->horizon_s);
	cc_h5_attr_double(f, "/", "warmup_s", scn->warmup_s);
	cc_h5_attr_double(f, "/", "interval_s", scn->interval_s);
	cc_h5_attr_double(f, "/", "confidence_level", 0.95);
	cc_h5_attr_string(f, "/", "time_origin", "seconds from the start of the run (time 0)");
}

/* Agents are numbered group by group, in the scenario's order; each is named "<group>#<i>"
 * with I its index inside the group. */
static void write_agent_axes(struct cc_h5_file *f, const struct cc_scenario *scn)
{
	size_t n = (size_t)cc_scenario_agents(scn), a = 0;
	char **names = cc_calloc(n, sizeof *names);
	double *group = cc_calloc(n, sizeof *group);
	for (size_t g = 0; g < scn->n_groups; g++)
		for (int i = 0; i < scn->groups[g].count; i++, a++) {
			CC_ASSERT(a < n);
			size_t len = strlen(scn->groups[g].name) + 16;
			names[a] = cc_malloc(len);
			snprintf(names[a], len, "%s#%d", scn->groups[g].name, i);
			group[a] = (double)g;
		}
	CC_ASSERT(a == n);
	cc_h5_axis_strings(f, "/axes/agent", n, (const char *const *)names,
	                   "agent names, <group>#<index inside the group>: agents are numbered group by group in the scenario's order");
	size_t dims[1] = { n };
	const char *axes[1] = { "/axes/agent" };
	cc_h5_write_doubles(f, "/axes/agent_group", 1, dims, group, "1",
	                    "group of each agent, index into /axes/group", axes);
	for (size_t i = 0; i < n; i++)
		cc_free(names[i]);
	cc_free(names);
	cc_free(group);
}

static void write_axes(struct cc_h5_file *f, const struct cc_run *run)
{
	const struct cc_scenario *scn = run->scn;
	size_t n = run->grid.count;
	double *start = cc_calloc(n, sizeof *start), *len = cc_calloc(n, sizeof *len);
	for (size_t i = 0; i < n; i++) {
		start[i] = cc_grid_start(&run->grid, i);
		len[i] = cc_grid_end(&run->grid, i) - start[i];
	}
	int64_t *reps = cc_calloc(run->replications, sizeof *reps);
	for (size_t i = 0; i < run->replications; i++)
		reps[i] = (int64_t)i;
	const char **qn = cc_calloc(scn->n_queues, sizeof *qn);
	for (size_t i = 0; i < scn->n_queues; i++)
		qn[i] = scn->queues[i].name;
	const char **gn = cc_calloc(scn->n_groups, sizeof *gn);
	for (size_t i = 0; i < scn->n_groups; i++)
		gn[i] = scn->groups[i].name;
	size_t n_status = cc_scenario_status_count(scn);
	const char **sn = cc_calloc(n_status, sizeof *sn);
	for (size_t i = 0; i < n_status; i++)
		sn[i] = cc_scenario_status_name(scn, i);

	cc_h5_axis_int64(f, "/axes/replication", run->replications, reps, "1", "replication index");
	cc_h5_axis_doubles(f, "/axes/interval_start_s", n, start, "s",
	                   "start of each reported interval, from the start of the run (cut to the end of the warm-up)");
	size_t dims[1] = { n };
	const char *axes[1] = { "/axes/interval_start_s" };
	cc_h5_write_doubles(f, "/axes/interval_length_s", 1, dims, len, "s",
	                    "length of each reported interval (shorter where the warm-up or the horizon cuts it)", axes);
	cc_h5_axis_strings(f, "/axes/queue", scn->n_queues, qn, "queue names");
	cc_h5_axis_strings(f, "/axes/group", scn->n_groups, gn, "agent group names");
	cc_h5_axis_strings(f, "/axes/status", n_status, sn,
	                   "agent status names: Offline, Available, RONA, then the scenario's not-productive statuses");
	cc_h5_axis_strings(f, "/axes/channel", CC_CHANNEL_COUNT, channel_enum,
	                   "channel names, in the order of their codes: voice, chat, email, task, callback");
	dims[0] = scn->n_queues;
	axes[0] = "/axes/queue";
	double *channel = cc_calloc(scn->n_queues, sizeof *channel);
	for (size_t i = 0; i < scn->n_queues; i++)
		channel[i] = (double)scn->queues[i].channel;
	cc_h5_write_doubles(f, "/axes/queue_channel", 1, dims, channel, "1",
	                    "channel code of each queue: 0 voice, 1 chat, 2 email, 3 task, 4 callback", axes);
	write_agent_axes(f, scn);
	cc_free(channel);
	cc_free(start);
	cc_free(len);
	cc_free(reps);
	cc_free(qn);
	cc_free(gn);
	cc_free(sn);
}

/* Where a figure's owner puts its figures, and the dimensions its entities span. */
struct owner_layout {
	const char *dir;      /* "queues": /replications/intervals/queues/<figure> */
	const char *per;      /* for descriptions: "queue" */
	int rank;             /* entity dimensions: 1, or 2 for group and status or channel */
	size_t dims[2];
	const char *axes[2];
};

static struct owner_layout owner_layout(const struct cc_run *run, enum cc_figure_owner owner)
{
	const struct cc_scenario *scn = run->scn;
	switch (owner) {
	case CC_FIG_QUEUE:
		return (struct owner_layout){ "queues", "queue", 1, { scn->n_queues, 0 },
		                              { "/axes/queue", NULL } };
	case CC_FIG_GROUP:
		return (struct owner_layout){ "groups", "agent group", 1, { scn->n_groups, 0 },
		                              { "/axes/group", NULL } };
	case CC_FIG_STATUS:
		return (struct owner_layout){ "statuses", "agent group and status", 2,
		                              { scn->n_groups, cc_scenario_status_count(scn) },
		                              { "/axes/group", "/axes/status" } };
	case CC_FIG_CHANNEL:
		return (struct owner_layout){ "channels", "channel (all the channel's queues together)",
		                              1, { CC_CHANNEL_COUNT, 0 }, { "/axes/channel", NULL } };
	case CC_FIG_GROUP_CHANNEL:
		return (struct owner_layout){ "group_channels", "agent group and channel", 2,
		                              { scn->n_groups, CC_CHANNEL_COUNT },
		                              { "/axes/group", "/axes/channel" } };
	}
	cc_fail(__FILE__, __LINE__, "unknown figure owner");
}

enum { MAX_RANK = 4 };

/* The shape of a dataset: the leading dimensions LEAD (with their axes), then the entity
 * dimensions of O. Returns the rank. */
static int shape(const struct owner_layout *o, int lead, const size_t *lead_dims,
                 const char *const *lead_axes, size_t *dims, const char **axes)
{
	CC_ASSERT(lead + o->rank <= MAX_RANK);
	for (int i = 0; i < lead; i++) {
		dims[i] = lead_dims[i];
		axes[i] = lead_axes[i];
	}
	for (int i = 0; i < o->rank; i++) {
		dims[lead + i] = o->dims[i];
		axes[lead + i] = o->axes[i];
	}
	return lead + o->rank;
}

/* Writes figure FIG: per replication and interval, per replication in total, and the
 * summaries. Its entities (queues, groups, groups x statuses, channels, or groups x
 * channels) are the innermost
 * dimensions of every dataset, in the order cc_run_value indexes them. */
static void write_figure(struct cc_h5_file *f, const struct cc_run *run, const struct cc_figure *fig)
{
	struct owner_layout o = owner_layout(run, fig->owner);
	size_t reps = run->replications, n = run->grid.count, w = cc_run_width(run, fig);
	double *buf = cc_calloc(reps * n * w, sizeof *buf);
	char path[256], desc[512];
	size_t dims[MAX_RANK];
	const char *axes[MAX_RANK];
	int rank;

	for (size_t r = 0; r < reps; r++)
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < w; k++)
				buf[(r * n + i) * w + k] = cc_run_value(run, fig, r, i, k);
	rank = shape(&o, 2, (size_t[]){ reps, n },
	             (const char *const[]){ "/axes/replication", "/axes/interval_start_s" }, dims, axes);
	snprintf(path, sizeof path, "/replications/intervals/%s/%s", o.dir, fig->name);
	snprintf(desc, sizeof desc, "%s, per replication, interval and %s", fig->description, o.per);
	cc_h5_write_doubles(f, path, rank, dims, buf, fig->units, desc, axes);

	for (size_t r = 0; r < reps; r++)
		for (size_t k = 0; k < w; k++)
			buf[r * w + k] = cc_run_value(run, fig, r, n, k);
	rank = shape(&o, 1, (size_t[]){ reps }, (const char *const[]){ "/axes/replication" }, dims, axes);
	snprintf(path, sizeof path, "/replications/totals/%s/%s", o.dir, fig->name);
	snprintf(desc, sizeof desc, "%s, per replication and %s over the whole horizon after warm-up",
	         fig->description, o.per);
	cc_h5_write_doubles(f, path, rank, dims, buf, fig->units, desc, axes);

	/* Summaries: per interval [interval][entity] and in total [entity]. */
	double *mean = cc_calloc((n + 1) * w, sizeof *mean), *hw = cc_calloc((n + 1) * w, sizeof *hw);
	for (size_t i = 0; i <= n; i++)
		for (size_t k = 0; k < w; k++) {
			struct cc_summary s = cc_run_summary(run, fig, i, k, 0.95);
			mean[i * w + k] = s.mean;
			hw[i * w + k] = s.half_width;
		}
	static const char *const stat_name[2] = { "mean", "ci95" };
	static const char *const stat_desc[2] = {
		"mean across replications", "half-width of the 95 % Student-t confidence interval across replications"
	};
	double *stat[2] = { mean, hw };
	for (int s = 0; s < 2; s++) {
		rank = shape(&o, 1, (size_t[]){ n }, (const char *const[]){ "/axes/interval_start_s" },
		             dims, axes);
		snprintf(path, sizeof path, "/summary/intervals/%s/%s/%s", o.dir, fig->name, stat_name[s]);
		snprintf(desc, sizeof desc, "%s: %s, per interval and %s", fig->description,
		         stat_desc[s], o.per);
		cc_h5_write_doubles(f, path, rank, dims, stat[s], fig->units, desc, axes);
		rank = shape(&o, 0, NULL, NULL, dims, axes);
		snprintf(path, sizeof path, "/summary/totals/%s/%s/%s", o.dir, fig->name, stat_name[s]);
		snprintf(desc, sizeof desc, "%s: %s, per %s over the whole horizon after warm-up",
		         fig->description, stat_desc[s], o.per);
		cc_h5_write_doubles(f, path, rank, dims, stat[s] + n * w, fig->units, desc, axes);
	}
	cc_free(mean);
	cc_free(hw);
	cc_free(buf);
}

static void write_counts(struct cc_h5_file *f, const struct cc_run *run)
{
	struct counts_row *rows = cc_calloc(run->replications, sizeof *rows);
	for (size_t r = 0; r < run->replications; r++) {
		const struct cc_rep_counts *c = &run->counts[r];
		rows[r] = (struct counts_row){
			.arrived = (int64_t)c->arrived,
			.answered = (int64_t)c->answered,
			.abandoned = (int64_t)c->abandoned,
			.waiting_at_end = (int64_t)c->waiting_at_end,
			.completed = (int64_t)c->completed,
			.in_service_at_end = (int64_t)c->in_service_at_end,
			.outbound = (int64_t)c->outbound,
			.callbacks = (int64_t)c->callbacks,
			.unreached = (int64_t)c->unreached,
			.transfers_in = (int64_t)c->transfers_in,
			.direct = (int64_t)c->direct,
			.direct_failed = (int64_t)c->direct_failed,
			.restarts = (int64_t)c->restarts,
			.customers = (int64_t)c->customers,
			.customers_done = (int64_t)c->customers_done,
			.customers_at_end = (int64_t)c->customers_at_end,
			.events = (int64_t)c->events,
		};
	}
	struct cc_h5_table *t = NULL;
	if (cc_h5_table_create(f, "/replications/counts", counts_fields,
	                       sizeof counts_fields / sizeof counts_fields[0], sizeof *rows,
	                       run->replications, "whole-run counts per replication (conservation of records: arrived + transfers_in + restarts + direct = answered + abandoned + callbacks + unreached + direct_failed + waiting_at_end; answered = completed + in_service_at_end; of customers: customers = customers_done + customers_at_end)",
	                       &t) == CC_OK) {
		cc_h5_table_append(t, rows, run->replications);
		cc_h5_table_close(t);
	}
	cc_free(rows);
}

/* Frees R, its tables closed and its file committed or aborted already. */
static void free_results(struct cc_results *r)
{
	cc_free(r->event_buf);
	cc_free(r->status_names);
	cc_free(r);
}

enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen)
{
	struct cc_h5_file *f = r->file;
	cc_h5_table_close(r->records);
	cc_h5_table_close(r->events);
	r->records = NULL;
	r->events = NULL;
	cc_h5_group(f, "/replications", "figures of each replication");
	cc_h5_group(f, "/summary", "figures across replications: mean and 95 % half-width");
	write_root(f, run);
	write_axes(f, run);
	for (size_t i = 0; i < run->n_figures; i++)
		write_figure(f, run, &run->figures[i]);
	write_counts(f, run);
	/* Every write above stops at the first error and keeps it; one check covers them all. */
	if (cc_h5_error(f)[0]) {
		snprintf(err, errlen, "%s", cc_h5_error(f));
		cc_results_discard(r);
		return CC_ERR_IO;
	}
	free_results(r);
	return cc_h5_commit(f, err, errlen);
}

void cc_results_discard(struct cc_results *r)
{
	if (!r)
		return;
	cc_h5_table_close(r->records);
	cc_h5_table_close(r->events);
	cc_h5_abort(r->file);
	free_results(r);
}
