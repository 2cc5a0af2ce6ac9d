/* The staffing search: targets bound to figures, the Erlang start, and the raise and lower
 * steps judged by simulation (the method is described with the interface). */
#include "models/staff/staff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/erlang.h"
#include "models/output/compare.h"
#include "models/output/clock.h"
#include "sim/alloc.h"

enum cc_status cc_staff_target_parse(const char *text, struct cc_staff_target *t, char *why,
                                     size_t len)
{
	memset(t, 0, sizeof *t);
	snprintf(t->text, sizeof t->text, "%s", text);
	const char *op = strstr(text, ">=");
	t->at_least = op != NULL;
	if (!op)
		op = strstr(text, "<=");
	if (!op) {
		snprintf(why, len, "target '%s': write [OWNER.]FIGURE>=VALUE or <=VALUE, e.g. "
		         "'sales.service_level>=0.80'", text);
		return CC_ERR_USAGE;
	}
	const char *bad;
	if (cc_figure_ref_parse(text, op, &t->ref, &bad)) {
		snprintf(why, len, "target '%s': %s", text, bad);
		return CC_ERR_USAGE;
	}
	char *end;
	t->value = strtod(op + 2, &end);
	while (*end == ' ')
		end++;
	if (end == op + 2 || *end || !isfinite(t->value)) {
		snprintf(why, len, "target '%s': '%s' is not a number (in the figure's units: 0.80 "
		         "for a service level, seconds for asa_s)", text, op + 2);
		return CC_ERR_USAGE;
	}
	return CC_OK;
}

/* Appends a check of figure F on entity E of OWNER. */
static void add_check(struct cc_staff *s, const struct cc_layout *l, const struct cc_figure *f,
                      enum cc_figure_owner owner, size_t e, int at_least, double value)
{
	char name[128];
	s->checks = cc_realloc(s->checks, s->n_checks + 1, sizeof *s->checks);
	struct cc_staff_check *c = &s->checks[s->n_checks++];
	*c = (struct cc_staff_check){ .figure = f, .owner = owner,
	                              .index = cc_layout_index(l, owner, e),
	                              .at_least = at_least, .value = value };
	snprintf(c->label, sizeof c->label, "%s.%s%s%.4g", cc_layout_label(l, owner, e, name, sizeof name),
	         f->name, at_least ? ">=" : "<=", value);
}

/* Binds target T to every queue (and, when T names one, channel) it covers. */
static enum cc_status bind_target(struct cc_staff *s, const struct cc_layout *l,
                                  const struct cc_staff_target *t, char *err, size_t len)
{
	const struct cc_figure *fq = cc_figure_find(CC_FIG_QUEUE, t->ref.figure);
	if (!fq) {
		snprintf(err, len, "target '%s': queues have no figure named '%s' (try service_level, "
		         "asa_s or abandon_rate)", t->text, t->ref.figure);
		return CC_ERR_USAGE;
	}
	enum cc_direction want = t->at_least ? CC_DIR_UP_GOOD : CC_DIR_UP_BAD;
	if (fq->direction == CC_DIR_NONE) {
		snprintf(err, len, "target '%s': %s is neither better up nor down, so the search cannot "
		         "aim at it (an occupancy cap is --max-occupancy)", t->text, fq->name);
		return CC_ERR_USAGE;
	}
	if (fq->direction != want) {
		snprintf(err, len, "target '%s': more agents do not make %s %s, so the search cannot "
		         "aim at it (write the bound the other way)", t->text, fq->name,
		         t->at_least ? "higher" : "lower");
		return CC_ERR_USAGE;
	}
	/* Shares lie in [0, 1], times at or above 0: a bound outside them is met by no staffing
	 * or by none at all. */
	int share = strcmp(fq->units, "1") == 0, seconds = strcmp(fq->units, "s") == 0;
	if ((share && !(t->value > 0 && t->value < 1)) || (seconds && !(t->value > 0))) {
		snprintf(err, len, "target '%s': %s %s", t->text, fq->name,
		         share ? "is a share: its bound lies strictly between 0 and 1 (0.80 for 80 %)"
		               : "is a time: its bound is above 0 seconds");
		return CC_ERR_USAGE;
	}
	size_t before = s->n_checks;
	char name[128];
	for (size_t e = 0; e < l->entities[CC_FIG_QUEUE]; e++)
		if (cc_figure_ref_covers(&t->ref, CC_FIG_QUEUE, cc_layout_label(l, CC_FIG_QUEUE, e, name, sizeof name), fq->name))
			add_check(s, l, fq, CC_FIG_QUEUE, e, t->at_least, t->value);
	const struct cc_figure *fc = cc_figure_find(CC_FIG_CHANNEL, t->ref.figure);
	for (size_t e = 0; fc && t->ref.owner[0] && e < l->entities[CC_FIG_CHANNEL]; e++)
		if (cc_figure_ref_covers(&t->ref, CC_FIG_CHANNEL, cc_layout_label(l, CC_FIG_CHANNEL, e, name, sizeof name), fc->name))
			add_check(s, l, fc, CC_FIG_CHANNEL, e, t->at_least, t->value);
	if (s->n_checks == before) {
		char list[512] = "";
		for (size_t q = 0; q < s->scn->n_queues; q++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", q ? ", " : "",
			         s->scn->queues[q].label);
		snprintf(err, len, "target '%s': no queue or channel is named '%s' (queues: %s; or a "
		         "channel, or any)", t->text, t->ref.owner, list);
		return CC_ERR_USAGE;
	}
	return CC_OK;
}

