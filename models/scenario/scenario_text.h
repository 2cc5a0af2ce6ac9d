#ifndef CC_SCENARIO_TEXT_H
#define CC_SCENARIO_TEXT_H

#include <stddef.h>

/*
 * Checks on a scenario's text before and after libconfig reads it, for what libconfig
 * would take wrongly or explain badly. Both return the line of the first problem (from 1),
 * with the problem as a sentence in WHY ("PATH: problem" when it lies inside a setting), or 0
 * when they find none.
 */

/*
 * What libconfig 1.5 reads without a word but not as written: an integer beyond a plain int
 * without its L suffix (libconfig wraps it), one beyond 64 bits with it (libconfig clamps
 * it), a number beyond the range of a double (libconfig makes it infinite), @include (a
 * scenario is one file, kept whole in the results file), and a string never closed (which
 * libconfig refuses, but leaking memory).
 */
int cc_scenario_text_scan(const char *text, char *why, size_t len);

/*
 * Why TEXT is not libconfig syntax: reads it with libconfig's grammar and says what was
 * expected where ("horizon: expected a value after '=' (found ';')"), with a hint for the
 * usual slips (text without quotes, a missing ',' between elements, a bracket closed by the
 * wrong one or never, a mixed array, a setting given twice). For after libconfig refused
 * TEXT; 0 if it finds nothing to say.
 */
int cc_scenario_text_explain(const char *text, char *why, size_t len);

/* Where TEXT goes on after its first value and that value's ';' or ',' (" horizon = 1" in
 * "1; horizon = 1"), or NULL when nothing but blanks and comments follows. */
const char *cc_scenario_text_rest(const char *text);

#endif
