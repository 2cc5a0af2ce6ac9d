#include "duration.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "macros.h"

static double unit_seconds(const char *u, size_t len)
{
	static const struct { const char *name; double s; } units[] = {
		{ "ms", 0.001 }, { "s", 1 }, { "sec", 1 }, { "m", 60 }, { "min", 60 },
		{ "h", 3600 }, { "d", 86400 },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(units); i++)
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
	static const struct { const char *name; long long us; } units[] = {
		{ "d", 86400000000LL }, { "h", 3600000000LL }, { "m", 60000000LL },
	};
	if (!isfinite(seconds) || seconds < 0 || seconds > 9e12) {
		snprintf(buf, len, "%g", seconds);
		return;
	}
	/* In whole microseconds, the model's resolution: 300.29999999999995 s (3 x 100.1 s)
	 * reads 5m0.3s. */
	long long rest = llround(seconds * 1e6);
	size_t used = 0;
	for (size_t i = 0; i < 3 && used < len; i++) {
		long long whole = rest / units[i].us;
		if (whole >= 1) {
			used += (size_t)snprintf(buf + used, len - used, "%lld%s", whole, units[i].name);
			rest -= whole * units[i].us;
		}
	}
	if (used >= len || (rest == 0 && used > 0))
		return;
	char frac[8];
	snprintf(frac, sizeof frac, "%06lld", rest % 1000000);
	for (int i = 5; i >= 0 && frac[i] == '0'; i--)
		frac[i] = '\0';
	snprintf(buf + used, len - used, "%lld%s%ss", rest / 1000000, frac[0] ? "." : "", frac);
}

/* Reads a whole number of exactly DIGITS digits at *P. */
static int digits(const char **p, int n, long *out)
{
	long v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!isdigit((unsigned char)**p))
			return 0;
		v = v * 10 + (**p - '0');
	}
	*out = v;
	return 1;
}

enum cc_status cc_clock_parse(const char *text, double *seconds_after_midnight)
{
	const char *p = text;
	long h, m, s = 0;
	if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &m))
		return CC_ERR_SCENARIO;
	double frac = 0;
	if (*p == ':') {
		p++;
		if (!digits(&p, 2, &s))
			return CC_ERR_SCENARIO;
		if (*p == '.') {
			const char *f = p;
			p++;
			if (!isdigit((unsigned char)*p))
				return CC_ERR_SCENARIO;
			while (isdigit((unsigned char)*p))
				p++;
			frac = strtod(f, NULL);
		}
	}
	if (*p || h > 23 || m > 59 || s > 59)
		return CC_ERR_SCENARIO;
	*seconds_after_midnight = (double)(h * 3600 + m * 60 + s) + frac;
	return CC_OK;
}

/* Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar (the civil-from-days
 * arithmetic of eras of 400 years, 146097 days each). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

enum cc_status cc_date_parse(const char *text, long *days_since_1970)
{
	const char *p = text;
	long y, m, d;
	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &m) || *p++ != '-' ||
	    !digits(&p, 2, &d) || *p)
		return CC_ERR_SCENARIO;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return CC_ERR_SCENARIO;
	long days = days_from_civil(y, m, d), yy, mm, dd;
	civil_from_days(days, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d) /* 2026-02-30 */
		return CC_ERR_SCENARIO;
	*days_since_1970 = days;
	return CC_OK;
}

void cc_clock_format(double seconds_after_midnight, char *buf, size_t len)
{
	double t = seconds_after_midnight;
	long whole = (long)floor(t);
	long h = whole / 3600, m = whole / 60 % 60;
	double s = t - (double)(h * 3600 + m * 60);
	if (s == 0)
		snprintf(buf, len, "%02ld:%02ld", h, m);
	else if (s == floor(s))
		snprintf(buf, len, "%02ld:%02ld:%02.0f", h, m, s);
	else
		snprintf(buf, len, "%02ld:%02ld:%06.3f", h, m, s);
}

void cc_date_format(long days_since_1970, char *buf, size_t len)
{
	long y, m, d;
	civil_from_days(days_since_1970, &y, &m, &d);
	snprintf(buf, len, "%04ld-%02ld-%02ld", y, m, d);
}
