#include "csv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cc_csv_number(FILE *out, double v)
{
	if (isnan(v))
		return;
	if (isinf(v)) {
		fputs(v > 0 ? "inf" : "-inf", out);
		return;
	}
	char buf[32];
	/* Fifteen significant digits read back exactly for most figures; a few need more. */
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, sizeof buf, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	fputs(buf, out);
}

void cc_csv_field(FILE *out, const char *text)
{
	size_t len = strlen(text);
	int quote = strpbrk(text, ",\"\r\n") != NULL ||
	            (len && (text[0] == ' ' || text[len - 1] == ' '));
	if (!quote) {
		fputs(text, out);
		return;
	}
	fputc('"', out);
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}
