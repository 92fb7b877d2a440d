/*
 * hints_text.h - the hint texts, split by chapters so no file grows long;
 * hints_table.c is the only reader.
 */
#ifndef GRADER_HINTS_TEXT_H
#define GRADER_HINTS_TEXT_H

#include <stddef.h>

#include "hints_table.h"

/* A NULL-terminated list of hints, as a static array. */
#define HINTS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Chapters 1 to 4, then 5 to 9; each ends with a { NULL } entry. */
extern const struct hints_entry hints_text_early[];
extern const struct hints_entry hints_text_late[];

#endif /* GRADER_HINTS_TEXT_H */
