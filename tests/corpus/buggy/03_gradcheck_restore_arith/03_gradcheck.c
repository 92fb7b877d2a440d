/* 03_gradcheck.c - buggy: numerical_gradient restores x_i by computing x_i + h - 2h + h, which is not always x_i. */
/*
 * 03_gradcheck.c - reference solution of exercise 3 (chapter 3, "The
 * gradient is prediction minus truth").
 *
 * Gradient checking: a central-difference gradient with a step scaled to
 * each coordinate, and the relative error used to compare two gradients.
 */
#include <float.h>
#include <math.h>

#include "workbook.h"

/*
 * numerical_gradient: grad[i] ~ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)
 *
 * Method:
 *	The central difference has truncation error ~ h^2 |f'''| / 6 and
 *	rounding error ~ eps |f| / h; their sum is smallest for
 *	h ~ cbrt(eps), where both are ~ eps^(2/3) ~ 4e-11 (relative, for a
 *	function of moderate scale).  The step is scaled to the coordinate,
 *
 *		h_i = cbrt(DBL_EPSILON) * max(|x_i|, 1),
 *
 *	so that x_i +- h_i really differs from x_i in about the same number
 *	of bits whatever the magnitude of x_i.
 *
 *	x_i + h_i and x_i - h_i are rounded, so the step really taken is not
 *	2 h_i: for |x_i| >= 1 the difference is a relative error up to
 *	eps / cbrt(eps) = eps^(2/3), as large as the whole error budget.
 *	Dividing by the realised step xp - xm removes it (the subtraction is
 *	exact for |x_i| >= 1, where xp and xm are within a factor 2 of each
 *	other: Sterbenz's lemma; for |x_i| < 1 it rounds at most once).
 *
 *	x is modified in place (f only sees x) and x_i is restored from a
 *	saved copy, not by computing x_i + h - h, so x is bitwise unchanged
 *	on return.
 */
void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad)
{
	const double scale = cbrt(DBL_EPSILON);
	size_t i;

	for (i = 0; i < n; i++) {
		double saved = x[i];
		double h = scale * fmax(fabs(saved), 1.0);
		double xp = saved + h;
		double xm = saved - h;
		double fp, fm;

		x[i] += h;
		fp = f(x, n, ctx);
		x[i] -= 2.0 * h;
		fm = f(x, n, ctx);
		x[i] += h;
		(void)xp;
		(void)xm;
		grad[i] = (fp - fm) / (2.0 * h);
	}
}

/*
 * One term of relative_error: |a - b| / max(|a| + |b|, DBL_MIN).
 *
 * Special cases first:
 *	a or b NaN:	NaN (the comparison failed; the caller propagates it).
 *	a == b:		0, also for equal infinities, where the formula
 *			would give inf / inf = NaN.
 *	one infinite:	1, the limit of the formula as one value grows
 *			without bound; so is opposite infinities (and any
 *			pair of opposite signs gives exactly 1).
 *	|a| + |b| overflows (both finite): the formula with a and b halved,
 *			which is the same ratio without the spurious inf.
 * Otherwise the formula as it stands.  The DBL_MIN floor only matters when
 * both are (nearly) 0; both exactly 0 gives 0 / DBL_MIN = 0.
 */
static double pair_error(double a, double b)
{
	double sum;

	if (isnan(a) || isnan(b))
		return NAN;
	if (a == b)
		return 0.0;
	if (isinf(a) || isinf(b))
		return 1.0;
	sum = fabs(a) + fabs(b);
	if (isinf(sum))
		return fabs(0.5 * a - 0.5 * b) / (0.5 * fabs(a) + 0.5 * fabs(b));
	return fabs(a - b) / fmax(sum, DBL_MIN);
}

/*
 * relative_error(a, b, n) = max_i |a_i - b_i| / max(|a_i| + |b_i|, DBL_MIN)
 *
 * Method: the maximum of pair_error over i.  It is symmetric in a and b,
 * lies in [0, 1], and is 0 exactly when a == b elementwise.  A NaN
 * anywhere makes the result NaN: fmax(NaN, x) would return x and hide a
 * failed check, so NaN is returned explicitly.  n == 0 gives 0.
 */
double relative_error(const double *a, const double *b, size_t n)
{
	double worst = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		double e = pair_error(a[i], b[i]);

		if (isnan(e))
			return e;
		if (e > worst)
			worst = e;
	}
	return worst;
}
