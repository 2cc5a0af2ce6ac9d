#include "models/output/results.h"

#include <stdio.h>
#include <string.h>

#include "models/center/center.h"
#include "models/output/clock.h"
#include "models/output/results_impl.h"
#include "models/output/schema.h"
#include "models/output/version.h"
#include "sim/alloc.h"
#include "sim/h5.h"

void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len)
{
	snprintf(buf, len, "results/%s.h5", scn->name);
}



/* ---- layout: groups, dimensions, variables ---- */

static const char *const statistic_names[CC_RUN_STATS] = { "mean", "ci95" };
static const struct cc_results_stats summary_stats = {
	CC_RUN_STATS, statistic_names,
	"mean: the mean across replications; ci95: the half-width of its 95 % Student-t confidence interval (NaN with one replication)"
};

/* The dimensions of OWNER's entities and their labels. */
struct entity_dims {
	int rank;
	const char *names[2];
	size_t len[2];
	const char **labels[2];
};

/* Labels of the scenario's queues, groups, statuses and used channels. */
struct labels {
	const char **queues, **groups, **statuses, **channels, **all_channels;
};

static void labels_init(struct labels *l, const struct cc_scenario *scn, const struct cc_layout *lay)
{
	CC_NEW_ARRAY(l->queues, scn->n_queues);
	for (size_t i = 0; i < scn->n_queues; i++)
		l->queues[i] = scn->queues[i].label;
	CC_NEW_ARRAY(l->groups, scn->n_groups);
	for (size_t i = 0; i < scn->n_groups; i++)
		l->groups[i] = scn->groups[i].name;
	CC_NEW_ARRAY(l->statuses, lay->n_status);
	for (size_t i = 0; i < lay->n_status; i++)
		l->statuses[i] = cc_scenario_status_name(scn, i);
	CC_NEW_ARRAY(l->channels, lay->n_channels);
	for (size_t i = 0; i < lay->n_channels; i++)
		l->channels[i] = cc_channel_name(lay->channels[i]);
	CC_NEW_ARRAY(l->all_channels, CC_CHANNEL_COUNT);
	for (size_t i = 0; i < CC_CHANNEL_COUNT; i++)
		l->all_channels[i] = cc_channel_name((enum cc_channel)i);
}

static void labels_fini(struct labels *l)
{
	cc_free(l->queues);
	cc_free(l->groups);
	cc_free(l->statuses);
	cc_free(l->channels);
	cc_free(l->all_channels);
}

static struct entity_dims entity_dims(const struct cc_results *r, const struct labels *l,
                                      enum cc_figure_owner owner)
{
	const struct cc_scenario *scn = r->scn;
	const struct cc_layout *lay = &r->layout;
	switch (owner) {
	case CC_FIG_QUEUE:
		return (struct entity_dims){ 1, { "queue" }, { scn->n_queues }, { l->queues } };
	case CC_FIG_GROUP:
		return (struct entity_dims){ 1, { "group" }, { scn->n_groups }, { l->groups } };
	case CC_FIG_STATUS:
		return (struct entity_dims){ 2, { "group", "status" }, { scn->n_groups, lay->n_status },
		                             { l->groups, l->statuses } };
	case CC_FIG_CHANNEL:
		return (struct entity_dims){ 1, { "channel" }, { lay->n_channels }, { l->channels } };
	case CC_FIG_GROUP_CHANNEL:
		return (struct entity_dims){ 2, { "group", "channel" },
		                             { scn->n_groups, lay->n_channels },
		                             { l->groups, l->channels } };
	default: break;
	}
	cc_fail(__FILE__, __LINE__, "unknown figure owner");
}

