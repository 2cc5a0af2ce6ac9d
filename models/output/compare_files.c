/* Reading two results files into a comparison. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/output/compare.h"
#include "models/output/report.h"
#include "sim/alloc.h"
#include "sim/h5read.h"
#include "sim/macros.h"

/* The owners compared: their group under /replications/totals (and intervals) and their
 * dimension. */
static const struct {
	enum cc_figure_owner owner;
	const char *group, *dim, *title;
} owners[] = {
	{ CC_FIG_QUEUE, "queues", "queue", "queues" },
	{ CC_FIG_GROUP, "groups", "group", "agent groups" },
	{ CC_FIG_CHANNEL, "channels", "channel", "channels" },
};

/* What a side holds: each replication's totals, or its values per interval. */
enum side_kind { SIDE_TOTALS, SIDE_INTERVALS };

/* One file's figures of one owner: entity names, figure names and units, and per figure the
 * [replication x interval x entity] values (one interval, the whole horizon, for totals),
 * with the intervals' starts and labels. */
struct side {
	char **entities;
	size_t n_entities, reps, n_intervals;
	char **figures, **units;
	double **values;
	size_t n_figures;
	double *starts;
	char **labels;
};

static void side_free(struct side *s)
{
	cc_h5_strings_free(s->entities, s->n_entities);
	cc_h5_strings_free(s->figures, s->n_figures);
	cc_h5_strings_free(s->units, s->n_figures);
	cc_h5_strings_free(s->labels, s->labels ? s->n_intervals : 0);
	cc_free(s->starts);
	for (size_t f = 0; f < s->n_figures; f++)
		cc_free(s->values ? s->values[f] : NULL);
	cc_free(s->values);
	memset(s, 0, sizeof *s);
}

/* Reads the interval grid of GROUP into S: the starts, and the clock labels or, in a file
 * without them, the starts in seconds. */
static enum cc_status read_grid(struct cc_h5_reader *r, const char *group, struct side *s)
{
	char p[512];
	snprintf(p, sizeof p, "%s/interval", group);
	enum cc_status st = cc_h5_read_doubles(r, p, &s->starts, &s->n_intervals);
	if (st)
		return st;
	size_t n = 0;
	snprintf(p, sizeof p, "%s/clock", group);
	if (cc_h5_kind(r, p) == 2 && (st = cc_h5_read_strings(r, p, &s->labels, &n)))
		return st;
	if (s->labels && n == s->n_intervals)
		return CC_OK;
	cc_h5_strings_free(s->labels, n);
	s->labels = cc_calloc(s->n_intervals ? s->n_intervals : 1, sizeof *s->labels);
	for (size_t i = 0; i < s->n_intervals; i++) {
		char label[64];
		snprintf(label, sizeof label, "%.15gs", s->starts[i]);
		s->labels[i] = cc_strdup(label);
	}
	return CC_OK;
}

