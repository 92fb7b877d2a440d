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
/* Clears the screen and moves the cursor home. */
#define TERMINAL_CLEAR "\033[2J\033[H"

/* Whether standard output is a terminal. */
bool terminal_is_tty(void);

/* Colours: on a terminal, unless --no-color or NO_COLOR say otherwise. */
bool terminal_use_color(bool no_color_option);

#endif /* GRADER_TERMINAL_H */
