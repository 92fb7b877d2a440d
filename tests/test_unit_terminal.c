/*
 * test_unit_terminal.c - a watch redraw replaces the screen in place:
 * cursor home, each line cleared after its text, the rest cleared, and
 * never the clear-screen sequence that terminals push into the scrollback.
 */
#include <criterion/criterion.h>

#include <string.h>

#include "util/terminal.h"

Test(terminal, redraw_overwrites_in_place)
{
	struct strbuf out;

	strbuf_init(&out);
	terminal_add_redraw(&out, "one\ntwo\n");
	cr_expect_str_eq(out.buf, "\033[Hone\033[K\ntwo\033[K\n\033[J");
	cr_expect(!strstr(out.buf, "\033[2J"), "%s", out.buf);
	strbuf_release(&out);
}
