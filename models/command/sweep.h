#ifndef CC_CMD_SWEEP_H
#define CC_CMD_SWEEP_H

#include <stddef.h>
#include <stdio.h>

#include "models/command/command.h"
#include "models/figures/metrics.h"
#include "models/output/results.h"
#include "sim/stats.h"

/*
 * The parts of "ccsim sweep" (shared by its files and by nothing else): the points, the
 * figures --show chooses, and what the terminal shows of them.
 */

/* The command line of a sweep. */
struct sweep_args {
	struct scenario_args sa;
	const char **vary;
	size_t n_vary;
	int zip, json, quiet;
	long long reps, seed, threads;
	const char *output, *base, *show;
	struct cc_precision_target *targets;  /* --precision, each point's own half-widths */
	size_t n_targets;
	long long max_reps;                   /* --max-replications, or -1 */
};

/* One --vary: its path and values, split out of the option's text. */
struct varied {
	char *path;
	char **values;
	size_t n;
};

/* Splits TEXT ("PATH=V1,V2,...") into V: commas inside brackets, parentheses, braces or quotes
 * do not split. Returns 0, or prints why not and returns -1. cc_sweep_varied_fini frees V. */
int cc_sweep_parse_vary(const char *text, struct varied *v);
void cc_sweep_varied_fini(struct varied *v);

/* The points of the sweep: every combination of the N varied values V (the first slowest),
 * or with ZIP the values taken together (equal lengths). Fills SW's points, paths and values
 * (pointers into V) and labels (allocated; cc_sweep_points_fini frees them and
 * SW->overrides). Returns 0, or prints why not and returns -1. */
int cc_sweep_make_points(struct varied *v, size_t n, int zip, struct cc_sweep_points *sw);
void cc_sweep_points_fini(struct cc_sweep_points *sw);

/* Loads every point into SCNS[sw->points] with A's shared settings, replications and seed
 * (each warning printed once, contact records and agent events turned off with a note),
 * refusing a point that changes what the file is laid out by. Returns 0, or the exit code
 * (printed) with nothing left loaded. */
int cc_sweep_load_points(const struct sweep_args *a, const struct cc_sweep_points *sw,
                         struct cc_scenario *scns);

/* The point --base TEXT names (NULL: the first): its number from 1 or its label, into
 * *BASE (from 0). Returns 0, or prints why not and returns -1. */
int cc_sweep_find_base(const char *text, const struct cc_sweep_points *sw, size_t *base);

/* A figure of one entity that --show chose: where it sits in a row of cells, and its name
 * as the table heads it ("support.service_level"). */
struct sweep_column {
	const struct cc_figure *figure;
	size_t cell;
	char name[192];
};

/* What the terminal shows of a sweep, filled as its points are written. */
struct sweep_view {
	const struct cc_sweep_points *sw;
	const char *scenario_name, *results_path;
	size_t replications;
	unsigned long long seed;
	struct sweep_column *cols;
	size_t n_cols;
	struct cc_summary *summary; /* [points * n_cols]: each point's mean and half-width */
	const double *const *totals;/* [points]: each point's totals, [replications * cells] */
	size_t cells;
};

/*
 * Parses --show TEXT ("service_level,rona_rate,asa_s"; OWNER.FIGURE names one entity; NULL
 * gives service_level, asa_s and abandon_rate of every queue) into *COLS (freed with
 * cc_free) for a file laid out as LAYOUT. Returns 0, or prints why not and returns -1.
 */
int cc_sweep_columns(const char *text, const struct cc_layout *layout, struct sweep_column **cols,
                     size_t *n);

/* One row per point: the settings, each shown figure's mean and half-width, and the paired
 * difference of the first against the base point; or the same as JSON. */
void cc_sweep_print_table(FILE *out, const struct sweep_view *v);
void cc_sweep_print_json(FILE *out, const struct sweep_view *v);

#endif
