#ifndef CC_COMPARE_H
#define CC_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "models/figures/amount.h"
#include "models/figures/metrics.h"
#include "sim/status.h"

/*
 * Comparing two results files of `ccsim run`, figure by figure over the whole horizon, from
 * the per-replication totals each file keeps (/replications/totals/<owner>), and gating on
 * regressions for CI. On request also interval by interval, from the per-replication
 * interval values (/replications/intervals/<owner>) that files written with
 * output.replications = "intervals" keep; gates test the whole-horizon rows only.
 *
 * Statistics. The difference is candidate - base. When the two files share the scenario
 * text, the seed and the replication count, replication i of both saw the same contacts
 * (common random numbers): the difference is then PAIRED, a Student-t interval on the n
 * per-replication differences (n - 1 degrees of freedom). Otherwise the two samples are
 * independent and the difference is WELCH's: standard error sqrt(s_b^2/n_b + s_c^2/n_c),
 * Welch-Satterthwaite degrees of freedom. Undefined values (NaN: ASA with nothing answered)
 * are left out, paired values by the pair. Every p-value comes from GSL's t distribution.
 * With zero standard error (identical or constant values), a difference is certain: p is 0
 * when it is nonzero (or beyond a gate's margin), 1 when not.
 */

/* A difference of means between two samples. */
struct cc_diff {
	int paired;
	size_t n_base, n_cand;            /* values used (paired: pairs with both defined) */
	double base_mean, base_hw;        /* mean and half-width of its interval */
	double cand_mean, cand_hw;
	double diff;                      /* cand_mean - base_mean (paired: mean of differences) */
	double se, df;                    /* its standard error and degrees of freedom (NaN: < 2) */
	double lo, hi;                    /* its confidence interval (NaN when se is) */
	double p;                         /* two-sided p-value of "no difference" (NaN when se is) */
};

/* The difference of CAND[N_CAND] and BASE[N_BASE] at CONFIDENCE (0.95 for 95 %), paired
 * (N_BASE = N_CAND, value i with value i) or Welch. */
void cc_compare_diff(const double *base, size_t n_base, const double *cand, size_t n_cand,
                     int paired, double confidence, struct cc_diff *out);

/* One-sided p-value of H0 "the difference does not pass THRESHOLD" against "it does": passes
 * below THRESHOLD when BELOW, above it otherwise. 0 or 1 with zero standard error; NaN when
 * there is no standard error (fewer than two values). */
double cc_compare_p_beyond(const struct cc_diff *d, double threshold, int below);

/* Holm's step-down procedure over P[N] at level ALPHA: REJECT[i] = 1 for the hypotheses it
 * rejects. NaN p-values are never rejected (and count as tests). */
void cc_compare_holm(const double *p, size_t n, double alpha, int *reject);

/*
 * A gate, "OWNER.FIGURE OP MARGIN": the figure reference and the margin as
 * models/figures/amount.h reads them; OP '<' (the candidate falls below base by more than the
 * margin) or '>' (rises above it by more). A sign on the margin must agree with OP ("< -1pt",
 * "> +5%"); a percent is of the base mean.
 */
struct cc_gate {
	const char *text;  /* the expression as given (not copied) */
	struct cc_figure_ref ref;
	int below;         /* 1 for '<', 0 for '>' */
	struct cc_amount margin;
};

/* Parses TEXT into *G; CC_ERR_USAGE with "TEXT: what is wrong" in ERR otherwise. */
enum cc_status cc_gate_parse(const char *text, struct cc_gate *g, char *err, size_t errlen);

/* One figure of one entity in both files. */
struct cc_compare_row {
	enum cc_figure_owner owner;       /* CC_FIG_QUEUE, CC_FIG_GROUP or CC_FIG_CHANNEL */
	char *entity, *figure, *units;
	enum cc_direction direction;
	struct cc_diff d;
	int worse, better;                /* significant at 1 - confidence, by the direction */
	int gate_failed;                  /* always 0 in a per-interval row */
	size_t interval;                  /* per-interval rows: the index into the intervals */
};

/* One interval of the grid both files share. */
struct cc_compare_interval {
	double start_s;                   /* seconds from the start of the run */
	char *label;                      /* the file's clock label ("07:30", "1h30m"), or the
	                                     start in seconds ("5400s") when it has none */
};

/* One test of a gate: one entity it covers. */
struct cc_gate_test {
	size_t gate, row;
	double threshold;                 /* on the difference, in the figure's units */
	double p;                         /* one-sided, before Holm */
	int failed;                       /* rejected by Holm at alpha */
};

struct cc_comparison {
	int paired;
	double confidence, alpha;
	const char *base_path, *cand_path; /* as given (not copied) */
	char *base_overrides, *cand_overrides;
	size_t base_reps, cand_reps;
	struct cc_compare_row *rows;      /* owner by owner, entity by entity, figures in order */
	size_t n_rows;
	int per_interval;                 /* compared per interval too */
	struct cc_compare_interval *intervals; /* the shared grid, with per_interval */
	size_t n_intervals;
	struct cc_compare_row *interval_rows; /* owner by owner, entity by entity, figure by figure
	                                         in order, then interval by interval */
	size_t n_interval_rows;
	const struct cc_gate *gates;      /* the caller's */
	size_t n_gates;
	struct cc_gate_test *tests;
	size_t n_tests;
	int failed;                       /* a gate failed */
};

/*
 * Reads BASE and CAND and compares every queue, group and channel figure at CONFIDENCE over
 * the whole horizon, and with INTERVALS also in every interval (the same test, paired or
 * Welch as the horizon rows are). CC_ERR_IO when a file cannot be read; CC_ERR_USAGE when the
 * files cannot be compared (their queues, groups, channels or figures differ, or with
 * INTERVALS a file holds no per-interval values or the two interval grids differ: ERR names
 * what). *OUT is the caller's, freed with cc_comparison_destroy.
 */
enum cc_status cc_compare_files(const char *base, const char *cand, double confidence,
                                int intervals, struct cc_comparison **out, char *err,
                                size_t errlen);

/* Tests GATES[N] (kept by C) at ALPHA, Holm-corrected across every test; sets C->failed.
 * CC_ERR_USAGE when a gate names an entity or figure the files lack, or a margin its figure
 * cannot take (points on a figure in seconds...). */
enum cc_status cc_compare_gates(struct cc_comparison *c, const struct cc_gate *gates, size_t n,
                                double alpha, char *err, size_t errlen);

void cc_comparison_destroy(struct cc_comparison *c); /* accepts NULL */

/* How tables and JSON name owner O: "queues", "agent groups" or "channels". */
const char *cc_compare_owner_title(enum cc_figure_owner o);

/* The comparison as a table per owner, the per-interval tables and the gates' verdicts
 * (text), as JSON (per-interval rows in "intervals"), or as a Markdown table for a
 * pull-request comment (per-interval rows folded in a <details> section). */
enum cc_compare_format { CC_COMPARE_TEXT, CC_COMPARE_JSON, CC_COMPARE_MARKDOWN };
void cc_compare_print(FILE *out, const struct cc_comparison *c, enum cc_compare_format fmt);

#endif
