#include "models/staff/shifts.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include <glpk.h>

#include "sim/alloc.h"
#include "sim/duration.h"

/* The longest the integer program may search before it settles for its best roster. */
enum { SEARCH_LIMIT_MS = 30000 };

static enum cc_status fail(char *err, size_t errlen, const char *text, const char *what)
{
	snprintf(err, errlen, "--shifts '%s': %s", text, what);
	return CC_ERR_USAGE;
}

/* A start time: a clock time after the scenario's START_CLOCK_S, or a duration from time 0
 * when the scenario has no start. */
static int start_time(const char *s, double start_clock_s, double *out)
{
	if (isnan(start_clock_s))
		return cc_duration_parse(s, out) == CC_OK;
	double clock;
	if (cc_clock_parse(s, &clock) != CC_OK)
		return 0;
	*out = clock - start_clock_s;
	return 1;
}

enum cc_status cc_shift_rules_parse(const char *text, double start_clock_s,
                                    struct cc_shift_rules *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	char buf[512];
	if (strlen(text) >= sizeof buf)
		return fail(err, errlen, text, "too long");
	strcpy(buf, text);
	int have_start = 0;
	for (char *part = strtok(buf, ";"); part; part = strtok(NULL, ";")) {
		while (isspace((unsigned char)*part))
			part++;
		char *end = part + strlen(part);
		while (end > part && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (!*part)
			continue;
		char *eq = strchr(part, '=');
		if (!eq)
			return fail(err, errlen, text, "write length=...; start=FROM-TO/STEP; break=DURATION@AFTER");
		*eq = '\0';
		char *value = eq + 1, *save = NULL;
		if (strcmp(part, "length") == 0) {
			for (char *v = strtok_r(value, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
				double len;
				if (r->n_lengths == CC_SHIFT_MAX_LENGTHS)
					return fail(err, errlen, text, "at most 8 lengths");
				if (cc_duration_parse(v, &len) != CC_OK || !(len > 0))
					return fail(err, errlen, text, "a length is a positive duration (8h, 4h30m)");
				r->lengths_s[r->n_lengths++] = len;
			}
		} else if (strcmp(part, "start") == 0) {
			char *dash = strchr(value, '-'), *slash = strchr(value, '/');
			if (!dash || !slash || slash < dash)
				return fail(err, errlen, text, "write start=FROM-TO/STEP, e.g. start=06:00-14:00/30m");
			*dash = *slash = '\0';
			if (!start_time(value, start_clock_s, &r->first_start_s) ||
			    !start_time(dash + 1, start_clock_s, &r->last_start_s))
				return fail(err, errlen, text, isnan(start_clock_s)
				            ? "start times are durations from time 0 (the scenario has no start)"
				            : "start times are clock times (06:00)");
			if (cc_duration_parse(slash + 1, &r->step_s) != CC_OK || !(r->step_s > 0))
				return fail(err, errlen, text, "the start step is a positive duration (30m)");
			if (r->first_start_s < 0 || r->last_start_s < r->first_start_s)
				return fail(err, errlen, text, "the start window must not begin before the "
				            "scenario does, nor end before it begins");
			have_start = 1;
		} else if (strcmp(part, "break") == 0) {
			for (char *v = strtok_r(value, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
				char *at = strchr(v, '@');
				if (r->n_breaks == CC_SHIFT_MAX_BREAKS)
					return fail(err, errlen, text, "at most 4 breaks");
				if (!at)
					return fail(err, errlen, text, "write break=DURATION@AFTER, e.g. break=30m@4h");
				*at = '\0';
				double len, after;
				if (cc_duration_parse(v, &len) != CC_OK || cc_duration_parse(at + 1, &after) != CC_OK ||
				    !(len > 0) || after < 0)
					return fail(err, errlen, text, "a break is DURATION@AFTER, both durations");
				r->breaks[r->n_breaks].length_s = len;
				r->breaks[r->n_breaks++].after_s = after;
			}
		} else {
			return fail(err, errlen, text, "unknown part (length, start, break)");
		}
	}
	if (!r->n_lengths || !have_start)
		return fail(err, errlen, text, "length= and start= are needed");
	return CC_OK;
}

/* Seconds of [A0, A1) and [B0, B1) in common. */
static double overlap(double a0, double a1, double b0, double b1)
{
	double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

/* The part of interval [A, B) a shift from START of LENGTH covers, its breaks excepted. */
static double cover(const struct cc_shift_rules *r, double start, double length, double a,
                    double b)
{
	double on = overlap(start, start + length, a, b);
	for (size_t k = 0; k < r->n_breaks; k++) {
		double b0 = start + r->breaks[k].after_s;
		double b1 = b0 + r->breaks[k].length_s;
		if (b1 > start + length)
			b1 = start + length;
		on -= overlap(b0, b1, a, b);
	}
	return on > 0 ? on / (b - a) : 0;
}

/* Paid hours of a shift of LENGTH: its unpaid breaks (those inside it) are not paid. */
static double paid_hours(const struct cc_shift_rules *r, double length)
{
	double paid = length;
	for (size_t k = 0; k < r->n_breaks; k++)
		paid -= overlap(r->breaks[k].after_s, r->breaks[k].after_s + r->breaks[k].length_s, 0,
		                length);
	return paid / 3600;
}

void cc_shift_plan_fini(struct cc_shift_plan *r)
{
	cc_free(r->shifts);
	memset(r, 0, sizeof *r);
}

/* T (from time 0) as the scenario writes times: a clock time, or a duration. */
static void time_text(double t, double start_clock_s, char *buf, size_t len)
{
	if (isnan(start_clock_s))
		cc_duration_format(t, buf, len);
	else
		cc_clock_format(fmod(start_clock_s + t, 86400), buf, len);
}

enum cc_status cc_shifts_cover(const struct cc_shift_rules *rules, const int *required, size_t n,
                               double width_s, double start_clock_s, struct cc_shift_plan *out,
                               char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	size_t starts = (size_t)floor((rules->last_start_s - rules->first_start_s) / rules->step_s +
	                              1e-9) + 1;
	size_t cols = starts * rules->n_lengths;
	struct cc_shift *kinds = cc_calloc(cols, sizeof *kinds);
	for (size_t l = 0; l < rules->n_lengths; l++)
		for (size_t s = 0; s < starts; s++)
			kinds[s * rules->n_lengths + l] = (struct cc_shift){
				rules->first_start_s + (double)s * rules->step_s, rules->lengths_s[l], 0 };
	/* The matrix, 1-based as GLPK takes it: every (interval, shift) the shift covers. */
	size_t cap = 64, ne = 0;
	int *ia = cc_calloc(cap + 1, sizeof *ia), *ja = cc_calloc(cap + 1, sizeof *ja);
	double *ar = cc_calloc(cap + 1, sizeof *ar);
	enum cc_status st = CC_OK;
	for (size_t i = 0; i < n && !st; i++) {
		double a = (double)i * width_s, b = a + width_s, any = 0;
		for (size_t j = 0; j < cols; j++) {
			double c = cover(rules, kinds[j].start_s, kinds[j].length_s, a, b);
			if (c <= 0)
				continue;
			if (ne == cap) {
				cap *= 2;
				ia = cc_realloc(ia, cap + 1, sizeof *ia);
				ja = cc_realloc(ja, cap + 1, sizeof *ja);
				ar = cc_realloc(ar, cap + 1, sizeof *ar);
			}
			ne++;
			ia[ne] = (int)i + 1;
			ja[ne] = (int)j + 1;
			ar[ne] = c;
			any += c;
		}
		if (required[i] > 0 && any == 0) {
			char at[32];
			time_text(a, start_clock_s, at, sizeof at);
			snprintf(err, errlen, "--shifts: no shift the rules allow covers the interval at %s, "
			         "which needs %d agents", at, required[i]);
			st = CC_ERR_USAGE;
		}
	}
	glp_prob *lp = NULL;
	if (!st) {
		glp_term_out(GLP_OFF);
		lp = glp_create_prob();
		glp_set_obj_dir(lp, GLP_MIN);
		glp_add_rows(lp, (int)n);
		for (size_t i = 0; i < n; i++)
			glp_set_row_bnds(lp, (int)i + 1, GLP_LO, required[i], 0);
		glp_add_cols(lp, (int)cols);
		for (size_t j = 0; j < cols; j++) {
			glp_set_col_bnds(lp, (int)j + 1, GLP_LO, 0, 0);
			glp_set_obj_coef(lp, (int)j + 1, paid_hours(rules, kinds[j].length_s));
			glp_set_col_kind(lp, (int)j + 1, GLP_IV);
		}
		glp_load_matrix(lp, (int)ne, ia, ja, ar);
		glp_smcp smcp;
		glp_init_smcp(&smcp);
		smcp.msg_lev = GLP_MSG_OFF;
		glp_iocp iocp;
		glp_init_iocp(&iocp);
		iocp.msg_lev = GLP_MSG_OFF;
		iocp.tm_lim = SEARCH_LIMIT_MS;
		if (glp_simplex(lp, &smcp) != 0 || glp_get_status(lp) != GLP_OPT) {
			snprintf(err, errlen, "--shifts: the linear relaxation could not be solved");
			st = CC_ERR_RANGE;
		} else {
			out->bound_hours = glp_get_obj_val(lp);
			int rc = glp_intopt(lp, &iocp), status = glp_mip_status(lp);
			if ((rc != 0 && rc != GLP_ETMLIM) || (status != GLP_OPT && status != GLP_FEAS)) {
				snprintf(err, errlen, "--shifts: the integer program found no roster");
				st = CC_ERR_RANGE;
			}
			out->optimal = status == GLP_OPT;
		}
	}
	for (size_t j = 0; j < cols && !st; j++) {
		int count = (int)llround(glp_mip_col_val(lp, (int)j + 1));
		if (count <= 0)
			continue;
		out->shifts = cc_realloc(out->shifts, out->n + 1, sizeof *out->shifts);
		out->shifts[out->n] = kinds[j];
		out->shifts[out->n++].count = count;
		out->paid_hours += count * paid_hours(rules, kinds[j].length_s);
	}
	if (lp)
		glp_delete_prob(lp);
	cc_free(kinds);
	cc_free(ia);
	cc_free(ja);
	cc_free(ar);
	if (st)
		cc_shift_plan_fini(out);
	return st;
}

void cc_shift_plan_coverage(const struct cc_shift_rules *rules, const struct cc_shift_plan *r, size_t n,
                        double width_s, double *present)
{
	for (size_t i = 0; i < n; i++) {
		double a = (double)i * width_s;
		present[i] = 0;
		for (size_t s = 0; s < r->n; s++)
			present[i] += r->shifts[s].count *
			              cover(rules, r->shifts[s].start_s, r->shifts[s].length_s, a, a + width_s);
	}
}

void cc_shift_plan_print(FILE *out, const struct cc_shift_rules *rules,
                              const struct cc_shift_plan *r, double start_clock_s)
{
	fputs("shifts = (", out);
	for (size_t s = 0; s < r->n; s++) {
		char from[32], to[32];
		time_text(r->shifts[s].start_s, start_clock_s, from, sizeof from);
		time_text(r->shifts[s].start_s + r->shifts[s].length_s, start_clock_s, to, sizeof to);
		fprintf(out, "%s\n  { start = \"%s\"; end = \"%s\"; count = %d; }", s ? "," : "", from,
		        to, r->shifts[s].count);
	}
	fputs(" );\n", out);
	for (size_t k = 0; k < rules->n_breaks; k++) {
		char len[32], after[32];
		cc_duration_format(rules->breaks[k].length_s, len, sizeof len);
		cc_duration_format(rules->breaks[k].after_s, after, sizeof after);
		fprintf(out, "# every shift long enough: an unpaid break of %s, %s after its start (a "
		        "planned status with after_login = true)\n", len, after);
	}
}
