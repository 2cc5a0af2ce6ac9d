#include "models/figures/amount.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/duration.h"

enum cc_status cc_figure_ref_parse(const char *begin, const char *end, struct cc_figure_ref *ref,
                                   const char **why)
{
	memset(ref, 0, sizeof *ref);
	while (begin < end && isspace((unsigned char)*begin))
		begin++;
	while (end > begin && isspace((unsigned char)end[-1]))
		end--;
	if (begin == end) {
		*why = "which figure? (write OWNER.FIGURE or FIGURE)";
		return CC_ERR_USAGE;
	}
	const char *dot = NULL;
	for (const char *s = begin; s < end; s++)
		if (*s == '.')
			dot = s;
	const char *fig = dot ? dot + 1 : begin;
	if ((size_t)(end - fig) >= sizeof ref->figure ||
	    (dot && (size_t)(dot - begin) >= sizeof ref->owner)) {
		*why = "name too long";
		return CC_ERR_USAGE;
	}
	if (fig == end || (dot && dot == begin)) {
		*why = "an empty owner or figure name";
		return CC_ERR_USAGE;
	}
	memcpy(ref->figure, fig, (size_t)(end - fig));
	if (dot)
		memcpy(ref->owner, begin, (size_t)(dot - begin));
	return CC_OK;
}

int cc_figure_ref_covers(const struct cc_figure_ref *ref, enum cc_figure_owner owner,
                         const char *entity, const char *figure)
{
	if (strcmp(ref->figure, figure) != 0)
		return 0;
	if (!ref->owner[0])
		return 1;
	if (strcmp(ref->owner, "any") == 0)
		return owner == CC_FIG_QUEUE;
	return strcmp(ref->owner, entity) == 0;
}

enum cc_status cc_amount_parse(const char *text, const char *noun, struct cc_amount *a,
                               char *why, size_t len)
{
	memset(a, 0, sizeof *a);
	while (isspace((unsigned char)*text))
		text++;
	char buf[64];
	size_t n = strlen(text);
	while (n && isspace((unsigned char)text[n - 1]))
		n--;
	if (n == 0) {
		snprintf(why, len, "no %s (e.g. 1pt, 5%%, 2s, 0.5)", noun);
		return CC_ERR_USAGE;
	}
	if (n >= sizeof buf) {
		snprintf(why, len, "%s too long", noun);
		return CC_ERR_USAGE;
	}
	memcpy(buf, text, n);
	buf[n] = 0;
	/* Decimal only: strtod would read "0x10" as sixteen. */
	if ((!isdigit((unsigned char)buf[0]) && buf[0] != '.') || strpbrk(buf, "xX")) {
		snprintf(why, len, "the %s is not a number", noun);
		return CC_ERR_USAGE;
	}
	char *end;
	double v = strtod(buf, &end);
	if (strcmp(end, "pt") == 0) {
		a->kind = CC_AMOUNT_POINTS;
	} else if (strcmp(end, "%") == 0) {
		a->kind = CC_AMOUNT_PERCENT;
	} else if (*end == 0) {
		a->kind = CC_AMOUNT_UNITS;
	} else if (cc_duration_parse(buf, &v) == CC_OK) {
		a->kind = CC_AMOUNT_SECONDS;
	} else {
		snprintf(why, len, "unknown %s unit (pt: points of a share, %%: percent of the mean, "
		         "a duration such as 5s, or none: the figure's units)", noun);
		return CC_ERR_USAGE;
	}
	if (!isfinite(v) || v < 0) {
		snprintf(why, len, "the %s is not a finite number", noun);
		return CC_ERR_USAGE;
	}
	a->value = v;
	return CC_OK;
}

double cc_amount_in_units(const struct cc_amount *a, const char *noun, const char *figure,
                          const char *units, double mean, char *why, size_t len)
{
	int seconds = strcmp(units, "s") == 0;
	if (a->kind == CC_AMOUNT_POINTS && seconds) {
		snprintf(why, len, "%s is in seconds, not a share: write its %s as a duration (5s) or "
		         "a percent", figure, noun);
		return NAN;
	}
	if (a->kind == CC_AMOUNT_SECONDS && !seconds) {
		snprintf(why, len, "%s is not in seconds: write its %s in points (1pt), a percent or "
		         "its units", figure, noun);
		return NAN;
	}
	if (a->kind == CC_AMOUNT_POINTS)
		return a->value * 0.01;
	if (a->kind == CC_AMOUNT_PERCENT)
		return a->value * fabs(mean) / 100;
	return a->value;
}
