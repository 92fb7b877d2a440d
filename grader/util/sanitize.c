/*
 * sanitize.c - control characters and escape sequences out of student text.
 */
#include "sanitize.h"

#include <string.h>

enum {
	ESC = 0x1b,
	BEL = 0x07,
	DEL = 0x7f,
	C1_FIRST = 0x80,	/* U+0080 ... U+009F: the 8-bit controls */
	C1_LAST = 0x9f,
};

/* What stands for a control character. */
static const char replacement = '?';

size_t sanitize_utf8_length(const unsigned char *s, size_t len)
{
	size_t need;
	unsigned min, code;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0)
		need = 2, min = 0x80, code = s[0] & 0x1fu;
	else if ((s[0] & 0xf0) == 0xe0)
		need = 3, min = 0x800, code = s[0] & 0x0fu;
	else if ((s[0] & 0xf8) == 0xf0)
		need = 4, min = 0x10000, code = s[0] & 0x07u;
	else
		return 0;
	if (need > len)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		code = (code << 6) | (s[i] & 0x3fu);
	}
	if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
		return 0;
	return need;
}

/* A string control (OSC, DCS, SOS, PM, APC) runs to BEL or ESC \. */
static bool opens_string(unsigned char c)
{
	return c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_';
}

/*
 * Length of the escape sequence at s[0] == ESC, all of which is dropped.
 * A sequence cut short ends at the end of the text or of the line (the
 * terminal never sees its start, so nothing carries over).
 */
static size_t escape_length(const unsigned char *s, size_t len)
{
	size_t i = 1;

	if (len < 2 || s[1] == '\n')
		return 1;
	if (s[1] == '[') {
		for (i = 2; i < len && s[i] >= 0x20 && s[i] <= 0x3f; i++)
			;
		return i < len && s[i] >= 0x40 && s[i] <= 0x7e ? i + 1 : i;
	}
	if (opens_string(s[1])) {
		for (i = 2; i < len && s[i] != '\n'; i++) {
			if (s[i] == BEL)
				return i + 1;
			if (s[i] == ESC && i + 1 < len && s[i + 1] == '\\')
				return i + 2;
		}
		return i;
	}
	/* ESC, intermediates (0x20-0x2f), a final byte (0x30-0x7e). */
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	return i < len && s[i] >= 0x30 && s[i] <= 0x7e ? i + 1 : i;
}

static bool is_c1(const unsigned char *s, size_t n)
{
	return n == 2 && s[0] == 0xc2 && s[1] >= C1_FIRST && s[1] <= C1_LAST;
}

void sanitize_add_len(struct strbuf *out, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < len) {
		size_t n;

		if (s[i] == ESC) {
			i += escape_length(s + i, len - i);
			continue;
		}
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;
			continue;
		}
		if (s[i] == '\n' || s[i] == '\t' ||
		    (s[i] >= 0x20 && s[i] != DEL && s[i] < 0x80)) {
			strbuf_addch(out, (char)s[i++]);
			continue;
		}
		n = s[i] < 0x80 ? 0 : sanitize_utf8_length(s + i, len - i);
		if (n == 0 || is_c1(s + i, n)) {
			strbuf_addch(out, replacement);
			i += n ? n : 1;
			continue;
		}
		strbuf_add(out, s + i, n);
		i += n;
	}
}

void sanitize_add(struct strbuf *out, const char *text)
{
	if (text)
		sanitize_add_len(out, text, strlen(text));
}

char *sanitize_dup(const char *text)
{
	struct strbuf sb;

	strbuf_init(&sb);
	sanitize_add(&sb, text);
	return strbuf_detach(&sb);
}
