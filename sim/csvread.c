#include "sim/csvread.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/alloc.h"

/* The fields' buffer starts this large and doubles when a record needs more: a call log of
 * a million rows then costs a handful of allocations, not one per row. */
#define FIRST_BUF 256
#define FIRST_FIELDS 16

void cc_csv_reader_init(struct cc_csv_reader *r, const char *text, size_t len, char sep)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->end = text + len;
	r->next_line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3; /* the byte-order mark spreadsheets write */
	if (!sep) {
		size_t rest = (size_t)(r->end - r->p);
		const char *eol = memchr(r->p, '\n', rest);
		size_t first = eol ? (size_t)(eol - r->p) : rest;
		sep = memchr(r->p, ',', first) || !memchr(r->p, ';', first) ? ',' : ';';
	}
	r->sep = sep;
}

void cc_csv_reader_fini(struct cc_csv_reader *r)
{
	if (!r)
		return;
	cc_free(r->buf);
	cc_free(r->fields);
	cc_free(r->starts);
	memset(r, 0, sizeof *r);
}

/* Room in the buffer for LEN + MORE bytes. */
static void reserve(struct cc_csv_reader *r, size_t len, size_t more)
{
	if (len + more <= r->buf_cap)
		return;
	size_t cap = r->buf_cap ? r->buf_cap : FIRST_BUF;
	while (cap < len + more)
		cap *= 2;
	r->buf = cc_realloc(r->buf, cap, 1);
	r->buf_cap = cap;
}

static void put(struct cc_csv_reader *r, size_t *len, char c)
{
	reserve(r, *len, 1);
	r->buf[(*len)++] = c;
}

enum cc_status cc_csv_reader_next(struct cc_csv_reader *r)
{
	r->n = 0;
	if (r->p >= r->end)
		return CC_OK;
	r->line = r->next_line;
	size_t len = 0;
	const char *q = r->p;
	int more = 1;
	while (more) {
		if (r->n == r->cap) {
			r->cap = r->cap ? 2 * r->cap : FIRST_FIELDS;
			r->fields = cc_realloc(r->fields, r->cap, sizeof *r->fields);
			r->starts = cc_realloc(r->starts, r->cap, sizeof *r->starts);
		}
		/* Offsets, not pointers: the buffer may move as the record grows. */
		r->starts[r->n++] = len;
		if (q < r->end && *q == '"') {
			for (q++;; q++) {
				if (q >= r->end) {
					r->n = 0;
					r->p = r->end;
					return CC_ERR_SCENARIO;
				}
				if (*q == '"' && q + 1 < r->end && q[1] == '"')
					put(r, &len, *q++);
				else if (*q == '"')
					break;
				else {
					r->next_line += *q == '\n';
					put(r, &len, *q);
				}
			}
			q++;
		}
		const char *stop = q;
		while (stop < r->end && *stop != r->sep && *stop != '\n')
			stop++;
		reserve(r, len, (size_t)(stop - q) + 1);
		memcpy(r->buf + len, q, (size_t)(stop - q));
		len += (size_t)(stop - q);
		q = stop;
		/* A CR ends the field only before the line's LF (or the text's end). The test looks
		 * at the buffer, not the field: a field's own start is never a CR but a NUL. */
		if (len > 0 && r->buf[len - 1] == '\r' && (q >= r->end || *q == '\n'))
			len--;
		r->buf[len++] = '\0';
		more = q < r->end && *q == r->sep;
		if (q < r->end)
			q++; /* past the separator or the LF */
	}
	r->next_line++;
	r->p = q;
	for (size_t k = 0; k < r->n; k++)
		r->fields[k] = r->buf + r->starts[k];
	return CC_OK;
}

enum cc_status cc_csv_read_file(const char *path, char **text, size_t *len)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return CC_ERR_IO;
	size_t cap = 4096, n = 0, got;
	char *buf = cc_malloc(cap);
	while ((got = fread(buf + n, 1, cap - n, in)) > 0)
		if ((n += got) == cap)
			buf = cc_realloc(buf, cap *= 2, 1);
	int bad = ferror(in);
	fclose(in);
	if (bad) {
		cc_free(buf);
		return CC_ERR_IO;
	}
	*text = buf;
	*len = n;
	return CC_OK;
}

void cc_csv_trim(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
}

enum cc_status cc_csv_decimal(const char *s, double *out)
{
	char *e;
	/* Decimal only: strtod would read "0x10" as sixteen and "0x1p3" as eight. */
	if (strpbrk(s, "xXpP"))
		return CC_ERR_SCENARIO;
	errno = 0;
	double v = strtod(s, &e);
	if (e == s || *e || errno || !isfinite(v))
		return CC_ERR_SCENARIO;
	*out = v;
	return CC_OK;
}
