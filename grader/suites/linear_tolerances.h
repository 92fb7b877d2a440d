/*
 * linear_tolerances.h - the tolerances of a linear model's loss and
 * gradients (the linear models' suites, from logistic regression on),
 * from the sizes of its logits; each suite's top comment says why they are these.
 */
#ifndef WB_LINEAR_TOLERANCES_H
#define WB_LINEAR_TOLERANCES_H

#include <float.h>
#include <math.h>
#include <stddef.h>

#include "check.h"

/*
 * With zmean and zmax the mean and largest over the n rows of a logit's
 * terms' size (zabs_i), and X the n x d inputs: loss, abs 1e-15 + 8 (d + 2)
 * eps zmean; gradients, abs (1e-14 (1 + zmax) + n eps) max_j mean_i |x_ij|
 * (at least 1, x_i,d = 1 being the bias); rel 1e-12 for both.
 */
static inline void linear_tolerances(const double *X, size_t n, size_t d,
				     double zmean, double zmax,
				     struct wb_tol *loss, struct wb_tol *grad)
{
	double xmean = 1.0;

	for (size_t j = 0; j < d; j++) {
		double m = 0.0;

		for (size_t i = 0; i < n; i++)
			m += fabs(X[i * d + j]) / (double)n;
		xmean = fmax(xmean, m);
	}
	*loss = (struct wb_tol){
		1e-15 + 8.0 * (double)(d + 2) * DBL_EPSILON * zmean, 1e-12 };
	*grad = (struct wb_tol){
		(1e-14 * (1.0 + zmax) + (double)n * DBL_EPSILON) * xmean,
		1e-12 };
}

#endif /* WB_LINEAR_TOLERANCES_H */
