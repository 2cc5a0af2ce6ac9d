/* The staffing found turned into shifts (cc_staff_shifts): plans made, simulated, adjusted. */
#include "models/staff/staff.h"

#include <math.h>
#include <string.h>

#include "sim/alloc.h"

/* Sets group G's schedule to PLAN's shifts (its profile and earlier shifts go), each shift cut
 * at the horizon. */
static void set_shifts(struct cc_group_cfg *g, const struct cc_shift_plan *plan,
                       double horizon_s)
{
	cc_free(g->profile);
	g->profile = NULL;
	g->n_profile = 0;
	cc_free(g->shifts);
	g->shifts = cc_calloc(plan->n ? plan->n : 1, sizeof *g->shifts);
	g->n_shifts = 0;
	g->count = 0;
	for (size_t k = 0; k < plan->n; k++) {
		const struct cc_shift *sh = &plan->shifts[k];
		if (sh->start_s >= horizon_s)
			continue;
		double end = sh->start_s + sh->length_s;
		g->shifts[g->n_shifts++] = (struct cc_shift_cfg){ sh->start_s,
		                                                  end < horizon_s ? end : horizon_s,
		                                                  sh->count };
		g->count += sh->count;
	}
	if (g->count == 0) {
		/* A group needed nowhere keeps one agent's shift of no length, so that it has an
		 * agent to number and none logged in. */
		g->shifts[0] = (struct cc_shift_cfg){ 0, 0, 1 };
		g->n_shifts = 1;
		g->count = 1;
	}
}

enum cc_status cc_staff_shifts(struct cc_staff *s, const struct cc_shift_rules *rules,
                               int max_rounds, struct cc_shift_plan *plans, int *rounds)
{
	size_t cells = s->n_steps * s->n_groups;
	int *need = cc_calloc(cells, sizeof *need), *req = cc_calloc(s->n_steps, sizeof *req);
	memcpy(need, s->staff, cells * sizeof *need);
	enum cc_status st = CC_OK;
	s->converged = 0;
	for (*rounds = 1; !st; ++*rounds) {
		for (size_t i = 0; i < s->n_groups && !st; i++) {
			cc_shift_plan_fini(&plans[i]);
			for (size_t j = 0; j < s->n_steps; j++)
				req[j] = need[j * s->n_groups + i];
			char err[512];
			st = cc_shifts_cover(rules, req, s->n_steps, s->step_s, s->scn->start_s, &plans[i], err,
			                     sizeof err);
			if (st)
				snprintf(s->why, sizeof s->why, "%s: %s", s->scn->groups[s->groups[i]].name,
				         err);
			else
				set_shifts(&s->scn->groups[s->groups[i]], &plans[i], s->scn->horizon_s);
		}
		if (st)
			break;
		struct cc_run run;
		if ((st = cc_staff_simulate_as_is(s, &run))) {
			cc_run_fini(&run);
			break;
		}
		/* Every interval that misses asks one agent more of every searched group. */
		size_t missing = 0;
		for (size_t r = 0; r < s->grid.count; r++) {
			int meets = 1;
			for (size_t c = 0; c < s->n_checks && meets; c++)
				meets = cc_staff_meets(s, &run, c, r);
			if (meets)
				continue;
			missing++;
			for (size_t i = 0; i < s->n_groups; i++)
				need[(s->grid.first + r) * s->n_groups + i]++;
		}
		cc_run_fini(&run);
		if (!missing) {
			s->converged = 1;
			break;
		}
		if (*rounds >= max_rounds)
			break;
	}
	cc_free(need);
	cc_free(req);
	return st;
}
