/*
 * curriculum.h - what the project's code needs as constants from the
 * curriculum's manifest (include/curriculum.def): the number of exercises,
 * for arrays kept per exercise, and the most functions one exercise has,
 * for arrays kept per function.  Not part of the exercise contract.
 */
#ifndef WB_CURRICULUM_H
#define WB_CURRICULUM_H

enum {
	CURRICULUM_EXERCISES = 0
#define WB_EXERCISE(stem, ...) + 1
#define WB_FUNCTION(name, ...)
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

/*
 * One member per exercise, as many bytes long as it has functions: the
 * union is as large as the largest, so its size is the maximum, worked
 * out by the compiler.
 */
union curriculum_functions_of {
#define WB_EXERCISE(stem, ...) char exercise_##stem[0
#define WB_FUNCTION(name, ...) + 1
#define WB_EXERCISE_END(stem) ];
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

enum { CURRICULUM_MAX_FUNCTIONS = sizeof(union curriculum_functions_of) };

#endif /* WB_CURRICULUM_H */
