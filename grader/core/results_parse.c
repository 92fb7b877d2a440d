/*
 * results_parse.c - reading the wb report format (results.h), in time
 * linear in the report's size and within RESULTS_MAX_LINES lines of at
 * most RESULTS_MAX_LINE_BYTES bytes.
 */
#include "results.h"
#include "results_internal.h"

#include <stdlib.h>
#include <string.h>

#define STR(x) #x
#define XSTR(x) STR(x)

static bool parse_int(const char *text, int *value)
{
	char *end;
	long parsed = strtol(text, &end, 10);

	if (!*text || *end || parsed < -100000 || parsed > 100000)
		return false;
	*value = (int)parsed;
	return true;
}

/* Digits only: strtoull alone takes "-1" and " 7" too. */
static bool parse_seed(const char *text, uint64_t *seed)
{
	unsigned long long parsed = 0;

	if (!*text)
		return false;
	for (; *text; text++) {
		unsigned digit = (unsigned)(*text - '0');

		if (digit > 9 || parsed > (UINT64_MAX - digit) / 10)
			return false;
		parsed = parsed * 10 + digit;
	}
	*seed = parsed;
	return true;
}

/* The visibility field; a line from before it existed is visible. */
static bool parse_visibility(char **fields, size_t count, bool *hidden)
{
	if (count == WB_TEST_FIELDS_OLDEST) {
		*hidden = false;
		return true;
	}
	*hidden = !strcmp(fields[WB_TEST_VISIBILITY], WB_HIDDEN);
	return *hidden || !strcmp(fields[WB_TEST_VISIBILITY], WB_VISIBLE);
}

/* Duplicates are left for results_drop_duplicates, once at the end. */
static bool parse_test(struct results *results, char **fields, size_t count)
{
	struct results_test *test;
	enum results_outcome outcome;
	int signal, exit_code;
	bool hidden;

	if (!*fields[WB_TEST_FUNCTION] || !*fields[WB_TEST_CHECK] ||
	    !parse_visibility(fields, count, &hidden) ||
	    !results_outcome_parse(fields[WB_TEST_OUTCOME], &outcome) ||
	    !parse_int(fields[WB_TEST_SIGNAL], &signal) ||
	    !parse_int(fields[WB_TEST_EXIT], &exit_code))
		return false;
	test = results_add(results, fields[WB_TEST_FUNCTION],
			   fields[WB_TEST_CHECK], fields[WB_TEST_DESCRIPTION]);
	test->outcome = outcome;
	test->signal = signal;
	test->exit_code = exit_code;
	test->hidden = hidden;
	results_set_message(test, fields[WB_TEST_MESSAGE]);
	if (count == WB_TEST_FIELDS)
		results_set_output(test, fields[WB_TEST_OUTPUT]);
	return true;
}

/* One record; false when the line is none. */
static bool parse_line(struct results *results, char *line)
{
	char *fields[WB_TEST_FIELDS];
	size_t count = wb_split_fields(line, fields, WB_TEST_FIELDS);
	enum results_file_status status;

	if (count == 2 && !strcmp(fields[0], WB_RECORD_SEED)) {
		if (!parse_seed(fields[1], &results->seed))
			return false;
		results->has_seed = true;
		return true;
	}
	if (count >= WB_TEST_FIELDS_OLDEST && count <= WB_TEST_FIELDS &&
	    !strcmp(fields[0], WB_RECORD_TEST))
		return parse_test(results, fields, count);
	if (count == 3 && !strcmp(fields[0], WB_RECORD_FILE) &&
	    results_file_status_parse(fields[1], &status)) {
		results_set_file(results, status, fields[2]);
		return true;
	}
	if (count == 2 && !strcmp(fields[0], WB_RECORD_ADVICE)) {
		free(results->advice);
		results->advice = xstrdup(fields[1]);
		return true;
	}
	return false;
}

/*
 * Reads the line at text[at] into line (without its newline and a \r
 * before it); the bytes it took, newline included, or 0 when it stops
 * reading (info says why).  Looks at no more than RESULTS_MAX_LINE_BYTES
 * + 1 bytes, so a line without end costs no more than a long one.
 */
static size_t next_line(const char *text, size_t len, size_t at,
			struct strbuf *line, struct results_parse_info *info)
{
	size_t left = len - at;
	size_t window = left < RESULTS_MAX_LINE_BYTES + 1 ?
			left : RESULTS_MAX_LINE_BYTES + 1;
	const char *newline = memchr(text + at, '\n', window);
	size_t n = newline ? (size_t)(newline - (text + at)) : window;

	if (n > RESULTS_MAX_LINE_BYTES) {
		info->status = RESULTS_PARSE_LINE_TOO_LONG;
		return 0;
	}
	if (!newline) {
		info->cut_short = true; /* a last line cut short */
		return 0;
	}
	if (info->lines == RESULTS_MAX_LINES) {
		info->status = RESULTS_PARSE_TOO_MANY_LINES;
		return 0;
	}
	info->lines++;
	strbuf_reset(line);
	strbuf_add(line, text + at, n);
	if (line->len && line->buf[line->len - 1] == '\r')
		line->buf[--line->len] = '\0';
	return n + 1;
}

enum results_parse_status results_parse_buffer(struct results *results,
					       const char *text, size_t len,
					       struct results_parse_info *info)
{
	struct results_parse_info local;
	struct strbuf line;
	size_t first = results->nr, at = 0, took;

	if (!info)
		info = &local;
	memset(info, 0, sizeof *info);
	strbuf_init(&line);
	while (at < len && (took = next_line(text, len, at, &line, info))) {
		/* A NUL inside a line would cut its last field short. */
		if (memchr(line.buf, '\0', line.len) ||
		    !parse_line(results, line.buf))
			info->garbled++;
		at += took;
	}
	strbuf_release(&line);
	info->duplicates = results_drop_duplicates(results, first);
	return info->status;
}

enum results_parse_status results_parse(struct results *results,
					const char *text)
{
	return results_parse_buffer(results, text, strlen(text), NULL);
}

const char *results_parse_status_text(enum results_parse_status status)
{
	switch (status) {
	case RESULTS_PARSE_OK:
		return "was read to the end";
	case RESULTS_PARSE_TOO_MANY_LINES:
		return "has more than " XSTR(RESULTS_MAX_LINES) " lines";
	case RESULTS_PARSE_LINE_TOO_LONG:
		return "has a line longer than " XSTR(RESULTS_MAX_LINE_MIB)
		       " MiB";
	}
	return "cannot be read";
}
