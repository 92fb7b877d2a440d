/*
 * 03_gradcheck.c - hostile: a stub.  Every function ignores the values of
 * its inputs, returns 0.5 and writes 0.5 into its outputs; the file must
 * score 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.5

void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad)
{
	(void)f;
	(void)ctx;
	(void)x;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = STUB;
}

double relative_error(const double *a, const double *b, size_t n)
{
	(void)a;
	(void)b;
	(void)n;
	return STUB;
}
