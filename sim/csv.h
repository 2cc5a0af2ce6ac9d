#ifndef CC_CSV_H
#define CC_CSV_H

#include <stdio.h>

/*
 * Fields of CSV files (RFC 4180) that spreadsheets, pandas and R read as written.
 */

/* Writes V as the shortest decimal text that reads back as exactly V; nothing (an empty
 * field) for NaN, and "inf" or "-inf" for infinities. */
void cc_csv_number(FILE *out, double v);

/* Writes TEXT as a field, in double quotes (doubled inside) when it holds a comma, a quote,
 * a line break or leading or trailing spaces. */
void cc_csv_field(FILE *out, const char *text);

#endif
