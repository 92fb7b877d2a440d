/*
 * lms_metadata.c - the subset of Gradescope's submission_metadata.yml the
 * batch needs, read line by line (Debian has no C YAML library the grader
 * would want for a dozen keys):
 *
 *   submission_123456:
 *     :submitters:
 *     - :name: John Smith
 *       :sid: '12345'
 *       :email: js@example.org
 *     :created_at: 2027-03-01 23:59:00.123456000 -08:00
 *     ...                     (other keys, skipped)
 *
 * A key at column 0 opens a submission; inside it, the lines after
 * ":submitters:" (at the indent of the submission's first key) that are
 * indented more, or as much but start with "- ", are its list.  Deeper
 * lines of other keys (an autograder's output may hold anything) are
 * skipped.  Values may be plain, 'single' or "double" quoted.
 */
#include "lms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void lms_metadata_release(struct lms_metadata *metadata)
{
	for (size_t i = 0; i < metadata->nr; i++) {
		struct lms_submission *s = &metadata->items[i];

		for (size_t j = 0; j < s->nr; j++) {
			free(s->submitters[j].name);
			free(s->submitters[j].sid);
			free(s->submitters[j].email);
		}
		free(s->submitters);
		free(s->folder);
		free(s->created_at);
	}
	free(metadata->items);
	memset(metadata, 0, sizeof *metadata);
}

/* One line: [start, end) without its line end. */
struct line {
	const char *p, *end;
	size_t indent;
};

