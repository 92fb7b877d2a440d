/*
 * 09_softmax_regression.c - the suite of exercise 9 (chapter 9, "Softmax
 * regression"): softmax_regression_loss_grad; softmax_regression_fit is
 * in 09_softmax_regression_fit.c, and what both parts share in
 * 09_softmax_regression_helpers.h.
 *
 * Tolerances (|got - want| <= abs + rel |want|), with zabs_ic = sum_j
 * |x_ij W_jc| + |b_c| the size of the terms of logit (i, c) and zabs_i its
 * largest over c:
 *
 * rel 1e-12 throughout: the reference is accurate to a few ulps per term,
 * and any summation order changes sums of n <= 30 terms by <= 30 eps.
 *
 * loss, abs 1e-15 + 8 (d + 2) eps mean_i zabs_i: each logit may be summed
 * in any order, an error of up to (d + 1) eps zabs_i, and a row's loss
 * moves by at most sum_c |p_c - y_c| <= 2 times that; m + log(sum e^(z-m))
 * - z_y instead of (m - z_y) + log1p(s) adds ~2 eps |m|, and log(1 + s)
 * instead of log1p(s) an absolute eps.  A missing 1/n, a wrong sign or a
 * lost bias is off by far more.
 *
 * gradients, abs (1e-14 (1 + max_i zabs_i) + n eps) max_j mean_i |x_ij|
 * (x_i,d = 1 for the bias): p_ic - y_ic inherits the error of the logits
 * times the Jacobian's entries (<= 1/2) and ~3 ulps of 1 when computed as
 * p - 1 (a rounded 1 - p_y of a confident row is off by eps at most), and
 * the sum over i rounds by up to n eps of its terms.
 *
 * softmax_regression_fit: see 09_softmax_regression_fit.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "09_softmax_regression_helpers.h"
#include "gradient_hint.h"
#include "linear_tolerances.h"

#define HINT_GRAD \
	"with P the row-wise softmax of the logits and Y the one-hot " \
	"labels, grad_W = X^T (P - Y) / n and grad_b = the column means " \
	"of P - Y " GRADIENTS

/* The tolerances of the top of the file. */
static void tolerances(const struct problem *p, struct wb_tol *loss,
		       struct wb_tol *grad)
{
	double zmean = 0.0, zmax = 0.0;

	for (size_t i = 0; i < p->n; i++) {
		double zi = 0.0;

		for (size_t c = 0; c < p->k; c++) {
			double zabs = fabs(p->b[c]);

			for (size_t j = 0; j < p->d; j++)
				zabs += fabs(p->X[i * p->d + j] *
					     p->W[j * p->k + c]);
			zi = fmax(zi, zabs);
		}
		zmean += zi / (double)p->n;
		zmax = fmax(zmax, zi);
	}
	linear_tolerances(p->X, p->n, p->d, zmean, zmax, loss, grad);
}

/* ---- softmax_regression_loss_grad ---------------------------------------- */

/* theta = (W, b): the student's loss as a function for finite
 * differences. */
static double own_loss(const double *theta, size_t dim, void *ctx)
{
	const struct problem *p = ctx;
	double gW[MAXD * MAXK], gb[MAXK];

	(void)dim;
	return softmax_regression_loss_grad(p->X, p->labels, p->n, p->d, p->k,
					    theta, theta + p->d * p->k, gW,
					    gb);
}

/* Fails the gradient, which differs from the reference at component i. */
static void gradient_failure(struct problem *p, const double *got,
			     const double *want, double got_l, double want_l,
			     struct wb_tol ltol, struct wb_tol gtol,
			     const char *summary, size_t i, const char *hint)
{
	size_t dk = p->d * p->k, dim = dk + p->k;
	double own[MAXP], theta[MAXP];
	struct gradient_case c = { "loss of softmax_regression_loss_grad",
				   got, want, own, false, dim, (double)p->n,
				   HINT_GRAD };

	memcpy(theta, p->W, dk * sizeof *theta);
	memcpy(theta + dk, p->b, p->k * sizeof *theta);
	if (isfinite(got[i]))
		wb_finite_differences(own_loss, p, theta, dim, own);
	c.own_loss_right = wb_close(got_l, want_l, ltol);
	gradient_fail(&c, summary, p->input, i, i >= dk ? i - dk : i, gtol,
		      hint);
}

