#include "models/output/report.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>

#include "models/center/center.h"
#include "models/output/clock.h"
#include "sim/ranks.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/duration.h"

#define LEVEL 0.95

/* Figures the table shows, with their column heads and how many decimals they need. */
struct column {
	const char *figure;
	const char *head;
	int decimals;
	double scale; /* 100 for percentages */
};

/* Percentages keep one decimal, so that the queue table stays within about 120 columns. */
static const struct column queue_columns[] = {
	{ "offered", "offered", 1, 1 },
	{ "answered", "answered", 1, 1 },
	{ "abandoned", "abandoned", 1, 1 },
	{ "service_level", "SL %", 1, 100 },
	{ "asa_s", "ASA s", 1, 1 },
	{ "abandon_rate", "aband. %", 1, 100 },
	{ "aht_s", "AHT s", 1, 1 },
	{ "occupancy", "occ. %", 1, 100 },
	{ "ronas", "RONA", 1, 1 },
};

/* Shown when contacts are handed on or move between regions: records and customers. */
static const struct column handover_columns[] = {
	{ "transfers_in", "xfer in", 1, 1 },
	{ "transfers_out", "xfer out", 1, 1 },
	{ "transfer_rate", "xfer %", 1, 100 },
	{ "hold_s", "hold s", 1, 1 },
	{ "restarts_in", "restarts", 1, 1 },
	{ "customers", "customers", 1, 1 },
	{ "customer_service_level", "cust. SL %", 1, 100 },
	{ "customer_wait_s", "cust. wait s", 1, 1 },
};

static const struct column group_columns[] = {
	{ "staffed_agents", "agents", 2, 1 },
	{ "answered", "answered", 1, 1 },
	{ "rona_rate", "RONA %", 1, 100 },
	{ "occupancy", "occupancy %", 1, 100 },
	{ "utilization", "utilization %", 1, 100 },
};

/* Queues, agent groups or channels: how many, and their names. */
static size_t entity_count(const struct cc_run *run, enum cc_figure_owner owner)
{
	switch (owner) {
	case CC_FIG_QUEUE: return run->scn->n_queues;
	case CC_FIG_GROUP: return run->scn->n_groups;
	case CC_FIG_CHANNEL: return CC_CHANNEL_COUNT;
	default: cc_fail(__FILE__, __LINE__, "no table of this figure owner");
	}
}

static const char *entity_name(const struct cc_run *run, enum cc_figure_owner owner, size_t i)
{
	switch (owner) {
	case CC_FIG_QUEUE: return run->scn->queues[i].label;
	case CC_FIG_GROUP: return run->scn->groups[i].name;
	case CC_FIG_CHANNEL: return cc_channel_name((enum cc_channel)i);
	default: cc_fail(__FILE__, __LINE__, "no table of this figure owner");
	}
}

static const char *entity_head(enum cc_figure_owner owner)
{
	return owner == CC_FIG_QUEUE ? "queue" : owner == CC_FIG_GROUP ? "group" : "channel";
}

/* Entity I of OWNER is shown: every queue and group, the channels that have figures (those
 * with a queue). */
static int entity_shown(const struct cc_run *run, enum cc_figure_owner owner, size_t i)
{
	return owner != CC_FIG_CHANNEL ||
	       cc_layout_entity(&run->layout, CC_FIG_CHANNEL, i) != SIZE_MAX;
}

/* "mean ± half-width", one decimal fewer from 100 up (412 ± 11, not 412.0 ± 11.4), so that
 * cells keep about four significant digits and the table stays narrow. */
static void cell(char *buf, size_t len, struct cc_summary s, const struct column *c)
{
	double mean = s.mean * c->scale, hw = s.half_width * c->scale;
	int d = c->decimals - (fabs(mean) >= 100 && c->decimals > 0);
	if (isnan(mean))
		snprintf(buf, len, "-");
	else if (isnan(hw))
		snprintf(buf, len, "%.*f", d, mean);
	else
		snprintf(buf, len, "%.*f ± %.*f", d, mean, d, hw);
}

