#include "models/output/schema.h"

#include <stddef.h>
#include <string.h>

#include "sim/alloc.h"

const struct cc_view_info cc_views[CC_VIEW_COUNT] = {
	[CC_VIEW_SUMMARY_INTERVALS] = { "/summary/intervals", "intervals",
	                                "mean and 95 % half-width across replications, per interval" },
	[CC_VIEW_SUMMARY_TOTALS] = { "/summary/totals", "totals",
	                             "mean and 95 % half-width across replications, over the whole horizon after warm-up" },
	[CC_VIEW_REP_TOTALS] = { "/replications/totals", "replications",
	                         "per replication, over the whole horizon after warm-up" },
	[CC_VIEW_REP_INTERVALS] = { "/replications/intervals", "replication_intervals",
	                            "per replication and interval" },
};

const struct cc_view_info cc_sweep_diff_view = {
	"/sweep/diff/totals", "sweep_diff",
	"each point minus the base point over the whole horizon after warm-up, paired by replication (common random numbers), with its 95 % Student-t interval and p-value"
};

const char *const cc_diff_stat_names[CC_DIFF_STATS] = { "diff", "lo", "hi", "p" };
const char *const cc_diff_stat_docs[CC_DIFF_STATS] = {
	[CC_DIFF_DIFF] = "the mean over replications of the point's total minus the base point's total in the same replication (0 at the base point)",
	[CC_DIFF_LO] = "the lower end of its 95 % Student-t confidence interval (n - 1 degrees of freedom, n the replications where both are defined; NaN below two)",
	[CC_DIFF_HI] = "the upper end of that interval",
	[CC_DIFF_P] = "the two-sided p-value of \"no difference\" (0 or 1 when every difference is the same; NaN below two replications)",
};

/* The file's enum types: each list's names, NULL-terminated. */
#define CC_NAME(e, name, doc) name,
static const char *const outcome_names[] = { CC_OUTCOMES(CC_NAME) NULL };
static const char *const disconnect_names[] = { CC_DISCONNECTS(CC_NAME) NULL };
static const char *const transfer_names[] = { CC_RECORD_TRANSFERS(CC_NAME) NULL };
/* In events, code CC_CHANNEL_COUNT means no contact. */
#define CC_CHANNEL_NAME(e, name) name,
static const char *const event_channel_enum[] = { CC_CHANNELS(CC_CHANNEL_NAME) "none", NULL };
#undef CC_CHANNEL_NAME
static const char *const contact_state_names[] = { CC_CONTACT_STATES(CC_NAME) NULL };
#undef CC_NAME
/* What each code means, in step with the names above (the same lists). */
#define CC_DOC(e, name, doc) doc,
static const char *const outcome_docs[] = { CC_OUTCOMES(CC_DOC) NULL };
static const char *const disconnect_docs[] = { CC_DISCONNECTS(CC_DOC) NULL };
static const char *const transfer_docs[] = { CC_RECORD_TRANSFERS(CC_DOC) NULL };
static const char *const contact_state_docs[] = { CC_CONTACT_STATES(CC_DOC) NULL };
#undef CC_DOC