/* Reads owner O of the file behind R (named PATH) into S, its totals or its intervals. */
static enum cc_status read_side(struct cc_h5_reader *r, const char *path, size_t o,
                                enum side_kind kind, struct side *s, char *err, size_t errlen)
{
	char group[256], p[512];
	snprintf(group, sizeof group, "/replications/%s/%s",
	         kind == SIDE_INTERVALS ? "intervals" : "totals", owners[o].group);
	snprintf(p, sizeof p, "%s/%s", group, owners[o].dim);
	s->n_intervals = 1;
	if (cc_h5_kind(r, group) != 1 || cc_h5_kind(r, p) != 2) {
		/* A file with no queue of a channel has no channel figures: nothing to compare. */
		return CC_OK;
	}
	char **names = NULL;
	size_t n = 0;
	enum cc_status st = cc_h5_read_strings(r, p, &s->entities, &s->n_entities);
	if (!st && kind == SIDE_INTERVALS)
		st = read_grid(r, group, s);
	if (!st)
		st = cc_h5_members(r, group, &names, &n);
	if (st) {
		snprintf(err, errlen, "%s: %s", path, cc_h5_reader_error(r));
		return CC_ERR_IO;
	}
	s->figures = cc_calloc(n ? n : 1, sizeof *s->figures);
	s->units = cc_calloc(n ? n : 1, sizeof *s->units);
	s->values = cc_calloc(n ? n : 1, sizeof *s->values);
	for (size_t i = 0; i < n && !st; i++) {
		if (strcmp(names[i], owners[o].dim) == 0 || strcmp(names[i], "replication") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", group, names[i]);
		int rank;
		size_t dims[8], count;
		if ((st = cc_h5_shape(r, p, &rank, dims)))
			break;
		int want = kind == SIDE_INTERVALS ? 3 : 2;
		if (rank != want || dims[rank - 1] != s->n_entities ||
		    (kind == SIDE_INTERVALS && dims[1] != s->n_intervals))
			continue; /* not a figure of this owner (a coordinate, or another owner's) */
		size_t f = s->n_figures;
		if ((st = cc_h5_read_doubles(r, p, &s->values[f], &count)))
			break;
		s->reps = dims[0];
		s->figures[f] = cc_strdup(names[i]);
		char *u = cc_h5_read_attr(r, p, "units");
		s->units[f] = u ? u : cc_strdup("1");
		s->n_figures++;
	}
	cc_h5_strings_free(names, n);
	if (st) {
		snprintf(err, errlen, "%s: %s", path, cc_h5_reader_error(r));
		return CC_ERR_IO;
	}
	return CC_OK;
}

/* The index of NAME in LIST[N], or N. */
static size_t find(char **list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return i;
	return n;
}

/* CC_ERR_USAGE naming what differs when the two sides' entities or figures differ. */
static enum cc_status same_shape(const struct side *b, const struct side *c, size_t o,
                                 char *err, size_t errlen)
{
	const char *what = owners[o].dim;
	for (int pass = 0; pass < 2; pass++) {
		const struct side *x = pass ? c : b, *y = pass ? b : c;
		const char *lacks = pass ? "base" : "candidate";
		for (size_t e = 0; e < x->n_entities; e++)
			if (find(y->entities, y->n_entities, x->entities[e]) == y->n_entities) {
				snprintf(err, errlen, "the files cannot be compared: %s '%s' is not in the "
				         "%s file", what, x->entities[e], lacks);
				return CC_ERR_USAGE;
			}
		for (size_t f = 0; f < x->n_figures; f++)
			if (find(y->figures, y->n_figures, x->figures[f]) == y->n_figures) {
				snprintf(err, errlen, "the files cannot be compared: %s figure '%s' is not in "
				         "the %s file", what, x->figures[f], lacks);
				return CC_ERR_USAGE;
			}
	}
	return CC_OK;
}

/* CC_ERR_USAGE saying what differs when the two sides' interval grids (count and starts)
 * differ. */
static enum cc_status same_grid(const struct side *b, const struct side *c, char *err,
                                size_t errlen)
{
	if (b->n_intervals != c->n_intervals) {
		snprintf(err, errlen, "the files cannot be compared interval by interval: the base "
		         "file has %zu intervals, the candidate file %zu", b->n_intervals,
		         c->n_intervals);
		return CC_ERR_USAGE;
	}
	for (size_t i = 0; i < b->n_intervals; i++)
		if (b->starts[i] != c->starts[i]) {
			snprintf(err, errlen, "the files cannot be compared interval by interval: "
			         "interval %zu starts at %s (%.15g s) in the base file, at %s (%.15g s) "
			         "in the candidate file", i, b->labels[i], b->starts[i], c->labels[i],
			         c->starts[i]);
			return CC_ERR_USAGE;
		}
	return CC_OK;
}

/* Appends to C a row per entity, figure and interval of owner O (in the base's entity order,
 * ccsim's figure order, then interval by interval): to its per-interval rows for a side of
 * intervals, else to its rows. */
static void add_rows(struct cc_comparison *c, size_t o, enum side_kind kind,
                     const struct side *b, const struct side *s, double *xb, double *xc)
{
	size_t n_fig;
	const struct cc_figure *figs = cc_figures(&n_fig);
	size_t ni = b->n_intervals;
	for (size_t e = 0; e < b->n_entities; e++) {
		size_t ec = find(s->entities, s->n_entities, b->entities[e]);
		for (size_t k = 0; k < n_fig; k++) {
			if (figs[k].owner != owners[o].owner)
				continue;
			size_t fb = find(b->figures, b->n_figures, figs[k].name);
			size_t fc = find(s->figures, s->n_figures, figs[k].name);
			if (fb == b->n_figures || fc == s->n_figures)
				continue;
			for (size_t t = 0; t < ni; t++) {
				for (size_t i = 0; i < b->reps; i++)
					xb[i] = b->values[fb][(i * ni + t) * b->n_entities + e];
				for (size_t i = 0; i < s->reps; i++)
					xc[i] = s->values[fc][(i * ni + t) * s->n_entities + ec];
				struct cc_compare_row *row = kind == SIDE_INTERVALS
				                                 ? &c->interval_rows[c->n_interval_rows++]
				                                 : &c->rows[c->n_rows++];
				row->interval = t;
				row->owner = owners[o].owner;
				row->entity = cc_strdup(b->entities[e]);
				row->figure = cc_strdup(figs[k].name);
				row->units = cc_strdup(b->units[fb]);
				row->direction = figs[k].direction;
				cc_compare_diff(xb, b->reps, xc, s->reps, c->paired, c->confidence, &row->d);
				int significant = row->d.p < 1 - c->confidence;
				int up = row->d.diff > 0;
				row->worse = significant && row->direction != CC_DIR_NONE &&
				             up == (row->direction == CC_DIR_UP_BAD);
				row->better = significant && row->direction != CC_DIR_NONE && !row->worse;
			}
		}
	}
}

/* Opens PATH and reads its root attributes. */
static enum cc_status open_file(const char *path, struct cc_h5_reader **r, char **scenario,
                                char **overrides, int64_t *seed, double *reps, char *err,
                                size_t errlen)
{
	enum cc_status st = cc_h5_reader_open(path, r, err, errlen);
	if (st)
		return CC_ERR_IO;
	*scenario = cc_h5_read_attr(*r, "/", "scenario");
	*overrides = cc_h5_read_attr(*r, "/", "overrides");
	int64_t points;
	if (cc_h5_read_attr_int64(*r, "/", "sweep_points", &points)) {
		snprintf(err, errlen, "%s: a sweep's file (ccsim sweep), %lld points: compare takes two "
		         "runs' files; a sweep holds its points' paired differences against its base "
		         "point under /sweep/diff (results/README.md)", path, (long long)points);
		return CC_ERR_USAGE;
	}
	if (!*scenario || !cc_h5_read_attr_int64(*r, "/", "seed", seed) ||
	    !cc_h5_read_attr_double(*r, "/", "replications", reps) ||
	    cc_h5_kind(*r, "/replications/totals") != 1) {
		snprintf(err, errlen, "%s: not a results file of 'ccsim run' (no scenario, seed, "
		         "replications or per-replication totals)", path);
		return CC_ERR_USAGE;
	}
	if (!*overrides)
		*overrides = cc_strdup("");
	/* One assignment a line in the file; one line here: "a=1; b=2". */
	size_t len = strlen(*overrides);
	while (len && (*overrides)[len - 1] == '\n')
		(*overrides)[--len] = 0;
	for (char *s = *overrides; (s = strchr(s, '\n'));)
		*s = ';';
	return CC_OK;
}

/* Adds the rows of owner O of KIND to C, reading both files; XB and XC are scratch. */
static enum cc_status compare_owner(struct cc_comparison *c, struct cc_h5_reader *r[2], size_t o,
                                    enum side_kind kind, double **xb, double **xc, char *err,
                                    size_t errlen)
{
	struct side sb = { 0 }, sc = { 0 };
	enum cc_status st;
	if ((st = read_side(r[0], c->base_path, o, kind, &sb, err, errlen)) ||
	    (st = read_side(r[1], c->cand_path, o, kind, &sc, err, errlen)) ||
	    (st = same_shape(&sb, &sc, o, err, errlen)) ||
	    (kind == SIDE_INTERVALS && (st = same_grid(&sb, &sc, err, errlen))))
		goto done;
	if (c->paired && sb.reps != sc.reps)
		c->paired = 0; /* cannot happen with equal replication counts; stay safe */
	struct cc_compare_row **rows = kind == SIDE_INTERVALS ? &c->interval_rows : &c->rows;
	size_t have = kind == SIDE_INTERVALS ? c->n_interval_rows : c->n_rows;
	size_t more = sb.n_entities * sb.n_figures * sb.n_intervals + 1;
	*rows = cc_realloc(*rows, have + more, sizeof **rows);
	memset(*rows + have, 0, more * sizeof **rows);
	*xb = cc_realloc(*xb, sb.reps + 1, sizeof **xb);
	*xc = cc_realloc(*xc, sc.reps + 1, sizeof **xc);
	add_rows(c, o, kind, &sb, &sc, *xb, *xc);
	if (kind == SIDE_INTERVALS && !c->intervals && sb.n_entities) {
		/* Every owner of a file has the same grid: keep the first's. */
		c->n_intervals = sb.n_intervals;
		c->intervals = cc_calloc(sb.n_intervals ? sb.n_intervals : 1, sizeof *c->intervals);
		for (size_t i = 0; i < sb.n_intervals; i++)
			c->intervals[i] = (struct cc_compare_interval){ sb.starts[i],
			                                                cc_strdup(sb.labels[i]) };
	}
done:
	side_free(&sb);
	side_free(&sc);
	return st;
}

enum cc_status cc_compare_files(const char *base, const char *cand, double confidence,
                                int intervals, struct cc_comparison **out, char *err,
                                size_t errlen)
{
	struct cc_comparison *c = cc_calloc(1, sizeof *c);
	c->base_path = base;
	c->cand_path = cand;
	c->confidence = confidence;
	c->alpha = 0.05;
	c->per_interval = intervals;
	struct cc_h5_reader *r[2] = { NULL, NULL };
	char *scn_b = NULL, *scn_c = NULL;
	int64_t seed_b = 0, seed_c = 0; /* exactly: seeds take all 64 bits */
	double reps_b = 0, reps_c = 0;
	double *xb = NULL, *xc = NULL;
	enum cc_status st = open_file(base, &r[0], &scn_b, &c->base_overrides, &seed_b, &reps_b,
	                              err, errlen);
	if (!st)
		st = open_file(cand, &r[1], &scn_c, &c->cand_overrides, &seed_c, &reps_c, err, errlen);
	for (int s = 0; s < 2 && intervals && !st; s++)
		if (cc_h5_kind(r[s], "/replications/intervals") != 1) {
			snprintf(err, errlen, "%s holds each replication's totals only, no values per "
			         "interval: run it again with --set output.replications=intervals (or "
			         "output = { replications = \"intervals\"; } in the scenario)",
			         s ? cand : base);
			st = CC_ERR_USAGE;
		}
	if (st)
		goto done;
	c->base_reps = (size_t)reps_b;
	c->cand_reps = (size_t)reps_c;
	c->paired = strcmp(scn_b, scn_c) == 0 && seed_b == seed_c && reps_b == reps_c;
	for (size_t o = 0; o < CC_ARRAY_SIZE(owners) && !st; o++)
		st = compare_owner(c, r, o, SIDE_TOTALS, &xb, &xc, err, errlen);
	for (size_t o = 0; o < CC_ARRAY_SIZE(owners) && intervals && !st; o++)
		st = compare_owner(c, r, o, SIDE_INTERVALS, &xb, &xc, err, errlen);
done:
	cc_free(xb);
	cc_free(xc);
	cc_free(scn_b);
	cc_free(scn_c);
	cc_h5_reader_close(r[0]);
	cc_h5_reader_close(r[1]);
	if (st) {
		cc_comparison_destroy(c);
		c = NULL;
	}
	*out = c;
	return st;
}

/* Frees the names of ROWS[N] and ROWS itself. */
static void rows_free(struct cc_compare_row *rows, size_t n)
{
	for (size_t r = 0; r < n; r++) {
		cc_free(rows[r].entity);
		cc_free(rows[r].figure);
		cc_free(rows[r].units);
	}
	cc_free(rows);
}

void cc_comparison_destroy(struct cc_comparison *c)
{
	if (!c)
		return;
	rows_free(c->rows, c->n_rows);
	rows_free(c->interval_rows, c->n_interval_rows);
	for (size_t i = 0; i < c->n_intervals; i++)
		cc_free(c->intervals[i].label);
	cc_free(c->intervals);
	cc_free(c->tests);
	cc_free(c->base_overrides);
	cc_free(c->cand_overrides);
	cc_free(c);
}

const char *cc_compare_owner_title(enum cc_figure_owner o)
{
	for (size_t i = 0; i < CC_ARRAY_SIZE(owners); i++)
		if (owners[i].owner == o)
			return owners[i].title;
	return "";
}
