/*
 * 06_information.c - hostile: a stub.  Every function returns its first
 * input (its first element, for an array) and copies its first input array
 * into its outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

double entropy(const double *p, size_t k)
{
	(void)k;
	return p[0];
}

double cross_entropy(const double *p, const double *q, size_t k)
{
	(void)q;
	(void)k;
	return p[0];
}

double kl_divergence(const double *p, const double *q, size_t k)
{
	(void)q;
	(void)k;
	return p[0];
}
