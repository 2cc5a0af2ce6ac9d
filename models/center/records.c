/*
 * Contact records and the agent event stream, appended to the replication's result in
 * blocks that double as they fill.
 */
#include "models/center/records.h"

#include <string.h>

#include "sim/alloc.h"

void cc_rec_event_append(struct center *c, const struct agent *a, const struct contact *k)
{
	struct cc_rep_result *r = c->out;
	if (r->n_events == r->cap_events) {
		r->cap_events = r->cap_events ? 2 * r->cap_events : 4096;
		r->events = cc_realloc(r->events, r->cap_events, sizeof *r->events);
	}
	if (!k)
		k = a->held;
	r->events[r->n_events++] = (struct cc_agent_event){
		.time_s = c->now,
		.contact_id = k ? k->id : -1,
		.replication = (int32_t)c->replication,
		.agent = a->id,
		.group = (int32_t)a->group,
		.status = (uint8_t)a->status,
		.next_status = (uint8_t)a->next_status,
		.contact_state = k ? k->cs : CC_CS_NONE,
		.channel = k ? k->channel : CC_CHANNEL_COUNT,
	};
}

void cc_rec_contact_append(struct center *c, const struct contact *k, const struct agent *a,
                           enum cc_outcome outcome, double end_s, double acw_end_s)
{
	struct cc_rep_result *r = c->out;
	if (r->n_records == r->cap_records) {
		r->cap_records = r->cap_records ? 2 * r->cap_records : 4096;
		r->records = cc_realloc(r->records, r->cap_records, sizeof *r->records);
	}
	static const uint8_t disconnect[CC_OUTCOME_COUNT] = {
		[CC_OUTCOME_HANDLED] = CC_DISCONNECT_ENDED,
		[CC_OUTCOME_ABANDONED] = CC_DISCONNECT_CUSTOMER,
		[CC_OUTCOME_WAITING_AT_END] = CC_DISCONNECT_NONE,
		[CC_OUTCOME_IN_SERVICE_AT_END] = CC_DISCONNECT_NONE,
		[CC_OUTCOME_OUTBOUND] = CC_DISCONNECT_ENDED,
		[CC_OUTCOME_CALLBACK] = CC_DISCONNECT_ENDED,
		[CC_OUTCOME_UNREACHED] = CC_DISCONNECT_FAILED,
		[CC_OUTCOME_TRANSFERRED] = CC_DISCONNECT_TRANSFERRED,
		[CC_OUTCOME_ENDED_BY_MOVE] = CC_DISCONNECT_AGENT,
		[CC_OUTCOME_BALKED] = CC_DISCONNECT_CUSTOMER,
		[CC_OUTCOME_BLOCKED] = CC_DISCONNECT_BUSY,
	};
	struct cc_contact_record *row = &r->records[r->n_records++];
	memset(row, 0, sizeof *row);
	int outbound = k->queue == OUTBOUND_QUEUE;
	row->record_id = k->id;
	row->contact_id = k->id;
	row->initial_record_id = k->initial_id;
	row->previous_record_id = k->previous_id;
	row->next_record_id = k->next_id;
	row->source_row = k->source_row;
	row->transfer = k->rt;
	row->silent = k->gone;
	row->transfer_mode = k->rmode;
	row->hold_s = k->hold_s;
	row->replication = (int32_t)c->replication;
	row->queue = outbound ? -1 : (int32_t)k->queue;
	row->agent = a ? a->id : -1;
	row->group = a ? (int32_t)a->group : -1;
	row->channel = k->channel;
	row->outcome = (uint8_t)outcome;
	row->disconnect = outbound && !k->reached ? CC_DISCONNECT_FAILED : disconnect[outcome];
	row->ronas = k->ronas;
	row->attempts = k->attempts;
	row->ring_s = k->ring_sum_s;
	row->head_start_s = k->head_start_s;
	row->arrival_s = k->arrival_s;
	row->connect_s = a ? k->connect_s : NAN;
	row->end_s = end_s;
	row->acw_end_s = acw_end_s;
}
