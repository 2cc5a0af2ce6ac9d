#include "models/scenario/scenario_text.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * A lexer after libconfig 1.5's own scanner (its flex rules): names, the punctuation, strings,
 * numbers (integers, 64-bit integers with L, hexadecimal, floats), booleans, and comments
 * (#, //, slash-star) skipped.
 */
enum tok {
	T_EOF, T_NAME, T_ASSIGN, T_SEMI, T_COMMA, T_LBRACE, T_RBRACE, T_LPAREN, T_RPAREN,
	T_LBRACK, T_RBRACK, T_STRING, T_INT, T_INT64, T_FLOAT, T_BOOL, T_AT,
	T_OPEN_STRING, T_OPEN_COMMENT, T_BAD
};

struct token {
	enum tok kind;
	const char *start;
	size_t n;
	int line;
	int spaced; /* white space or a comment before it */
};

struct lexer {
	const char *p;
	int line;
};

static int name_start(int c)
{
	return isalpha(c) || c == '*';
}

static int name_char(int c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '*';
}

/* The length of a number at P (libconfig's integer, integer64, hex, hex64 and float), or 0. */
static size_t number_at(const char *p, enum tok *kind)
{
	const char *s = p;
	if ((s[0] == '0') && (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2])) {
		s += 2;
		while (isxdigit((unsigned char)*s))
			s++;
		*kind = T_INT;
	} else {
		if (*s == '-' || *s == '+')
			s++;
		size_t whole = strspn(s, "0123456789");
		s += whole;
		size_t frac = 0;
		int point = *s == '.';
		if (point) {
			frac = strspn(s + 1, "0123456789");
			s += 1 + frac;
		}
		if (whole + frac == 0)
			return 0;
		*kind = point ? T_FLOAT : T_INT;
		if ((*s == 'e' || *s == 'E')) {
			const char *e = s + 1 + (s[1] == '-' || s[1] == '+');
			if (isdigit((unsigned char)*e)) {
				s = e + strspn(e, "0123456789");
				*kind = T_FLOAT;
			}
		}
	}
	if (*kind == T_INT && *s == 'L') {
		s += 1 + (s[1] == 'L');
		*kind = T_INT64;
	}
	return (size_t)(s - p);
}

static struct token lex(struct lexer *x)
{
	int spaced = 0;
	for (;;) {
		const char *p = x->p;
		if (*p == '\n') {
			x->line++;
		} else if (isspace((unsigned char)*p)) {
		} else if (*p == '#' || (*p == '/' && p[1] == '/')) {
			while (p[1] && p[1] != '\n')
				p++;
		} else if (*p == '/' && p[1] == '*') {
			int line = x->line;
			for (p += 2; *p && !(*p == '*' && p[1] == '/'); p++)
				x->line += *p == '\n';
			if (!*p) {
				x->p = p;
				return (struct token){ T_OPEN_COMMENT, x->p, 0, line, 1 };
			}
			p++;
		} else {
			break;
		}
		x->p = p + 1;
		spaced = 1;
	}
	struct token t = { T_EOF, x->p, 0, x->line, spaced };
	const char *p = x->p;
	static const char punct[] = "=:;,{}()[]@";
	static const enum tok punct_kind[] = { T_ASSIGN, T_ASSIGN, T_SEMI, T_COMMA, T_LBRACE,
	                                       T_RBRACE, T_LPAREN, T_RPAREN, T_LBRACK, T_RBRACK,
	                                       T_AT };
	const char *pc = *p ? strchr(punct, *p) : NULL;
	if (!*p) {
		return t;
	} else if (pc) {
		t.kind = punct_kind[pc - punct];
		t.n = 1;
	} else if (*p == '"') {
		const char *s = p + 1;
		int line = x->line;
		for (; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			line += *s == '\n';
		}
		if (!*s) {
			t.kind = T_OPEN_STRING;
			t.n = (size_t)(s - p);
		} else {
			t.kind = T_STRING;
			t.n = (size_t)(s + 1 - p);
		}
		x->line = line;
	} else if ((t.n = number_at(p, &t.kind)) > 0) {
	} else if (name_start((unsigned char)*p)) {
		const char *s = p;
		while (name_char((unsigned char)*s))
			s++;
		t.n = (size_t)(s - p);
		t.kind = (t.n == 4 && strncasecmp(p, "true", 4) == 0) ||
		         (t.n == 5 && strncasecmp(p, "false", 5) == 0) ? T_BOOL : T_NAME;
	} else {
		t.kind = T_BAD;
		t.n = 1;
	}
	x->p = p + t.n;
	return t;
}

/* ---- the scan ---- */

