/*
 * 09_softmax_regression.c - hostile: a stub.  Every function returns its
 * first input (its first element, for an array) and copies its first input
 * array into its outputs (as far as both reach), and ignores the rest; the
 * file must score 0.  softmax_regression_fit leaves W and b as given
 * (right for steps = 0 only).
 */
#include <stddef.h>

#include "workbook.h"

double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b)
{
	(void)labels;
	(void)W;
	(void)b;
	for (size_t i = 0; grad_W && i < d * k && i < n * d; i++)
		grad_W[i] = X[i];
	for (size_t c = 0; grad_b && c < k && c < n * d; c++)
		grad_b[c] = X[c];
	return X[0];
}

void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b)
{
	(void)X;
	(void)labels;
	(void)n;
	(void)d;
	(void)k;
	(void)lr;
	(void)steps;
	(void)W;
	(void)b;
}
