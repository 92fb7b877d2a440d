/*
 * 03_gradcheck.c - hostile: a stub.  Every function returns its first input
 * (its first element, for an array) and copies its first input array into
 * its outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad)
{
	(void)f;
	(void)ctx;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = x[i];
}

double relative_error(const double *a, const double *b, size_t n)
{
	(void)b;
	(void)n;
	return a[0];
}