/* What a wrong loss shows: a missing mean, a sign, an unstable step. */
#define loss_diagnosis(p) (struct wb_diagnosis){                             \
	.n = (p)->n,                                                          \
	.slip_hint = { [WB_SUM_NOT_MEAN] = "the loss is the mean over the "   \
		       "samples: divide the sum by n once " MODEL,             \
		       [WB_SIGN] = "the loss is the mean of log_sum_exp(z_i) " \
		       "- z_i[label_i], never negative " MODEL },               \
	.nan = { "returned NaN from an unstable step: e^z overflowed and "   \
		 "inf - inf or inf / inf is NaN", UNSTABLE },                  \
	.inf = { "returned +inf from an unstable step: e^z overflowed, or "  \
		 "the log of a probability that underflowed to 0", UNSTABLE }, \
}
#define UNSTABLE "subtract the row's largest logit before exp and take " \
	"the log-softmax directly, never log(softmax) " OVERFLOW

/* Runs the student's function on p and checks the loss (want_loss set)
 * or the gradients (with hints from finite differences). */
static bool check_loss_grad(struct problem *p, bool want_loss,
			    const char *what, const char *hint)
{
	struct problem q = *p;
	struct linear_outputs out;
	struct wb_tol ltol, gtol;
	size_t dk = p->d * p->k, dim = dk + p->k, i;
	double want[MAXP], got[MAXP], want_l, got_l;
	char summary[160];
	bool ok;

	tolerances(p, &ltol, &gtol);
	want_l = ref_softmax_regression_loss_grad(p->X, p->labels, p->n, p->d,
						  p->k, p->W, p->b, want,
						  want + dk);
	linear_outputs_init(&out, dk, p->k, NAN);
	got_l = softmax_regression_loss_grad(q.X, q.labels, q.n, q.d, q.k, q.W,
					     q.b, out.w.data, out.b.data);
	describe(p, "");
	ok = linear_outputs_take(&out, p->input, got) &&
	     inputs_kept(p, &q, true, "softmax_regression_loss_grad");
	snprintf(summary, sizeof summary, "softmax_regression_loss_grad: %s",
		 what);
	if (!ok || want_loss)
		return ok && wb_check_value_diagnosed(&loss_diagnosis(p), summary,
						      p->input, want_l, got_l,
						      ltol, hint);
	i = wb_first_mismatch(got, want, dim, gtol);
	if (i == dim)
		return true;
	snprintf(summary, sizeof summary,
		 "softmax_regression_loss_grad: %s (%s)", what,
		 i >= dk ? "grad_b" : "grad_W");
	gradient_failure(p, got, want, got_l, want_l, ltol, gtol, summary, i,
			 hint);
	return false;
}

/* Both checks of one problem. */
static bool check_both(struct problem *p, const char *loss_what,
		       const char *loss_hint, const char *grad_what)
{
	return check_loss_grad(p, true, loss_what, loss_hint) &&
	       check_loss_grad(p, false, grad_what, HINT_GRAD);
}

WB_TEST(softmax_regression_loss_grad, loss,
	"returns the mean softmax cross-entropy of the logits x_i W + b")
{
	linear_random_losses(check_loss_grad, "z_ic = sum_j x_ij W[j*k + c] + "
			     "b_c; the loss is the mean over the rows of log "
			     "sum_c e^z_ic - z_i,label " MODEL);
}

WB_TEST(softmax_regression_loss_grad, gradients,
	"writes grad_W = X^T (P - Y) / n and grad_b of the mean loss")
{
	linear_random_gradients(check_loss_grad, HINT_GRAD);
}

