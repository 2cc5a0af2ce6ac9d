#include "models/output/clock.h"

#include <math.h>
#include <stdio.h>

#include "sim/duration.h"

int cc_clock_has_start(const struct cc_scenario *scn)
{
	return !isnan(scn->start_s);
}

/* The day of the scenario's date, days since 1970-01-01 (0 when it has none). */
static long start_day(const struct cc_scenario *scn)
{
	long day = 0;
	if (scn->date[0] && cc_date_parse(scn->date, &day) != CC_OK)
		day = 0;
	return day;
}

const char *cc_clock_label(const struct cc_scenario *scn, double t_s, char *buf, size_t len)
{
	if (!cc_clock_has_start(scn)) {
		cc_duration_format(t_s, buf, len);
		return buf;
	}
	double abs_s = scn->start_s + t_s;
	long day = (long)floor(abs_s / 86400);
	char clock[32];
	cc_clock_format(abs_s - (double)day * 86400, clock, sizeof clock);
	if (scn->start_s + scn->horizon_s <= 86400) {
		snprintf(buf, len, "%s", clock);
	} else if (scn->date[0]) {
		char date[16];
		cc_date_format(start_day(scn) + day, date, sizeof date);
		snprintf(buf, len, "%s %s", date, clock);
	} else {
		snprintf(buf, len, "day %ld %s", day + 1, clock);
	}
	return buf;
}

const char *cc_clock_units(const struct cc_scenario *scn, char *buf, size_t len)
{
	if (!cc_clock_has_start(scn)) {
		snprintf(buf, len, "s");
		return buf;
	}
	char date[16];
	cc_date_format(start_day(scn), date, sizeof date);
	double s = scn->start_s;
	long h = (long)(s / 3600), m = (long)(s / 60) % 60;
	double sec = s - (double)(h * 3600 + m * 60);
	if (sec == floor(sec))
		snprintf(buf, len, "seconds since %s %02ld:%02ld:%02.0f", date, h, m, sec);
	else
		snprintf(buf, len, "seconds since %s %02ld:%02ld:%09.6f", date, h, m, sec);
	return buf;
}
