#include "models/run/precision.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/alloc.h"

enum cc_status cc_precision_parse(const char *text, struct cc_precision_target *t, char *err,
                                  size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->text = text;
	const char *eq = strchr(text, '=');
	const char *why = NULL;
	char reason[256];
	if (!eq)
		why = "write [OWNER.]FIGURE=HALF-WIDTH, e.g. sales.service_level=0.5pt or asa_s=2s";
	else if (cc_figure_ref_parse(text, eq, &t->ref, &why) == CC_OK &&
	         cc_amount_parse(eq + 1, "target", &t->amount, reason, sizeof reason) != CC_OK)
		why = reason;
	if (why) {
		snprintf(err, errlen, "--precision '%s': %s", text, why);
		return CC_ERR_USAGE;
	}
	if (t->amount.value <= 0) {
		snprintf(err, errlen, "--precision '%s': a half-width of 0 is never reached", text);
		return CC_ERR_USAGE;
	}
	return CC_OK;
}

enum cc_status cc_precision_bind(struct cc_precision *p, const struct cc_precision_target *targets,
                                 size_t n, const struct cc_layout *layout, size_t max,
                                 char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->targets = targets;
	p->n_targets = n;
	p->max = max;
	static const enum cc_figure_owner owners[] = { CC_FIG_QUEUE, CC_FIG_GROUP, CC_FIG_CHANNEL };
	size_t cap = 0;
	for (size_t t = 0; t < n; t++) {
		const struct cc_figure_ref *ref = &targets[t].ref;
		size_t covered = 0;
		int known = 0;
		for (size_t o = 0; o < sizeof owners / sizeof owners[0]; o++) {
			const struct cc_figure *f = cc_figure_find(owners[o], ref->figure);
			if (!f)
				continue;
			known = 1;
			for (size_t e = 0; e < layout->entities[owners[o]]; e++) {
				char name[sizeof p->cells->entity];
				cc_layout_label(layout, owners[o], e, name, sizeof name);
				if (!cc_figure_ref_covers(ref, owners[o], name, ref->figure))
					continue;
				if (p->n_cells == cap) {
					cap = cap ? 2 * cap : 8;
					p->cells = cc_realloc(p->cells, cap, sizeof *p->cells);
				}
				p->cells[p->n_cells] = (struct cc_precision_cell){
					.target = t, .figure = f, .index = cc_layout_index(layout, owners[o], e),
					.mean = NAN, .half_width = NAN, .goal = NAN,
				};
				memcpy(p->cells[p->n_cells++].entity, name, sizeof name);
				covered++;
			}
			char why[256];
			if (covered && isnan(cc_amount_in_units(&targets[t].amount, "target", f->name,
			                                        f->units, 1, why, sizeof why))) {
				snprintf(err, errlen, "--precision '%s': %s", targets[t].text, why);
				cc_precision_fini(p);
				return CC_ERR_USAGE;
			}
		}
		if (!covered) {
			if (!known)
				snprintf(err, errlen, "--precision '%s': no queue, group or channel figure "
				         "named '%s'", targets[t].text, ref->figure);
			else
				snprintf(err, errlen, "--precision '%s': no queue, group or channel named "
				         "'%s' has %s", targets[t].text, ref->owner, ref->figure);
			cc_precision_fini(p);
			return CC_ERR_USAGE;
		}
	}
	return CC_OK;
}

void cc_precision_fini(struct cc_precision *p)
{
	cc_free(p->cells);
	p->cells = NULL;
	p->n_cells = 0;
}

size_t cc_precision_next(struct cc_precision *p, size_t n)
{
	double worst = 0;
	p->checks++;
	p->met = 1;
	p->worst = 0;
	for (size_t i = 0; i < p->n_cells; i++) {
		struct cc_precision_cell *c = &p->cells[i];
		char why[256];
		c->goal = cc_amount_in_units(&p->targets[c->target].amount, "target", c->figure->name,
		                             c->figure->units, c->mean, why, sizeof why);
		double ratio;
		if (isnan(c->mean))
			ratio = 0;         /* no values: nothing to estimate */
		else if (isnan(c->half_width))
			ratio = INFINITY;  /* fewer than two values */
		else if (c->half_width == 0)
			ratio = 0;
		else
			ratio = c->goal > 0 ? c->half_width / c->goal : INFINITY;
		if (ratio > 1)
			p->met = 0;
		if (ratio > worst || i == 0) {
			worst = ratio;
			p->worst = i;
		}
	}
	p->worst_ratio = worst;
	if (p->met || n >= p->max)
		return n;
	double want = isfinite(worst) ? ceil((double)n * worst * worst) : (double)n * CC_PRECISION_GROWTH;
	double most = (double)n * CC_PRECISION_GROWTH;
	if (want > most)
		want = most;
	if (want < (double)n + 1)
		want = (double)n + 1;
	if (want > (double)p->max)
		want = (double)p->max;
	return (size_t)want;
}

