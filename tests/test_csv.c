#include "testutil.h"

#include <errno.h>

#include "sim/alloc.h"
#include "sim/csvread.h"

/* Reads the next record of R, which must be one of N fields starting on line LINE. */
static void expect_record(struct cc_csv_reader *r, size_t line, size_t n)
{
	assert_int_equal(cc_csv_reader_next(r), CC_OK);
	assert_int_equal(r->n, n);
	assert_int_equal(r->line, line);
}

static void expect_end(struct cc_csv_reader *r)
{
	assert_int_equal(cc_csv_reader_next(r), CC_OK);
	assert_int_equal(r->n, 0);
}

static void start(struct cc_csv_reader *r, const char *text, char sep)
{
	cc_csv_reader_init(r, text, strlen(text), sep);
}

static void test_csv_quoted_fields(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	start(&r, "queue,note,aht\nsales,\"late, then busy\",238.5\n\"\",x,\n", ',');
	expect_record(&r, 1, 3);
	assert_string_equal(r.fields[2], "aht");
	expect_record(&r, 2, 3);
	assert_string_equal(r.fields[0], "sales");
	assert_string_equal(r.fields[1], "late, then busy");
	assert_string_equal(r.fields[2], "238.5");
	/* An empty quoted field, and an empty last field after a separator. */
	expect_record(&r, 3, 3);
	assert_string_equal(r.fields[0], "");
	assert_string_equal(r.fields[1], "x");
	assert_string_equal(r.fields[2], "");
	expect_end(&r);
	expect_end(&r); /* and it stays at the end */
	cc_csv_reader_fini(&r);
}

static void test_csv_doubled_quotes(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	/* Doubled quotes are one; text after the closing quote, to the separator, is kept;
	 * a quote inside an unquoted field is text. */
	start(&r, "\"say \"\"hi\"\"\",\"\"\"\"\"\",\"ab\"cd,x\"y\n", ',');
	expect_record(&r, 1, 4);
	assert_string_equal(r.fields[0], "say \"hi\"");
	assert_string_equal(r.fields[1], "\"\"");
	assert_string_equal(r.fields[2], "abcd");
	assert_string_equal(r.fields[3], "x\"y");
	expect_end(&r);
	cc_csv_reader_fini(&r);
}

static void test_csv_embedded_newlines_advance_lines(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	start(&r, "a,\"one\ntwo\n\nfour\",b\nnext;1\n\n\"x\ny\"\nlast\n", ',');
	expect_record(&r, 1, 3);
	assert_string_equal(r.fields[1], "one\ntwo\n\nfour");
	assert_string_equal(r.fields[2], "b");
	expect_record(&r, 5, 1); /* the record above took lines 1 to 4 */
	assert_string_equal(r.fields[0], "next;1");
	expect_record(&r, 6, 1); /* an empty line: one empty field */
	assert_string_equal(r.fields[0], "");
	expect_record(&r, 7, 1);
	assert_string_equal(r.fields[0], "x\ny");
	expect_record(&r, 9, 1);
	assert_string_equal(r.fields[0], "last");
	expect_end(&r);
	cc_csv_reader_fini(&r);
}

static void test_csv_crlf_and_missing_final_newline(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	/* A CR ends a field only before the LF or the end of the text; elsewhere it is text. */
	start(&r, "a,\"b\"\r\nx\ry,\"q\r\"\r\n\"in\r\nside\",z\r", ',');
	expect_record(&r, 1, 2);
	assert_string_equal(r.fields[1], "b");
	expect_record(&r, 2, 2);
	assert_string_equal(r.fields[0], "x\ry");
	assert_string_equal(r.fields[1], "q\r"); /* the line's CR goes, the quoted one stays */
	expect_record(&r, 3, 2);
	assert_string_equal(r.fields[0], "in\r\nside");
	assert_string_equal(r.fields[1], "z");
	expect_end(&r);
	cc_csv_reader_fini(&r);

	start(&r, "h1,h2\n7.25,\"9\"", ',');
	expect_record(&r, 1, 2);
	expect_record(&r, 2, 2);
	assert_string_equal(r.fields[0], "7.25");
	assert_string_equal(r.fields[1], "9");
	expect_end(&r);
	cc_csv_reader_fini(&r);
}

