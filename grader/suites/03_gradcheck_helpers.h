/*
 * 03_gradcheck_helpers.h - what the two parts of suite 03_gradcheck share
 * (03_gradcheck.c: numerical_gradient; 03_gradcheck_relerr.c:
 * relative_error): the weak declarations and the longest vector.
 */
#ifndef WB_SUITE_GRADCHECK_HELPERS_H
#define WB_SUITE_GRADCHECK_HELPERS_H

#include "check.h"

#pragma weak numerical_gradient
#pragma weak relative_error

enum { MAXN = 24 };

#endif /* WB_SUITE_GRADCHECK_HELPERS_H */