/* Display width of S: "±" is two bytes but one column. */
static int width_of(const char *s)
{
	int w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static void print_padded(FILE *out, const char *s, int width)
{
	fprintf(out, "  %*s%s", width - width_of(s), "", s);
}

static void table(FILE *out, const struct cc_run *run, enum cc_figure_owner owner,
                  const struct column *cols, size_t ncols)
{
	size_t n = entity_count(run, owner);
	size_t row = run->grid.count; /* the totals row */
	enum { CELL = 64, MAX_COLUMNS = 16 };
	CC_ASSERT(ncols <= MAX_COLUMNS);
	char (*text)[MAX_COLUMNS][CELL] = cc_calloc(n + 1, sizeof *text);
	int width[MAX_COLUMNS], name_width = width_of(entity_head(owner));
	for (size_t c = 0; c < ncols; c++) {
		snprintf(text[0][c], sizeof text[0][c], "%s", cols[c].head);
		width[c] = width_of(cols[c].head);
	}
	for (size_t i = 0; i < n; i++) {
		if (!entity_shown(run, owner, i))
			continue;
		if (width_of(entity_name(run, owner, i)) > name_width)
			name_width = width_of(entity_name(run, owner, i));
		for (size_t c = 0; c < ncols; c++) {
			const struct cc_figure *f = cc_figure_find(owner, cols[c].figure);
			CC_ASSERT(f != NULL);
			cell(text[i + 1][c], sizeof text[i + 1][c], cc_run_summary(run, f, row, i, LEVEL), &cols[c]);
			if (width_of(text[i + 1][c]) > width[c])
				width[c] = width_of(text[i + 1][c]);
		}
	}
	for (size_t i = 0; i <= n; i++) {
		if (i > 0 && !entity_shown(run, owner, i - 1))
			continue;
		const char *name = i > 0 ? entity_name(run, owner, i - 1) : entity_head(owner);
		fprintf(out, "%s%*s", name, name_width - width_of(name), "");
		for (size_t c = 0; c < ncols; c++)
			print_padded(out, text[i][c], width[c]);
		fputc('\n', out);
	}
	cc_free(text);
}

/* One line on the busyness factors drawn for queue line LINE (WHO names whose they are):
 * their mean, sd and range over the run's replications. */
static void busyness_line(FILE *out, const struct cc_run *run, size_t line, const char *who)
{
	double sum = 0, sum2 = 0, lo = INFINITY, hi = -INFINITY;
	size_t n = run->replications;
	for (size_t i = 0; i < n; i++) {
		double f = cc_center_busyness(run->scn, line, i);
		sum += f;
		sum2 += f * f;
		lo = fmin(lo, f);
		hi = fmax(hi, f);
	}
	double mean = sum / (double)n;
	double var = n > 1 ? fmax(0, (sum2 - sum * mean) / (double)(n - 1)) : 0;
	fprintf(out, "busyness %s: factor drawn per replication, mean %.3f, sd %.3f, from %.3f "
	        "to %.3f\n", who, mean, sqrt(var), lo, hi);
}

/* The busyness factors of the run: the scenario's, then each queue's own. */
static void busyness_lines(FILE *out, const struct cc_run *run)
{
	const struct cc_scenario *scn = run->scn;
	if (!run->replications || !cc_scenario_has_busyness(scn))
		return;
	for (size_t q = 0; q < scn->n_lines && scn->busyness.on; q++)
		if (!scn->queues[q].busyness.on && cc_queue_has_busyness(scn, &scn->queues[q])) {
			busyness_line(out, run, q, "(every queue without its own)");
			break;
		}
	for (size_t q = 0; q < scn->n_lines; q++)
		if (scn->queues[q].busyness.on) {
			char who[160];
			snprintf(who, sizeof who, "of %s", scn->queues[q].name);
			busyness_line(out, run, q, who);
		}
}

void cc_report_table(FILE *out, const struct cc_run *run, const char *results_path)
{
	const struct cc_scenario *scn = run->scn;
	char horizon[32], warmup[32], interval[32];
	cc_duration_format(scn->horizon_s, horizon, sizeof horizon);
	cc_duration_format(scn->warmup_s, warmup, sizeof warmup);
	cc_duration_format(scn->interval_s, interval, sizeof interval);
	char excluded[64] = "no warm-up";
	if (scn->warmup_s > 0)
		snprintf(excluded, sizeof excluded, "first %s excluded as warm-up", warmup);
	fprintf(out, "%s: %zu replications of %s (%s), seed %llu, %s intervals\n", scn->name,
	        run->replications, horizon, excluded, (unsigned long long)scn->seed, interval);
	busyness_lines(out, run);
	fprintf(out, "whole horizon after warm-up, mean ± 95 %% half-width across replications\n\n");
	table(out, run, CC_FIG_QUEUE, queue_columns, sizeof queue_columns / sizeof queue_columns[0]);
	fputc('\n', out);
	int handovers = scn->regions.n_changes > 0;
	for (size_t q = 0; q < scn->n_queues; q++)
		handovers |= scn->queues[q].n_transfers > 0;
	if (handovers) { /* per record above; here also per customer, from the first arrival */
		table(out, run, CC_FIG_QUEUE, handover_columns,
		      sizeof handover_columns / sizeof handover_columns[0]);
		fputc('\n', out);
	}
	if (run->layout.n_channels > 1) {
		/* The same columns, each channel's queues together. */
		table(out, run, CC_FIG_CHANNEL, queue_columns,
		      sizeof queue_columns / sizeof queue_columns[0]);
		fputc('\n', out);
	}
	table(out, run, CC_FIG_GROUP, group_columns, sizeof group_columns / sizeof group_columns[0]);
	if (results_path) { /* a path may hold anything: escaped */
		fputs("\nresults: ", out);
		cc_cli_put_line(out, results_path);
	}
}

/* Shown per interval with --intervals: the service-level picture of each half hour. */
static const struct column interval_columns[] = {
	{ "offered", "offered", 1, 1 },
	{ "answered", "answered", 1, 1 },
	{ "abandon_rate", "aband. %", 1, 100 },
	{ "service_level", "SL %", 1, 100 },
	{ "asa_s", "ASA s", 1, 1 },
	{ "occupancy", "occ. %", 1, 100 },
	{ "staffed_agents", "agents", 2, 1 },
};

/* Whether interval I of queue Q had nothing: no contact offered and no agent staffed. */
static int idle_interval(const struct cc_run *run, size_t q, size_t i)
{
	const struct cc_figure *offered = cc_figure_find(CC_FIG_QUEUE, "offered");
	const struct cc_figure *staffed = cc_figure_find(CC_FIG_QUEUE, "staffed_agents");
	return cc_run_summary(run, offered, i, q, LEVEL).mean == 0 &&
	       !(cc_run_summary(run, staffed, i, q, LEVEL).mean > 0);
}

/* One row per interval for queue Q, the intervals whose mean service level misses the
 * queue's target marked; intervals with nothing in them (night hours) are left out. */
static void interval_table(FILE *out, const struct cc_run *run, size_t q)
{
	enum { NCOL = sizeof interval_columns / sizeof interval_columns[0], CELL = 64 };
	const struct cc_queue_cfg *cfg = &run->scn->queues[q];
	size_t n = run->grid.count;
	char (*text)[NCOL + 1][CELL] = cc_calloc(n + 1, sizeof *text);
	int width[NCOL + 1];
	snprintf(text[0][0], CELL, "interval");
	width[0] = width_of(text[0][0]);
	for (size_t c = 0; c < NCOL; c++) {
		snprintf(text[0][c + 1], CELL, "%s", interval_columns[c].head);
		width[c + 1] = width_of(text[0][c + 1]);
	}
	const struct cc_figure *sl = cc_figure_find(CC_FIG_QUEUE, "service_level");
	size_t missed = 0, idle = 0;
	for (size_t i = 0; i < n; i++) {
		cc_clock_label(run->scn, cc_grid_start(&run->grid, i), text[i + 1][0], CELL);
		for (size_t c = 0; c < NCOL; c++) {
			const struct cc_figure *f = cc_figure_find(CC_FIG_QUEUE, interval_columns[c].figure);
			CC_ASSERT(f != NULL);
			cell(text[i + 1][c + 1], CELL, cc_run_summary(run, f, i, q, LEVEL), &interval_columns[c]);
		}
		for (size_t c = 0; c <= NCOL; c++)
			if (width_of(text[i + 1][c]) > width[c])
				width[c] = width_of(text[i + 1][c]);
	}
	fprintf(out, "%s: service level target %g %% in %g s\n", cfg->label, cfg->sl_target * 100,
	        cfg->sl_threshold_s);
	for (size_t i = 0; i <= n; i++) {
		if (i > 0 && idle_interval(run, q, i - 1)) {
			idle++;
			continue;
		}
		int miss = i > 0 && cc_run_summary(run, sl, i - 1, q, LEVEL).mean < cfg->sl_target;
		missed += (size_t)miss;
		fprintf(out, "%s%*s", text[i][0], width[0] - width_of(text[i][0]), "");
		for (size_t c = 1; c <= NCOL; c++)
			print_padded(out, text[i][c], width[c]);
		fputs(miss ? "  < target\n" : "\n", out);
	}
	fprintf(out, "%zu of %zu intervals below the target", missed, n - idle);
	if (idle)
		fprintf(out, " (%zu with no contact and no agent not shown)", idle);
	fputs("\n\n", out);
	cc_free(text);
}

void cc_report_intervals(FILE *out, const struct cc_run *run)
{
	CC_ASSERT(run->keep_intervals);
	fprintf(out, "per interval (counted by arrival), mean ± 95 %% half-width across %zu replications\n\n",
	        run->replications);
	for (size_t q = 0; q < run->scn->n_queues; q++)
		interval_table(out, run, q);
}

void cc_report_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void cc_report_json_number(FILE *out, double v)
{
	if (isfinite(v))
		fprintf(out, "%.17g", v);
	else
		fputs("null", out);
}

/* ", \"NAME\": {\"mean\": ..., \"ci95\": ...}" for figure F at INDEX over the whole horizon,
 * with its per-interval summaries and its per-replication totals when the run kept them;
 * FIRST leaves out the leading comma. */
static void json_figure(FILE *out, const struct cc_run *run, const struct cc_figure *f,
                        size_t index, int first)
{
	struct cc_summary s = cc_run_summary(run, f, run->grid.count, index, LEVEL);
	fputs(first ? "" : ", ", out);
	cc_report_json_string(out, f->name);
	fputs(": {\"mean\": ", out);
	cc_report_json_number(out, s.mean);
	fputs(", \"ci95\": ", out);
	cc_report_json_number(out, s.half_width);
	if (run->keep_intervals) {
		for (int k = 0; k < 2; k++) {
			fputs(k ? "], \"ci95\": [" : ", \"intervals\": {\"mean\": [", out);
			for (size_t i = 0; i < run->grid.count; i++) {
				struct cc_summary si = cc_run_summary(run, f, i, index, LEVEL);
				fputs(i ? ", " : "", out);
				cc_report_json_number(out, k ? si.half_width : si.mean);
			}
		}
		fputs("]}", out);
	}
	if (run->keep_totals) {
		fputs(", \"replications\": [", out);
		for (size_t r = 0; r < run->replications; r++) {
			fputs(r ? ", " : "", out);
			cc_report_json_number(out, cc_run_value(run, f, r, run->grid.count, index));
		}
		fputc(']', out);
	}
	fputc('}', out);
}

/* Every figure of OWNER at INDEX, each with a leading comma. */
static void json_figures(FILE *out, const struct cc_run *run, enum cc_figure_owner owner,
                         size_t index)
{
	for (size_t f = 0; f < run->layout.n_figures; f++)
		if (run->layout.figures[f].owner == owner)
			json_figure(out, run, &run->layout.figures[f], index, 0);
}

/* Group G's figures per status: ", \"statuses\": {\"<status>\": {<figures>}, ...}". */
static void json_statuses(FILE *out, const struct cc_run *run, size_t g)
{
	size_t n_status = cc_scenario_status_count(run->scn);
	fputs(", \"statuses\": {", out);
	for (size_t st = 0; st < n_status; st++) {
		fputs(st ? ", " : "", out);
		cc_report_json_string(out, cc_scenario_status_name(run->scn, st));
		fputs(": {", out);
		int first = 1;
		for (size_t f = 0; f < run->layout.n_figures; f++)
			if (run->layout.figures[f].owner == CC_FIG_STATUS) {
				json_figure(out, run, &run->layout.figures[f], g * n_status + st, first);
				first = 0;
			}
		fputc('}', out);
	}
	fputc('}', out);
}

/* Whether group G handles channel CH: its routing profile gives the channel a concurrency, one
 * of its skills is a queue of the channel, or its agents held contacts of it. */
static int group_handles(const struct cc_run *run, size_t g, size_t ch)
{
	const struct cc_scenario *scn = run->scn;
	const struct cc_group_cfg *gr = &scn->groups[g];
	if (gr->routing < scn->n_profiles && scn->profiles[gr->routing].concurrency[ch] > 0)
		return 1;
	for (size_t s = 0; s < gr->n_skills; s++)
		if ((size_t)scn->queues[gr->skills[s]].channel == ch)
			return 1;
	const struct cc_figure *slots = cc_figure_find(CC_FIG_GROUP_CHANNEL, "slots");
	CC_ASSERT(slots != NULL);
	/* Slots held are never negative: a positive mean means some replication held some. */
	return cc_run_summary(run, slots, run->grid.count, g * CC_CHANNEL_COUNT + ch, LEVEL).mean > 0;
}

/* Group G's figures per channel it handles: ", \"channels\": {\"<channel>\": {<figures>}}". */
static void json_group_channels(FILE *out, const struct cc_run *run, size_t g)
{
	fputs(", \"channels\": {", out);
	int first_channel = 1;
	for (size_t ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
		if (!group_handles(run, g, ch))
			continue;
		fputs(first_channel ? "" : ", ", out);
		first_channel = 0;
		cc_report_json_string(out, cc_channel_name((enum cc_channel)ch));
		fputs(": {", out);
		int first = 1;
		for (size_t f = 0; f < run->layout.n_figures; f++)
			if (run->layout.figures[f].owner == CC_FIG_GROUP_CHANNEL) {
				json_figure(out, run, &run->layout.figures[f], g * CC_CHANNEL_COUNT + ch, first);
				first = 0;
			}
		fputc('}', out);
	}
	fputc('}', out);
}

static void json_entities(FILE *out, const struct cc_run *run, enum cc_figure_owner owner)
{
	int first = 1;
	for (size_t i = 0; i < entity_count(run, owner); i++) {
		if (!entity_shown(run, owner, i))
			continue;
		fputs(first ? "{\"name\": " : ", {\"name\": ", out);
		first = 0;
		cc_report_json_string(out, entity_name(run, owner, i));
		if (owner == CC_FIG_QUEUE) {
			fputs(", \"channel\": ", out);
			cc_report_json_string(out, cc_channel_name(run->scn->queues[i].channel));
		}
		json_figures(out, run, owner, i);
		if (owner == CC_FIG_GROUP) {
			json_statuses(out, run, i);
			json_group_channels(out, run, i);
		}
		fputc('}', out);
	}
}

/* How fast the replications ran: simulation only, not the writing of the results file; of
 * that time, what adding the replications in order took (see struct cc_run's merge_s). */
static void json_performance(FILE *out, const struct cc_run *run)
{
	struct rusage ru;
	long peak_kib = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
	fprintf(out, "{\"ranks\": %d, \"threads\": %d, \"wall_s\": ", cc_ranks_size(),
	        run->threads < 1 ? 1 : run->threads);
	cc_report_json_number(out, run->wall_s);
	fputs(", \"merge_s\": ", out);
	cc_report_json_number(out, run->merge_s);
	fprintf(out, ", \"events\": %llu, \"contacts\": %llu, \"events_per_s\": ",
	        (unsigned long long)run->events, (unsigned long long)run->contacts);
	cc_report_json_number(out, run->wall_s > 0 ? (double)run->events / run->wall_s : NAN);
	fputs(", \"contacts_per_s\": ", out);
	cc_report_json_number(out, run->wall_s > 0 ? (double)run->contacts / run->wall_s : NAN);
	fprintf(out, ", \"peak_rss_kib\": %ld}", peak_kib);
}

/* The reported intervals: ", \"intervals\": {\"start_s\": [...], \"length_s\": [...],
 * \"clock\": [...]}". */
static void json_intervals(FILE *out, const struct cc_run *run)
{
	const struct cc_grid *g = &run->grid;
	fputs(", \"intervals\": {\"start_s\": [", out);
	for (size_t i = 0; i < g->count; i++) {
		fputs(i ? ", " : "", out);
		cc_report_json_number(out, cc_grid_start(g, i));
	}
	fputs("], \"length_s\": [", out);
	for (size_t i = 0; i < g->count; i++) {
		fputs(i ? ", " : "", out);
		cc_report_json_number(out, cc_grid_end(g, i) - cc_grid_start(g, i));
	}
	fputs("], \"clock\": [", out);
	for (size_t i = 0; i < g->count; i++) {
		char label[64];
		fputs(i ? ", " : "", out);
		cc_report_json_string(out, cc_clock_label(run->scn, cc_grid_start(g, i), label, sizeof label));
	}
	fputs("]}", out);
}

void cc_report_json(FILE *out, const struct cc_run *run, const char *results_path)
{
	const struct cc_scenario *scn = run->scn;
	fputs("{\"scenario\": ", out);
	cc_report_json_string(out, scn->name);
	fprintf(out, ", \"replications\": %zu, \"seed\": %llu, \"horizon_s\": ", run->replications,
	        (unsigned long long)scn->seed);
	cc_report_json_number(out, scn->horizon_s);
	fputs(", \"warmup_s\": ", out);
	cc_report_json_number(out, scn->warmup_s);
	fputs(", \"interval_s\": ", out);
	cc_report_json_number(out, scn->interval_s);
	if (run->keep_intervals)
		json_intervals(out, run);
	fputs(", \"results_file\": ", out);
	if (results_path)
		cc_report_json_string(out, results_path);
	else
		fputs("null", out);
	fputs(", \"queues\": [", out);
	json_entities(out, run, CC_FIG_QUEUE);
	fputs("], \"groups\": [", out);
	json_entities(out, run, CC_FIG_GROUP);
	fputs("], \"channels\": [", out);
	json_entities(out, run, CC_FIG_CHANNEL);
	fputs("], \"performance\": ", out);
	json_performance(out, run);
	fputs("}\n", out);
}
