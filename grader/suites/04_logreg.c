/*
 * 04_logreg.c - the suite of exercise 4 (chapter 4, "Logistic regression by
 * gradient descent"): logreg_loss_grad;
 * logreg_fit is in 04_logreg_fit.c, and what both parts share in
 * 04_logreg_helpers.h.
 *
 * Tolerances (|got - want| <= abs + rel |want|), with zabs_i = sum_j
 * |w_j x_ij| + |b| the size of the terms of logit i:
 *
 * rel 1e-12 throughout: the reference is accurate to a few ulps per term,
 * and any summation order changes sums of n <= 40 terms by <= 40 eps.
 *
 * loss, abs 1e-15 + 8 (d + 2) eps mean_i zabs_i: the dot product w . x_i + b
 * may be summed in any order, an error of up to (d + 1) eps zabs_i in z_i,
 * which moves a loss with slope |sigma(z) - y| <= 1 by as much; compact
 * forms (PyTorch's max(z,0) - y z + log1p(e^-|z|)) add ~2 eps |z|.
 *
 * gradients, abs (1e-14 (1 + max_i zabs_i) + n eps) max_j mean_i |x_ij|
 * (x_i,d = 1 for the bias): sigma(z_i) - y_i inherits the error of z_i
 * times sigma' <= 1/4 and ~3 ulps of 1 when computed directly, and the sum
 * over i rounds by up to n eps of its terms.
 *
 * logreg_fit: see 04_logreg_fit.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "04_logreg_helpers.h"
#include "gradient_hint.h"
#include "linear_tolerances.h"

#define HINT_GRAD \
	"grad_w = (1/n) sum_i (sigma(z_i) - y_i) x_i and grad_b = (1/n) " \
	"sum_i (sigma(z_i) - y_i), with z_i = w . x_i + b " GRADIENTS

/* The tolerances of the top of the file. */
static void tolerances(const struct problem *p, struct wb_tol *loss,
		       struct wb_tol *grad)
{
	double zmean = 0.0, zmax = 0.0;

	for (size_t i = 0; i < p->n; i++) {
		double zabs = fabs(p->b);

		for (size_t j = 0; j < p->d; j++)
			zabs += fabs(p->w[j] * p->X[i * p->d + j]);
		zmean += zabs / (double)p->n;
		zmax = fmax(zmax, zabs);
	}
	linear_tolerances(p->X, p->n, p->d, zmean, zmax, loss, grad);
}

/* ---- logreg_loss_grad ---------------------------------------------------- */

/* theta = (w, b): the student's loss as a function for finite differences. */
static double own_loss(const double *theta, size_t dim, void *ctx)
{
	const struct problem *p = ctx;
	double gw[MAXD], gb;

	return logreg_loss_grad(p->X, p->y, p->n, dim - 1, theta, theta[dim - 1],
				gw, &gb);
}

/* What a wrong loss shows: a missing mean, a sign, an unstable step. */
#define loss_diagnosis(p) (struct wb_diagnosis){                             \
	.n = (p)->n,                                                          \
	.slip_hint = { [WB_SUM_NOT_MEAN] = "the loss is the mean over the "   \
		       "samples: divide the sum by n once " MODEL,             \
		       [WB_SIGN] = "the loss is the mean BCE of the logits, " \
		       "never negative " MODEL },                               \
	.nan = { "returned NaN from an unstable step (log of a rounded "     \
		 "sigma(z), or e^z overflowed)", LOSS_ON_LOGITS },              \
	.inf = { "returned +inf from an unstable step (log of a sigma(z) "   \
		 "rounded to 0 or 1)", LOSS_ON_LOGITS },                       \
}
#define LOSS_ON_LOGITS "compute each term from the logit with softplus, " \
	"never log(sigma(z)) (chapter 2, \"The loss on logits\")"

/* Runs the student's logreg_loss_grad on p and checks the loss (want_loss
 * set) or the gradients (with hints from finite differences). */