static void test_csv_unterminated_quote(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	start(&r, "arrival,queue\n12.5,\"sales\n\n13.75,service\n", ',');
	expect_record(&r, 1, 2);
	assert_int_equal(cc_csv_reader_next(&r), CC_ERR_SCENARIO);
	assert_int_equal(r.line, 2); /* the record's first line, not where the text ran out */
	assert_int_equal(r.n, 0);
	expect_end(&r); /* nothing more is read */
	cc_csv_reader_fini(&r);

	start(&r, "\"", ',');
	assert_int_equal(cc_csv_reader_next(&r), CC_ERR_SCENARIO);
	assert_int_equal(r.line, 1);
	cc_csv_reader_fini(&r);
}

static void test_csv_empty_text(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	cc_csv_reader_init(&r, "", 0, ',');
	expect_end(&r);
	cc_csv_reader_fini(&r);
	start(&r, "\xEF\xBB\xBF", '\0'); /* a byte-order mark alone */
	expect_end(&r);
	cc_csv_reader_fini(&r);
	start(&r, "\n", ',');
	expect_record(&r, 1, 1);
	assert_string_equal(r.fields[0], "");
	expect_end(&r);
	cc_csv_reader_fini(&r);
	/* Finishing twice, or a reader never started, is harmless. */
	cc_csv_reader_fini(&r);
	struct cc_csv_reader zero = { 0 };
	cc_csv_reader_fini(&zero);
	cc_csv_reader_fini(NULL);
}

static void test_csv_separator_and_byte_order_mark(void **state)
{
	(void)state;
	struct cc_csv_reader r;
	start(&r, "\xEF\xBB\xBFstart;volume\n07:30;1,5\n", '\0');
	expect_record(&r, 1, 2);
	assert_string_equal(r.fields[0], "start"); /* the mark is not part of the first field */
	expect_record(&r, 2, 2);
	assert_string_equal(r.fields[1], "1,5");
	cc_csv_reader_fini(&r);
	/* A comma in the first line wins; so does a line with neither. */
	start(&r, "a,b;c\n1;2\n", '\0');
	expect_record(&r, 1, 2);
	assert_string_equal(r.fields[1], "b;c");
	cc_csv_reader_fini(&r);
	start(&r, "only\nx;y\n", '\0');
	expect_record(&r, 1, 1);
	expect_record(&r, 2, 1);
	cc_csv_reader_fini(&r);
}

/* A record far longer than the first buffer, with more fields than its first array, read
 * whole; the buffer grows to about that record, not to the text, and short records after it
 * reuse it. */
static void test_csv_record_longer_than_buffer(void **state)
{
	(void)state;
	enum { N_FIELDS = 413, FIELD = 257, N_SHORT = 2000 };
	size_t cap = (size_t)N_FIELDS * (FIELD + 4) + (size_t)N_SHORT * 16 + 64;
	char *text = cc_malloc(cap);
	size_t len = 0;
	len += (size_t)snprintf(text + len, cap - len, "id,what\n");
	for (int f = 0; f < N_FIELDS; f++) {
		text[len++] = '"';
		for (int k = 0; k < FIELD; k++) {
			/* Every 50th character a doubled quote, every 97th a line break. */
			char c = (char)('a' + (f + k) % 26);
			if (k % 50 == 49)
				text[len++] = c = '"';
			else if (k % 97 == 96)
				c = '\n';
			text[len++] = c;
		}
		text[len++] = '"';
		text[len++] = f + 1 < N_FIELDS ? ',' : '\n';
	}
	for (int i = 0; i < N_SHORT; i++)
		len += (size_t)snprintf(text + len, cap - len, "%d,%.3f\n", i, 2.385 * i);
	CC_ASSERT(len < cap);

	struct cc_csv_reader r;
	cc_csv_reader_init(&r, text, len, ',');
	expect_record(&r, 1, 2);
	expect_record(&r, 2, N_FIELDS);
	for (int f = 0; f < N_FIELDS; f++) {
		assert_int_equal(strlen(r.fields[f]), FIELD);
		for (int k = 0; k < FIELD; k++) {
			char c = k % 50 == 49 ? '"' : k % 97 == 96 ? '\n' : (char)('a' + (f + k) % 26);
			if (r.fields[f][k] != c)
				fail_msg("field %d, character %d: '%c', expected '%c'", f, k,
				         r.fields[f][k], c);
		}
	}
	size_t record = (size_t)N_FIELDS * (FIELD + 1);
	size_t grown = r.buf_cap;
	assert_true(grown >= record && grown < 2 * record);
	/* Two line breaks per field (k = 96 and 193): the short records start after them. */
	size_t line = 2 + 2 * (size_t)N_FIELDS + 1;
	for (int i = 0; i < N_SHORT; i++, line++) {
		expect_record(&r, line, 2);
		char want[32];
		snprintf(want, sizeof want, "%.3f", 2.385 * i);
		assert_string_equal(r.fields[1], want);
	}
	expect_end(&r);
	assert_int_equal(r.buf_cap, grown);
	cc_csv_reader_fini(&r);
	cc_free(text);
}

