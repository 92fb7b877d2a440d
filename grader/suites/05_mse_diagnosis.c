/*
 * 05_mse_diagnosis.c - suite 05_mse, part four: what a wrong
 * mse_sigmoid_loss, mse_sigmoid_grad or mse_sigmoid_curvature shows
 * (check.h, "diagnoses"), worked out by the judge from the reference: the
 * chapter's slips (the 1/2 of the "1/2 (s - y)^2" convention, a sum for
 * the mean, a term the product rule gives dropped) and the NaN of an
 * exponential that overflowed.
 */
#include <math.h>

#include "05_mse_helpers.h"

#define HINT_MEAN \
	"divide the sum by n once: the loss is the mean of (sigma(z_i) - " \
	"y_i)^2 over the n samples (" EXERCISE ")"
#define HINT_NO_HALF \
	"no 1/2 factor in front of the square: the loss is the mean of " \
	"(sigma(z_i) - y_i)^2 (" EXERCISE ")"
#define HINT_OVERFLOW \
	"copy a safe sigmoid in: exponentiate only -|z|, so that no exp " \
	"overflows and no inf / inf makes NaN (" EXERCISE ")"

void mse_loss_diagnosis(size_t n, struct wb_diagnosis *d)
{
	*d = (struct wb_diagnosis){
		.n = n,
		.slip_hint = { [WB_SUM_NOT_MEAN] = HINT_MEAN,
			       [WB_DIVIDED_TWICE] = HINT_MEAN,
			       [WB_HALF] = HINT_NO_HALF },
		.nan = { "returned NaN: an exp overflowed in sigma (inf / "
			 "inf)", HINT_OVERFLOW },
	};
}

/* s' = e / (1 + e)^2 with e = e^-|z|, the chapter's accurate form. */
static double sigma_prime(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}

/*
 * 2 (s - y) / n without the factor sigma'(z): a chain rule that stops at
 * the square.  True when every component of got is that (and got is wrong).
 */
bool mse_grad_lacks_sigma_prime(const double *y, const double *z, size_t n,
				const double *got)
{
	const struct wb_tol tol = { 1e-15, 1e-9 };

	for (size_t i = 0; i < n; i++) {
		double s = ref_sigmoid(z[i]);

		if (!wb_close(got[i], 2.0 * (s - y[i]) / (double)n, tol))
			return false;
	}
	return n > 0;
}

#define HINT_PRODUCT \
	"differentiate 2 (s - y) s' with the product rule: f'' = 2 s'^2 + " \
	"2 (s - y) s'', both terms (" CONVEX ")"
#define HINT_S2 \
	"s'' = s' (1 - 2 s): differentiate s (1 - s) with the product rule " \
	"(" CONVEX ")"
#define HINT_CURV_FACTOR \
	"f'' = 2 s' [s' + (s - y)(1 - 2 s)]: keep the 2 of the square once (" \
	CONVEX ")"

void mse_curvature_diagnosis(double y, double z, struct mse_curvature *c)
{
	double s = ref_sigmoid(z), ds = sigma_prime(z);
	double d2s = ds * (1.0 - 2.0 * s);

	c->value[0] = 2.0 * ds * ds;
	c->list[0].advice = (struct wb_advice){
		"only 2 s'^2: the (s - y) s'' term of the product rule is "
		"dropped", HINT_PRODUCT };
	c->value[1] = 2.0 * (s - y) * d2s;
	c->list[1].advice = (struct wb_advice){
		"only 2 (s - y) s'': the s'^2 term of the product rule is "
		"dropped", HINT_PRODUCT };
	c->value[2] = 2.0 * ds * ds - 2.0 * (s - y) * d2s;
	c->list[2].advice = (struct wb_advice){
		"s'' with the wrong sign: s' (2 s - 1) instead of s' (1 - 2 s)",
		HINT_S2 };
	for (size_t k = 0; k < MSE_CURVATURE_MISTAKES; k++)
		c->list[k].value = &c->value[k];
	c->d = (struct wb_diagnosis){
		.slip_hint = { [WB_SIGN] = HINT_CURV_FACTOR,
			       [WB_DOUBLE] = HINT_CURV_FACTOR,
			       [WB_HALF] = HINT_CURV_FACTOR },
		.nan = { "returned NaN: an exp overflowed (inf / inf)",
			 HINT_OVERFLOW },
		.mistakes = c->list,
		.mistake_count = MSE_CURVATURE_MISTAKES,
	};
}
