/*
 * curriculum_names.h - the names make needs from the curriculum's manifest
 * (include/curriculum.def), through the C preprocessor: the Makefile runs
 *   cc -E -P -Iinclude -DLIST_EXERCISES -x c tools/curriculum_names.h
 * for EXERCISES (NN_name, in order), and without -DLIST_EXERCISES for
 * CONTRACT_FUNCTIONS.
 */
#ifdef LIST_EXERCISES
#define WB_EXERCISE(stem, ...) stem
#define WB_FUNCTION(name, ...)
#else
#define WB_EXERCISE(stem, ...)
#define WB_FUNCTION(name, ...) name
#endif
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
