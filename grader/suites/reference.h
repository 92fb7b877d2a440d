/*
 * reference.h - the reference solutions under their ref_ names.
 *
 * The solutions are compiled with -Dsigmoid=ref_sigmoid (and so on for every
 * contract function, see solutions/solutions.mk), so they can be linked beside
 * a student's file that defines the contract names.  __typeof__ gives each
 * ref_ function the contract's own type, so no signature is written twice;
 * the names come from the curriculum's manifest (include/curriculum.def).
 */
#ifndef WB_REFERENCE_H
#define WB_REFERENCE_H

#include "workbook.h"

#define WB_EXERCISE(stem, ...)
#define WB_FUNCTION(name, ...) extern __typeof__(name) ref_##name;
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END

#endif /* WB_REFERENCE_H */