/* The long name of entity dimension DIM, wherever it stands (figure groups, /entities). */
static const char *entity_long_name(const char *dim)
{
	static const struct { const char *dim, *long_name; } names[] = {
		{ "queue", "queue" },
		{ "group", "agent group" },
		{ "status", "agent status" },
		{ "channel", "channel" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(dim, names[i].dim) == 0)
			return names[i].long_name;
	cc_fail(__FILE__, __LINE__, "unknown entity dimension");
}

/* The reported intervals: their starts, lengths and clock labels, made once for every group
 * that has them. */
struct intervals {
	double *start, *len;
	char **clock;
};

static void intervals_init(struct intervals *iv, const struct cc_results *r)
{
	size_t n = r->grid.count;
	iv->start = cc_calloc(n, sizeof *iv->start);
	iv->len = cc_calloc(n, sizeof *iv->len);
	iv->clock = cc_calloc(n, sizeof *iv->clock);
	for (size_t i = 0; i < n; i++) {
		iv->start[i] = cc_grid_start(&r->grid, i);
		iv->len[i] = cc_grid_end(&r->grid, i) - iv->start[i];
		char label[64];
		iv->clock[i] = cc_strdup(cc_clock_label(r->scn, iv->start[i], label, sizeof label));
	}
}

static void intervals_fini(struct intervals *iv, const struct cc_results *r)
{
	for (size_t i = 0; iv->clock && i < r->grid.count; i++)
		cc_free(iv->clock[i]);
	cc_free(iv->clock);
	cc_free(iv->start);
	cc_free(iv->len);
}

/* Makes the interval dimension of GROUP, with its clock labels and lengths. */
static void interval_dims(struct cc_results *r, const struct intervals *iv, const char *group)
{
	const struct cc_scenario *scn = r->scn;
	size_t n = r->grid.count;
	char units[96];
	cc_clock_units(scn, units, sizeof units);
	cc_h5_dim_doubles(r->file, group, "interval", n, iv->start, units, "start of the interval",
	                  cc_clock_has_start(scn)
	                      ? "start of each reported interval (cut to the end of the warm-up), a time from the scenario's start"
	                      : "start of each reported interval in seconds from the start of the run (cut to the end of the warm-up)");
	cc_h5_var_strings(r->file, group, "clock", "interval", n, (const char *const *)iv->clock,
	                  "interval", "each interval's start as people read it: a clock time when the scenario sets a start, else an offset from time 0");
	struct cc_h5_var *v = NULL;
	const char *dims[1] = { "interval" };
	struct cc_h5_var_spec spec = { "interval_length_s", CC_H5_VAR_F64, 1, dims, "s",
	                               "length of the interval",
	                               "length of each reported interval (shorter where the warm-up or the horizon cuts it)",
	                               NULL, NULL };
	if (cc_h5_var_create(r->file, group, &spec, &v) == CC_OK)
		cc_h5_var_write_all(v, iv->len);
	cc_h5_var_close(v);
}

static void replication_dim(struct cc_results *r, const char *group)
{
	static const char long_name[] = "replication";
	static const char description[] =
		"replication index: replication i draws from its own streams (seed, i, source)";
	if (r->growing) {
		cc_h5_dim_index(r->file, group, "replication", r->replications, long_name, description);
		r->rep_groups = cc_realloc(r->rep_groups, r->n_rep_groups + 1, sizeof *r->rep_groups);
		r->rep_groups[r->n_rep_groups++] = cc_strdup(group);
		return;
	}
	int64_t *reps = cc_calloc(r->replications, sizeof *reps);
	for (size_t i = 0; i < r->replications; i++)
		reps[i] = (int64_t)i;
	cc_h5_dim_int64(r->file, group, "replication", r->replications, reps, long_name, description);
	cc_free(reps);
}

/* In a sweep, makes GROUP's dimension "point" (each point's settings as written) and, along
 * it, one string variable per varied setting, named by its path, holding its values; COORDS
 * receives their names, for the variables' "coordinates" attribute. Nothing in a run's file. */
static void point_dims(struct cc_results *r, const char *group, char *coords, size_t len)
{
	const struct cc_sweep_points *sw = r->sweep;
	coords[0] = '\0';
	if (!sw)
		return;
	cc_h5_dim_strings(r->file, group, "point", sw->points, sw->labels, "sweep point",
	                  "each point of the sweep: its settings as written (PATH=VALUE, several joined by \", \")");
	const char **values = cc_calloc(sw->points, sizeof *values);
	for (size_t i = 0; i < sw->n_paths; i++) {
		for (size_t p = 0; p < sw->points; p++)
			values[p] = sw->values[p * sw->n_paths + i];
		cc_h5_var_strings(r->file, group, sw->paths[i], "point", sw->points, values,
		                  sw->paths[i], "the value of this setting at each point, as written");
		size_t used = strlen(coords);
		snprintf(coords + used, len - used, "%s%s", used ? " " : "", sw->paths[i]);
	}
	cc_free(values);
}

/* The chunk shape of a replication-and-interval variable: the writer's block (one point of
 * a sweep). */
static void block_chunk(const struct cc_results *r, const struct block *b,
                        const struct entity_dims *e, size_t *chunk)
{
	int n = 0;
	if (r->sweep)
		chunk[n++] = 1;
	chunk[n++] = b->cap_reps;
	chunk[n++] = b->cap_rows;
	for (int i = 0; i < e->rank; i++)
		chunk[n++] = e->len[i];
}

/* Creates OWNER's group under DIR with its dimensions ("point" first in a sweep, then
 * "replication" when REPS, "interval" when IV is not NULL, the entities, STATS when not NULL)
 * and one variable per figure (VARS, indexed by figure); WHAT ends their descriptions. */
static void make_group(struct cc_results *r, const struct labels *l, const struct intervals *iv,
                       const char *dir, const char *what, int reps,
                       const struct cc_results_stats *stats, enum cc_figure_owner owner,
                       struct cc_h5_var **vars)
{
	char group[96], coords[1024];
	snprintf(group, sizeof group, "%s/%s", dir, cc_figure_owner_name(owner));
	struct entity_dims e = entity_dims(r, l, owner);
	cc_h5_group(r->file, group, NULL);
	int interval = iv != NULL;
	point_dims(r, group, coords, sizeof coords);
	if (reps)
		replication_dim(r, group);
	if (interval) {
		interval_dims(r, iv, group);
		size_t used = strlen(coords);
		snprintf(coords + used, sizeof coords - used, "%sclock interval_length_s",
		         used ? " " : "");
	}
	for (int i = 0; i < e.rank; i++)
		cc_h5_dim_strings(r->file, group, e.names[i], e.len[i], e.labels[i],
		                  entity_long_name(e.names[i]), NULL);
	if (stats)
		cc_h5_dim_strings(r->file, group, "statistic", stats->n, stats->names, "statistic",
		                  stats->description);
	const char *dims[CC_H5_MAX_RANK + 1];
	int rank = 0;
	if (r->sweep)
		dims[rank++] = "point";
	if (reps)
		dims[rank++] = "replication";
	if (interval)
		dims[rank++] = "interval";
	for (int i = 0; i < e.rank; i++)
		dims[rank++] = e.names[i];
	if (stats)
		dims[rank++] = "statistic";
	CC_ASSERT(rank <= CC_H5_MAX_RANK);
	/* Each replication's interval figures, when large, are compressed chunk by chunk as
	 * their blocks are written. The summaries are not: deflating them cost a long
	 * replication in hourly intervals a third of its time (a 36,000-hour run writes 85 MB of
	 * them, 25 MB deflated), and below a few megabytes compression does not pay. */
	size_t chunk[CC_H5_MAX_RANK];
	int chunked = reps && interval &&
	              (double)r->replications * (double)r->grid.count * (double)r->layout.cells *
	                      sizeof(double) >= 4.0 * BLOCK_BYTES;
	if (chunked)
		block_chunk(r, &r->intervals, &e, chunk);
	for (size_t f = 0; f < r->layout.n_figures; f++) {
		const struct cc_figure *fig = &r->layout.figures[f];
		if (fig->owner != owner)
			continue;
		char desc[1024];
		snprintf(desc, sizeof desc, "%s; %s", fig->description, what);
		struct cc_h5_var_spec spec = { fig->name, CC_H5_VAR_F64, rank, dims, fig->units,
		                               fig->long_name, desc, coords[0] ? coords : NULL,
		                               chunked ? chunk : NULL };
		struct cc_h5_var *v = NULL;
		cc_h5_var_create(r->file, group, &spec, &v);
		vars[f] = v;
	}
}

/* Creates OWNER's group in VIEW, as make_group. */
static void make_view(struct cc_results *r, const struct labels *l, const struct intervals *iv,
                      enum cc_view view, enum cc_figure_owner owner, struct cc_h5_var **vars)
{
	int interval = view == CC_VIEW_SUMMARY_INTERVALS || view == CC_VIEW_REP_INTERVALS;
	int stats = view == CC_VIEW_SUMMARY_INTERVALS || view == CC_VIEW_SUMMARY_TOTALS;
	int reps = view == CC_VIEW_REP_TOTALS || view == CC_VIEW_REP_INTERVALS;
	CC_ASSERT(!interval || iv);
	make_group(r, l, interval ? iv : NULL, cc_views[view].dir, cc_views[view].what, reps,
	           stats ? &summary_stats : NULL, owner, vars);
}

void cc_results_make_group(struct cc_results *r, const char *dir, const char *what, int reps,
                           const struct cc_results_stats *stats, enum cc_figure_owner owner,
                           struct cc_h5_var **vars)
{
	struct labels l;
	labels_init(&l, r->scn, &r->layout);
	make_group(r, &l, NULL, dir, what, reps, stats, owner, vars);
	labels_fini(&l);
}

/* /entities: the names every index in the tables refers to. */
static void write_entities(struct cc_results *r, const struct labels *l)
{
	const struct cc_scenario *scn = r->scn;
	struct cc_h5_file *f = r->file;
	const char *g = "/entities";
	cc_h5_group(f, g, "the names of queues, agent groups, statuses, channels and agents that the contact records and agent events refer to by index");
	cc_h5_dim_strings(f, g, "queue", scn->n_queues, l->queues, entity_long_name("queue"), NULL);
	cc_h5_dim_strings(f, g, "group", scn->n_groups, l->groups, entity_long_name("group"), NULL);
	cc_h5_dim_strings(f, g, "status", r->layout.n_status, l->statuses,
	                  entity_long_name("status"),
	                  "Offline, Available, RONA, then the scenario's not-productive statuses");
	cc_h5_dim_strings(f, g, "channel", CC_CHANNEL_COUNT, l->all_channels,
	                  entity_long_name("channel"), "every channel, in the order of their codes");
	size_t n = (size_t)cc_scenario_agents(scn), a = 0;
	char **names = cc_calloc(n, sizeof *names);
	int64_t *group = cc_calloc(n, sizeof *group);
	const char **qch = cc_calloc(scn->n_queues, sizeof *qch);
	for (size_t gi = 0; gi < scn->n_groups; gi++)
		for (int i = 0; i < scn->groups[gi].count; i++, a++) {
			size_t len = strlen(scn->groups[gi].name) + 16;
			names[a] = cc_malloc(len);
			snprintf(names[a], len, "%s#%d", scn->groups[gi].name, i);
			group[a] = (int64_t)gi;
		}
	CC_ASSERT(a == n);
	cc_h5_dim_strings(f, g, "agent", n, (const char *const *)names, "agent",
	                  "agent names, <group>#<index inside the group>: agents are numbered group by group in the scenario's order");
	const char *dims[1] = { "agent" };
	struct cc_h5_var_spec spec = { "agent_group", CC_H5_VAR_I64, 1, dims, "1",
	                               "group of the agent", "group of each agent, index into group",
	                               NULL, NULL };
	struct cc_h5_var *v = NULL;
	if (cc_h5_var_create(f, g, &spec, &v) == CC_OK)
		cc_h5_var_write_all(v, group);
	cc_h5_var_close(v);
	for (size_t i = 0; i < scn->n_queues; i++)
		qch[i] = cc_channel_name(scn->queues[i].channel);
	cc_h5_var_strings(f, g, "queue_channel", "queue", scn->n_queues, qch, "channel of the queue",
	                  NULL);
	for (size_t i = 0; i < n; i++)
		cc_free(names[i]);
	cc_free(names);
	cc_free(group);
	cc_free(qch);
}

static void block_init(struct block *b, size_t width, size_t elem, size_t reps, size_t rows)
{
	memset(b, 0, sizeof *b);
	b->width = width;
	size_t per_rep = rows * width * elem;
	if (per_rep <= BLOCK_BYTES) {
		b->cap_rows = rows;
		b->cap_reps = BLOCK_BYTES / (per_rep ? per_rep : 1);
	} else {
		b->cap_reps = 1;
		b->cap_rows = BLOCK_BYTES / (width * elem > 0 ? width * elem : 1);
	}
	if (b->cap_reps > reps)
		b->cap_reps = reps;
	if (b->cap_rows > rows)
		b->cap_rows = rows;
	if (b->cap_reps < 1)
		b->cap_reps = 1;
	if (b->cap_rows < 1)
		b->cap_rows = 1;
}

static void make_counts(struct cc_results *r)
{
	const char *g = "/replications/counts";
	cc_h5_group(r->file, g, "whole-run counts per replication (conservation of records: arrived + transfers_in + restarts + redials + direct = answered + abandoned + balked + blocked + callbacks + unreached + direct_failed + waiting_at_end; answered = completed + in_service_at_end; of customers: customers = customers_done + customers_at_end; silent = silent_answered + silent_waiting_at_end)");
	char coords[1024];
	point_dims(r, g, coords, sizeof coords);
	replication_dim(r, g);
	size_t n;
	const struct cc_count_field *cf = cc_count_fields(&n);
	CC_NEW_ARRAY(r->counts, n);
	const char *dims[2] = { "point", "replication" };
	int lead = r->sweep != NULL;
	for (size_t i = 0; i < n; i++) {
		struct cc_h5_var_spec spec = { cf[i].name, CC_H5_VAR_I64, 1 + lead, dims + 1 - lead,
		                               "1", cf[i].name, cf[i].description,
		                               coords[0] ? coords : NULL, NULL };
		cc_h5_var_create(r->file, g, &spec, &r->counts[i]);
	}
}

/* Creates the contact-record table. */
static void open_records(struct cc_results *r)
{
	size_t nf;
	const struct cc_h5_field *fields = cc_record_fields(&nf);
	cc_h5_table_create(r->file, "/contacts/records", fields, nf, sizeof(struct cc_contact_record),
	                   RECORD_CHUNK, "one row per contact record, replications in order",
	                   &r->records);
}

/* Creates the agent-event table, its status names taken from the scenario. */
static enum cc_status open_events(struct cc_results *r, const struct cc_scenario *scn)
{
	size_t n = cc_scenario_status_count(scn);
	r->status_names = cc_calloc(n + 1, sizeof *r->status_names);
	for (size_t s = 0; s < n; s++)
		r->status_names[s] = cc_scenario_status_name(scn, s);
	size_t nf;
	const struct cc_h5_field *event_fields = cc_event_fields(&nf);
	struct cc_h5_field *fields = cc_calloc(nf, sizeof *fields);
	memcpy(fields, event_fields, nf * sizeof *fields);
	fields[CC_EVENT_STATUS_FIELD].enum_names = r->status_names;
	r->event_buf = cc_calloc(EVENT_BLOCK, sizeof *r->event_buf);
	enum cc_status st = cc_h5_table_create(r->file, "/agents/events", fields, nf,
	                                       sizeof(struct cc_event_row), EVENT_CHUNK,
	                                       "one row per agent state change: the agent's state after it, replications in order",
	                                       &r->events);
	cc_free(fields);
	return st;
}

void cc_results_resize_replications(struct cc_results *r, size_t n)
{
	for (size_t i = 0; i < r->n_rep_groups; i++)
		cc_h5_dim_resize(r->file, r->rep_groups[i], "replication", n);
	r->replications = n;
}

/* Makes room for replication REP in a file whose replication dimensions grow. */
static void reserve(struct cc_results *r, size_t rep)
{
	if (rep + 1 > r->reps_seen)
		r->reps_seen = rep + 1;
	if (r->growing && rep >= r->replications)
		cc_results_resize_replications(r, rep + 1 > 2 * r->replications ? rep + 1 : 2 * r->replications);
}

/* Opens the file of a run (SWEEP NULL) or of a sweep; GROWING: its replication dimensions grow
 * as replications come. */
static enum cc_status open_file(const char *path, const struct cc_scenario *scn,
                                const struct cc_sweep_points *sweep, int growing,
                                struct cc_results **out, char *err, size_t errlen)
{
	*out = NULL;
	struct cc_h5_file *f;
	enum cc_status st = cc_h5_create(path, &f, err, errlen);
	if (st)
		return st;
	struct cc_results *r = cc_calloc(1, sizeof *r);
	r->file = f;
	r->scn = scn;
	r->growing = growing;
	r->sweep = sweep;
	cc_layout_init(&r->layout, scn);
	cc_grid_init(&r->grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	r->replications = (size_t)scn->replications;
	size_t cells = r->layout.cells, nf = r->layout.n_figures, nc;
	cc_count_fields(&nc);
	block_init(&r->totals, cells, sizeof(double), r->replications, 1);
	block_init(&r->counts_block, nc, sizeof(int64_t), r->replications, 1);
	block_init(&r->intervals, cells, sizeof(double), r->replications, r->grid.count);
	block_init(&r->summary, cells * CC_RUN_STATS, sizeof(double), 1, r->grid.count);
	r->summary.buf = cc_calloc(r->summary.cap_rows * cells * CC_RUN_STATS, sizeof(double));
	r->totals.buf = cc_calloc(r->totals.cap_reps * cells, sizeof(double));
	r->counts_block.buf = cc_calloc(r->counts_block.cap_reps * nc, sizeof(int64_t));
	CC_NEW_ARRAY(r->summary_intervals, nf);
	CC_NEW_ARRAY(r->rep_totals, nf);
	if (sweep)
		CC_NEW_ARRAY(r->summary_totals, nf);
	if (scn->rep_intervals) {
		CC_NEW_ARRAY(r->rep_intervals, nf);
		r->intervals.buf = cc_calloc(r->intervals.cap_reps * r->intervals.cap_rows * cells,
		                             sizeof(double));
	}
	size_t widest = 0, rows = r->totals.cap_reps;
	for (size_t k = 0; k < nf; k++)
		if (cc_layout_width(&r->layout, &r->layout.figures[k]) > widest)
			widest = cc_layout_width(&r->layout, &r->layout.figures[k]);
	if (r->summary.cap_rows * CC_RUN_STATS > rows)
		rows = r->summary.cap_rows * CC_RUN_STATS;
	if (scn->rep_intervals && r->intervals.cap_reps * r->intervals.cap_rows > rows)
		rows = r->intervals.cap_reps * r->intervals.cap_rows;
	r->gather = cc_calloc(rows * widest, sizeof(double));

	struct labels l;
	struct intervals iv;
	labels_init(&l, scn, &r->layout);
	intervals_init(&iv, r);
	cc_h5_group(f, "/summary", "figures across replications: mean and 95 % half-width");
	cc_h5_group(f, "/replications", "figures and counts of each replication");
	for (int o = 0; o < CC_FIG_OWNER_COUNT; o++) {
		if (r->layout.entities[o] == 0)
			continue;
		make_view(r, &l, &iv, CC_VIEW_SUMMARY_INTERVALS, (enum cc_figure_owner)o, r->summary_intervals);
		if (sweep)
			make_view(r, &l, &iv, CC_VIEW_SUMMARY_TOTALS, (enum cc_figure_owner)o,
			          r->summary_totals);
		make_view(r, &l, &iv, CC_VIEW_REP_TOTALS, (enum cc_figure_owner)o, r->rep_totals);
		if (r->rep_intervals)
			make_view(r, &l, &iv, CC_VIEW_REP_INTERVALS, (enum cc_figure_owner)o, r->rep_intervals);
	}
	make_counts(r);
	write_entities(r, &l);
	labels_fini(&l);
	intervals_fini(&iv, r);
	/* A sweep writes no contact records or agent events. */
	if (cc_h5_error(f)[0] == '\0' && scn->contact_records && !sweep)
		open_records(r);
	if (cc_h5_error(f)[0] == '\0' && scn->agent_events && !sweep)
		open_events(r, scn);
	if (cc_h5_error(f)[0]) {
		snprintf(err, errlen, "%s", cc_h5_error(f));
		cc_results_discard(r);
		return CC_ERR_IO;
	}
	*out = r;
	return CC_OK;
}

enum cc_status cc_results_open(const char *path, const struct cc_scenario *scn,
                               struct cc_results **out, char *err, size_t errlen)
{
	return open_file(path, scn, NULL, 0, out, err, errlen);
}

enum cc_status cc_results_open_growing(const char *path, const struct cc_scenario *scn,
                                       struct cc_results **out, char *err, size_t errlen)
{
	return open_file(path, scn, NULL, 1, out, err, errlen);
}

enum cc_status cc_results_open_sweep(const char *path, const struct cc_scenario *scn,
                                     const struct cc_sweep_points *sweep, int growing,
                                     struct cc_results **out, char *err, size_t errlen)
{
	return open_file(path, scn, sweep, growing, out, err, errlen);
}

/* ---- the run's sink ---- */

static int append_records(void *ctx, const struct cc_contact_record *rows, size_t n)
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

static int append_events(void *ctx, const struct cc_agent_event *rows, size_t n)
{
	struct cc_results *r = ctx;
	if (!r->events)
		return 0;
	for (size_t done = 0; done < n; done += EVENT_BLOCK) {
		size_t block = n - done < EVENT_BLOCK ? n - done : EVENT_BLOCK;
		for (size_t i = 0; i < block; i++) {
			const struct cc_agent_event *e = &rows[done + i];
			r->event_buf[i] = (struct cc_event_row){
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

/* Writes figure F's part of a block of rows, [lead...][cells][per_cell], to V at LEAD_START:
 * LEAD of V's leading dimensions are (replication, interval), (replication) or (interval),
 * after "point" in a sweep (R->point).
 * The part is first copied together: written from the block in place, the rows would reach
 * HDF5 as pieces too small to bypass its sieve buffer, each read back before it is written. */
void cc_results_write_figure(struct cc_results *r, struct cc_h5_var *v, size_t f, int lead,
                             const size_t *lead_start, const size_t *lead_count,
                             size_t per_cell, const double *buf)
{
	const struct cc_figure *fig = &r->layout.figures[f];
	struct labels none = { 0 };
	struct entity_dims e = entity_dims(r, &none, fig->owner);
	size_t start[CC_H5_MAX_RANK] = { 0 }, count[CC_H5_MAX_RANK];
	size_t rows = 1;
	int rank = 0;
	if (r->sweep) {
		start[rank] = r->point;
		count[rank++] = 1;
	}
	for (int i = 0; i < lead; i++, rank++) {
		start[rank] = lead_start[i];
		count[rank] = lead_count[i];
		rows *= lead_count[i];
	}
	for (int i = 0; i < e.rank; i++, rank++)
		count[rank] = e.len[i];
	if (per_cell > 1)
		count[rank++] = per_cell;
	size_t part = cc_layout_width(&r->layout, fig) * per_cell;
	size_t row_len = r->layout.cells * per_cell, from = r->layout.offset[f] * per_cell;
	for (size_t i = 0; i < rows; i++)
		memcpy(r->gather + i * part, buf + i * row_len + from, part * sizeof *buf);
	size_t n = rows * part;
	cc_h5_var_write(v, start, count, 1, &n, NULL, NULL, r->gather);
}

/* Writes every figure's part of BUF to its variable of VARS (those that exist: an owner with
 * no entities has none), as cc_results_write_figure. */
static void write_figures(struct cc_results *r, struct cc_h5_var **vars, int lead,
                          const size_t *lead_start, const size_t *lead_count, size_t per_cell,
                          const double *buf)
{
	for (size_t f = 0; f < r->layout.n_figures; f++)
		if (vars[f])
			cc_results_write_figure(r, vars[f], f, lead, lead_start, lead_count, per_cell,
			                        buf);
}

/* Writes the replications waiting in the totals and counts blocks. */
static void flush_totals(struct cc_results *r)
{
	struct block *b = &r->totals;
	if (b->reps) {
		size_t s[1] = { b->rep0 }, c[1] = { b->reps };
		write_figures(r, r->rep_totals, 1, s, c, 1, b->buf);
	}
	struct block *cb = &r->counts_block;
	size_t nc;
	cc_count_fields(&nc);
	for (size_t i = 0; i < nc && cb->reps; i++) {
		int lead = r->sweep != NULL;
		size_t s[2] = { r->point, cb->rep0 }, c[2] = { 1, cb->reps };
		size_t md[2] = { nc, cb->cap_reps }, ms[2] = { i, 0 }, mc[2] = { 1, cb->reps };
		if (r->counts[i])
			cc_h5_var_write(r->counts[i], s + 1 - lead, c + 1 - lead, 2, md, ms, mc, cb->buf);
	}
	b->reps = cb->reps = 0;
}

static int add_replication(void *ctx, size_t rep, const double *totals,
                           const struct cc_rep_counts *counts)
{
	struct cc_results *r = ctx;
	struct block *b = &r->totals, *cb = &r->counts_block;
	reserve(r, rep);
	if (b->reps == 0)
		b->rep0 = cb->rep0 = rep;
	CC_ASSERT(rep == b->rep0 + b->reps);
	memcpy((double *)b->buf + b->reps * b->width, totals, b->width * sizeof *totals);
	size_t nc;
	const struct cc_count_field *cf = cc_count_fields(&nc);
	int64_t *column = (int64_t *)cb->buf + cb->reps; /* the block is [field][replication] */
	for (size_t i = 0; i < nc; i++)
		column[i * cb->cap_reps] = (int64_t)cc_count_value(counts, &cf[i]);
	b->reps++;
	cb->reps++;
	if (b->reps == b->cap_reps || cb->reps == cb->cap_reps || rep + 1 == r->replications)
		flush_totals(r);
	return cc_h5_error(r->file)[0] != '\0';
}

/* Writes the block of replication-interval figures. */
static void flush_intervals(struct cc_results *r)
{
	struct block *b = &r->intervals;
	if (!b->reps)
		return;
	/* Full replications (all rows each), or a run of rows of one replication. */
	size_t rows = b->reps > 1 ? r->grid.count : b->rows;
	size_t s[2] = { b->rep0, b->reps > 1 ? 0 : b->row0 }, c[2] = { b->reps, rows };
	write_figures(r, r->rep_intervals, 2, s, c, 1, b->buf);
	b->reps = 0;
	b->rows = 0;
}

static int add_rep_intervals(void *ctx, size_t rep, size_t first, size_t n, const double *cells)
{
	struct cc_results *r = ctx;
	struct block *b = &r->intervals;
	if (!r->rep_intervals)
		return 0;
	reserve(r, rep);
	for (size_t i = 0; i < n; i++) {
		size_t row = first + i;
		int whole = b->cap_rows == r->grid.count;
		if (b->reps == 0) {
			b->rep0 = rep;
			b->row0 = row;
			b->reps = 1;
			b->rows = 0;
		} else if (rep != b->rep0 + b->reps - 1) { /* a new replication */
			b->reps++;
			b->rows = 0;
		}
		double *dst = (double *)b->buf +
		              ((b->reps - 1) * b->cap_rows + (whole ? row : row - b->row0)) * b->width;
		memcpy(dst, cells + i * b->width, b->width * sizeof *cells);
		b->rows++;
		int rep_done = row + 1 == r->grid.count;
		if (whole ? rep_done && (b->reps == b->cap_reps || rep + 1 == r->replications)
		          : b->rows == b->cap_rows || rep_done)
			flush_intervals(r);
	}
	return cc_h5_error(r->file)[0] != '\0';
}

/* Writes the block of final interval summaries. */
static void flush_summaries(struct cc_results *r)
{
	struct block *b = &r->summary;
	if (!b->rows)
		return;
	size_t s[1] = { b->row0 }, c[1] = { b->rows };
	write_figures(r, r->summary_intervals, 1, s, c, CC_RUN_STATS, b->buf);
	b->rows = 0;
}

static int add_summaries(void *ctx, size_t first, size_t n, const double *stats)
{
	struct cc_results *r = ctx;
	struct block *b = &r->summary;
	for (size_t i = 0; i < n; i++) {
		if (b->rows == 0)
			b->row0 = first + i;
		memcpy((double *)b->buf + b->rows * b->width, stats + i * b->width,
		       b->width * sizeof *stats);
		b->rows++;
		if (b->rows == b->cap_rows || first + i + 1 == r->grid.count)
			flush_summaries(r);
	}
	return cc_h5_error(r->file)[0] != '\0';
}

struct cc_run_sink cc_results_sink(struct cc_results *r)
{
	return (struct cc_run_sink){ .ctx = r, .records = append_records, .events = append_events,
	                             .replication = add_replication,
	                             .rep_intervals = add_rep_intervals,
	                             .intervals = add_summaries };
}

const char *cc_results_error(const struct cc_results *r)
{
	return r ? cc_h5_error(r->file) : "";
}

/* ---- the end ---- */

static void write_root(struct cc_results *r)
{
	const struct cc_scenario *scn = r->scn;
	struct cc_h5_file *f = r->file;
	const struct cc_sweep_points *sw = r->sweep;
	cc_h5_attr_string(f, "/", "ccsim_version", CC_VERSION);
	cc_h5_attr_string(f, "/", "title", scn->name);
	cc_h5_attr_string(f, "/", "scenario_name", scn->name);
	cc_h5_attr_string(f, "/", "scenario_file", scn->path);
	cc_h5_attr_string(f, "/", "scenario", scn->text);
	cc_h5_attr_string(f, "/", "overrides",
	                  sw ? sw->overrides : scn->overrides ? scn->overrides : "");
	cc_h5_attr_int64(f, "/", "seed", (int64_t)scn->seed);
	cc_h5_attr_int64(f, "/", "replications", (int64_t)r->replications);
	cc_h5_attr_double(f, "/", "horizon_s", scn->horizon_s);
	cc_h5_attr_double(f, "/", "warmup_s", scn->warmup_s);
	cc_h5_attr_double(f, "/", "interval_s", scn->interval_s);
	cc_h5_attr_double(f, "/", "confidence_level", CC_RUN_LEVEL);
	char units[96];
	cc_h5_attr_string(f, "/", "time_origin", cc_clock_units(scn, units, sizeof units));
	cc_h5_attr_string(f, "/", "layout", sw
	                  ? "a sweep: /summary/{intervals,totals}/<owner>/<figure>, /replications/{totals,intervals}/<owner>/<figure>, /replications/counts/<count>, each with a leading dimension point; /sweep/diff/totals/<owner>/<figure>; owners: queues, groups, statuses, channels, group_channels (see results/README.md)"
	                  : "/summary/{intervals,totals}/<owner>/<figure>, /replications/{totals,intervals}/<owner>/<figure>, /replications/counts/<count>; owners: queues, groups, statuses, channels, group_channels (see results/README.md)");
	if (!sw)
		return;
	size_t len = 1;
	for (size_t i = 0; i < sw->n_paths; i++)
		len += strlen(sw->paths[i]) + 1;
	char *paths = cc_calloc(len, 1);
	for (size_t i = 0; i < sw->n_paths; i++)
		strcat(strcat(paths, sw->paths[i]), i + 1 < sw->n_paths ? "\n" : "");
	cc_h5_attr_string(f, "/", "sweep_paths", paths);
	cc_h5_attr_string(f, "/", "sweep_mode", sw->zip ? "zip" : "grid");
	cc_h5_attr_int64(f, "/", "sweep_points", (int64_t)sw->points);
	cc_h5_attr_int64(f, "/", "sweep_base", (int64_t)sw->base + 1);
	cc_h5_attr_string(f, "/", "sweep_base_point", sw->labels[sw->base]);
	cc_free(paths);
}

void cc_results_write_totals(struct cc_results *r, struct cc_h5_var **vars,
                             const struct cc_running *summary)
{
	size_t cells = r->layout.cells;
	double *stats = cc_calloc(cells * CC_RUN_STATS, sizeof *stats);
	for (size_t c = 0; c < cells; c++) {
		struct cc_summary s = cc_running_summary(&summary[c], CC_RUN_LEVEL);
		stats[c * CC_RUN_STATS + CC_RUN_MEAN] = s.mean;
		stats[c * CC_RUN_STATS + CC_RUN_CI95] = s.half_width;
	}
	write_figures(r, vars, 0, NULL, NULL, CC_RUN_STATS, stats);
	cc_free(stats);
}

/* The summary totals of a run: mean and half-width of every cell across replications. */
static void write_summary_totals(struct cc_results *r, const struct cc_run *run)
{
	struct labels l;
	labels_init(&l, r->scn, &r->layout);
	struct cc_h5_var **vars = cc_calloc(r->layout.n_figures, sizeof *vars);
	for (int o = 0; o < CC_FIG_OWNER_COUNT; o++)
		if (r->layout.entities[o])
			make_view(r, &l, NULL, CC_VIEW_SUMMARY_TOTALS, (enum cc_figure_owner)o, vars);
	cc_results_write_totals(r, vars, run->totals_summary);
	for (size_t f = 0; f < r->layout.n_figures; f++)
		cc_h5_var_close(vars[f]);
	cc_free(vars);
	labels_fini(&l);
}

/* Closes the variables still open (those of a file closed already are only freed). */
static void close_vars(struct cc_results *r)
{
	size_t nc;
	cc_count_fields(&nc);
	for (size_t f = 0; f < r->layout.n_figures; f++) {
		cc_h5_var_close(r->summary_intervals[f]);
		cc_h5_var_close(r->rep_totals[f]);
		r->summary_intervals[f] = r->rep_totals[f] = NULL;
		if (r->summary_totals) {
			cc_h5_var_close(r->summary_totals[f]);
			r->summary_totals[f] = NULL;
		}
		if (r->rep_intervals) {
			cc_h5_var_close(r->rep_intervals[f]);
			r->rep_intervals[f] = NULL;
		}
	}
	for (size_t i = 0; r->counts && i < nc; i++) {
		cc_h5_var_close(r->counts[i]);
		r->counts[i] = NULL;
	}
}

/* Frees R, its file committed or aborted already. */
static void free_results(struct cc_results *r)
{
	close_vars(r);
	cc_free(r->summary_intervals);
	cc_free(r->summary_totals);
	cc_free(r->rep_totals);
	cc_free(r->rep_intervals);
	cc_free(r->counts);
	cc_free(r->totals.buf);
	cc_free(r->counts_block.buf);
	cc_free(r->intervals.buf);
	cc_free(r->summary.buf);
	cc_free(r->gather);
	cc_free(r->event_buf);
	cc_free(r->status_names);
	for (size_t i = 0; i < r->n_rep_groups; i++)
		cc_free(r->rep_groups[i]);
	cc_free(r->rep_groups);
	cc_layout_fini(&r->layout);
	cc_free(r);
}

/*
 * /replications/busyness/factor [replication, queue]: the busyness factor each replication
 * drew for each queue (1 for a queue with none), when a queue of the scenario has one. The
 * factors are a function of (seed, replication) alone, so they are drawn again here rather
 * than carried by each replication's results. Not in a sweep's file.
 */
static void write_busyness(struct cc_results *r)
{
	const struct cc_scenario *scn = r->scn;
	if (r->sweep || !cc_scenario_has_busyness(scn))
		return;
	const char *g = "/replications/busyness";
	size_t reps = r->growing ? r->reps_seen : r->replications, nq = scn->n_queues;
	cc_h5_group(r->file, g, "the day factor (busyness) multiplying each queue's arrival rates, "
	            "drawn once per replication");
	int64_t *index = cc_calloc(reps ? reps : 1, sizeof *index);
	for (size_t i = 0; i < reps; i++)
		index[i] = (int64_t)i;
	cc_h5_dim_int64(r->file, g, "replication", reps, index, "replication",
	                "replication index: replication i draws from its own streams (seed, i, "
	                "source)");
	cc_free(index);
	const char **names = cc_calloc(nq, sizeof *names);
	for (size_t q = 0; q < nq; q++)
		names[q] = scn->queues[q].label;
	cc_h5_dim_strings(r->file, g, "queue", nq, names, "queue", NULL);
	cc_free(names);
	double *factor = cc_calloc(reps * nq + 1, sizeof *factor);
	for (size_t i = 0; i < reps; i++)
		for (size_t q = 0; q < nq; q++)
			factor[i * nq + q] = cc_center_busyness(scn, scn->queues[q].line, i);
	const char *dims[2] = { "replication", "queue" };
	struct cc_h5_var_spec spec = { "factor", CC_H5_VAR_F64, 2, dims, "1", "busyness factor",
	                               "the factor on the queue's arrival rates in the "
	                               "replication: its own arrivals.busyness, else the "
	                               "scenario's busyness, else 1 (as for a queue replaying a "
	                               "trace, whose calls come as logged)", NULL, NULL };
	struct cc_h5_var *v = NULL;
	if (cc_h5_var_create(r->file, g, &spec, &v) == CC_OK && reps)
		cc_h5_var_write_all(v, factor);
	cc_h5_var_close(v);
	cc_free(factor);
}

enum cc_status cc_results_finish(struct cc_results *r, const struct cc_run *run, char *err,
                                 size_t errlen)
{
	struct cc_h5_file *f = r->file;
	cc_h5_table_close(r->records);
	cc_h5_table_close(r->events);
	r->records = NULL;
	r->events = NULL;
	flush_totals(r);
	if (r->rep_intervals)
		flush_intervals(r);
	if (r->growing)
		cc_results_resize_replications(r, r->reps_seen);
	if (!r->sweep)
		write_summary_totals(r, run);
	write_busyness(r);
	write_root(r);
	/* The variables close before the file, so that a failure to close counts. */
	close_vars(r);
	/* Every write above stops at the first error and keeps it; one check covers them all. */
	if (cc_h5_error(f)[0]) {
		snprintf(err, errlen, "%s", cc_h5_error(f));
		return CC_ERR_IO;
	}
	return cc_h5_close(f, err, errlen);
}

enum cc_status cc_results_commit(struct cc_results *r, char *err, size_t errlen)
{
	enum cc_status st = cc_h5_commit(r->file, err, errlen);
	r->file = NULL;
	free_results(r);
	return st;
}

enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen)
{
	enum cc_status st = cc_results_finish(r, run, err, errlen);
	if (st) {
		cc_results_discard(r);
		return st;
	}
	return cc_results_commit(r, err, errlen);
}

void cc_results_discard(struct cc_results *r)
{
	if (!r)
		return;
	cc_h5_table_close(r->records);
	cc_h5_table_close(r->events);
	cc_h5_abort(r->file);
	r->file = NULL;
	free_results(r);
}
