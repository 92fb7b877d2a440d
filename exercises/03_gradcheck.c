// 03_gradcheck.c - exercise of chapter 3, "The gradient is prediction minus
// truth".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 03_gradcheck.c` grades this file alone, and
// `make check EX=03` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
#include <float.h>
#include <math.h>

#include "workbook.h"

void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad)
{
	// TODO: for each i, estimate d f / d x_i by central differences with a
	// step scaled to x_i; leave x exactly as you found it.
	// Chapter 3, "Choosing the step".
	(void)f;
	(void)ctx;
	(void)x;
	(void)n;
	(void)grad;
	workbook_todo(__func__);
}

double relative_error(const double *a, const double *b, size_t n)
{
	// TODO: return the maximum over i of
	// |a_i - b_i| / max(|a_i| + |b_i|, DBL_MIN).
	// Chapter 3, "Relative error".
	(void)a;
	(void)b;
	(void)n;
	return workbook_todo(__func__);
}
