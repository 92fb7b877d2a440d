/*
 * 08_variants.c - hostile: a stub.  Every function returns its first input
 * (its first element, for an array) and copies its first input array into
 * its outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

double smoothed_cross_entropy(const double *z, const size_t *labels,
			      size_t n, size_t k, double eps, double *grad)
{
	(void)labels;
	(void)eps;
	for (size_t i = 0; grad && i < n * k; i++)
		grad[i] = z[i];
	return z[0];
}

double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad)
{
	(void)z;
	(void)alpha;
	(void)gamma;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = y[i];
	return y[0];
}
