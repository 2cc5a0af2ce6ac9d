#include "models/results.h"

#include <stdio.h>
#include <string.h>

#include "models/version.h"
#include "sim/alloc.h"
#include "sim/h5.h"

/* Rows of the contact-record table per chunk, and per write at most. */
enum { RECORD_CHUNK = 16384, RECORD_BLOCK = 65536 };

struct cc_results {
	struct cc_h5_file *file;
	struct cc_h5_table *records;
};

static const char *const outcome_names[] = { "handled", "abandoned", "waiting_at_end",
                                             "in_service_at_end", NULL };
static const char *const channel_enum[] = { "voice", "chat", "email", "task", "callback", NULL };

#define REC(field) offsetof(struct cc_contact_record, field)
static const struct cc_h5_field record_fields[] = {
	{ "record_id", REC(record_id), CC_H5_I64, "1", "id of this contact record, unique within the replication", NULL },
	{ "contact_id", REC(contact_id), CC_H5_I64, "1", "id of the contact (its initial record)", NULL },
	{ "previous_record_id", REC(previous_record_id), CC_H5_I64, "1", "record this one continues (-1: the first)", NULL },
	{ "replication", REC(replication), CC_H5_I32, "1", "replication index", NULL },
	{ "queue", REC(queue), CC_H5_I32, "1", "queue index into /axes/queue", NULL },
	{ "channel", REC(channel), CC_H5_ENUM8, "1", "channel of the contact", channel_enum },
	{ "arrival_s", REC(arrival_s), CC_H5_F64, "s", "arrival at the queue, from the start of the run", NULL },
	{ "connect_s", REC(connect_s), CC_H5_F64, "s", "connection to an agent (NaN: never connected)", NULL },
	{ "end_s", REC(end_s), CC_H5_F64, "s", "end of talk, abandonment, or the horizon if still in the system", NULL },
	{ "acw_end_s", REC(acw_end_s), CC_H5_F64, "s", "end of after-contact work (NaN: none done)", NULL },
	{ "agent", REC(agent), CC_H5_I32, "1", "agent index (-1: never reached an agent)", NULL },
	{ "group", REC(group), CC_H5_I32, "1", "agent group index into /axes/group (-1: none)", NULL },
	{ "outcome", REC(outcome), CC_H5_ENUM8, "1", "how the record ended", outcome_names },
};

struct counts_row {
	int64_t arrived, answered, abandoned, waiting_at_end, completed, in_service_at_end, events;
};

#define CNT(field) offsetof(struct counts_row, field)
static const struct cc_h5_field counts_fields[] = {
	{ "arrived", CNT(arrived), CC_H5_I64, "1", "contacts that arrived over the whole run, warm-up included", NULL },
	{ "answered", CNT(answered), CC_H5_I64, "1", "contacts connected to an agent", NULL },
	{ "abandoned", CNT(abandoned), CC_H5_I64, "1", "contacts that abandoned", NULL },
	{ "waiting_at_end", CNT(waiting_at_end), CC_H5_I64, "1", "contacts still waiting at the horizon", NULL },
	{ "completed", CNT(completed), CC_H5_I64, "1", "contacts whose after-contact work ended", NULL },
	{ "in_service_at_end", CNT(in_service_at_end), CC_H5_I64, "1", "contacts in talk or ACW at the horizon", NULL },
	{ "events", CNT(events), CC_H5_I64, "1", "events processed", NULL },
};