/* A buffer that starts small stays small when every record is short, however long the text. */
static void test_csv_buffer_follows_longest_record(void **state)
{
	(void)state;
	size_t cap = 200000 * 12, len = 0;
	char *text = cc_malloc(cap);
	for (int i = 0; i < 200000; i++)
		len += (size_t)snprintf(text + len, cap - len, "%d,q%d\n", i, i % 7);
	struct cc_csv_reader r;
	cc_csv_reader_init(&r, text, len, ',');
	size_t rows = 0;
	while (cc_csv_reader_next(&r) == CC_OK && r.n > 0)
		rows++;
	assert_int_equal(rows, 200000);
	assert_int_equal(r.line, 200000);
	assert_true(r.buf_cap <= 256);
	cc_csv_reader_fini(&r);
	cc_free(text);
}

static void test_csv_read_file(void **state)
{
	(void)state;
	char path[] = "/tmp/ccsim-test-csv-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char body[] = "a,b\n1.5,\"x\ny\"\n";
	assert_int_equal(write(fd, body, sizeof body - 1), sizeof body - 1);
	close(fd);
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(cc_csv_read_file(path, &text, &len), CC_OK);
	assert_int_equal(len, sizeof body - 1);
	assert_memory_equal(text, body, len);
	cc_free(text);
	unlink(path);
	text = NULL;
	errno = 0;
	assert_int_equal(cc_csv_read_file(path, &text, &len), CC_ERR_IO);
	assert_int_equal(errno, ENOENT);
	assert_null(text);
	/* A directory opens but cannot be read. */
	assert_int_equal(cc_csv_read_file("/tmp", &text, &len), CC_ERR_IO);
	assert_null(text);
}

static void test_csv_trim(void **state)
{
	(void)state;
	char a[] = " \t 07:30 \r\n", b[] = "   ", c[] = "sales", d[] = "in side ";
	cc_csv_trim(a);
	cc_csv_trim(b);
	cc_csv_trim(c);
	cc_csv_trim(d);
	assert_string_equal(a, "07:30");
	assert_string_equal(b, "");
	assert_string_equal(c, "sales");
	assert_string_equal(d, "in side");
}

static void test_csv_decimal(void **state)
{
	(void)state;
	double v = -1;
	assert_int_equal(cc_csv_decimal("2.385", &v), CC_OK);
	assert_true(v == 2.385);
	assert_int_equal(cc_csv_decimal("-1.25e3", &v), CC_OK);
	assert_true(v == -1250);
	const char *bad[] = { "", "0x10", "0X1p3", "1p3", "inf", "-Infinity", "nan", "1e400",
	                      "1e-400", "1,5", "2.385s", "." };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		v = 7.125;
		if (cc_csv_decimal(bad[i], &v) != CC_ERR_SCENARIO)
			fail_msg("'%s' read as a decimal", bad[i]);
		assert_true(v == 7.125);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quoted_fields),
		cmocka_unit_test(test_csv_doubled_quotes),
		cmocka_unit_test(test_csv_embedded_newlines_advance_lines),
		cmocka_unit_test(test_csv_crlf_and_missing_final_newline),
		cmocka_unit_test(test_csv_unterminated_quote),
		cmocka_unit_test(test_csv_empty_text),
		cmocka_unit_test(test_csv_separator_and_byte_order_mark),
		cmocka_unit_test(test_csv_record_longer_than_buffer),
		cmocka_unit_test(test_csv_buffer_follows_longest_record),
		cmocka_unit_test(test_csv_read_file),
		cmocka_unit_test(test_csv_trim),
		cmocka_unit_test(test_csv_decimal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
