/* "ccsim sweep": its points, from the --vary options to the loaded scenarios. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/command/sweep.h"
#include "sim/alloc.h"
#include "sim/cli.h"

/* A list or a quoted string is one value, whatever commas it holds. */
int cc_sweep_parse_vary(const char *text, struct varied *v)
{
	const char *eq = strchr(text, '=');
	if (!eq || eq == text || !eq[1]) {
		cc_cli_error("sweep: --vary %s: write PATH=V1,V2,... (e.g. --vary channels.voice.offer_timeout=6s,12s)",
		             text);
		return -1;
	}
	v->path = cc_calloc((size_t)(eq - text) + 1, 1);
	memcpy(v->path, text, (size_t)(eq - text));
	int depth = 0, quoted = 0;
	for (const char *p = eq + 1, *from = eq + 1;; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '[' || *p == '(' || *p == '{'))
			depth++;
		else if (!quoted && (*p == ']' || *p == ')' || *p == '}'))
			depth--;
		if (*p && (*p != ',' || depth > 0 || quoted))
			continue;
		if (p == from) {
			cc_cli_error("sweep: --vary %s: an empty value", text);
			return -1;
		}
		v->values = cc_realloc(v->values, v->n + 1, sizeof *v->values);
		v->values[v->n] = cc_calloc((size_t)(p - from) + 1, 1);
		memcpy(v->values[v->n++], from, (size_t)(p - from));
		if (!*p)
			break;
		from = p + 1;
	}
	return 0;
}

void cc_sweep_varied_fini(struct varied *v)
{
	for (size_t i = 0; i < v->n; i++)
		cc_free(v->values[i]);
	cc_free(v->values);
	cc_free(v->path);
}

/* Point p of the grid counts in a mixed radix, the last --vary its fastest digit. */
int cc_sweep_make_points(struct varied *v, size_t n, int zip, struct cc_sweep_points *sw)
{
	size_t points = 1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].path, "seed") == 0 || strcmp(v[i].path, "replications") == 0) {
			cc_cli_error("sweep: --vary %s: every point shares the seed and the replications "
			             "(common random numbers); set them with --seed and --replications",
			             v[i].path);
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i].path, v[j].path) == 0) {
				cc_cli_error("sweep: --vary %s is given twice: give its values once", v[i].path);
				return -1;
			}
		for (size_t a = 0; a < v[i].n; a++)
			for (size_t b = 0; b < a; b++)
				if (strcmp(v[i].values[a], v[i].values[b]) == 0) {
					cc_cli_error("sweep: --vary %s: the value %s is given twice", v[i].path,
					             v[i].values[a]);
					return -1;
				}
		if (zip && v[i].n != v[0].n) {
			cc_cli_error("sweep: --zip needs lists of equal length (%s has %zu values, %s has %zu)",
			             v[0].path, v[0].n, v[i].path, v[i].n);
			return -1;
		}
		if (!zip && points > 100000 / v[i].n) {
			cc_cli_error("sweep: more than 100000 points");
			return -1;
		}
		points = zip ? v[0].n : points * v[i].n;
	}
	const char **paths = cc_calloc(n, sizeof *paths);
	const char **values = cc_calloc(points * n, sizeof *values);
	char **labels = cc_calloc(points, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		paths[i] = v[i].path;
	for (size_t p = 0; p < points; p++) {
		size_t rest = p, len = 1;
		for (size_t i = n; i-- > 0;) { /* the last --vary fastest */
			size_t k = zip ? p : rest % v[i].n;
			rest = zip ? rest : rest / v[i].n;
			values[p * n + i] = v[i].values[k];
			len += strlen(v[i].path) + strlen(v[i].values[k]) + 3;
		}
		labels[p] = cc_calloc(len, 1);
		for (size_t i = 0; i < n; i++) {
			size_t used = strlen(labels[p]);
			snprintf(labels[p] + used, len - used, "%s%s=%s", i ? ", " : "", paths[i],
			         values[p * n + i]);
		}
	}
	sw->points = points;
	sw->n_paths = n;
	sw->paths = paths;
	sw->values = values;
	sw->labels = (const char *const *)labels;
	sw->zip = zip;
	return 0;
}

void cc_sweep_points_fini(struct cc_sweep_points *sw)
{
	for (size_t p = 0; sw->labels && p < sw->points; p++)
		cc_free((char *)sw->labels[p]);
	cc_free((void *)sw->labels);
	cc_free((void *)sw->paths);
	cc_free((void *)sw->values);
	cc_free((char *)sw->overrides);
}

