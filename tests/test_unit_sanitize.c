/*
 * test_unit_sanitize.c - student text made safe for a terminal, Markdown
 * and HTML: escape sequences removed whole, other control characters shown
 * as '?', newlines, tabs and valid UTF-8 kept.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"

static void expect_clean(const char *text, const char *expected)
{
	char *clean = sanitize_dup(text);

	cr_expect_str_eq(clean, expected, "sanitize(\"%s\")", text);
	free(clean);
}

/* No control byte but \n and \t, no C1 control, and valid UTF-8. */
static void expect_safe(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < len;) {
		size_t n = sanitize_utf8_length(s + i, len - i);

		cr_assert_neq(n, 0, "invalid UTF-8 at byte %zu", i);
		cr_assert(s[i] >= 0x20 || s[i] == '\n' || s[i] == '\t',
			  "control byte 0x%02x at %zu", s[i], i);
		cr_assert_neq(s[i], 0x7f, "DEL at %zu", i);
		cr_assert(!(n == 2 && s[i] == 0xc2 && s[i + 1] < 0xa0),
			  "C1 control at %zu", i);
		i += n;
	}
}

Test(sanitize, keeps_ordinary_text)
{
	expect_clean("got:\t0.25\nexpected: 0.5\n", "got:\t0.25\nexpected: 0.5\n");
	expect_clean("\xc3\xa9t\xc3\xa9 \xe2\x88\x9e \xf0\x9f\x99\x82",
		     "\xc3\xa9t\xc3\xa9 \xe2\x88\x9e \xf0\x9f\x99\x82");
	expect_clean("", "");
}

Test(sanitize, removes_escape_sequences_whole)
{
	expect_clean("a\033[2J\033[Hb 12/12 points", "ab 12/12 points");
	expect_clean("\033[1;31mred\033[0m", "red");
	expect_clean("x\033]0;title\007y", "xy");
	expect_clean("x\033]8;;http://e.x\033\\link\033]8;;\033\\y", "xlinky");
	expect_clean("x\033(By\033cz\0337", "xyz");
	expect_clean("x\033Pq#0;1;2\033\\y", "xy");
	/* Cut short by a line end or the text's end: nothing carries over. */
	expect_clean("a\033[12\nb", "a\nb");
	expect_clean("a\033]0;no end\nb", "a\nb");
	expect_clean("end\033", "end");
	expect_clean("end\033[", "end");
}

Test(sanitize, shows_other_controls_as_question_marks)
{
	expect_clean("bell\007 nul-less \001\002 del\177", "bell? nul-less ?? del?");
	expect_clean("crlf\r\nline", "crlf\nline");
	expect_clean("over\rwrite", "over?write");
	expect_clean("backspace\b\b\bX", "backspace???X");
	/* C1 controls, as UTF-8 and as raw bytes, and broken UTF-8. */
	expect_clean("a\xc2\x9b" "2Jb", "a?2Jb");
	expect_clean("a\x9b" "2Jb", "a?2Jb");
	expect_clean("a\xff\xfe b", "a?? b");
	expect_clean("cut \xe2\x82", "cut ??");
	expect_clean("overlong \xc0\xaf", "overlong ??");
}

Test(sanitize, null_is_empty)
{
	struct strbuf sb;

	strbuf_init(&sb);
	sanitize_add(&sb, NULL);
	cr_expect_eq(sb.len, 0);
	strbuf_release(&sb);
}

Test(sanitize, every_byte_comes_out_safe_and_again_unchanged)
{
	char text[3 * 256 + 1];
	size_t len = 0;
	struct strbuf once, twice;

	/* Every byte, also each after an ESC and after a C2 lead byte. */
	for (int c = 1; c < 256; c++) {
		text[len++] = (char)c;
		if (c % 3 == 0)
			text[len++] = (char)(c % 2 ? 0x1b : 0xc2);
	}
	text[len] = '\0';
	strbuf_init(&once);
	strbuf_init(&twice);
	sanitize_add(&once, text);
	expect_safe(once.buf, once.len);
	sanitize_add(&twice, once.buf);
	cr_expect_str_eq(twice.buf, once.buf, "sanitizing twice changed it");
	strbuf_release(&once);
	strbuf_release(&twice);
}