/* The searched groups: O's names, or every group. */
static enum cc_status bind_groups(struct cc_staff *s, char *err, size_t len)
{
	const struct cc_scenario *scn = s->scn;
	s->groups = cc_calloc(scn->n_groups, sizeof *s->groups);
	if (!s->opt.groups) {
		for (size_t g = 0; g < scn->n_groups; g++)
			s->groups[s->n_groups++] = g;
		return CC_OK;
	}
	for (size_t g = 0; g < scn->n_groups; g++)
		for (size_t i = 0; i < s->opt.n_groups; i++)
			if (strcmp(scn->groups[g].name, s->opt.groups[i]) == 0) {
				s->groups[s->n_groups++] = g;
				break;
			}
	for (size_t i = 0; i < s->opt.n_groups; i++) {
		size_t g = 0;
		while (g < scn->n_groups && strcmp(scn->groups[g].name, s->opt.groups[i]) != 0)
			g++;
		if (g == scn->n_groups) {
			char list[512] = "";
			for (size_t k = 0; k < scn->n_groups; k++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "",
				         scn->groups[k].name);
			snprintf(err, len, "--groups: the scenario has no agent group named '%s' (groups: "
			         "%s)", s->opt.groups[i], list);
			return CC_ERR_USAGE;
		}
	}
	return CC_OK;
}

/* Queue Q's part of the Erlang target: the tightest bound of each kind the checks set on it
 * (directly or through its channel), and whether any check covers it. */
static int queue_target(const struct cc_staff *s, size_t q, struct cc_erlang_target *t)
{
	*t = (struct cc_erlang_target){ NAN, NAN, NAN, s->opt.max_occupancy };
	int covered = 0;
	for (size_t c = 0; c < s->n_checks; c++) {
		const struct cc_staff_check *k = &s->checks[c];
		if (!(k->owner == CC_FIG_QUEUE && k->index == q) &&
		    !(k->owner == CC_FIG_CHANNEL && k->index == (size_t)s->scn->queues[q].channel))
			continue;
		covered = 1;
		const char *n = k->figure->name;
		if (strcmp(n, "service_level") == 0 && !(k->value <= t->service_level))
			t->service_level = k->value;
		else if (strcmp(n, "asa_s") == 0 && !(k->value >= t->asa_s))
			t->asa_s = k->value;
		else if (strcmp(n, "abandon_rate") == 0 && !(k->value >= t->abandon_rate))
			t->abandon_rate = k->value;
	}
	return covered;
}

/* The searched group (position in S->groups) that takes queue Q's requirement, or -1. */
static long owner_group(const struct cc_staff *s, size_t q)
{
	const struct cc_queue_cfg *qc = &s->scn->queues[q];
	long best = -1;
	size_t best_pos = SIZE_MAX;
	for (size_t i = 0; i < s->n_groups; i++) {
		const struct cc_group_cfg *g = &s->scn->groups[s->groups[i]];
		if (g->region != qc->region)
			continue;
		for (size_t k = 0; k < g->n_skills && k < best_pos; k++)
			if (g->skills[k] == qc->line) {
				best = (long)i, best_pos = k;
				break;
			}
	}
	return best;
}

