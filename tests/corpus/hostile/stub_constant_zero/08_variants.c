/*
 * 08_variants.c - hostile: a stub.  Every function ignores the values of
 * its inputs, returns 0.0 and writes 0.0 into its outputs; the file must
 * score 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.0

double smoothed_cross_entropy(const double *z, const size_t *labels,
			      size_t n, size_t k, double eps, double *grad)
{
	(void)z;
	(void)labels;
	(void)eps;
	for (size_t i = 0; grad && i < n * k; i++)
		grad[i] = STUB;
	return STUB;
}

double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad)
{
	(void)y;
	(void)z;
	(void)alpha;
	(void)gamma;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = STUB;
	return STUB;
}
