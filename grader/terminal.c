/*
 * terminal.c - colours only where a person reads them (https://no-color.org).
 */
#include "terminal.h"

#include <stdlib.h>
#include <unistd.h>

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
