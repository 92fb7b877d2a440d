/*
 * curriculum.h - what the project's code needs as constants from the
 * curriculum's manifest (include/curriculum.def): the number of exercises,
 * for arrays kept per exercise.  Not part of the exercise contract.
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

#endif /* WB_CURRICULUM_H */