static void add_utf8(struct strbuf *sb, uint32_t c)
{
	if (c < 0x80) {
		strbuf_addch(sb, (char)c);
	} else if (c < 0x800) {
		strbuf_addch(sb, (char)(0xC0 | (c >> 6)));
		strbuf_addch(sb, (char)(0x80 | (c & 0x3F)));
	} else {
		if (c >= 0xD800 && c <= 0xDFFF)
			c = 0xFFFD;	/* a lone surrogate */
		strbuf_addch(sb, (char)(0xE0 | (c >> 12)));
		strbuf_addch(sb, (char)(0x80 | ((c >> 6) & 0x3F)));
		strbuf_addch(sb, (char)(0x80 | (c & 0x3F)));
	}
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* After a backslash of a double-quoted value; returns what follows. */
static const char *unescape(const char *p, const char *end,
			    struct strbuf *out)
{
	uint32_t c = 0;
	int i;

	if (p == end)
		return p;
	if (*p == 'u' && end - p >= 5) {
		for (i = 1; i <= 4 && hex(p[i]) >= 0; i++)
			c = c * 16 + (uint32_t)hex(p[i]);
		if (i == 5) {
			add_utf8(out, c);
			return p + 5;
		}
	}
	strbuf_addch(out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
	return p + 1;
}

/* A scalar value (malloc'd): quotes undone, a plain one trimmed. */
static char *scalar(const char *p, const char *end)
{
	struct strbuf sb;
	char quote;

	while (p < end && *p == ' ')
		p++;
	strbuf_init(&sb);
	quote = p < end && (*p == '\'' || *p == '"') ? *p++ : 0;
	while (p < end) {
		if (quote == '\'' && *p == '\'' && p + 1 < end && p[1] == '\'') {
			strbuf_addch(&sb, '\'');
			p += 2;
		} else if (quote && *p == quote) {
			break;
		} else if (quote == '"' && *p == '\\') {
			p = unescape(p + 1, end, &sb);
		} else if (!quote && *p == '#' && sb.len &&
			   sb.buf[sb.len - 1] == ' ') {
			break;	/* a comment */
		} else {
			strbuf_addch(&sb, *p++);
		}
	}
	while (!quote && sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	if (!quote && (!strcmp(sb.buf, "~") || !strcmp(sb.buf, "null")))
		strbuf_reset(&sb);
	return strbuf_detach(&sb);
}

/* The key of "key: value" or "key:" at p (a leading ':' dropped). */
static const char *key_end(const char *p, const char *end)
{
	for (const char *q = p + (p < end && *p == ':'); q < end; q++)
		if (*q == ':' && (q + 1 == end || q[1] == ' '))
			return q;
	return NULL;
}

static bool is_key(const char *p, const char *colon, const char *key)
{
	size_t len = strlen(key);

	if (p < colon && *p == ':')
		p++;
	return (size_t)(colon - p) == len && !memcmp(p, key, len);
}

struct parser {
	struct lms_metadata *metadata;
	size_t alloc;
	struct lms_submission *current;	/* NULL outside a submission */
	size_t key_indent;	/* of the submission's keys; SIZE_MAX: unknown */
	size_t list_indent;	/* of ":submitters:"; SIZE_MAX: not in it */
};

static void open_submission(struct parser *parser, const struct line *l,
			    const char *colon)
{
	struct lms_metadata *m = parser->metadata;
	char *folder = scalar(l->p, colon);

	if (m->nr == parser->alloc) {
		parser->alloc = parser->alloc ? 2 * parser->alloc : 32;
		m->items = xrealloc(m->items, parser->alloc * sizeof *m->items);
	}
	parser->current = &m->items[m->nr++];
	memset(parser->current, 0, sizeof *parser->current);
	/* Some exports write the key as a Ruby symbol, ":submission_1". */
	parser->current->folder = xstrdup(folder + (*folder == ':'));
	free(folder);
	parser->key_indent = parser->list_indent = SIZE_MAX;
}

static void submitter_field(struct lms_submission *s, const char *p,
			    const char *colon, const char *end)
{
	static const char *const keys[] = { "name", "sid", "email" };
	struct lms_submitter *who;

	if (!s->nr)
		return;	/* a field before the first "- " */
	who = &s->submitters[s->nr - 1];
	for (size_t i = 0; i < 3; i++) {
		char **field = i == 0 ? &who->name : i == 1 ? &who->sid :
			       &who->email;

		if (is_key(p, colon, keys[i])) {
			free(*field);
			*field = scalar(colon + 1, end);
		}
	}
}

static void new_submitter(struct lms_submission *s)
{
	struct lms_submitter *who;

	s->submitters = xrealloc(s->submitters, (s->nr + 1) *
				 sizeof *s->submitters);
	who = &s->submitters[s->nr++];
	who->name = xstrdup("");
	who->sid = xstrdup("");
	who->email = xstrdup("");
}

static void list_line(struct parser *parser, const struct line *l)
{
	const char *p = l->p + l->indent, *colon;

	if (p + 1 < l->end && p[0] == '-' && p[1] == ' ') {
		new_submitter(parser->current);
		for (p += 2; p < l->end && *p == ' '; p++)
			;
	}
	colon = key_end(p, l->end);
	if (colon)
		submitter_field(parser->current, p, colon, l->end);
}

static void take_line(struct parser *parser, const struct line *l)
{
	const char *p = l->p + l->indent, *colon;
	bool item = p + 1 < l->end && p[0] == '-' && p[1] == ' ';

	if (p == l->end || *p == '#')
		return;
	if (l->indent == 0) {
		colon = key_end(p, l->end);
		parser->current = NULL;
		if (colon && !item && *p != '-' && *p != '.')
			open_submission(parser, l, colon);
		return;
	}
	if (!parser->current)
		return;
	if (parser->list_indent != SIZE_MAX &&
	    (l->indent > parser->list_indent ||
	     (l->indent == parser->list_indent && item))) {
		list_line(parser, l);
		return;
	}
	/* Deeper lines belong to other keys' values (autograder output). */
	if (parser->key_indent == SIZE_MAX)
		parser->key_indent = l->indent;
	if (l->indent != parser->key_indent)
		return;
	colon = key_end(p, l->end);
	parser->list_indent = colon && is_key(p, colon, "submitters") ?
			      l->indent : SIZE_MAX;
	if (colon && is_key(p, colon, "created_at")) {
		free(parser->current->created_at);
		parser->current->created_at = scalar(colon + 1, l->end);
	}
}

void lms_metadata_parse(struct lms_metadata *metadata, const char *text,
			size_t len)
{
	struct parser parser = { .metadata = metadata,
				 .key_indent = SIZE_MAX,
				 .list_indent = SIZE_MAX };
	const char *p = text, *end = text + len;

	memset(metadata, 0, sizeof *metadata);
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct line l = { .p = p, .end = nl ? nl : end };

		if (l.end > l.p && l.end[-1] == '\r')
			l.end--;
		while (l.p + l.indent < l.end && l.p[l.indent] == ' ')
			l.indent++;
		take_line(&parser, &l);
		p = nl ? nl + 1 : end;
	}
}