/* Step 1 of the method: the Erlang requirement per step and searched group. */
static void erlang_start(struct cc_staff *s)
{
	const struct cc_scenario *scn = s->scn;
	for (size_t q = 0; q < scn->n_queues; q++) {
		struct cc_erlang_target t;
		long gi = owner_group(s, q);
		if (!queue_target(s, q, &t) || gi < 0)
			continue;
		const struct cc_queue_cfg *qc = &scn->queues[q];
		struct cc_erlang_input in = {
			.threshold_s = qc->sl_threshold_s,
		};
		for (size_t j = 0; j < s->n_steps; j++) {
			/* The interval's rate, handle mean (a forecast's AHT, or the handle's step),
			 * ACW and patience at its middle. */
			double mid = ((double)j + 0.5) * s->step_s;
			size_t r = (size_t)(mid / qc->rate_width_s);
			const struct cc_dist *pat = cc_queue_dist_at(&qc->patience, &qc->patience_steps,
			                                             mid);
			in.patience_s = qc->has_patience && pat->kind == CC_DIST_EXPONENTIAL ? pat->mean : 0;
			in.rate_per_s = qc->per_hour[r < qc->n_rates ? r : qc->n_rates - 1] / 3600;
			if (cc_queue_has_busyness(scn, qc)) /* the rate of an average day */
				in.rate_per_s *= qc->busyness.on ? qc->busyness.dist.mean
				                                 : scn->busyness.dist.mean;
			in.aht_s = cc_queue_handle_mean(qc, mid) +
			           cc_queue_dist_at(&qc->acw, &qc->acw_steps, mid)->mean;
			if (!(in.rate_per_s > 0) || !(in.aht_s > 0))
				continue;
			struct cc_erlang_result out;
			int n = cc_erlang_agents_for(&in, &t, s->opt.max_agents, &out);
			int *cell = &s->erlang[j * s->n_groups + (size_t)gi];
			*cell += n > 0 ? n : s->opt.max_agents;
			if (*cell > s->opt.max_agents)
				*cell = s->opt.max_agents;
		}
	}
}