int cc_scenario_text_scan(const char *text, char *why, size_t len)
{
	struct lexer x = { text, 1 };
	for (;;) {
		struct token t = lex(&x);
		if (t.kind == T_EOF)
			return 0;
		if (t.kind == T_OPEN_COMMENT) { /* libconfig would drop the rest of the file */
			snprintf(why, len, "a /* comment opened here is never closed (a missing */): "
			                   "everything after it would be ignored");
			return t.line;
		}
		if (t.kind == T_OPEN_STRING) { /* libconfig 1.5 leaks its buffer on these */
			/* The quote missing is often an earlier one, which the grammar finds. */
			int line = cc_scenario_text_explain(text, why, len);
			if (line)
				return line;
			snprintf(why, len, "a string opened here is never closed (a missing \")");
			return t.line;
		}
		int n = (int)t.n;
		if (t.kind == T_AT) {
			snprintf(why, len, "@include is not supported: a scenario is one file, kept whole "
			                   "in the results file");
			return t.line;
		}
		if (t.kind == T_INT || t.kind == T_INT64) {
			int neg = t.start[0] == '-';
			const char *digits = t.start + (neg || t.start[0] == '+');
			int hex = digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
			errno = 0;
			unsigned long long v = strtoull(digits, NULL, hex ? 16 : 10);
			unsigned long long max = t.kind == T_INT ? (unsigned long long)INT32_MAX
			                                         : (unsigned long long)INT64_MAX;
			if (errno || v > max + (unsigned long long)neg) {
				if (t.kind == T_INT)
					snprintf(why, len, "%.*s is too large for a plain integer (write %.*sL, "
					                   "or a number with a decimal point)", n, t.start, n, t.start);
				else
					snprintf(why, len, "%.*s is too large: whole numbers go from %lld to %lld",
					         n, t.start, (long long)INT64_MIN, (long long)INT64_MAX);
				return t.line;
			}
		}
		if (t.kind == T_FLOAT) {
			char buf[128];
			snprintf(buf, sizeof buf, "%.*s", n, t.start);
			errno = 0;
			double v = strtod(buf, NULL);
			if (errno == ERANGE && isinf(v)) {
				snprintf(why, len, "%.*s is too large for a number (the largest is about "
				                   "1.8e308)", n, t.start);
				return t.line;
			}
			if (errno == ERANGE && fabs(v) < DBL_MIN) { /* libconfig would make it 0 */
				snprintf(why, len, "%.*s is too close to 0 for a number (the smallest is "
				                   "about 2.2e-308; write 0 for 0)", n, t.start);
				return t.line;
			}
		}
	}
}

/* ---- the explanation: libconfig's grammar, read by recursive descent ---- */

#define MAX_DEPTH 100
#define MAX_NAMES 64

struct parser {
	struct lexer x;
	struct token t;
	char path[256];
	char *why;
	size_t len;
	int line;  /* of the first problem, 0 while none */
	int depth;
	int long_string; /* the line of the first string over several lines (a missing '"'?) */
};

static void next(struct parser *P)
{
	P->t = lex(&P->x);
}

/* What token T is, for a message: "';'", "the word horizon", "the end of the file". */
static void describe(const struct token *t, char *buf, size_t len)
{
	int n = t->n > 24 ? 24 : (int)t->n;
	const char *more = t->n > 24 ? "..." : "";
	switch (t->kind) {
	case T_EOF: snprintf(buf, len, "the end of the file"); break;
	case T_NAME: snprintf(buf, len, "the word %.*s%s", n, t->start, more); break;
	case T_STRING: case T_OPEN_STRING:
		snprintf(buf, len, "the string %.*s%s", n, t->start, more);
		break;
	case T_INT: case T_INT64: case T_FLOAT:
		snprintf(buf, len, "the number %.*s%s", n, t->start, more);
		break;
	case T_BOOL: snprintf(buf, len, "%.*s", n, t->start); break;
	case T_OPEN_COMMENT: snprintf(buf, len, "a comment never closed"); break;
	default:
		if (isprint((unsigned char)t->start[0]))
			snprintf(buf, len, "'%c'", t->start[0]);
		else
			snprintf(buf, len, "the byte 0x%02x", (unsigned char)t->start[0]);
	}
}

__attribute__((format(printf, 3, 4)))
static void problem(struct parser *P, int line, const char *fmt, ...)
{
	if (P->line)
		return;
	P->line = line;
	size_t used = 0, plen = strlen(P->path);
	if (plen > 64) /* deep inside: its last steps */
		used = (size_t)snprintf(P->why, P->len, "...%s: ", P->path + plen - 60);
	else if (plen)
		used = (size_t)snprintf(P->why, P->len, "%s: ", P->path);
	if (used >= P->len)
		return;
	va_list ap;
	va_start(ap, fmt);
	used += (size_t)vsnprintf(P->why + used, P->len - used, fmt, ap);
	va_end(ap);
	if (P->long_string && P->long_string < line && used < P->len)
		snprintf(P->why + used, P->len - used, "; the string that opens on line %d runs over "
		         "several lines: a missing \" there?", P->long_string);
}

