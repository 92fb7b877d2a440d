/*
 * Corpus entry 05_mse_tanh_sigmoid: a correct alternative to the reference.
 * The loss uses the sigmoid 1/2 + 1/2 tanh(z/2) and sums backwards (exact
 * to ~1e-16 absolute, which the loss's tolerance allows).  sigma' is
 * 1 / (4 cosh^2(z/2)), accurate relative to its size in both tails (not
 * s (1 - s), which chapter 5 says is 0 once s rounds to 1), and the
 * residual of a label 1 is -sigma(-z), the case of chapter 5's advice that
 * the tests reach, with the plain s - y otherwise.  The curvature is the
 * expanded 2 s'^2 + 2 (s - y) s' (1 - 2 s).
 */
#include <math.h>

#include "workbook.h"

static double tanh_sigmoid(double z)
{
	return 0.5 + 0.5 * tanh(0.5 * z);
}

/* Branching on the sign: exp never overflows. */
static double safe_sigmoid(double z)
{
	double e = exp(-fabs(z));

	return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

/* cosh overflows to inf past |z| = 1420, where 1 / inf = 0 is the
 * correctly rounded answer anyway. */
static double cosh_sigmoid_grad(double z)
{
	double c = cosh(0.5 * z);

	return 0.25 / (c * c);
}

static double residual(double y, double z)
{
	return y == 1.0 ? -safe_sigmoid(-z) : safe_sigmoid(z) - y;
}

double mse_sigmoid_loss(const double *y, const double *z, size_t n)
{
	double sum = 0.0;

	for (size_t i = n; i-- > 0;) {
		double r = tanh_sigmoid(z[i]) - y[i];

		sum += r * r;
	}
	return sum / (double)n;
}

void mse_sigmoid_grad(const double *y, const double *z, size_t n,
		      double *grad)
{
	for (size_t i = 0; i < n; i++)
		grad[i] = 2.0 * residual(y[i], z[i]) *
			  cosh_sigmoid_grad(z[i]) / (double)n;
}

double mse_sigmoid_curvature(double y, double z)
{
	double s = safe_sigmoid(z), ds = cosh_sigmoid_grad(z);

	return 2.0 * ds * ds + 2.0 * residual(y, z) * ds * (1.0 - 2.0 * s);
}
