/*
 * 02_bce.c - correct alternative: the textbook log(1 - p), PyTorch's
 * compact loss on logits max(z, 0) - y z + log1p(e^-|z|) summed backwards,
 * and the gradient as sigma(z) - y computed directly.
 */
#include <math.h>

#include "workbook.h"

static double sig(double z)
{
	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	return exp(z) / (1.0 + exp(z));
}

double bce_loss(const double *y, const double *p, size_t n)
{
	double total = 0.0;

	for (size_t i = 0; i < n; i++) {
		if (y[i] > 0.0)
			total += -y[i] * log(p[i]);
		if (y[i] < 1.0)
			total += -(1.0 - y[i]) * log(1.0 - p[i]);
	}
	return total / (double)n;
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	double total = 0.0;

	for (size_t i = n; i-- > 0;)
		total += fmax(z[i], 0.0) - y[i] * z[i] + log1p(exp(-fabs(z[i])));
	return total / (double)n;
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	for (size_t i = 0; i < n; i++)
		grad[i] = (sig(z[i]) - y[i]) / (double)n;
}
