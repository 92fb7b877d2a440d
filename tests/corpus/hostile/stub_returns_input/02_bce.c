/*
 * 02_bce.c - hostile: a stub.  Every function returns its first input (its
 * first element, for an array) and copies its first input array into its
 * outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

double bce_loss(const double *y, const double *p, size_t n)
{
	(void)p;
	(void)n;
	return y[0];
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	(void)z;
	(void)n;
	return y[0];
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	(void)z;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = y[i];
}
