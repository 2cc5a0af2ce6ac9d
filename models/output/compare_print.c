/* Printing a comparison: text tables, JSON and Markdown, over the whole horizon and per
 * interval. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/output/compare.h"
#include "models/output/report.h"
#include "sim/macros.h"

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

/* The cells of row X in a table: "mean ± half-width" of each side (with HW; the mean alone
 * otherwise), "difference [lo, hi]" and the p-value. */
struct cells {
	char base[96], cand[96], diff[128], p[32];
};

static void row_cells(const struct cc_compare_row *x, int hw, struct cells *t)
{
	char a[32], b[32], d[32];
	if (hw) {
		snprintf(t->base, sizeof t->base, "%s ± %s", num(a, 32, x->d.base_mean),
		         num(b, 32, x->d.base_hw));
		snprintf(t->cand, sizeof t->cand, "%s ± %s", num(a, 32, x->d.cand_mean),
		         num(b, 32, x->d.cand_hw));
	} else {
		snprintf(t->base, sizeof t->base, "%s", num(a, 32, x->d.base_mean));
		snprintf(t->cand, sizeof t->cand, "%s", num(a, 32, x->d.cand_mean));
	}
	snprintf(t->diff, sizeof t->diff, "%s [%s, %s]", num(a, 32, x->d.diff), num(b, 32, x->d.lo),
	         num(d, 32, x->d.hi));
	snprintf(t->p, sizeof t->p, "%s", p_text(a, 32, x->d.p));
}

/* How many per-interval rows are worse (WORSE) or better (not WORSE). */
static size_t count_marked(const struct cc_comparison *c, int worse)
{
	size_t n = 0;
	for (size_t r = 0; r < c->n_interval_rows; r++)
		n += worse ? c->interval_rows[r].worse : c->interval_rows[r].better;
	return n;
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

/* The per-interval rows as a table per owner: entity, figure, then interval by interval,
 * each side's mean only (its half-width is in the JSON). */
static void print_interval_text(FILE *out, const struct cc_comparison *c)
{
	int width = 8;
	for (size_t i = 0; i < c->n_intervals; i++)
		if ((int)strlen(c->intervals[i].label) > width)
			width = (int)strlen(c->intervals[i].label);
	fprintf(out, "\nper interval (%zu intervals): the same test in each, figures zero in both "
	        "files left out; %zu rows worse, %zu better; gates test the whole horizon only\n",
	        c->n_intervals, count_marked(c, 1), count_marked(c, 0));
	struct cells t;
	int owner = -1;
	for (size_t r = 0; r < c->n_interval_rows; r++) {
		const struct cc_compare_row *x = &c->interval_rows[r];
		if (all_zero(x))
			continue;
		if ((int)x->owner != owner) {
			owner = (int)x->owner;
			fprintf(out, "\n%s per interval\n", cc_compare_owner_title(x->owner));
			fprintf(out, "  %-14s %-34s %-*s %10s %10s %32s %8s\n", "entity", "figure",
			        width, "interval", "base", "candidate", "difference [interval]", "p");
		}
		row_cells(x, 0, &t);
		fprintf(out, "  %-14s %-34s %-*s %10s %10s %32s %8s  %s\n", x->entity, x->figure,
		        width, c->intervals[x->interval].label, t.base, t.cand, t.diff, t.p, mark(x));
	}
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
	char a[32], b[32], p[32];
	struct cells cells;
	int owner = -1;
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		if (all_zero(x) && !x->gate_failed)
			continue;
		if ((int)x->owner != owner) {
			owner = (int)x->owner;
			fprintf(out, "\n%s\n", cc_compare_owner_title(x->owner));
			fprintf(out, "  %-14s %-34s %22s %22s %32s %8s\n", "entity", "figure",
			        "base", "candidate", "difference [interval]", "p");
		}
		row_cells(x, 1, &cells);
		/* "±" is two bytes and one column: pad by one more. */
		fprintf(out, "  %-14s %-34s %23s %23s %32s %8s  %s\n", x->entity, x->figure, cells.base,
		        cells.cand, cells.diff, cells.p, mark(x));
	}
	if (c->per_interval)
		print_interval_text(out, c);
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

/* The fields of row X after an opening brace, and the closing brace. */
static void json_row(FILE *out, const struct cc_compare_row *x)
{
	static const char *const dirs[] = { "none", "up_is_good", "up_is_bad" };
	fprintf(out, "\"owner\": \"%s\", \"entity\": ", cc_compare_owner_title(x->owner));
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

static void print_json(FILE *out, const struct cc_comparison *c)
{
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
		fputs(r ? ",\n{" : "\n{", out);
		json_row(out, &c->rows[r]);
	}
	if (c->per_interval) {
		fputs("],\n\"intervals\": [", out);
		for (size_t r = 0; r < c->n_interval_rows; r++) {
			const struct cc_compare_row *x = &c->interval_rows[r];
			const struct cc_compare_interval *iv = &c->intervals[x->interval];
			fprintf(out, "%s\n{\"interval\": %zu", r ? "," : "", x->interval);
			json_key(out, "start_s", iv->start_s);
			fputs(", \"clock\": ", out);
			cc_report_json_string(out, iv->label);
			fputs(", ", out);
			json_row(out, x);
		}
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
			        cc_compare_owner_title(x->owner));
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

/* Row X of a Markdown table, with an interval column when LABEL is given, each side's
 * half-width with HW. */
static void md_row(FILE *out, const struct cc_compare_row *x, const char *label, int hw)
{
	struct cells t;
	row_cells(x, hw, &t);
	md_cell(out, cc_compare_owner_title(x->owner));
	md_cell(out, x->entity);
	md_cell(out, x->figure);
	if (label)
		md_cell(out, label);
	md_cell(out, t.base);
	md_cell(out, t.cand);
	md_cell(out, t.diff);
	md_cell(out, t.p);
	md_cell(out, x->gate_failed ? "❌ gate" : x->worse ? "🔻 worse" : x->better ? "✅ better"
	                                                                          : "");
	fputs("|\n", out);
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
	char cell[160];
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		if (!all_zero(x) || x->gate_failed)
			md_row(out, x, NULL, 1);
	}
	if (c->n_gates)
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
	if (!c->per_interval)
		return;
	/* Folded, so that a pull-request comment stays short. */
	fprintf(out, "\n<details><summary>Per interval (%zu intervals): %zu rows worse, %zu better; "
	        "gates test the whole horizon only</summary>\n\n", c->n_intervals,
	        count_marked(c, 1), count_marked(c, 0));
	fputs("| owner | entity | figure | interval | base | candidate | difference [interval] | p "
	      "| |\n| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n", out);
	for (size_t r = 0; r < c->n_interval_rows; r++) {
		const struct cc_compare_row *x = &c->interval_rows[r];
		if (!all_zero(x))
			md_row(out, x, c->intervals[x->interval].label, 0);
	}
	fputs("\n</details>\n", out);
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
