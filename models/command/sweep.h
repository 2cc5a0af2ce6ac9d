#ifndef CC_CMD_SWEEP_H
#define CC_CMD_SWEEP_H

#include <stddef.h>
#include <stdio.h>

#include "models/figures/metrics.h"
#include "models/output/results.h"
#include "sim/stats.h"

/*
 * The parts of "ccsim sweep" (shared by its files and by nothing else): the points, the
 * figures --show chooses, and what the terminal shows of them.
 */

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
