/*
 * similarity_stub.c - the stub's lines taken out of a student's file
 * before sim_c reads it (similarity.h says why).
 */
#include "similarity_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A line without its spaces; "" when it holds no letter or digit. */
static void normalize(const char *line, size_t len, struct strbuf *out)
{
	bool word = false;

	strbuf_reset(out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		if (isspace(c))
			continue;
		word |= isalnum(c) != 0;
		strbuf_addch(out, (char)c);
	}
	if (!word)
		strbuf_reset(out);
}

/* The stub's lines, normalized, each ending in '\n'. */
void similarity_stub_lines(const char *stub, struct strbuf *lines)
{
	struct strbuf line;

	strbuf_init(&line);
	strbuf_addch(lines, '\n');
	for (const char *p = stub; *p;) {
		size_t len = strcspn(p, "\n");

		normalize(p, len, &line);
		if (line.len) {
			strbuf_addstr(lines, line.buf);
			strbuf_addch(lines, '\n');
		}
		p += len + (p[len] == '\n');
	}
	strbuf_release(&line);
}

/* text with each line of the stub blanked: the line numbers stay. */
void similarity_blank_stub(const char *text, size_t len, const char *stub,
			   struct strbuf *out)
{
	struct strbuf line;
	const char *end = text + len;

	strbuf_init(&line);
	while (text < end) {
		const char *newline = memchr(text, '\n', (size_t)(end - text));
		size_t n = (size_t)((newline ? newline : end) - text);

		normalize(text, n, &line);
		strbuf_addch(&line, '\n');
		if (line.len > 1 && memchr(line.buf, '\0', line.len) == NULL) {
			char *key = xstrfmt("\n%s", line.buf);

			if (!strstr(stub, key))
				strbuf_add(out, text, n);
			free(key);
		} else {
			strbuf_add(out, text, n);
		}
		strbuf_addch(out, '\n');
		text += n + (newline != NULL);
	}
	strbuf_release(&line);
}
