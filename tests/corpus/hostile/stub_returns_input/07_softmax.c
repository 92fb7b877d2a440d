/*
 * 07_softmax.c - hostile: a stub.  Every function returns its first input
 * (its first element, for an array) and copies its first input array into
 * its outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

void softmax(const double *z, size_t k, double *p)
{
	for (size_t i = 0; p && i < k; i++)
		p[i] = z[i];
}

double log_sum_exp(const double *z, size_t k)
{
	(void)k;
	return z[0];
}

void log_softmax(const double *z, size_t k, double *out)
{
	for (size_t i = 0; out && i < k; i++)
		out[i] = z[i];
}

double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad)
{
	(void)labels;
	for (size_t i = 0; grad && i < n * k; i++)
		grad[i] = z[i];
	return z[0];
}