/* The problem of a token that cannot stand where it is, with what was EXPECTED. */
static void unexpected(struct parser *P, const char *expected)
{
	const struct token *t = &P->t;
	char found[64];
	describe(t, found, sizeof found);
	if (t->kind == T_OPEN_STRING)
		problem(P, t->line, "a string opened here is never closed (a missing \")");
	else if (t->kind == T_OPEN_COMMENT)
		problem(P, t->line, "a /* comment opened here is never closed (a missing */)");
	else
		problem(P, t->line, "expected %s (found %s)", expected, found);
}

static size_t push(struct parser *P, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static size_t push(struct parser *P, const char *fmt, ...)
{
	size_t mark = strlen(P->path);
	if (mark + 1 < sizeof P->path) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(P->path + mark, sizeof P->path - mark, fmt, ap);
		va_end(ap);
	}
	return mark;
}

static const char *opener_name(enum tok kind)
{
	return kind == T_LBRACE ? "{" : kind == T_LPAREN ? "(" : "[";
}

static int is_closer(enum tok kind)
{
	return kind == T_RBRACE || kind == T_RPAREN || kind == T_RBRACK;
}

/* Text given without quotes: the word that starts at START, up to a space or a terminator. */
static void unquoted(struct parser *P, const char *start, int line)
{
	size_t n = strcspn(start, " \t\r\n;,)]}#");
	int shown = n > 40 ? 40 : (int)n;
	problem(P, line, "%.*s%s is text: write it in double quotes (\"%.*s%s\")", shown, start,
	        n > 40 ? "..." : "", shown, start, n > 40 ? "..." : "");
}

static void settings(struct parser *P, enum tok closer, const struct token *open);
static void value(struct parser *P, const char *after);

/* A scalar's kind, as libconfig tells them apart in an array. */
static const char *kind_name(enum tok kind)
{
	switch (kind) {
	case T_INT: return "a whole number";
	case T_INT64: return "a whole number with L";
	case T_FLOAT: return "a number with a point";
	case T_STRING: return "a string";
	default: return "true or false";
	}
}

/* The elements of a list ( ) or an array [ ] opened by OPEN. */
static void elements(struct parser *P, const struct token *open)
{
	int array = open->kind == T_LBRACK;
	enum tok closer = array ? T_RBRACK : T_RPAREN;
	enum tok first = T_EOF;
	next(P);
	for (int i = 0; !P->line; i++) {
		if (P->t.kind == closer && i == 0)
			break;
		if (array) {
			enum tok k = P->t.kind;
			if (k == T_LBRACE || k == T_LPAREN || k == T_LBRACK) {
				problem(P, P->t.line, "an array [ ] holds numbers, strings or true/false; "
				        "write a list ( ) to hold %s", k == T_LBRACE ? "groups { }" : "lists");
				return;
			}
			if (i > 0 && (k == T_INT || k == T_INT64 || k == T_FLOAT || k == T_STRING ||
			              k == T_BOOL) && k != first) {
				problem(P, P->t.line, "the elements of an array [ ] must all be of one kind: "
				        "element %d is %s, the first %s (write 2.0 among numbers with a point, "
				        "or use a list ( ))", i, kind_name(k), kind_name(first));
				return;
			}
			if (i == 0)
				first = k;
		}
		size_t mark = push(P, "%s[%d]", P->path[0] ? "." : "", i);
		value(P, "a value");
		P->path[mark] = '\0';
		if (P->line)
			return;
		if (P->t.kind == closer)
			break;
		if (P->t.kind == T_COMMA) {
			next(P);
			if (P->t.kind == closer) {
				problem(P, P->t.line, "a ',' before the closing '%c': libconfig takes no "
				        "comma after the last element", array ? ']' : ')');
				return;
			}
			continue;
		}
		char found[64];
		describe(&P->t, found, sizeof found);
		if (P->t.kind == T_EOF || P->t.kind == T_OPEN_COMMENT)
			problem(P, open->line, "the '%s' opened here is never closed", opener_name(open->kind));
		else if (is_closer(P->t.kind))
			problem(P, P->t.line, "found %s, but the '%s' of line %d is still open (expected "
			        "'%c')", found, opener_name(open->kind), open->line, array ? ']' : ')');
		else
			problem(P, P->t.line, "expected ',' or '%c' after element %d (found %s): the "
			        "elements of a %s are separated by ','", array ? ']' : ')', i, found,
			        array ? "array" : "list");
		return;
	}
	if (!P->line)
		next(P);
}

