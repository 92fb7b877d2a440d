/*
 * 03_gradcheck.c - correct alternative: central differences with the step
 * 1e-5 max(|x_i|, 1) divided by 2h, coordinates visited backwards; the
 * relative error with the floor applied by a comparison and fmax.
 */
#include <float.h>
#include <math.h>

#include "workbook.h"

void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad)
{
	for (size_t i = n; i-- > 0;) {
		const double keep = x[i];
		const double h = 1e-5 * (fabs(keep) > 1.0 ? fabs(keep) : 1.0);
		double up, down;

		x[i] = keep + h;
		up = f(x, n, ctx);
		x[i] = keep - h;
		down = f(x, n, ctx);
		x[i] = keep;
		grad[i] = (up - down) / (2.0 * h);
	}
}

double relative_error(const double *a, const double *b, size_t n)
{
	double worst = 0.0;

	for (size_t i = n; i-- > 0;) {
		double den = fabs(a[i]) + fabs(b[i]);

		if (den < DBL_MIN)
			den = DBL_MIN;
		worst = fmax(worst, fabs(a[i] - b[i]) / den);
	}
	return worst;
}