WB_TEST(softmax_regression_loss_grad, chapter_values,
	"gives the chapter's gradient check, log k at W = 0, and works for "
	"n = 1, d = 1")
{
	/* Chapter 9, "The gradient, step by step": its dL/dW starts
	 * -0.348047, 0.352371, -0.004324. */
	struct problem p = {
		.n = 4, .d = 2, .k = 3,
		.X = { 0.5, -1.0, 2.0, 0.3, -1.5, 0.8, 0.1, 0.1 },
		.labels = { 2, 0, 1, 0 },
		.W = { 0.3, -0.2, 0.1, 1.0, 0.0, -0.5 },
		.b = { 0.2, 0.0, -0.1 },
	};

	if (!check_both(&p, "wrong loss on the chapter's example",
			"the chapter's gradient-check example: logits "
			"x_i W + b, mean of log sum e^z - z_label " MODEL,
			"wrong gradient on the chapter's example"))
		return;
	memset(p.W, 0, sizeof p.W);
	memset(p.b, 0, sizeof p.b);
	if (!check_both(&p, "wrong loss at W = 0, b = 0",
			"at W = 0, b = 0 every class has probability 1/k "
			"and the loss is log k " TRAINING,
			"wrong gradient at W = 0, b = 0"))
		return;
	p = (struct problem){ .n = 1, .d = 1, .k = 2, .X = { 2 },
			      .labels = { 1 }, .W = { 0.5, -0.25 },
			      .b = { 0.1, 0.3 } };
	check_both(&p, "wrong loss for n = 1, d = 1",
		   "z_c = x W_c + b_c, loss = log(e^z_0 + e^z_1) - z_label, "
		   "divided by n " MODEL, "wrong gradient for n = 1, d = 1");
}

WB_TEST(softmax_regression_loss_grad, huge_logits,
	"stays finite and right when the logits are huge (|z| ~ 1e5)")
{
	static const struct linear_loss_grad_test t = {
		.count = 30, .wscale = 5e4,
		.loss = "wrong loss for huge logits",
		.loss_hint = "never exponentiate a raw logit: subtract the "
			     "row's largest logit first, and take the loss as "
			     "log-sum-exp minus the true logit, never log of a "
			     "softmax " OVERFLOW,
		.grad = "wrong gradient for huge logits",
		.grad_hint = "compute each row's softmax with the largest logit "
			     "subtracted, so no e^z overflows " OVERFLOW
	};

	linear_random_loss_grads(check_loss_grad, &t);
}

/* BEGIN HIDDEN */
/* ---- hidden tests: two classes and scaled features ----------------------- */

WB_HIDDEN_TEST(softmax_regression_loss_grad, two_classes,
	       "is right for k = 2 and for a single class k = 1")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 20; t++) {
		random_problem(&rng, &p, 1.5);
		p.k = 2;
		for (size_t i = 0; i < p.n; i++)
			p.labels[i] %= 2;
		if (!check_both(&p, "wrong loss for k = 2",
				"with two classes only z_1 - z_0 matters; "
				"the loss is still log-sum-exp minus the "
				"true logit " MODEL, "wrong gradient for k = 2"))
			return;
	}
	p.k = 1;
	for (size_t i = 0; i < p.n; i++)
		p.labels[i] = 0;
	check_both(&p, "wrong loss for k = 1",
		   "one class gets probability 1: loss 0 and every gradient "
		   "0 " MODEL, "wrong gradient for k = 1");
}

/* A linear_scale_fn: the same logits from larger features. */
static void scale_features(struct problem *p, double factor)
{
	for (size_t i = 0; i < p->n * p->d; i++)
		p->X[i] *= factor;
	for (size_t i = 0; i < p->d * p->k; i++)
		p->W[i] /= factor;
}

WB_HIDDEN_TEST(softmax_regression_loss_grad, scaled_features,
	       "is right for features of size 100 with small weights")
{
	linear_scaled_features(check_loss_grad, scale_features, "the loss is "
			       "the mean of log sum_c e^z_ic - z_i,label with "
			       "z_i = x_i W + b " MODEL, HINT_GRAD);
}
/* END HIDDEN */
