#ifndef CC_CALENDAR_H
#define CC_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

/*
 * The event calendar: pooled events taken in the order (time, class, sequence).
 *
 * - time is in seconds from the start of the run, never NaN, and never before the time of
 *   the last event popped: time does not go back (an assert holds the model to it).
 * - class settles ties at equal times: the lower class happens first. The model decides
 *   what classes mean and writes the order down in its own header.
 * - sequence is a counter stamped at scheduling, so two events of the same time and class
 *   happen in the order they were scheduled. The order is therefore total and does not
 *   depend on the calendar's layout: runs are reproducible.
 *
 * A small calendar is a 4-ary heap, a large one (past a few hundred events) a radix heap on
 * the times, where scheduling, cancelling and moving an event are O(1) and popping is
 * amortised O(1) whatever the number of events; the .c file says how and why.
 *
 * Events live in a pool owned by the calendar, grown in slabs and recycled through a free
 * list: once the calendar has reached its peak size, scheduling allocates nothing. Each
 * event knows its place, so cancelling needs no search.
 *
 * Ownership: an event returned by cc_calendar_schedule belongs to the calendar. The caller
 * may keep the pointer to cancel it until it is popped or cancelled. An event returned by
 * cc_calendar_pop belongs to the caller until it hands it back with cc_calendar_release
 * (or reschedules it with cc_calendar_reschedule).
 */

struct cc_event {
	double time;        /* when it happens (read only: change it through the calendar) */
	uint32_t cls;       /* tie-break class, lower first */
	int32_t kind;       /* what happens; meaning chosen by the model */
	uint64_t seq;       /* scheduling order, set by the calendar */
	void *subject;      /* what it happens to; owned by the model */
	size_t heap_pos;    /* its place, or CC_EVENT_IDLE; managed by the calendar */
};

#define CC_EVENT_IDLE SIZE_MAX

struct cc_calendar;

struct cc_calendar *cc_calendar_create(void);
void cc_calendar_destroy(struct cc_calendar *cal); /* accepts NULL */

/* Schedules an event and returns it. TIME must not be NaN, nor before the last event popped. */
struct cc_event *cc_calendar_schedule(struct cc_calendar *cal, double time, uint32_t cls,
                                      int32_t kind, void *subject);

/* Puts an event that the caller holds (popped, not released) back at a new time (not
 * before the last event popped). */
void cc_calendar_reschedule(struct cc_calendar *cal, struct cc_event *ev, double time);

/* Moves a scheduled event to a new time (not before the last event popped): the same order
 * as cancelling it and scheduling it anew (it takes a new sequence number), and the caller's
 * pointer stays valid. */
void cc_calendar_move(struct cc_calendar *cal, struct cc_event *ev, double time);

/* Removes a scheduled event and returns it to the pool. */
void cc_calendar_cancel(struct cc_calendar *cal, struct cc_event *ev);

/* The earliest event, removed from the calendar, or NULL when the calendar is empty. */
struct cc_event *cc_calendar_pop(struct cc_calendar *cal);

/* The earliest event if it happens before LIMIT, removed from the calendar; else NULL (the
 * calendar is empty, or its earliest event is at LIMIT or later). */
struct cc_event *cc_calendar_pop_before(struct cc_calendar *cal, double limit);

/* The earliest event without removing it, or NULL. It may scan the events of one bucket:
 * the run loop pops with cc_calendar_pop_before instead. */
const struct cc_event *cc_calendar_peek(const struct cc_calendar *cal);

/* Returns a popped event to the pool. */
void cc_calendar_release(struct cc_calendar *cal, struct cc_event *ev);

size_t cc_calendar_size(const struct cc_calendar *cal);

/* Events ever allocated by the pool (scheduled, held or free): a measure of peak size. */
size_t cc_calendar_capacity(const struct cc_calendar *cal);

#endif
