/* What "ccsim sweep" shows on stdout: the figures --show chooses, one row per point, as a
 * table or as JSON. */
#include <math.h>
#include <string.h>

#include "models/command/sweep.h"
#include "models/output/compare.h"
#include "models/output/report.h"
#include "sim/alloc.h"
#include "sim/cli.h"

/* Owners whose figures --show may name, in the order a bare figure name is looked up (the
 * queue figures come before the channel ones of the same names). */
static const enum cc_figure_owner show_owners[] = { CC_FIG_QUEUE, CC_FIG_GROUP, CC_FIG_CHANNEL,
                                                    CC_FIG_STATUS, CC_FIG_GROUP_CHANNEL };

static void add_column(struct sweep_column **cols, size_t *n, size_t *cap,
                       const struct cc_layout *l, const struct cc_figure *f, size_t e)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*cols = cc_realloc(*cols, *cap, sizeof **cols);
	}
	struct sweep_column *c = &(*cols)[(*n)++];
	char label[128];
	c->figure = f;
	c->cell = l->offset[cc_layout_figure(l, f)] + e;
	snprintf(c->name, sizeof c->name, "%s.%s", cc_layout_label(l, f->owner, e, label, sizeof label),
	         f->name);
}

/* Adds the columns of one --show item, ITEM (LEN bytes); 0 when it names nothing. */
static int add_item(const char *item, size_t len, const struct cc_layout *l,
                    struct sweep_column **cols, size_t *n, size_t *cap)
{
	char text[256];
	if (len == 0 || len >= sizeof text)
		return 0;
	memcpy(text, item, len);
	text[len] = '\0';
	char *dot = strrchr(text, '.');
	const char *figure = dot ? dot + 1 : text;
	for (size_t o = 0; o < sizeof show_owners / sizeof show_owners[0]; o++) {
		enum cc_figure_owner owner = show_owners[o];
		const struct cc_figure *f = cc_figure_find(owner, figure);
		if (!f || l->entities[owner] == 0)
			continue;
		if (!dot) { /* every entity of the first owner that has the figure */
			for (size_t e = 0; e < l->entities[owner]; e++)
				add_column(cols, n, cap, l, f, e);
			return 1;
		}
		*dot = '\0';
		for (size_t e = 0; e < l->entities[owner]; e++) {
			char label[128];
			if (strcmp(cc_layout_label(l, owner, e, label, sizeof label), text) == 0) {
				add_column(cols, n, cap, l, f, e);
				return 1;
			}
		}
		*dot = '.';
	}
	return 0;
}

