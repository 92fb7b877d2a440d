/*
 * Corpus entry 05_mse_naive_sigmoid_prime: buggy.  The one-line sigmoid and
 * sigma' as s (1 - s), which chapter 5, "Exercise", warns is 0 once s rounds
 * to 1 (the fully naive file, which once scored 13/13).
 */
#include <math.h>
#include "workbook.h"
static double sg(double z) { return 1.0 / (1.0 + exp(-z)); }
double mse_sigmoid_loss(const double *y, const double *z, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++) { double r = sg(z[i]) - y[i]; s += r * r; }
	return s / (double)n;
}
void mse_sigmoid_grad(const double *y, const double *z, size_t n, double *grad)
{
	for (size_t i = 0; i < n; i++) { double s = sg(z[i]); grad[i] = 2.0 * (s - y[i]) * s * (1.0 - s) / (double)n; }
}
double mse_sigmoid_curvature(double y, double z)
{
	double s = sg(z), ds = s * (1.0 - s);
	return 2.0 * ds * (ds + (s - y) * (1.0 - 2.0 * s));
}
