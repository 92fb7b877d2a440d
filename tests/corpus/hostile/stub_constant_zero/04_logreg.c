/*
 * 04_logreg.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 0.0 and writes 0.0 into its outputs; the file must score
 * 0.  logreg_fit leaves w and b as given (right for steps = 0 only).
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.0

double logreg_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b)
{
	(void)X;
	(void)y;
	(void)n;
	(void)w;
	(void)b;
	for (size_t i = 0; grad_w && i < d; i++)
		grad_w[i] = STUB;
	if (grad_b)
		*grad_b = STUB;
	return STUB;
}

void logreg_fit(const double *X, const double *y, size_t n, size_t d,
		double lr, size_t steps, double *w, double *b)
{
	(void)X;
	(void)y;
	(void)n;
	(void)d;
	(void)lr;
	(void)steps;
	(void)w;
	(void)b;
}
