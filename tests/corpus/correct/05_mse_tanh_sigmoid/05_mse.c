/*
 * Corpus entry 05_mse_tanh_sigmoid: a correct alternative to the reference.
 * The sigmoid is 1/2 + 1/2 tanh(z/2), the residual is the plain s - y and
 * s' is s (1 - s): all exact to ~1e-16 absolute (not relative in the far
 * tails, where the true values are below 1e-13).  The curvature is the
 * expanded 2 s'^2 + 2 (s - y) s' (1 - 2 s), and the loss sums backwards.
 */
#include <math.h>

#include "workbook.h"

static double tanh_sigmoid(double z)
{
	return 0.5 + 0.5 * tanh(0.5 * z);
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
	for (size_t i = 0; i < n; i++) {
		double s = tanh_sigmoid(z[i]);

		grad[i] = 2.0 * (s - y[i]) * (s * (1.0 - s)) / (double)n;
	}
}

double mse_sigmoid_curvature(double y, double z)
{
	double s = tanh_sigmoid(z);
	double ds = s * (1.0 - s);

	return 2.0 * ds * ds + 2.0 * (s - y) * ds * (1.0 - 2.0 * s);
}
