/*
 * terminal.h - what standard output is: whether to colour it (a terminal,
 * no --no-color, no NO_COLOR in the environment) and the ANSI sequences
 * the reports use.
 */
#ifndef GRADER_TERMINAL_H
#define GRADER_TERMINAL_H

#include <stdbool.h>

#define TERMINAL_GREEN "\033[32m"
#define TERMINAL_YELLOW "\033[33m"
#define TERMINAL_RED "\033[31m"
#define TERMINAL_BOLD "\033[1m"
#define TERMINAL_RESET "\033[0m"
/*
 * A redraw: the cursor home, each line cleared to its end after its text,
 * the rest of the screen cleared.  Unlike clearing the screen first (which
 * terminals such as tmux push into the scrollback), it replaces what was
 * shown in place.
 */
#define TERMINAL_HOME "\033[H"
#define TERMINAL_CLEAR_LINE "\033[K"
#define TERMINAL_CLEAR_BELOW "\033[J"

#include "strbuf.h"

/* Appends text as a redraw of the whole screen (see above). */
void terminal_add_redraw(struct strbuf *out, const char *text);

/* Whether standard output is a terminal. */
bool terminal_is_tty(void);

/* Colours: on a terminal, unless --no-color or NO_COLOR say otherwise. */
bool terminal_use_color(bool no_color_option);

#endif /* GRADER_TERMINAL_H */