int cc_sweep_columns(const char *text, const struct cc_layout *layout, struct sweep_column **cols,
                     size_t *n)
{
	size_t cap = 0;
	*cols = NULL;
	*n = 0;
	if (!text)
		text = "service_level,asa_s,abandon_rate";
	for (const char *p = text;;) {
		size_t len = strcspn(p, ",");
		if (!add_item(p, len, layout, cols, n, &cap)) {
			cc_cli_error("sweep: --show: no figure '%.*s' in this scenario's results (figure names as in the results file, OWNER.FIGURE for one queue, group or channel)",
			             (int)len, p);
			cc_free(*cols);
			*cols = NULL;
			*n = 0;
			return -1;
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	return 0;
}

/* Point P's paired difference against the base point in column C. */
static struct cc_diff column_diff(const struct sweep_view *v, size_t p, size_t c)
{
	size_t reps = v->replications, cell = v->cols[c].cell;
	double *base = cc_calloc(reps, sizeof *base), *cand = cc_calloc(reps, sizeof *cand);
	for (size_t i = 0; i < reps; i++) {
		base[i] = v->totals[v->sw->base][i * v->cells + cell];
		cand[i] = v->totals[p][i * v->cells + cell];
	}
	struct cc_diff d;
	cc_compare_diff(base, reps, cand, reps, 1, CC_RUN_LEVEL, &d);
	cc_free(base);
	cc_free(cand);
	return d;
}

/* A cell of the table: a mean and half-width, or a difference and its interval. */
static void format_summary(char *buf, size_t len, struct cc_summary s)
{
	if (isnan(s.mean))
		snprintf(buf, len, "–");
	else if (isnan(s.half_width))
		snprintf(buf, len, "%.4g", s.mean);
	else
		snprintf(buf, len, "%.4g ± %.2g", s.mean, s.half_width);
}

static void format_diff(char *buf, size_t len, const struct cc_diff *d, int base)
{
	if (base)
		snprintf(buf, len, "base");
	else if (isnan(d->diff))
		snprintf(buf, len, "–");
	else if (isnan(d->lo))
		snprintf(buf, len, "%+.3g", d->diff);
	else
		snprintf(buf, len, "%+.3g [%+.3g, %+.3g]%s", d->diff, d->lo, d->hi,
		         d->p < 0.05 ? " *" : "");
}

/* Display width of UTF-8 text: its bytes that start a character. */
static size_t text_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void put_cell(FILE *out, const char *s, size_t width, int first)
{
	fprintf(out, "%s%s", first ? "" : "  ", s);
	for (size_t w = text_width(s); w < width; w++)
		fputc(' ', out);
}

enum { CELL_LEN = 256 };

void cc_sweep_print_table(FILE *out, const struct sweep_view *v)
{
	const struct cc_sweep_points *sw = v->sw;
	size_t n_text = 1 + sw->n_paths + v->n_cols + (v->n_cols > 0);
	size_t rows = sw->points + 1;
	char (*cell)[CELL_LEN] = cc_calloc(rows * n_text, CELL_LEN);
	snprintf(cell[0], CELL_LEN, "point");
	for (size_t i = 0; i < sw->n_paths; i++)
		snprintf(cell[1 + i], CELL_LEN, "%s", sw->paths[i]);
	for (size_t c = 0; c < v->n_cols; c++)
		snprintf(cell[1 + sw->n_paths + c], CELL_LEN, "%s", v->cols[c].name);
	if (v->n_cols)
		snprintf(cell[n_text - 1], CELL_LEN, "Δ %s", v->cols[0].name);
	for (size_t p = 0; p < sw->points; p++) {
		char (*row)[CELL_LEN] = cell + (p + 1) * n_text;
		snprintf(row[0], CELL_LEN, "%zu", p + 1);
		for (size_t i = 0; i < sw->n_paths; i++)
			snprintf(row[1 + i], CELL_LEN, "%s", sw->values[p * sw->n_paths + i]);
		for (size_t c = 0; c < v->n_cols; c++)
			format_summary(row[1 + sw->n_paths + c], CELL_LEN, v->summary[p * v->n_cols + c]);
		if (v->n_cols) {
			struct cc_diff d = column_diff(v, p, 0);
			format_diff(row[n_text - 1], CELL_LEN, &d, p == sw->base);
		}
	}
	size_t *width = cc_calloc(n_text, sizeof *width);
	for (size_t r = 0; r < rows; r++)
		for (size_t k = 0; k < n_text; k++)
			if (text_width(cell[r * n_text + k]) > width[k])
				width[k] = text_width(cell[r * n_text + k]);
	fprintf(out, "%s: sweep of %zu point%s, %zu replication%s each, seed %llu\n",
	        v->scenario_name, sw->points, sw->points == 1 ? "" : "s", v->replications,
	        v->replications == 1 ? "" : "s", v->seed);
	fprintf(out, "whole horizon after warm-up, mean ± 95 %% half-width across replications; Δ: paired difference against point %zu (%s), 95 %% interval, * where p < 0.05\n\n",
	        sw->base + 1, sw->labels[sw->base]);
	for (size_t r = 0; r < rows; r++) {
		for (size_t k = 0; k < n_text; k++)
			put_cell(out, cell[r * n_text + k], k + 1 < n_text ? width[k] : 0, k == 0);
		fputc('\n', out);
	}
	fprintf(out, "\nresults: %s\n", v->results_path);
	cc_free(width);
	cc_free(cell);
}

void cc_sweep_print_json(FILE *out, const struct sweep_view *v)
{
	const struct cc_sweep_points *sw = v->sw;
	fputs("{\"scenario\": ", out);
	cc_report_json_string(out, v->scenario_name);
	fputs(", \"results\": ", out);
	cc_report_json_string(out, v->results_path);
	fprintf(out, ", \"replications\": %zu, \"seed\": %llu, \"mode\": \"%s\", \"base\": %zu,\n",
	        v->replications, v->seed, sw->zip ? "zip" : "grid", sw->base + 1);
	fputs(" \"varied\": [", out);
	for (size_t i = 0; i < sw->n_paths; i++) {
		fputs(i ? ", " : "", out);
		cc_report_json_string(out, sw->paths[i]);
	}
	fputs("],\n \"points\": [", out);
	for (size_t p = 0; p < sw->points; p++) {
		fprintf(out, "%s\n  {\"point\": %zu, \"label\": ", p ? "," : "", p + 1);
		cc_report_json_string(out, sw->labels[p]);
		fputs(", \"settings\": {", out);
		for (size_t i = 0; i < sw->n_paths; i++) {
			fputs(i ? ", " : "", out);
			cc_report_json_string(out, sw->paths[i]);
			fputs(": ", out);
			cc_report_json_string(out, sw->values[p * sw->n_paths + i]);
		}
		fputs("},\n   \"figures\": {", out);
		for (size_t c = 0; c < v->n_cols; c++) {
			struct cc_summary s = v->summary[p * v->n_cols + c];
			struct cc_diff d = column_diff(v, p, c);
			fputs(c ? ",\n     " : "", out);
			cc_report_json_string(out, v->cols[c].name);
			const char *const keys[] = { "mean", "ci95", "diff", "diff_lo", "diff_hi", "diff_p" };
			const double values[] = { s.mean, s.half_width, d.diff, d.lo, d.hi, d.p };
			for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
				fprintf(out, "%s\"%s\": ", k ? ", " : ": {", keys[k]);
				cc_report_json_number(out, values[k]);
			}
			fputs("}", out);
		}
		fputs("}}", out);
	}
	fputs("\n ]}\n", out);
}
