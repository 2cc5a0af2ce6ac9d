#ifndef CC_AMOUNT_H
#define CC_AMOUNT_H

#include <stddef.h>

#include "models/figures/metrics.h"
#include "sim/status.h"

/*
 * Naming figures and amounts of them on the command line, the same way wherever it is done:
 * the gates of `ccsim compare --fail-if` and the targets of `--precision`.
 *
 * A figure reference is "[OWNER.]FIGURE": OWNER a queue, group or channel name, "any" (every
 * queue), or absent (every queue, group and channel that has FIGURE). The figure is what
 * follows the last dot: figure names have none, entity names may.
 *
 * An amount is a magnitude with its kind: "1pt" (points: 0.01 of a share), "5%" (percent of
 * a mean), a duration ("5s", "1m30s": for figures in seconds) or a bare number (the figure's
 * own units).
 */

struct cc_figure_ref {
	char owner[128];  /* "" for every entity, "any" for every queue */
	char figure[64];
};

/* Parses [BEGIN, END) (surrounding blanks ignored) into *REF. On failure returns
 * CC_ERR_USAGE with *WHY saying what is wrong. */
enum cc_status cc_figure_ref_parse(const char *begin, const char *end, struct cc_figure_ref *ref,
                                   const char **why);

/* Whether REF covers figure FIGURE of entity ENTITY, owned by OWNER (queue, group or
 * channel). */
int cc_figure_ref_covers(const struct cc_figure_ref *ref, enum cc_figure_owner owner,
                         const char *entity, const char *figure);

enum cc_amount_kind { CC_AMOUNT_UNITS, CC_AMOUNT_POINTS, CC_AMOUNT_PERCENT, CC_AMOUNT_SECONDS };

struct cc_amount {
	double value;     /* >= 0, in the kind's units (seconds for CC_AMOUNT_SECONDS) */
	enum cc_amount_kind kind;
};

/* Parses TEXT, an unsigned amount (surrounding blanks ignored), into *A. NOUN names the
 * amount in messages ("margin", "target"). On failure returns CC_ERR_USAGE with WHY[LEN]
 * saying what is wrong. */
enum cc_status cc_amount_parse(const char *text, const char *noun, struct cc_amount *a,
                               char *why, size_t len);

/* A in the units of a figure whose units are UNITS and whose mean is MEAN (for percents).
 * NaN, with WHY[LEN] saying why, when the figure cannot take it: points on a figure in
 * seconds, a duration on one that is not. NOUN as for cc_amount_parse. */
double cc_amount_in_units(const struct cc_amount *a, const char *noun, const char *figure,
                          const char *units, double mean, char *why, size_t len);

#endif
