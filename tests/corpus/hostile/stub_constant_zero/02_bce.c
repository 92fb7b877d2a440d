/*
 * 02_bce.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 0.0 and writes 0.0 into its outputs; the file must score
 * 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.0

double bce_loss(const double *y, const double *p, size_t n)
{
	(void)y;
	(void)p;
	(void)n;
	return STUB;
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	(void)y;
	(void)z;
	(void)n;
	return STUB;
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	(void)y;
	(void)z;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = STUB;
}
