#ifndef CC_PRECISION_H
#define CC_PRECISION_H

#include <stddef.h>

#include "models/figures/amount.h"
#include "models/run/run.h"

/*
 * Running to a precision (--precision): replications in batches until the 95 % half-width of
 * every named figure over the whole horizon is at or below its target.
 *
 * A target is "[OWNER.]FIGURE=AMOUNT" (a figure reference and an amount as in
 * models/figures/amount.h): e.g. "sales.service_level=0.5pt", "asa_s=2s",
 * "any.abandon_rate=10%" (a percent is of the figure's mean). It covers every queue, group or
 * channel its reference does. A cell whose values are all undefined (ASA where nothing was
 * answered) has nothing to estimate and counts as met.
 *
 * Batches. The first is the caller's (the scenario's replication count); after each, the
 * half-widths are checked, and when a target is missed the next total is the count that would
 * meet the farthest one at the variances seen, n (h / target)^2 rounded up, at least one more
 * replication, at most CC_PRECISION_GROWTH times as many, and never beyond the maximum. The
 * decision depends only on the replications' values, and these only on the seed: the same
 * replications run whatever the thread count, and the results are identical.
 *
 * Stopping when an estimated half-width first meets its target makes the interval's coverage
 * slightly below its nominal level (the variance is estimated from the same values that
 * decide the stop); the larger the first batch, the smaller the effect.
 */

#define CC_PRECISION_GROWTH 4
/* The most replications a run to a precision takes unless told (--max-replications), or its
 * first batch when that is more. */
#define CC_PRECISION_MAX_REPLICATIONS 1000

struct cc_precision_target {
	const char *text;   /* as given (not copied) */
	struct cc_figure_ref ref;
	struct cc_amount amount;
};

/* Parses TEXT, "[OWNER.]FIGURE=AMOUNT", into *T; CC_ERR_USAGE with "--precision 'TEXT':
 * what is wrong" in ERR otherwise. */
enum cc_status cc_precision_parse(const char *text, struct cc_precision_target *t, char *err,
                                  size_t errlen);

/* One cell a target covers: a figure of one entity. */
struct cc_precision_cell {
	size_t target;                 /* index in the targets */
	const struct cc_figure *figure;
	size_t index;                  /* the figure's entity index (cc_run_summary's INDEX) */
	char entity[128];              /* its name (cc_layout_label) */
	double mean, half_width;       /* at the last check */
	double goal;                   /* the target in the figure's units (NaN: not yet known) */
};

struct cc_precision {
	const struct cc_precision_target *targets;  /* the caller's */
	size_t n_targets;
	struct cc_precision_cell *cells;
	size_t n_cells;
	size_t max;                    /* the most replications to run */
	size_t checks;                 /* how many checks were made */
	size_t worst;                  /* the cell farthest from its target at the last check */
	double worst_ratio;            /* its half-width over its target (0 when all are known
	                                  to be met, infinite when one cannot be estimated) */
	int met;                       /* every target was met at the last check */
};

/* Binds TARGETS[N] to the queue, group and channel figures of LAYOUT's scenario,
 * up to MAX replications. CC_ERR_USAGE, with ERR saying why, when a target names no figure or
 * entity of SCN, or an amount its figure cannot take. Free with cc_precision_fini. */
enum cc_status cc_precision_bind(struct cc_precision *p, const struct cc_precision_target *targets,
                                 size_t n, const struct cc_layout *layout, size_t max,
                                 char *err, size_t errlen);
void cc_precision_fini(struct cc_precision *p);

/* After N replications, with each bound cell's MEAN and HALF_WIDTH set: whether every target
 * is met (P->met, P->worst) and the total the run should reach next (N when met or at the
 * maximum). */
size_t cc_precision_next(struct cc_precision *p, size_t n);

/* Sets each bound cell's mean and half-width from RUN's totals, then as cc_precision_next. */
size_t cc_precision_check_run(struct cc_precision *p, const struct cc_run *run);

/* One line on where the run stands: "sales service_level ±0.48pt (target 0.5pt)" of the
 * worst cell, for progress and summaries. */
void cc_precision_describe(const struct cc_precision *p, char *buf, size_t len);

/* Without a precision asked: whether some queue's service level over the whole horizon cannot
 * be told from its target (the target inside the 95 % interval), and if so, into BUF, a
 * hint of three lines (split by newlines) naming it and the --precision that would tell, with
 * about how many replications that takes at the variance seen. */
int cc_precision_hint(const struct cc_run *run, char *buf, size_t len);

#endif
