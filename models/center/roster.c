#include "models/center/roster.h"

#include <math.h>
#include <string.h>

#include "sim/alloc.h"

/* Appends span [START, END) to R, growing SPANS (capacity *CAP) as needed. */
static void add_span(struct cc_roster *r, size_t *n, size_t *cap, double start, double end)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		r->spans = cc_realloc(r->spans, *cap, sizeof *r->spans);
	}
	r->spans[(*n)++] = (struct cc_span){ start, end };
}

/* Agent I of a profile works step j when counts[j] > I; the last count holds for ever. */
static void profile_spans(const struct cc_group_cfg *g, int i, double horizon_s,
                          struct cc_roster *r, size_t *n, size_t *cap)
{
	double start = NAN;
	for (size_t j = 0; j < g->n_profile; j++) {
		double t = (double)j * g->profile_step_s;
		int on = g->profile[j] > i;
		if (on && isnan(start))
			start = t;
		if (!on && !isnan(start)) {
			if (start < horizon_s)
				add_span(r, n, cap, start, t);
			start = NAN;
		}
	}
	if (!isnan(start) && start < horizon_s)
		add_span(r, n, cap, start, INFINITY);
}

void cc_roster_build(const struct cc_group_cfg *g, double horizon_s, struct cc_roster *r)
{
	memset(r, 0, sizeof *r);
	r->agents = (size_t)g->count;
	r->first = cc_calloc(r->agents + 1, sizeof *r->first);
	r->rank = cc_calloc(r->agents, sizeof *r->rank);
	r->crew = cc_calloc(r->agents, sizeof *r->crew);
	size_t n = 0, cap = 0, agent = 0;
	if (g->profile) {
		for (int i = 0; i < g->count; i++, agent++) {
			r->first[agent] = n;
			r->rank[agent] = i;
			r->crew[agent] = g->count;
			profile_spans(g, i, horizon_s, r, &n, &cap);
		}
	} else if (g->n_shifts) {
		for (size_t s = 0; s < g->n_shifts; s++)
			for (int i = 0; i < g->shifts[s].count; i++, agent++) {
				r->first[agent] = n;
				r->rank[agent] = i;
				r->crew[agent] = g->shifts[s].count;
				if (g->shifts[s].start_s < horizon_s)
					add_span(r, &n, &cap, g->shifts[s].start_s, g->shifts[s].end_s);
			}
	} else {
		for (int i = 0; i < g->count; i++, agent++) {
			r->first[agent] = n;
			r->rank[agent] = i;
			r->crew[agent] = g->count;
			add_span(r, &n, &cap, 0, INFINITY);
		}
	}
	CC_ASSERT(agent == r->agents);
	r->first[r->agents] = n;
}

void cc_roster_fini(struct cc_roster *r)
{
	if (!r)
		return;
	cc_free(r->spans);
	cc_free(r->first);
	cc_free(r->rank);
	cc_free(r->crew);
	memset(r, 0, sizeof *r);
}
