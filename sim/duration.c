#include "duration.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double unit_seconds(const char *u, size_t len)
{
	static const struct { const char *name; double s; } units[] = {
		{ "ms", 0.001 }, { "s", 1 }, { "sec", 1 }, { "m", 60 }, { "min", 60 },
		{ "h", 3600 }, { "d", 86400 },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == len && strncmp(u, units[i].name, len) == 0)
			return units[i].s;
	return 0;
}

enum cc_status cc_duration_parse(const char *text, double *seconds)
{
	const char *p = text;
	while (isspace((unsigned char)*p))
		p++;
	if (!*p)
		return CC_ERR_SCENARIO;
	double total = 0;
	int parts = 0;
	while (*p && !isspace((unsigned char)*p)) {
		/* strtod would accept "inf", "nan" and hex: only plain decimals are durations. */
		if (!isdigit((unsigned char)*p) && *p != '.')
			return CC_ERR_SCENARIO;
		char *end;
		double v = strtod(p, &end);
		if (end == p)
			return CC_ERR_SCENARIO;
		p = end;
		const char *u = p;
		while (isalpha((unsigned char)*p))
			p++;
		double scale = 1;
		if (p > u) {
			scale = unit_seconds(u, (size_t)(p - u));
			if (scale == 0)
				return CC_ERR_SCENARIO;
		} else if (parts > 0 || (*p && !isspace((unsigned char)*p))) {
			return CC_ERR_SCENARIO; /* a bare number only stands alone */
		}
		total += v * scale;
		parts++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p || !isfinite(total))
		return CC_ERR_SCENARIO;
	*seconds = total;
	return CC_OK;
}

void cc_duration_format(double seconds, char *buf, size_t len)
{
	static const struct { const char *name; double s; } units[] = {
		{ "d", 86400 }, { "h", 3600 }, { "m", 60 },
	};
	if (!isfinite(seconds) || seconds < 0) {
		snprintf(buf, len, "%g", seconds);
		return;
	}
	size_t used = 0;
	double rest = seconds;
	for (size_t i = 0; i < 3 && used < len; i++) {
		double whole = floor(rest / units[i].s);
		if (whole >= 1) {
			used += (size_t)snprintf(buf + used, len - used, "%.0f%s", whole, units[i].name);
			rest -= whole * units[i].s;
		}
	}
	if (used < len && (rest > 0 || used == 0))
		snprintf(buf + used, len - used, "%.15gs", rest);
}
