/* Reading two results files into a comparison, and printing it. */
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

/* The owners compared: their group under /replications/totals and their dimension. */
static const struct {
	enum cc_figure_owner owner;
	const char *group, *dim, *title;
} owners[] = {
	{ CC_FIG_QUEUE, "queues", "queue", "queues" },
	{ CC_FIG_GROUP, "groups", "group", "agent groups" },
	{ CC_FIG_CHANNEL, "channels", "channel", "channels" },
};

/* One file's figures of one owner: entity names, figure names and units, and per figure the
 * [replication x entity] values. */
struct side {
	char **entities;
	size_t n_entities, reps;
	char **figures, **units;
	double **values;
	size_t n_figures;
};

static void side_free(struct side *s)
{
	cc_h5_strings_free(s->entities, s->n_entities);
	cc_h5_strings_free(s->figures, s->n_figures);
	cc_h5_strings_free(s->units, s->n_figures);
	for (size_t f = 0; f < s->n_figures; f++)
		cc_free(s->values ? s->values[f] : NULL);
	cc_free(s->values);
	memset(s, 0, sizeof *s);
}

/* Reads owner O of the file behind R (named PATH) into S. */
static enum cc_status read_side(struct cc_h5_reader *r, const char *path, size_t o,
                                struct side *s, char *err, size_t errlen)
{
	char group[256], p[512];
	snprintf(group, sizeof group, "/replications/totals/%s", owners[o].group);
	snprintf(p, sizeof p, "%s/%s", group, owners[o].dim);
	if (cc_h5_kind(r, group) != 1 || cc_h5_kind(r, p) != 2) {
		/* A file with no queue of a channel has no channel figures: nothing to compare. */
		return CC_OK;
	}
	char **names = NULL;
	size_t n = 0;
	enum cc_status st = cc_h5_read_strings(r, p, &s->entities, &s->n_entities);
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
		if (rank != 2 || dims[1] != s->n_entities)
			continue; /* not a figure of this owner */
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

/* Appends a row per entity and figure of owner O (in the base's entity order and ccsim's
 * figure order) to C. */
static void add_rows(struct cc_comparison *c, size_t o, const struct side *b,
                     const struct side *s, double *xb, double *xc)
{
	size_t n_fig;
	const struct cc_figure *figs = cc_figures(&n_fig);
	for (size_t e = 0; e < b->n_entities; e++) {
		size_t ec = find(s->entities, s->n_entities, b->entities[e]);
		for (size_t k = 0; k < n_fig; k++) {
			if (figs[k].owner != owners[o].owner)
				continue;
			size_t fb = find(b->figures, b->n_figures, figs[k].name);
			size_t fc = find(s->figures, s->n_figures, figs[k].name);
			if (fb == b->n_figures || fc == s->n_figures)
				continue;
			for (size_t i = 0; i < b->reps; i++)
				xb[i] = b->values[fb][i * b->n_entities + e];
			for (size_t i = 0; i < s->reps; i++)
				xc[i] = s->values[fc][i * s->n_entities + ec];
			struct cc_compare_row *row = &c->rows[c->n_rows++];
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

enum cc_status cc_compare_files(const char *base, const char *cand, double confidence,
                                struct cc_comparison **out, char *err, size_t errlen)
{
	struct cc_comparison *c = cc_calloc(1, sizeof *c);
	c->base_path = base;
	c->cand_path = cand;
	c->confidence = confidence;
	c->alpha = 0.05;
	struct cc_h5_reader *rb = NULL, *rc = NULL;
	char *scn_b = NULL, *scn_c = NULL;
	int64_t seed_b = 0, seed_c = 0; /* exactly: seeds take all 64 bits */
	double reps_b = 0, reps_c = 0;
	struct side sb = { 0 }, sc = { 0 };
	double *xb = NULL, *xc = NULL;
	enum cc_status st = open_file(base, &rb, &scn_b, &c->base_overrides, &seed_b, &reps_b,
	                              err, errlen);
	if (!st)
		st = open_file(cand, &rc, &scn_c, &c->cand_overrides, &seed_c, &reps_c, err, errlen);
	if (st)
		goto done;
	c->base_reps = (size_t)reps_b;
	c->cand_reps = (size_t)reps_c;
	c->paired = strcmp(scn_b, scn_c) == 0 && seed_b == seed_c && reps_b == reps_c;
	for (size_t o = 0; o < CC_ARRAY_SIZE(owners) && !st; o++) {
		if ((st = read_side(rb, base, o, &sb, err, errlen)) ||
		    (st = read_side(rc, cand, o, &sc, err, errlen)) ||
		    (st = same_shape(&sb, &sc, o, err, errlen)))
			break;
		if (c->paired && sb.reps != sc.reps)
			c->paired = 0; /* cannot happen with equal replication counts; stay safe */
		c->rows = cc_realloc(c->rows, c->n_rows + sb.n_entities * sb.n_figures + 1,
		                     sizeof *c->rows);
		memset(c->rows + c->n_rows, 0, (sb.n_entities * sb.n_figures + 1) * sizeof *c->rows);
		xb = cc_realloc(xb, sb.reps + 1, sizeof *xb);
		xc = cc_realloc(xc, sc.reps + 1, sizeof *xc);
		add_rows(c, o, &sb, &sc, xb, xc);
		side_free(&sb);
		side_free(&sc);
	}
done:
	side_free(&sb);
	side_free(&sc);
	cc_free(xb);
	cc_free(xc);
	cc_free(scn_b);
	cc_free(scn_c);
	cc_h5_reader_close(rb);
	cc_h5_reader_close(rc);
	if (st) {
		cc_comparison_destroy(c);
		c = NULL;
	}
	*out = c;
	return st;
}

void cc_comparison_destroy(struct cc_comparison *c)
{
	if (!c)
		return;
	for (size_t r = 0; r < c->n_rows; r++) {
		cc_free(c->rows[r].entity);
		cc_free(c->rows[r].figure);
		cc_free(c->rows[r].units);
	}
	cc_free(c->rows);
	cc_free(c->tests);
	cc_free(c->base_overrides);
	cc_free(c->cand_overrides);
	cc_free(c);
}

/* A value for a table: "—" when undefined. */
static const char *num(char *buf, size_t len, double v)
{
	if (!isfinite(v))
		return "-";
	snprintf(buf, len, "%.4g", v);
	return buf;
}

static const char *p_text(char *buf, size_t len, double p)
{
	if (!isfinite(p))
		return "-";
	if (p < 1e-4)
		return "<0.0001";
	snprintf(buf, len, "%.4f", p);
	return buf;
}

static const char *owner_title(enum cc_figure_owner o)
{
	for (size_t i = 0; i < CC_ARRAY_SIZE(owners); i++)
		if (owners[i].owner == o)
			return owners[i].title;
	return "";
}

/* Whether a table leaves row R out: a figure zero in every replication of both files (no
 * callbacks in a scenario without them). JSON keeps every row. */
static int all_zero(const struct cc_compare_row *r)
{
	return r->d.base_mean == 0 && r->d.cand_mean == 0 && r->d.base_hw == 0 &&
	       r->d.cand_hw == 0;
}

static const char *mark(const struct cc_compare_row *r)
{
	if (r->gate_failed)
		return r->worse ? "worse, GATE FAILED" : "GATE FAILED";
	return r->worse ? "worse" : r->better ? "better" : "";
}

static void mode_line(FILE *out, const struct cc_comparison *c)
{
	if (c->paired)
		fprintf(out, "paired by replication: same scenario, seed and %zu replications "
		        "(common random numbers)", c->base_reps);
	else
		fprintf(out, "Welch (independent samples, unequal variances): the files differ in "
		        "scenario, seed or replications (%zu and %zu)", c->base_reps, c->cand_reps);
}

static void print_text(FILE *out, const struct cc_comparison *c)
{
	fprintf(out, "base:      %s", c->base_path);
	fprintf(out, c->base_overrides[0] ? " (%s)\n" : "\n", c->base_overrides);
	fprintf(out, "candidate: %s", c->cand_path);
	fprintf(out, c->cand_overrides[0] ? " (%s)\n" : "\n", c->cand_overrides);
	mode_line(out, c);
	fprintf(out, "; %g %% intervals, difference = candidate - base; figures zero in both "
	        "files left out\n", 100 * c->confidence);
	char a[32], b[32], d[32], e[32], f[32], g[32], h[32], p[32];
	int owner = -1;
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		if (all_zero(x) && !x->gate_failed)
			continue;
		if ((int)x->owner != owner) {
			owner = (int)x->owner;
			fprintf(out, "\n%s\n", owner_title(x->owner));
			fprintf(out, "  %-14s %-34s %22s %22s %32s %8s\n", "entity", "figure",
			        "base", "candidate", "difference [interval]", "p");
		}
		char base[128], cand[128], diff[160];
		snprintf(base, sizeof base, "%s ± %s", num(a, 32, x->d.base_mean),
		         num(b, 32, x->d.base_hw));
		snprintf(cand, sizeof cand, "%s ± %s", num(d, 32, x->d.cand_mean),
		         num(e, 32, x->d.cand_hw));
		snprintf(diff, sizeof diff, "%s [%s, %s]", num(f, 32, x->d.diff), num(g, 32, x->d.lo),
		         num(h, 32, x->d.hi));
		/* "±" is two bytes and one column: pad by one more. */
		fprintf(out, "  %-14s %-34s %23s %23s %32s %8s  %s\n", x->entity, x->figure, base,
		        cand, diff, p_text(p, 32, x->d.p), mark(x));
	}
	if (!c->n_gates)
		return;
	fprintf(out, "\ngates (one-sided tests at alpha %g, Holm-corrected across %zu tests)\n",
	        c->alpha, c->n_tests);
	for (size_t i = 0; i < c->n_gates; i++) {
		int failed = 0;
		for (size_t t = 0; t < c->n_tests; t++)
			failed |= c->tests[t].gate == i && c->tests[t].failed;
		fprintf(out, "  %-6s %s\n", failed ? "FAIL" : "pass", c->gates[i].text);
		for (size_t t = 0; t < c->n_tests; t++) {
			const struct cc_gate_test *s = &c->tests[t];
			if (s->gate != i)
				continue;
			const struct cc_compare_row *x = &c->rows[s->row];
			fprintf(out, "         %-6s %s.%s: difference %s, threshold %s, p %s\n",
			        s->failed ? "FAIL" : "pass", x->entity, x->figure, num(a, 32, x->d.diff),
			        num(b, 32, s->threshold), p_text(p, 32, s->p));
		}
	}
	fprintf(out, "\n%s\n", c->failed ? "a gate failed" : "no gate failed");
}

static void json_key(FILE *out, const char *key, double v)
{
	fprintf(out, ", \"%s\": ", key);
	cc_report_json_number(out, v);
}

static void print_json(FILE *out, const struct cc_comparison *c)
{
	static const char *const dirs[] = { "none", "up_is_good", "up_is_bad" };
	fputs("{\"base\": {\"file\": ", out);
	cc_report_json_string(out, c->base_path);
	fputs(", \"overrides\": ", out);
	cc_report_json_string(out, c->base_overrides);
	fprintf(out, ", \"replications\": %zu}, \"candidate\": {\"file\": ", c->base_reps);
	cc_report_json_string(out, c->cand_path);
	fputs(", \"overrides\": ", out);
	cc_report_json_string(out, c->cand_overrides);
	fprintf(out, ", \"replications\": %zu}, \"method\": \"%s\"", c->cand_reps,
	        c->paired ? "paired" : "welch");
	json_key(out, "confidence", c->confidence);
	json_key(out, "alpha", c->alpha);
	fputs(", \"figures\": [", out);
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		fprintf(out, "%s\n{\"owner\": \"%s\", \"entity\": ", r ? "," : "",
		        owner_title(x->owner));
		cc_report_json_string(out, x->entity);
		fputs(", \"figure\": ", out);
		cc_report_json_string(out, x->figure);
		fputs(", \"units\": ", out);
		cc_report_json_string(out, x->units);
		fprintf(out, ", \"direction\": \"%s\", \"n_base\": %zu, \"n_candidate\": %zu",
		        dirs[x->direction], x->d.n_base, x->d.n_cand);
		json_key(out, "base_mean", x->d.base_mean);
		json_key(out, "base_hw", x->d.base_hw);
		json_key(out, "candidate_mean", x->d.cand_mean);
		json_key(out, "candidate_hw", x->d.cand_hw);
		json_key(out, "difference", x->d.diff);
		json_key(out, "lo", x->d.lo);
		json_key(out, "hi", x->d.hi);
		json_key(out, "se", x->d.se);
		json_key(out, "df", x->d.df);
		json_key(out, "p", x->d.p);
		fprintf(out, ", \"worse\": %s, \"better\": %s, \"gate_failed\": %s}",
		        x->worse ? "true" : "false", x->better ? "true" : "false",
		        x->gate_failed ? "true" : "false");
	}
	fputs("],\n\"gates\": [", out);
	for (size_t i = 0; i < c->n_gates; i++) {
		int failed = 0;
		for (size_t t = 0; t < c->n_tests; t++)
			failed |= c->tests[t].gate == i && c->tests[t].failed;
		fprintf(out, "%s\n{\"expression\": ", i ? "," : "");
		cc_report_json_string(out, c->gates[i].text);
		fprintf(out, ", \"failed\": %s, \"tests\": [", failed ? "true" : "false");
		int first = 1;
		for (size_t t = 0; t < c->n_tests; t++) {
			const struct cc_gate_test *s = &c->tests[t];
			if (s->gate != i)
				continue;
			const struct cc_compare_row *x = &c->rows[s->row];
			fprintf(out, "%s{\"owner\": \"%s\", \"entity\": ", first ? "" : ", ",
			        owner_title(x->owner));
			first = 0;
			cc_report_json_string(out, x->entity);
			fputs(", \"figure\": ", out);
			cc_report_json_string(out, x->figure);
			json_key(out, "difference", x->d.diff);
			json_key(out, "threshold", s->threshold);
			json_key(out, "p", s->p);
			fprintf(out, ", \"failed\": %s}", s->failed ? "true" : "false");
		}
		fputs("]}", out);
	}
	fprintf(out, "],\n\"failed\": %s}\n", c->failed ? "true" : "false");
}

/* Markdown cell text: pipes escaped. */
static void md_cell(FILE *out, const char *s)
{
	fputs("| ", out);
	for (; *s; s++)
		fputs(*s == '|' ? "\\|" : (char[]){ *s, 0 }, out);
	fputc(' ', out);
}

static void print_markdown(FILE *out, const struct cc_comparison *c)
{
	fprintf(out, "### ccsim compare: %s\n\n", c->failed ? "a gate failed" : "no gate failed");
	fputs("Base `", out);
	fputs(c->base_path, out);
	fputs("`, candidate `", out);
	fputs(c->cand_path, out);
	fputs("`; ", out);
	mode_line(out, c);
	fprintf(out, "; %g %% intervals.\n\n", 100 * c->confidence);
	fputs("| owner | entity | figure | base | candidate | difference [interval] | p | |\n"
	      "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n", out);
	char a[32], b[32], d[32], e[32], f[32], g[32], h[32], p[32], cell[160];
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		if (all_zero(x) && !x->gate_failed)
			continue;
		md_cell(out, owner_title(x->owner));
		md_cell(out, x->entity);
		md_cell(out, x->figure);
		snprintf(cell, sizeof cell, "%s ± %s", num(a, 32, x->d.base_mean),
		         num(b, 32, x->d.base_hw));
		md_cell(out, cell);
		snprintf(cell, sizeof cell, "%s ± %s", num(d, 32, x->d.cand_mean),
		         num(e, 32, x->d.cand_hw));
		md_cell(out, cell);
		snprintf(cell, sizeof cell, "%s [%s, %s]", num(f, 32, x->d.diff), num(g, 32, x->d.lo),
		         num(h, 32, x->d.hi));
		md_cell(out, cell);
		md_cell(out, p_text(p, 32, x->d.p));
		snprintf(cell, sizeof cell, "%s", x->gate_failed ? "❌ gate" : x->worse ? "🔻 worse"
		                                  : x->better ? "✅ better" : "");
		md_cell(out, cell);
		fputs("|\n", out);
	}
	if (!c->n_gates)
		return;
	fputs("\n| gate | verdict |\n| --- | --- |\n", out);
	for (size_t i = 0; i < c->n_gates; i++) {
		int failed = 0;
		for (size_t t = 0; t < c->n_tests; t++)
			failed |= c->tests[t].gate == i && c->tests[t].failed;
		snprintf(cell, sizeof cell, "`%s`", c->gates[i].text);
		md_cell(out, cell);
		md_cell(out, failed ? "❌ failed" : "pass");
		fputs("|\n", out);
	}
}

void cc_compare_print(FILE *out, const struct cc_comparison *c, enum cc_compare_format fmt)
{
	if (fmt == CC_COMPARE_JSON)
		print_json(out, c);
	else if (fmt == CC_COMPARE_MARKDOWN)
		print_markdown(out, c);
	else
		print_text(out, c);
}