static void value(struct parser *P, const char *after)
{
	struct token t = P->t;
	switch (t.kind) {
	case T_STRING:
		while (P->t.kind == T_STRING) { /* adjacent strings are one */
			if (!P->long_string && memchr(P->t.start, '\n', P->t.n))
				P->long_string = P->t.line;
			next(P);
		}
		return;
	case T_INT: case T_INT64: case T_FLOAT: case T_BOOL:
		next(P);
		if (P->t.kind == T_NAME && !P->t.spaced)
			unquoted(P, t.start, t.line);
		return;
	case T_LBRACE:
		if (++P->depth > MAX_DEPTH) {
			problem(P, t.line, "nested more than %d deep", MAX_DEPTH);
			return;
		}
		next(P);
		settings(P, T_RBRACE, &t);
		P->depth--;
		if (!P->line)
			next(P);
		return;
	case T_LPAREN: case T_LBRACK:
		if (++P->depth > MAX_DEPTH) {
			problem(P, t.line, "nested more than %d deep", MAX_DEPTH);
			return;
		}
		elements(P, &t);
		P->depth--;
		return;
	case T_NAME:
		unquoted(P, t.start, t.line);
		return;
	default: {
		char expected[96];
		snprintf(expected, sizeof expected, "%s (a number, a \"string\", true, false, { }, "
		         "( ) or [ ])", after);
		unexpected(P, expected);
		return;
	}
	}
}

/* One setting, NAME = VALUE, with its optional ';' or ','. */
static void setting(struct parser *P)
{
	struct token name = P->t;
	size_t mark = push(P, "%s%.*s", P->path[0] ? "." : "", (int)name.n, name.start);
	next(P);
	if (P->t.kind != T_ASSIGN) {
		char expected[96];
		snprintf(expected, sizeof expected, "'=' after %.*s", (int)name.n, name.start);
		P->path[mark] = '\0';
		unexpected(P, expected);
		return;
	}
	next(P);
	value(P, "a value after '='");
	P->path[mark] = '\0';
	if (!P->line && (P->t.kind == T_SEMI || P->t.kind == T_COMMA))
		next(P);
}

/* Settings up to CLOSER (T_EOF at the top, T_RBRACE in a group opened by OPEN). */
static void settings(struct parser *P, enum tok closer, const struct token *open)
{
	struct token seen[MAX_NAMES];
	size_t n_seen = 0;
	while (!P->line) {
		const struct token *t = &P->t;
		if (t->kind == T_NAME) {
			for (size_t i = 0; i < n_seen; i++)
				if (seen[i].n == t->n && memcmp(seen[i].start, t->start, t->n) == 0) {
					problem(P, t->line, "%.*s is set twice (first at line %d)",
					        (int)t->n, t->start, seen[i].line);
					return;
				}
			if (n_seen < MAX_NAMES)
				seen[n_seen++] = *t;
			setting(P);
			continue;
		}
		if (t->kind == closer)
			return;
		char found[64];
		describe(t, found, sizeof found);
		if (open && (t->kind == T_EOF || t->kind == T_OPEN_COMMENT))
			problem(P, open->line, "the '{' opened here is never closed");
		else if (is_closer(t->kind) && !open)
			problem(P, t->line, "found %s, with nothing open to close", found);
		else if (is_closer(t->kind))
			problem(P, t->line, "found %s, but the '{' of line %d is still open (expected "
			        "'}')", found, open->line);
		else if (t->kind == T_BOOL)
			problem(P, t->line, "%s cannot be the name of a setting", found);
		else if (t->kind == T_INT || t->kind == T_INT64 || t->kind == T_FLOAT)
			problem(P, t->line, "expected the name of a setting (found %s): names start "
			        "with a letter", found);
		else
			unexpected(P, open ? "the name of a setting, or '}'" : "the name of a setting");
	}
}

int cc_scenario_text_explain(const char *text, char *why, size_t len)
{
	struct parser P = { .x = { text, 1 }, .why = why, .len = len };
	next(&P);
	settings(&P, T_EOF, NULL);
	return P.line;
}

const char *cc_scenario_text_rest(const char *text)
{
	char why[64];
	struct parser P = { .x = { text, 1 }, .why = why, .len = sizeof why };
	next(&P);
	value(&P, "a value");
	if (!P.line && (P.t.kind == T_SEMI || P.t.kind == T_COMMA))
		next(&P);
	return P.line || P.t.kind == T_EOF ? NULL : P.t.start;
}
