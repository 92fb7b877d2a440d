/*
 * Corpus entry 03_gradcheck_relerr_floor_only_zeros: buggy.  relative_error
 * treats two zeros apart and otherwise divides by |a_i| + |b_i| without the
 * DBL_MIN floor, which chapter 3, "Relative error", says also matters for
 * subnormal components.
 */
#include <math.h>
#include <float.h>
#include "workbook.h"
void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n, double *grad)
{
	for (size_t i = 0; i < n; i++) {
		double xi = x[i], h = 6e-6 * fmax(fabs(xi), 1.0);
		x[i] = xi + h; double fp = f(x, n, ctx);
		x[i] = xi - h; double fm = f(x, n, ctx);
		x[i] = xi;
		grad[i] = (fp - fm) / ((xi + h) - (xi - h));
	}
}
double relative_error(const double *a, const double *b, size_t n)
{
	double worst = 0;
	for (size_t i = 0; i < n; i++) {
		if (a[i] == 0 && b[i] == 0) continue;
		double e = fabs(a[i] - b[i]) / (fabs(a[i]) + fabs(b[i]));
		if (e > worst) worst = e;
	}
	return worst;
}