#define REC(field) offsetof(struct cc_contact_record, field)
static const char *const silent_names[] = { "no", "yes", NULL };
static const struct cc_h5_field record_fields[] = {
	{ "record_id", REC(record_id), CC_H5_I64, "1", "id of this contact record, unique within the replication", NULL },
	{ "contact_id", REC(contact_id), CC_H5_I64, "1", "id of the contact, equal to record_id: every connection (each leg of a transfer, a callback, a restart) is a contact of its own, as in Amazon Connect; the agent event stream names it by this id", NULL },
	{ "initial_record_id", REC(initial_record_id), CC_H5_I64, "1", "the customer's first record (this record's own record_id when it is the first), shared by every record of the customer", NULL },
	{ "previous_record_id", REC(previous_record_id), CC_H5_I64, "1", "record this one continues (-1: the customer's first record): the record transferred from, the record whose customer asked for this callback, or the chat or task a region move ended before this restart", NULL },
	{ "next_record_id", REC(next_record_id), CC_H5_I64, "1", "record that continues this one (-1: none): the record of the transfer in the target queue or at the target agent (the fallback queue's after a failed agent transfer), the callback, or the restart; previous_record_id of that record is this one", NULL },
	{ "replication", REC(replication), CC_H5_I32, "1", "replication index", NULL },
	{ "queue", REC(queue), CC_H5_I32, "1", "queue index into /entities/queue", NULL },
	{ "channel", REC(channel), CC_H5_ENUM8, "1", "channel of the contact", cc_channel_names },
	{ "arrival_s", REC(arrival_s), CC_H5_F64, "s", "arrival at the queue, from the start of the run; for an outbound call, the start of dialling", NULL },
	{ "connect_s", REC(connect_s), CC_H5_F64, "s", "connection to an agent (NaN: never connected)", NULL },
	{ "end_s", REC(end_s), CC_H5_F64, "s", "end of talk, abandonment, failure of an outbound call, or the horizon if still in the system", NULL },
	{ "acw_end_s", REC(acw_end_s), CC_H5_F64, "s", "end of after-contact work (NaN: none done)", NULL },
	{ "agent", REC(agent), CC_H5_I32, "1", "agent index into /entities/agent (-1: never reached an agent)", NULL },
	{ "group", REC(group), CC_H5_I32, "1", "agent group index into /entities/group (-1: never reached an agent)", NULL },
	{ "outcome", REC(outcome), CC_H5_ENUM8, "1", "how the record ended (transferred: answered, then handed on as transfer says; ended_by_move: a chat, email or task ended at once when its agent moved to another region)", outcome_names },
	{ "disconnect_reason", REC(disconnect), CC_H5_ENUM8, "1", "why the record ended: CUSTOMER_DISCONNECT (hung up before reaching an agent; agent -1), CONVERSATION_ENDED, OUTBOUND_FAILED (the customer did not answer), TRANSFERRED (handed on to a queue, an agent or an outside number), AGENT_DISCONNECT (the agent left: a region move), none (still in the system at the horizon)", disconnect_names },
	{ "transfer", REC(transfer), CC_H5_ENUM8, "1", "the record's hand-over: none; queue or agent (the next record continues it); external (to an outside number, no next record); failed (the target agent was busy, rejected or missed (or that moved away while it rang) it: this record's agent took the customer back, or the fallback queue took it as the next record)", transfer_names },
	{ "transfer_mode", REC(transfer_mode), CC_H5_ENUM8, "1", "how the hand-over went when transfer is not none: cold (the agent left as soon as the target connected, or the contact entered the queue), consult (the agents talked first, the customer on hold), conference (all three talked, then the agent left); cold (code 0) when transfer is none", cc_transfer_mode_names },
	{ "hold_s", REC(hold_s), CC_H5_F64, "s", "seconds the customer spent on hold (CONNECTED_ONHOLD) in this record, all holds together: its agent transferring or consulting", NULL },
	{ "ronas", REC(ronas), CC_H5_I32, "1", "offers of this contact that agents missed (RONA)", NULL },
	{ "attempts", REC(attempts), CC_H5_I32, "1", "callbacks: dial attempts made (0 for other contacts)", NULL },
	{ "ring_s", REC(ring_s), CC_H5_F64, "s", "seconds this contact rang at agents, all offers together", NULL },
	{ "head_start_s", REC(head_start_s), CC_H5_F64, "s", "the priority head start the contact queued with (0: none)", NULL },
	{ "source_row", REC(source_row), CC_H5_I64, "1", "the line of the trace's CSV file (the header is line 1) the customer's call was replayed from, kept by every record of the customer (-1: not from a trace)", NULL },
	{ "silent", REC(silent), CC_H5_ENUM8, "1", "yes: the customer left without closing the chat (silent abandonment) while it waited or rang; the record goes on as the center saw it (waiting, then answered and closed by the chat's timeout, or waiting_at_end)", silent_names },
};

#define EVT(field) offsetof(struct cc_event_row, field)
static const struct cc_h5_field event_fields[] = {
	{ "time_s", EVT(time_s), CC_H5_F64, "s", "time of the change, from the start of the run", NULL },
	{ "replication", EVT(replication), CC_H5_I32, "1", "replication index", NULL },
	{ "agent", EVT(agent), CC_H5_I32, "1", "agent index into /entities/agent", NULL },
	{ "group", EVT(group), CC_H5_I32, "1", "the agent's group, index into /entities/group", NULL },
	{ "status", EVT(status), CC_H5_ENUM8, "1", "the agent's status after the change (codes index /entities/status)", NULL },
	{ "next_status", EVT(next_status), CC_H5_I32, "1", "status the agent has chosen to take when its contact ends, index into /entities/status (-1: none pending)", NULL },
	{ "contact_id", EVT(contact_id), CC_H5_I64, "1", "the contact concerned, as contact_id in /contacts/records (-1: none)", NULL },
	{ "contact_state", EVT(contact_state), CC_H5_ENUM8, "1", "state of the agent's contact after the change (NONE: no contact)", contact_state_names },
	{ "channel", EVT(channel), CC_H5_ENUM8, "1", "channel of the contact (none: no contact)", event_channel_enum },
};

_Static_assert(sizeof event_fields / sizeof event_fields[0] > CC_EVENT_STATUS_FIELD,
               "the status field is an event field");

const struct cc_h5_field *cc_record_fields(size_t *n)
{
	*n = sizeof record_fields / sizeof record_fields[0];
	return record_fields;
}

const struct cc_h5_field *cc_event_fields(size_t *n)
{
	CC_ASSERT(strcmp(event_fields[CC_EVENT_STATUS_FIELD].name, "status") == 0);
	*n = sizeof event_fields / sizeof event_fields[0];
	return event_fields;
}

const char *const *cc_enum_docs(const char *const *names)
{
	static const struct { const char *const *names, *const *docs; } known[] = {
		{ outcome_names, outcome_docs },
		{ disconnect_names, disconnect_docs },
		{ transfer_names, transfer_docs },
		{ contact_state_names, contact_state_docs },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].names == names)
			return known[i].docs;
	return NULL;
}
