/*
 * 05_mse.c - hostile: a stub.  Every function returns its first input (its
 * first element, for an array) and copies its first input array into its
 * outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

double mse_sigmoid_loss(const double *y, const double *z, size_t n)
{
	(void)z;
	(void)n;
	return y[0];
}

void mse_sigmoid_grad(const double *y, const double *z, size_t n,
		      double *grad)
{
	(void)z;
	for (size_t i = 0; grad && i < n; i++)
		grad[i] = y[i];
}

double mse_sigmoid_curvature(double y, double z)
{
	(void)z;
	return y;
}