void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len)
{
	snprintf(buf, len, "results/%s.h5", scn->name);
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
	if (scn->contact_records) {
		st = cc_h5_table_create(f, "/contacts/records", record_fields,
		                        sizeof record_fields / sizeof record_fields[0],
		                        sizeof(struct cc_contact_record), RECORD_CHUNK,
		                        "one row per contact record, replications in order", &r->records);
		if (st) {
			snprintf(err, errlen, "%s", cc_h5_error(f));
			cc_results_discard(r);
			return st;
		}
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
	const char **qn = cc_calloc(scn->n_queues, sizeof *qn), **qc = cc_calloc(scn->n_queues, sizeof *qc);
	for (size_t i = 0; i < scn->n_queues; i++) {
		qn[i] = scn->queues[i].name;
		qc[i] = cc_channel_name(scn->queues[i].channel);
	}
	const char **gn = cc_calloc(scn->n_groups, sizeof *gn);
	for (size_t i = 0; i < scn->n_groups; i++)
		gn[i] = scn->groups[i].name;

	cc_h5_axis_int64(f, "/axes/replication", run->replications, reps, "1", "replication index");
	cc_h5_axis_doubles(f, "/axes/interval_start_s", n, start, "s",
	                   "start of each reported interval, from the start of the run (cut to the end of the warm-up)");
	size_t dims[1] = { n };
	const char *axes[1] = { "/axes/interval_start_s" };
	cc_h5_write_doubles(f, "/axes/interval_length_s", 1, dims, len, "s",
	                    "length of each reported interval (shorter where the warm-up or the horizon cuts it)", axes);
	cc_h5_axis_strings(f, "/axes/queue", scn->n_queues, qn, "queue names");
	cc_h5_axis_strings(f, "/axes/group", scn->n_groups, gn, "agent group names");
	dims[0] = scn->n_queues;
	axes[0] = "/axes/queue";
	double *channel = cc_calloc(scn->n_queues, sizeof *channel);
	for (size_t i = 0; i < scn->n_queues; i++)
		channel[i] = (double)scn->queues[i].channel;
	cc_h5_write_doubles(f, "/axes/queue_channel", 1, dims, channel, "1",
	                    "channel code of each queue: 0 voice, 1 chat, 2 email, 3 task, 4 callback", axes);
	cc_free(channel);
	cc_free(start);
	cc_free(len);
	cc_free(reps);
	cc_free(qn);
	cc_free(qc);
	cc_free(gn);
}

/* Writes figure FIG: per replication and interval, per replication in total, and the summaries. */
static void write_figure(struct cc_h5_file *f, const struct cc_run *run, const struct cc_figure *fig)
{
	int queue = fig->owner == CC_FIG_QUEUE;
	const char *owner = queue ? "queues" : "groups";
	const char *axis = queue ? "/axes/queue" : "/axes/group";
	size_t reps = run->replications, n = run->grid.count, w = cc_run_width(run, fig);
	double *buf = cc_calloc(reps * n * w, sizeof *buf);
	char path[256], desc[512];

	for (size_t r = 0; r < reps; r++)
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < w; k++)
				buf[(r * n + i) * w + k] = cc_run_value(run, fig, r, i, k);
	size_t d3[3] = { reps, n, w };
	const char *a3[3] = { "/axes/replication", "/axes/interval_start_s", axis };
	snprintf(path, sizeof path, "/replications/intervals/%s/%s", owner, fig->name);
	snprintf(desc, sizeof desc, "%s, per replication, interval and %s", fig->description,
	         queue ? "queue" : "agent group");
	cc_h5_write_doubles(f, path, 3, d3, buf, fig->units, desc, a3);

	for (size_t r = 0; r < reps; r++)
		for (size_t k = 0; k < w; k++)
			buf[r * w + k] = cc_run_value(run, fig, r, n, k);
	size_t d2[2] = { reps, w };
	const char *a2[2] = { "/axes/replication", axis };
	snprintf(path, sizeof path, "/replications/totals/%s/%s", owner, fig->name);
	snprintf(desc, sizeof desc, "%s, per replication over the whole horizon after warm-up", fig->description);
	cc_h5_write_doubles(f, path, 2, d2, buf, fig->units, desc, a2);

	/* Summaries: per interval [interval][entity] and in total [entity]. */
	double *mean = cc_calloc((n + 1) * w, sizeof *mean), *hw = cc_calloc((n + 1) * w, sizeof *hw);
	for (size_t i = 0; i <= n; i++)
		for (size_t k = 0; k < w; k++) {
			struct cc_summary s = cc_run_summary(run, fig, i, k, 0.95);
			mean[i * w + k] = s.mean;
			hw[i * w + k] = s.half_width;
		}
	size_t ds[2] = { n, w };
	const char *as[2] = { "/axes/interval_start_s", axis };
	size_t dt[1] = { w };
	const char *at[1] = { axis };
	static const char *const stat_name[2] = { "mean", "ci95" };
	static const char *const stat_desc[2] = {
		"mean across replications", "half-width of the 95 % Student-t confidence interval across replications"
	};
	double *stat[2] = { mean, hw };
	for (int s = 0; s < 2; s++) {
		snprintf(path, sizeof path, "/summary/intervals/%s/%s/%s", owner, fig->name, stat_name[s]);
		snprintf(desc, sizeof desc, "%s: %s, per interval", fig->description, stat_desc[s]);
		cc_h5_write_doubles(f, path, 2, ds, stat[s], fig->units, desc, as);
		snprintf(path, sizeof path, "/summary/totals/%s/%s/%s", owner, fig->name, stat_name[s]);
		snprintf(desc, sizeof desc, "%s: %s, whole horizon after warm-up", fig->description, stat_desc[s]);
		cc_h5_write_doubles(f, path, 1, dt, stat[s] + n * w, fig->units, desc, at);
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
		rows[r] = (struct counts_row){ (int64_t)c->arrived, (int64_t)c->answered,
		                               (int64_t)c->abandoned, (int64_t)c->waiting_at_end,
		                               (int64_t)c->completed, (int64_t)c->in_service_at_end,
		                               (int64_t)c->events };
	}
	struct cc_h5_table *t = NULL;
	if (cc_h5_table_create(f, "/replications/counts", counts_fields,
	                       sizeof counts_fields / sizeof counts_fields[0], sizeof *rows,
	                       run->replications, "whole-run counts per replication (conservation: arrived = answered + abandoned + waiting_at_end)",
	                       &t) == CC_OK) {
		cc_h5_table_append(t, rows, run->replications);
		cc_h5_table_close(t);
	}
	cc_free(rows);
}

enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen)
{
	struct cc_h5_file *f = r->file;
	cc_h5_table_close(r->records);
	r->records = NULL;
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
	r->file = NULL;
	cc_free(r);
	return cc_h5_commit(f, err, errlen);
}

void cc_results_discard(struct cc_results *r)
{
	if (!r)
		return;
	cc_h5_table_close(r->records);
	cc_h5_abort(r->file);
	cc_free(r);
}
