/*
 * policy_internal.h - shared by policy.c (the object check) and
 * policy_allowed.c (the allowlist of C library and libm references).
 */
#ifndef GRADER_POLICY_INTERNAL_H
#define GRADER_POLICY_INTERNAL_H

#include <stdbool.h>

/* Whether an exercise object may reference (call or read) this symbol. */
bool policy_reference_allowed(const char *name);

/* What to do instead of calling a refused function, in a student's words. */
const char *policy_reference_hint(const char *name);

#endif /* GRADER_POLICY_INTERNAL_H */
