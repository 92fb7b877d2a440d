/*
 * 02_bce.c - correct alternative: pairwise summation, (1 - y) softplus(z)
 * + y softplus(-z) with softplus split by sign, and the gradient as
 * (1/n) (sigma(z) - y) with the mean factor multiplied in.
 */
#include <math.h>

#include "workbook.h"

static double softplus(double t)
{
	if (t > 0.0)
		return t + log1p(exp(-t));
	return log1p(exp(t));
}

static double term_p(double y, double p)
{
	double a = y == 0.0 ? 0.0 : -y * log(p);
	double b = y == 1.0 ? 0.0 : -(1.0 - y) * log1p(-p);

	return a + b;
}

static double term_z(double y, double z)
{
	double a = y == 1.0 ? 0.0 : (1.0 - y) * softplus(z);
	double b = y == 0.0 ? 0.0 : y * softplus(-z);

	return a + b;
}

static double pairwise(double (*term)(double, double), const double *y,
		       const double *x, size_t n)
{
	if (n == 1)
		return term(y[0], x[0]);
	return pairwise(term, y, x, n / 2) +
	       pairwise(term, y + n / 2, x + n / 2, n - n / 2);
}

double bce_loss(const double *y, const double *p, size_t n)
{
	return pairwise(term_p, y, p, n) / (double)n;
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	return pairwise(term_z, y, z, n) / (double)n;
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	double inv = 1.0 / (double)n;

	for (size_t i = 0; i < n; i++) {
		double e = exp(-fabs(z[i]));
		double s = z[i] >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);

		grad[i] = inv * (s - y[i]);
	}
}