/* What point B changes of what the file is laid out by, against point A, or NULL. */
static const char *layout_change(const struct cc_scenario *a, const struct cc_scenario *b)
{
	int same_start = (isnan(a->start_s) && isnan(b->start_s)) || a->start_s == b->start_s;
	if (a->horizon_s != b->horizon_s || a->warmup_s != b->warmup_s ||
	    a->interval_s != b->interval_s || !same_start || strcmp(a->date, b->date) != 0)
		return "the horizon, warm-up, intervals or start";
	if (a->seed != b->seed || a->replications != b->replications)
		return "the seed or the replications";
	if (a->rep_intervals != b->rep_intervals)
		return "output.replications";
	if (a->n_queues != b->n_queues || a->n_groups != b->n_groups ||
	    cc_scenario_status_count(a) != cc_scenario_status_count(b))
		return "the queues, groups or statuses";
	for (size_t i = 0; i < a->n_queues; i++)
		if (strcmp(a->queues[i].label, b->queues[i].label) != 0 ||
		    a->queues[i].channel != b->queues[i].channel)
			return "the queues";
	for (size_t i = 0; i < a->n_groups; i++)
		if (strcmp(a->groups[i].name, b->groups[i].name) != 0)
			return "the agent groups";
	for (size_t i = 0; i < cc_scenario_status_count(a); i++)
		if (strcmp(cc_scenario_status_name(a, i), cc_scenario_status_name(b, i)) != 0)
			return "the statuses";
	struct cc_layout la, lb;
	cc_layout_init(&la, a);
	cc_layout_init(&lb, b);
	int same = la.cells == lb.cells && la.n_channels == lb.n_channels;
	cc_layout_fini(&la);
	cc_layout_fini(&lb);
	return same ? NULL : "the channels";
}

/* Each point's own settings come after the shared --set, so that they win. A warning the
 * point before printed is not printed again. */
int cc_sweep_load_points(const struct sweep_args *a, const struct cc_sweep_points *sw,
                         struct cc_scenario *scns)
{
	size_t n_sets = a->sa.n_sets + sw->n_paths;
	const char **sets = cc_calloc(n_sets, sizeof *sets);
	char **mine = cc_calloc(sw->n_paths, sizeof *mine);
	int rc = 0, noted = 0;
	size_t p;
	for (p = 0; p < sw->points && rc == 0; p++) {
		memcpy(sets, a->sa.sets, a->sa.n_sets * sizeof *sets);
		for (size_t i = 0; i < sw->n_paths; i++) {
			size_t len = strlen(sw->paths[i]) + strlen(sw->values[p * sw->n_paths + i]) + 2;
			mine[i] = cc_realloc(mine[i], len, 1);
			snprintf(mine[i], len, "%s=%s", sw->paths[i], sw->values[p * sw->n_paths + i]);
			sets[a->sa.n_sets + i] = mine[i];
		}
		struct scenario_args pa = a->sa;
		pa.sets = sets;
		pa.n_sets = n_sets;
		char side[1024];
		snprintf(side, sizeof side, "point %zu (%s)", p + 1, sw->labels[p]);
		if ((rc = cc_cmd_load_as(&pa, "sweep", side, p ? &scns[p - 1] : NULL, &scns[p])))
			break;
		struct cc_scenario *scn = &scns[p];
		if (a->reps > 0)
			scn->replications = (int)a->reps;
		if (a->seed >= 0)
			scn->seed = (uint64_t)a->seed;
		char why[1024];
		if (cc_scenario_check_replications(scn, (size_t)scn->replications, why, sizeof why)) {
			cc_cli_error("sweep: %s: --replications: %s", side, why);
			rc = cc_status_exit_code(CC_ERR_SCENARIO);
			p++; /* this point is loaded: free it too */
			break;
		}
		if ((scn->contact_records || scn->agent_events) && !noted++ && !a->quiet)
			cc_cli_error("sweep: note: a sweep writes no contact records or agent events (the scenario's output.contact_records and output.agent_events are left out)");
		scn->contact_records = scn->agent_events = 0;
		const char *change = p ? layout_change(&scns[0], scn) : NULL;
		if (change) {
			cc_cli_error("sweep: %s: changes %s, which every point of a sweep must share",
			             side, change);
			rc = cc_status_exit_code(CC_ERR_SCENARIO);
			p++; /* this point is loaded: free it too */
			break;
		}
	}
	if (rc)
		for (size_t i = 0; i < p; i++)
			cc_scenario_fini(&scns[i]);
	for (size_t i = 0; i < sw->n_paths; i++)
		cc_free(mine[i]);
	cc_free(mine);
	cc_free(sets);
	return rc;
}

int cc_sweep_find_base(const char *text, const struct cc_sweep_points *sw, size_t *base)
{
	*base = 0;
	if (!text)
		return 0;
	char *end;
	unsigned long long n = strtoull(text, &end, 10);
	if (text[0] >= '0' && text[0] <= '9' && *end == '\0' && n >= 1 && n <= sw->points) {
		*base = (size_t)n - 1;
		return 0;
	}
	for (size_t p = 0; p < sw->points; p++)
		if (strcmp(sw->labels[p], text) == 0) {
			*base = p;
			return 0;
		}
	cc_cli_error("sweep: --base %s: no such point (a number from 1 to %zu, or a point's label such as '%s')",
	             text, sw->points, sw->labels[0]);
	return -1;
}