size_t cc_precision_check_run(struct cc_precision *p, const struct cc_run *run)
{
	for (size_t i = 0; i < p->n_cells; i++) {
		struct cc_precision_cell *c = &p->cells[i];
		struct cc_summary s = cc_run_summary(run, c->figure, run->grid.count, c->index,
		                                     CC_RUN_LEVEL);
		c->mean = s.mean;
		c->half_width = s.half_width;
	}
	return cc_precision_next(p, run->replications);
}

/* X, a half-width or a target in the figure's units, written as AMOUNT is ("0.48pt"). */
static void amount_text(const struct cc_amount *a, double x, double mean, char *buf, size_t len)
{
	if (isnan(x))
		snprintf(buf, len, "unknown");
	else if (a->kind == CC_AMOUNT_POINTS)
		snprintf(buf, len, "%.3gpt", x * 100);
	else if (a->kind == CC_AMOUNT_PERCENT)
		snprintf(buf, len, "%.3g%%", mean != 0 ? 100 * x / fabs(mean) : INFINITY);
	else if (a->kind == CC_AMOUNT_SECONDS)
		snprintf(buf, len, "%.3gs", x);
	else
		snprintf(buf, len, "%.3g", x);
}

void cc_precision_describe(const struct cc_precision *p, char *buf, size_t len)
{
	if (!p->n_cells) {
		snprintf(buf, len, "no target");
		return;
	}
	const struct cc_precision_cell *c = &p->cells[p->worst];
	const struct cc_amount *a = &p->targets[c->target].amount;
	char hw[32], goal[32];
	amount_text(a, c->half_width, c->mean, hw, sizeof hw);
	amount_text(a, c->goal, c->mean, goal, sizeof goal);
	snprintf(buf, len, "%s %s ±%s (target %s)", c->entity, c->figure->name, hw, goal);
}

/* X rounded down to one significant digit ("nice" targets: 0.3, 2, 0.05). */
static double round_down_nicely(double x)
{
	/* The nudge keeps 0.3 from reading as 0.2999... and rounding down to 0.2. */
	double scale = pow(10, floor(log10(x) + 1e-9));
	return floor(x / scale * (1 + 1e-9)) * scale;
}

int cc_precision_hint(const struct cc_run *run, char *buf, size_t len)
{
	const struct cc_scenario *scn = run->scn;
	const struct cc_figure *sl = cc_figure_find(CC_FIG_QUEUE, "service_level");
	size_t undecided = 0, pick = 0;
	double pick_gap = INFINITY;
	struct cc_summary pick_s = { 0 };
	for (size_t q = 0; sl && q < scn->n_queues; q++) {
		struct cc_summary s = cc_run_summary(run, sl, run->grid.count, q, CC_RUN_LEVEL);
		double gap = fabs(s.mean - scn->queues[q].sl_target);
		if (!(s.half_width > gap))
			continue;
		undecided++;
		if (gap < pick_gap) {
			pick_gap = gap;
			pick = q;
			pick_s = s;
		}
	}
	if (!undecided)
		return 0;
	const struct cc_queue_cfg *qc = &scn->queues[pick];
	char others[96] = "";
	if (undecided > 1)
		snprintf(others, sizeof others, " (nor can %zu other queue%s)", undecided - 1,
		         undecided == 2 ? "'s" : "s'");
	/* The half-width that would tell them apart: clearly below the gap (four fifths of it,
	 * rounded down to one digit), a tenth of a point at least. */
	double goal = pick_gap >= 0.002 ? round_down_nicely(0.8 * pick_gap) : 0.001;
	double reps = ceil((double)run->replications * pow(pick_s.half_width / goal, 2));
	char how[128];
	if (reps > 100000)
		snprintf(how, sizeof how, "more than 100,000 replications: the mean sits on the target");
	else if (reps > CC_PRECISION_MAX_REPLICATIONS)
		snprintf(how, sizeof how, "about %.0f replications, with --max-replications %.0f", reps,
		         ceil(reps * 1.2 / 100) * 100);
	else
		snprintf(how, sizeof how, "about %.0f replications", reps);
	snprintf(buf, len, "hint: %s service level %.1f %% ± %.1f cannot be told from its %g %% "
	         "target%s;\n  to decide, run to a precision: --precision '%s.service_level=%gpt'\n"
	         "  (%s)", qc->label, 100 * pick_s.mean, 100 * pick_s.half_width, 100 * qc->sl_target,
	         others, undecided > 1 ? "any" : qc->label, 100 * goal, how);
	return 1;
}
