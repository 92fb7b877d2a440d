/*
 * hints_text.h - the hint texts and the traps, one file per exercise
 * (grader/hints/NN_name.c, defining hints_NN_name[] and
 * hints_traps_NN_name[]), listed from the curriculum's manifest;
 * hints_table.c is the only reader.
 */
#ifndef GRADER_HINTS_TEXT_H
#define GRADER_HINTS_TEXT_H

#include <stddef.h>

#include "hints_table.h"

/* A NULL-terminated list of hints, as a static array. */
#define HINTS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The definition of an exercise's table, which ends with a { NULL } entry. */
#define HINTS_EXERCISE(stem) const struct hints_entry hints_##stem[]

/* The definition of an exercise's traps, which end with a { NULL } entry. */
#define HINTS_TRAPS(stem) const struct hints_trap hints_traps_##stem[]

/* One table and one list of traps per exercise of include/curriculum.def. */
#define WB_EXERCISE(stem, ...)                                               \
	extern HINTS_EXERCISE(stem);                                         \
	extern HINTS_TRAPS(stem);
#define WB_FUNCTION(...)
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END

#endif /* GRADER_HINTS_TEXT_H */
