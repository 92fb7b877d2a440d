/*
 * terminal.c - colours only where a person reads them (https://no-color.org),
 * and redraws that replace the screen.
 */
#include "terminal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void terminal_add_redraw(struct strbuf *out, const char *text)
{
	strbuf_addstr(out, TERMINAL_HOME);
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);

		strbuf_add(out, text, len);
		strbuf_addstr(out, TERMINAL_CLEAR_LINE);
		if (end)
			strbuf_addch(out, '\n');
		text += len + (end ? 1 : 0);
	}
	strbuf_addstr(out, TERMINAL_CLEAR_BELOW);
}

bool terminal_is_tty(void)
{
	return isatty(STDOUT_FILENO) == 1;
}

bool terminal_use_color(bool no_color_option)
{
	const char *no_color = getenv("NO_COLOR");

	return !no_color_option && !(no_color && *no_color) &&
	       terminal_is_tty();
}
