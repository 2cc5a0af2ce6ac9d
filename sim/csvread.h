#ifndef CC_CSVREAD_H
#define CC_CSVREAD_H

#include <stddef.h>

#include "sim/status.h"

/*
 * Reading CSV files (RFC 4180) as spreadsheets and WFM tools write them: records of fields
 * separated by one character, lines ending in LF or CRLF, the last one with or without its
 * line break. A field that starts with a double quote runs to the next quote not doubled,
 * and may hold separators, doubled quotes (read as one) and line breaks; text after its
 * closing quote, up to the next separator, is kept. A UTF-8 byte-order mark at the start is
 * skipped. An empty line is a record of one empty field.
 */

/* The reader of one text. Callers read `fields`, `n` and `line`; the rest is its own. */
struct cc_csv_reader {
	char **fields;   /* the record's fields, unquoted and NUL-terminated, valid until the
	                  * next call of cc_csv_reader_next or cc_csv_reader_fini */
	size_t n;        /* how many (at least 1 after a record, 0 at the end of the text) */
	size_t line;     /* the line the record starts on, from 1 */

	const char *p, *end; /* the text not yet read */
	size_t next_line;    /* the line P is on */
	char sep;
	char *buf;           /* the fields' text; grows to the longest record, no further */
	size_t buf_cap;
	size_t *starts;      /* each field's start in BUF while the record is read */
	size_t cap;          /* room for this many fields in FIELDS and STARTS */
};

/* Readies R to read the LEN bytes of TEXT, which the caller keeps (and owns) until
 * cc_csv_reader_fini. SEP separates the fields: ',' or ';', say; '\0' chooses it from the
 * first line, ',' unless that line holds a ';' and no ','. */
void cc_csv_reader_init(struct cc_csv_reader *r, const char *text, size_t len, char sep);

/* Frees what R holds (not the text). R may be all zeros, or already finished. */
void cc_csv_reader_fini(struct cc_csv_reader *r);

/* Reads the next record into R->fields (R->n of them), its first line into R->line.
 * Returns CC_OK with R->n >= 1 for a record, CC_OK with R->n == 0 at the end of the text,
 * or CC_ERR_SCENARIO when a quoted field's quote is never closed (R->line then the
 * record's first line; nothing more can be read). */
enum cc_status cc_csv_reader_next(struct cc_csv_reader *r);

/* Reads the whole file at PATH into *TEXT (*LEN bytes, the caller's to cc_free). Returns
 * CC_OK, or CC_ERR_IO with errno giving the reason and *TEXT left alone. */
enum cc_status cc_csv_read_file(const char *path, char **text, size_t *len);

/* Removes the white space (isspace) at both ends of S, in place. */
void cc_csv_trim(char *s);

/* Reads S, the whole of it, as a finite decimal number into *OUT. Returns CC_OK, or
 * CC_ERR_SCENARIO (and *OUT untouched) for anything else: empty text, trailing characters,
 * hexadecimal ("0x10", "0x1p3"), "inf", "nan", or a number beyond a double's range. */
enum cc_status cc_csv_decimal(const char *s, double *out);

#endif
