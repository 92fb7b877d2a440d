/*
 * 07_softmax.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 0.5 and writes 0.5 into its outputs; the file must score
 * 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.5

void softmax(const double *z, size_t k, double *p)
{
	(void)z;
	for (size_t i = 0; p && i < k; i++)
		p[i] = STUB;
}

double log_sum_exp(const double *z, size_t k)
{
	(void)z;
	(void)k;
	return STUB;
}

void log_softmax(const double *z, size_t k, double *out)
{
	(void)z;
	for (size_t i = 0; out && i < k; i++)
		out[i] = STUB;
}

double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad)
{
	(void)z;
	(void)labels;
	for (size_t i = 0; grad && i < n * k; i++)
		grad[i] = STUB;
	return STUB;
}
