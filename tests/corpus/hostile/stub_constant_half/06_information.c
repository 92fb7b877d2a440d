/*
 * 06_information.c - hostile: a stub.  Every function ignores the values of
 * its inputs, returns 0.5 and writes 0.5 into its outputs; the file must
 * score 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.5

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