static bool check_loss_grad(struct problem *p, bool want_loss,
			    const char *what, const char *hint)
{
	struct problem q = *p;
	struct linear_outputs out;
	struct wb_tol ltol, gtol;
	double want[MAXD + 1], got[MAXD + 1], own[MAXD + 1], theta[MAXD + 1];
	double want_l, got_l;
	char summary[160];
	size_t k = p->d + 1, i = k;
	struct gradient_case c = { "loss of logreg_loss_grad", got, want, own,
				   false, k, (double)p->n, HINT_GRAD };
	bool ok;

	tolerances(p, &ltol, &gtol);
	want_l = ref_logreg_loss_grad(p->X, p->y, p->n, p->d, p->w, p->b,
				      want, &want[p->d]);
	linear_outputs_init(&out, p->d, 1, NAN);
	got_l = logreg_loss_grad(q.X, q.y, q.n, q.d, q.w, q.b, out.w.data,
				 out.b.data);
	describe(p, "");
	ok = linear_outputs_take(&out, p->input, got) &&
	     inputs_kept(p, &q, "logreg_loss_grad");
	snprintf(summary, sizeof summary, "logreg_loss_grad: %s", what);
	if (!ok || want_loss)
		return ok && wb_check_value_diagnosed(&loss_diagnosis(p), summary,
						      p->input, want_l, got_l,
						      ltol, hint);
	i = wb_first_mismatch(got, want, k, gtol);
	if (i == k)
		return true;
	memcpy(theta, p->w, p->d * sizeof *theta);
	theta[p->d] = p->b;
	c.own_loss_right = wb_close(got_l, want_l, ltol);
	if (isfinite(got[i]))
		wb_finite_differences(own_loss, p, theta, k, own);
	snprintf(summary, sizeof summary, "logreg_loss_grad: %s (%s)", what,
		 i == p->d ? "grad_b" : "grad_w");
	gradient_fail(&c, summary, p->input, i, i, gtol, hint);
	return false;
}

WB_TEST(logreg_loss_grad, loss, "returns the mean BCE of the logits w . x_i + b")
{
	linear_random_losses(check_loss_grad, "z_i = w . x_i + b (do not forget "
			     "b); the loss is the mean over the samples of y "
			     "softplus(-z) + (1-y) softplus(z) " MODEL);
}

WB_TEST(logreg_loss_grad, gradients,
	"writes grad_w and grad_b of the mean loss")
{
	linear_random_gradients(check_loss_grad, HINT_GRAD);
}

WB_TEST(logreg_loss_grad, fixed_cases,
	"gives log 2 and (p - y) x at w = 0, b = 0; works for n = 1 and d = 1")
{
	struct problem p = { .n = 4, .d = 2, .X = { 1, 2, -1, 0.5, 3, -2, 0, 1 },
			     .y = { 1, 0, 1, 0 }, .w = { 0, 0 }, .b = 0 };

	if (!check_loss_grad(&p, true, "wrong loss at w = 0, b = 0",
			     "at w = 0, b = 0 every p_i is 1/2 and the loss is "
			     "log 2 " MODEL) ||
	    !check_loss_grad(&p, false, "wrong gradient at w = 0, b = 0",
			     HINT_GRAD))
		return;
	p = (struct problem){ .n = 1, .d = 1, .X = { 2 }, .y = { 1 },
			      .w = { 0.5 }, .b = -0.25 };
	if (check_loss_grad(&p, true, "wrong loss for n = 1, d = 1",
			    "z = w . x + b, loss = y softplus(-z) + (1-y) "
			    "softplus(z), divided by n " MODEL))
		check_loss_grad(&p, false, "wrong gradient for n = 1, d = 1",
				HINT_GRAD);
}

WB_TEST(logreg_loss_grad, huge_logits,
	"stays finite and right when the logits are huge (|z| ~ 1000)")
{
	static const struct linear_loss_grad_test t = {
		.count = 30, .wscale = 500.0,
		.loss = "wrong loss for huge logits",
		.loss_hint = "compute the loss from the logits with softplus(t) "
			     "= max(t, 0) + log1p(e^-|t|), never log(sigma(z)) "
			     MODEL,
		.grad = "wrong gradient for huge logits",
		.grad_hint = "compute sigma(z) without overflow: branch on the "
			     "sign of z " GRADIENTS
	};

	linear_random_loss_grads(check_loss_grad, &t);
}

/* BEGIN HIDDEN */
/* ---- hidden test: scaled features --------------------------------------- */

/* A linear_scale_fn: the same logits from larger features. */
static void scale_features(struct problem *p, double factor)
{
	for (size_t i = 0; i < p->n * p->d; i++)
		p->X[i] *= factor;
	for (size_t j = 0; j < p->d; j++)
		p->w[j] /= factor;
}

WB_HIDDEN_TEST(logreg_loss_grad, scaled_features,
	       "is right for features of size 100 with small weights")
{
	linear_scaled_features(check_loss_grad, scale_features, "the loss is "
			       "the mean of y softplus(-z_i) + (1-y) "
			       "softplus(z_i), z_i = w . x_i + b " MODEL,
			       HINT_GRAD);
}
/* END HIDDEN */
