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

/* The most tab-separated fields a record has (a `test` line). */
enum { MAX_FIELDS = 10 };

/*
 * Splits one line (unescaping in place) into at most MAX_FIELDS fields;
 * MAX_FIELDS + 1 when it has more.
 */
static size_t split_fields(char *line, char **fields)
{
	size_t count = 0;
	char *out = line;

	fields[count++] = out;
	for (char *in = line; *in; in++) {
		if (*in == '\t') {
			*out++ = '\0';
			if (count == MAX_FIELDS)
				return MAX_FIELDS + 1; /* too many: garbled */
			fields[count++] = out;
		} else if (*in == '\\' && in[1]) {
			in++;
			*out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' :
				 *in == 'r' ? '\r' : *in;
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
	return count;
}

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
	if (count == 8) {
		*hidden = false;
		return true;
	}
	*hidden = !strcmp(fields[8], "hidden");
	return *hidden || !strcmp(fields[8], "visible");
}

/* Duplicates are left for results_drop_duplicates, once at the end. */
static bool parse_test(struct results *results, char **fields, size_t count)
{
	struct results_test *test;
	enum results_outcome outcome;
	int signal, exit_code;
	bool hidden;

	if (!*fields[1] || !*fields[2] ||
	    !parse_visibility(fields, count, &hidden) ||
	    !results_outcome_parse(fields[4], &outcome) ||
	    !parse_int(fields[5], &signal) || !parse_int(fields[6], &exit_code))
		return false;
	test = results_add(results, fields[1], fields[2], fields[3]);
	test->outcome = outcome;
	test->signal = signal;
	test->exit_code = exit_code;
	test->hidden = hidden;
	results_set_message(test, fields[7]);
	if (count == 10)
		results_set_output(test, fields[9]);
	return true;
}

/* One record; false when the line is none. */
static bool parse_line(struct results *results, char *line)
{
	char *fields[MAX_FIELDS];
	size_t count = split_fields(line, fields);
	enum results_file_status status;

	if (count == 2 && !strcmp(fields[0], "seed")) {
		if (!parse_seed(fields[1], &results->seed))
			return false;
		results->has_seed = true;
		return true;
	}
	if (count >= 8 && count <= 10 && !strcmp(fields[0], "test"))
		return parse_test(results, fields, count);
	if (count == 3 && !strcmp(fields[0], "file") &&
	    results_file_status_parse(fields[1], &status)) {
		results_set_file(results, status, fields[2]);
		return true;
	}
	if (count == 2 && !strcmp(fields[0], "advice")) {
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