enum cc_status cc_staff_init(struct cc_staff *s, struct cc_scenario *scn,
                             const struct cc_staff_options *o, char *err, size_t len)
{
	memset(s, 0, sizeof *s);
	s->scn = scn;
	s->opt = *o;
	cc_grid_init(&s->grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	s->step_s = scn->interval_s;
	s->n_steps = s->grid.first + s->grid.count;
	enum cc_status st = bind_groups(s, err, len);
	struct cc_layout l;
	cc_layout_init(&l, scn);
	for (size_t i = 0; i < o->n_targets && !st; i++)
		st = bind_target(s, &l, &o->targets[i], err, len);
	if (!st && !isnan(o->max_occupancy))
		for (size_t i = 0; i < s->n_groups; i++)
			add_check(s, &l, cc_figure_find(CC_FIG_GROUP, "occupancy"), CC_FIG_GROUP,
			          s->groups[i], 0, o->max_occupancy);
	cc_layout_fini(&l);
	if (st)
		return st;
	size_t cells = s->n_steps * s->n_groups;
	s->erlang = cc_calloc(cells, sizeof *s->erlang);
	s->staff = cc_calloc(cells, sizeof *s->staff);
	s->floor_ = cc_calloc(cells, sizeof *s->floor_);
	s->rise_ = cc_calloc(cells, sizeof *s->rise_);
	s->drop_ = cc_calloc(cells, sizeof *s->drop_);
	for (size_t k = 0; k < cells; k++)
		s->rise_[k] = s->drop_[k] = 1;
	erlang_start(s);
	memcpy(s->staff, s->erlang, cells * sizeof *s->staff);
	return CC_OK;
}

void cc_staff_apply(struct cc_staff *s, const int *staff)
{
	for (size_t i = 0; i < s->n_groups; i++) {
		struct cc_group_cfg *g = &s->scn->groups[s->groups[i]];
		cc_free(g->profile);
		g->profile = cc_calloc(s->n_steps, sizeof *g->profile);
		g->n_profile = s->n_steps;
		g->profile_step_s = s->step_s;
		g->n_shifts = 0; /* the shifts' array stays for the scenario to free */
		g->count = 1;    /* a group of none would have no agent to number */
		for (size_t j = 0; j < s->n_steps; j++) {
			g->profile[j] = staff[j * s->n_groups + i];
			if (g->profile[j] > g->count)
				g->count = g->profile[j];
		}
	}
}

struct cc_summary cc_staff_achieved(const struct cc_staff *s, const struct cc_run *run, size_t c,
                                    size_t row, double level)
{
	return cc_run_summary(run, s->checks[c].figure, row, s->checks[c].index, level);
}

/* The value of check C that is judged: the mean, or the end of the interval at LEVEL on the
 * wrong side (NaN level: the mean). NaN when the figure is undefined. */
static double judged(const struct cc_staff *s, const struct cc_run *run, size_t c, size_t row,
                     double level)
{
	if (isnan(level))
		return cc_run_summary(run, s->checks[c].figure, row, s->checks[c].index, CC_RUN_LEVEL).mean;
	struct cc_summary m = cc_staff_achieved(s, run, c, row, level);
	double hw = isnan(m.half_width) ? 0 : m.half_width;
	/* Away from the target: the search's caution. */
	return s->checks[c].at_least ? m.mean - hw : m.mean + hw;
}

int cc_staff_meets(const struct cc_staff *s, const struct cc_run *run, size_t c, size_t row)
{
	double v = judged(s, run, c, row, s->opt.confidence);
	if (isnan(v))
		return 1;
	return s->checks[c].at_least ? v >= s->checks[c].value : v <= s->checks[c].value;
}

/* How far row ROW misses its checks: the sum of the relative shortfalls (0 when it meets). */
static double shortfall(const struct cc_staff *s, const struct cc_run *run, size_t row)
{
	double sum = 0;
	for (size_t c = 0; c < s->n_checks; c++) {
		if (cc_staff_meets(s, run, c, row))
			continue;
		double v = judged(s, run, c, row, s->opt.confidence);
		double t = s->checks[c].value, scale = fabs(t) > 0 ? fabs(t) : 1;
		sum += fabs(v - t) / scale;
	}
	return sum;
}

size_t cc_staff_verify(const struct cc_staff *s, const struct cc_run *run, double alpha,
                       int *missed)
{
	size_t n = s->grid.count * s->n_checks, k = 0, count = 0;
	double *p = cc_calloc(n ? n : 1, sizeof *p);
	for (size_t r = 0; r < s->grid.count; r++)
		for (size_t c = 0; c < s->n_checks; c++, k++) {
			/* The mean against the target as compare's gates test a difference against
			 * their threshold: "passes below" the target for a lower bound. */
			struct cc_summary m = cc_staff_achieved(s, run, c, r, CC_RUN_LEVEL);
			struct cc_diff d = {
				.diff = m.mean,
				.se = m.n >= 2 ? m.sd / sqrt((double)m.n) : NAN,
				.df = (double)m.n - 1,
			};
			p[k] = isnan(m.mean) ? NAN
			       : cc_compare_p_beyond(&d, s->checks[c].value, s->checks[c].at_least);
		}
	cc_compare_holm(p, n, alpha, missed);
	for (k = 0; k < n; k++)
		count += missed[k] != 0;
	cc_free(p);
	return count;
}

double cc_staff_agent_hours(const struct cc_staff *s, const int *staff)
{
	/* The reported intervals only: the warm-up's are not searched. */
	double sum = 0;
	for (size_t j = s->grid.first; j < s->grid.first + s->grid.count; j++)
		for (size_t i = 0; i < s->n_groups; i++)
			sum += staff[j * s->n_groups + i];
	return sum * s->step_s / 3600;
}

/* Simulates STAFF into RUN (kept intervals); the caller frees RUN. */
static enum cc_status simulate(struct cc_staff *s, const int *staff, struct cc_run *run)
{
	cc_staff_apply(s, staff);
	return cc_staff_simulate_as_is(s, run);
}

enum cc_status cc_staff_simulate_as_is(struct cc_staff *s, struct cc_run *run)
{
	*run = (struct cc_run){ .scn = s->scn, .threads = s->opt.threads, .keep_intervals = 1,
	                        .stop = s->opt.stop };
	enum cc_status st = cc_run_execute(run);
	if (st == CC_ERR_STALLED)
		snprintf(s->why, sizeof s->why, "%s", run->error);
	return st;
}

/* The shortfall of every reported row of RUN into SHORT ([grid.count]); returns how many
 * miss. */
static size_t judge(const struct cc_staff *s, const struct cc_run *run, double *short_)
{
	size_t missing = 0;
	for (size_t r = 0; r < s->grid.count; r++)
		missing += (short_[r] = shortfall(s, run, r)) > 0;
	return missing;
}

/* After the day's simulation: a row that meets starts its next raise from one agent. */
static void reset_rises(struct cc_staff *s, const double *short_)
{
	for (size_t r = 0; r < s->grid.count; r++)
		for (size_t i = 0; !(short_[r] > 0) && i < s->n_groups; i++)
			s->rise_[(s->grid.first + r) * s->n_groups + i] = 1;
}

/* Step 3: one more agent in every missing row, in the group that gains most. Returns 0, or 1
 * when a missing row has no group left to grow (S->why says which). */
static enum cc_status raise_step(struct cc_staff *s, const struct cc_run *base,
                                 const double *short_, int *stuck)
{
	size_t ng = s->n_groups, rows = s->grid.count, first = s->grid.first;
	double *best = cc_calloc(rows, sizeof *best);
	long *pick = cc_calloc(rows, sizeof *pick);
	int *trial = cc_calloc(s->n_steps * ng, sizeof *trial);
	enum cc_status st = CC_OK;
	for (size_t r = 0; r < rows; r++)
		pick[r] = -1, best[r] = -INFINITY;
	for (size_t i = 0; i < ng && !st; i++) {
		int grows = 0;
		memcpy(trial, s->staff, s->n_steps * ng * sizeof *trial);
		for (size_t r = 0; r < rows; r++)
			if (short_[r] > 0 && trial[(first + r) * ng + i] < s->opt.max_agents)
				trial[(first + r) * ng + i]++, grows = 1;
		if (!grows)
			continue;
		double *gain = cc_calloc(rows, sizeof *gain);
		if (ng > 1) { /* one group: no choice to make, no trial to run */
			struct cc_run run;
			st = simulate(s, trial, &run);
			for (size_t r = 0; r < rows && !st; r++)
				gain[r] = short_[r] - shortfall(s, &run, r);
			cc_run_fini(&run);
		}
		for (size_t r = 0; r < rows; r++)
			if (short_[r] > 0 && trial[(first + r) * ng + i] > s->staff[(first + r) * ng + i] &&
			    gain[r] > best[r])
				best[r] = gain[r], pick[r] = (long)i;
		cc_free(gain);
	}
	for (size_t r = 0; r < rows && !st && !*stuck; r++) {
		if (!(short_[r] > 0))
			continue;
		if (pick[r] < 0) {
			char at[64], *p = s->why;
			size_t c = 0;
			while (c < s->n_checks && cc_staff_meets(s, base, c, r))
				c++;
			struct cc_summary m = cc_staff_achieved(s, base, c, r, CC_RUN_LEVEL);
			cc_clock_label(s->scn, (double)(first + r) * s->step_s, at, sizeof at);
			snprintf(p, sizeof s->why, "interval %s: %s is not reached (%.4g ± %.2g) "
			         "with --max-agents %d in every searched group", at, s->checks[c].label,
			         m.mean, m.half_width, s->opt.max_agents);
			*stuck = 1;
			break;
		}
		size_t k = (first + r) * ng + (size_t)pick[r];
		int room = s->opt.max_agents - s->staff[k];
		/* The count that missed is too few: the floor is one more, not the new count, so
		 * that the lowering step can take back what a doubled rise overshot. */
		if (s->floor_[k] < s->staff[k] + 1)
			s->floor_[k] = s->staff[k] + 1;
		s->staff[k] += s->rise_[k] < room ? s->rise_[k] : room;
		s->rise_[k] *= 2;
	}
	cc_free(best);
	cc_free(pick);
	cc_free(trial);
	return st;
}

/* Whether the whole day meets every target with STAFF (a simulation); *OK receives it. */
static enum cc_status day_meets(struct cc_staff *s, const int *staff, double *short_, int *ok)
{
	struct cc_run run;
	enum cc_status st = simulate(s, staff, &run);
	if (!st)
		*ok = judge(s, &run, short_) == 0;
	cc_run_fini(&run);
	return st;
}

/* Lowers cell K of TRIAL by its drop, down to its floor; returns whether it went lower. */
static int lower_cell(const struct cc_staff *s, int *trial, size_t k)
{
	int room = trial[k] - s->floor_[k];
	if (room <= 0)
		return 0;
	trial[k] -= s->drop_[k] < room ? s->drop_[k] : room;
	return 1;
}

/* Keeps cell K's lowering from TRIAL (when it has one), doubling its next drop. */
static void kept_lower(struct cc_staff *s, const int *trial, size_t k, size_t *changed)
{
	if (trial[k] == s->staff[k])
		return;
	s->staff[k] = trial[k];
	s->drop_[k] *= 2;
	++*changed;
}

/*
 * Step 4: every row that may go lower tried lower by its drop, group by group: all of them
 * at once first; when that day misses anywhere, one row at a time in time order, each on top
 * of those kept. A lowering is kept only when the whole day still meets every target (a
 * lower count can make a later interval start with a queue), so the next iteration's
 * simulation, the same day with the same random numbers, misses nothing. A row whose
 * lowering by one fails gets its present count as its floor; one whose larger drop fails
 * tries by one next. *CHANGED counts the rows lowered.
 */
static enum cc_status lower_step(struct cc_staff *s, size_t *changed)
{
	size_t ng = s->n_groups, rows = s->grid.count, first = s->grid.first;
	int *trial = cc_calloc(s->n_steps * ng, sizeof *trial);
	double *short_ = cc_calloc(rows ? rows : 1, sizeof *short_);
	enum cc_status st = CC_OK;
	for (size_t i = 0; i < ng && !st; i++) {
		size_t any = 0;
		int ok = 0;
		memcpy(trial, s->staff, s->n_steps * ng * sizeof *trial);
		for (size_t r = 0; r < rows; r++)
			any += lower_cell(s, trial, (first + r) * ng + i);
		if (!any || (st = day_meets(s, trial, short_, &ok)))
			continue;
		if (ok) {
			for (size_t r = 0; r < rows; r++)
				kept_lower(s, trial, (first + r) * ng + i, changed);
			continue;
		}
		for (size_t r = 0; r < rows && !st; r++) {
			size_t k = (first + r) * ng + i;
			memcpy(trial, s->staff, s->n_steps * ng * sizeof *trial);
			if (!lower_cell(s, trial, k) || (st = day_meets(s, trial, short_, &ok)))
				continue;
			if (ok)
				kept_lower(s, trial, k, changed);
			else if (s->drop_[k] > 1)
				s->drop_[k] = 1;
			else
				s->floor_[k] = s->staff[k];
		}
	}
	cc_free(trial);
	cc_free(short_);
	return st;
}

enum cc_status cc_staff_search(struct cc_staff *s)
{
	double *short_ = cc_calloc(s->grid.count ? s->grid.count : 1, sizeof *short_);
	enum cc_status st = CC_OK;
	s->converged = s->unreachable = 0;
	for (s->iterations = 1; s->iterations <= s->opt.max_iterations; s->iterations++) {
		struct cc_run run;
		if ((st = simulate(s, s->staff, &run))) {
			cc_run_fini(&run);
			break;
		}
		size_t missing = judge(s, &run, short_);
		reset_rises(s, short_);
		if (s->opt.on_iteration)
			s->opt.on_iteration(s->opt.ctx, s->iterations, missing,
			                    cc_staff_agent_hours(s, s->staff));
		size_t changed = 0;
		if (missing) {
			int stuck = 0;
			st = raise_step(s, &run, short_, &stuck);
			s->unreachable = stuck;
		} else {
			st = lower_step(s, &changed);
		}
		cc_run_fini(&run);
		if (st || s->unreachable)
			break;
		if (!missing && !changed) {
			s->converged = 1;
			break;
		}
	}
	if (s->iterations > s->opt.max_iterations) {
		s->iterations = s->opt.max_iterations;
		snprintf(s->why, sizeof s->why, "no fixed point after %d iterations", s->iterations);
	}
	cc_staff_apply(s, s->staff);
	cc_free(short_);
	return st;
}

void cc_staff_fini(struct cc_staff *s)
{
	if (!s)
		return;
	cc_free(s->groups);
	cc_free(s->checks);
	cc_free(s->erlang);
	cc_free(s->staff);
	cc_free(s->floor_);
	cc_free(s->rise_);
	cc_free(s->drop_);
	memset(s, 0, sizeof *s);
}
