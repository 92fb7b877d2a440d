/*
 * 06_information.c - hostile: a stub.  Every function ignores the values of
 * its inputs, returns 1.0 and writes 1.0 into its outputs; the file must
 * score 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 1.0

double entropy(const double *p, size_t k)
{
	(void)p;
	(void)k;
	return STUB;
}

double cross_entropy(const double *p, const double *q, size_t k)
{
	(void)p;
	(void)q;
	(void)k;
	return STUB;
}

double kl_divergence(const double *p, const double *q, size_t k)
{
	(void)p;
	(void)q;
	(void)k;
	return STUB;
}
