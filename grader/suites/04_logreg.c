/*
 * 04_logreg.c - the suite of exercise 4 (chapter 4, "Logistic regression by
 * gradient descent"): logreg_loss_grad and logreg_fit.
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
 * logreg_fit, abs 1e-10, rel 1e-9: gradient descent on this convex loss
 * with lr below 2 / L does not amplify a perturbation, so after k <= 30
 * steps two correct codes differ by about k times one step's rounding,
 * ~1e-13.  An update from a stale or partly updated gradient, a skipped
 * or extra step, or a wrong start is off by 1e-4 or more.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "gradient_hint.h"

#pragma weak logreg_loss_grad
#pragma weak logreg_fit

enum { MAXN = 40, MAXD = 6 };

#define MODEL "(chapter 4, \"The model and its loss\")"
#define GRADIENTS "(chapter 4, \"The gradients\")"
#define DESCENT "(chapter 4, \"Gradient descent\")"
#define HINT_GRAD \
	"grad_w = (1/n) sum_i (sigma(z_i) - y_i) x_i and grad_b = (1/n) " \
	"sum_i (sigma(z_i) - y_i), with z_i = w . x_i + b " GRADIENTS
#define HINT_FIT \
	"start from the w and *b given; each step computes grad_w and " \
	"grad_b at the current (w, b), then updates every w_j and b from " \
	"that same gradient: w -= lr grad_w, b -= lr grad_b " DESCENT

struct problem {
	size_t n, d;
	double X[MAXN * MAXD], y[MAXN], w[MAXD + 1], b;
	char input[900];
};

/* Labels: a third 0, a third 1, a third soft. */
static void random_problem(struct wb_rng *rng, struct problem *p,
			   double wscale)
{
	p->n = 1 + wb_rng_index(rng, MAXN);
	p->d = 1 + wb_rng_index(rng, MAXD);
	wb_rng_fill(rng, p->X, p->n * p->d, -2.0, 2.0);
	for (size_t i = 0; i < p->n; i++) {
		size_t kind = wb_rng_index(rng, 3);

		p->y[i] = kind == 2 ? wb_rng_uniform(rng, 0, 1) : (double)kind;
	}
	wb_rng_fill(rng, p->w, p->d, -wscale, wscale);
	p->b = wb_rng_uniform(rng, -wscale, wscale);
}

static const char *describe(struct problem *p, const char *extra)
{
	char xs[256], ys[256], ws[256];

	snprintf(p->input, sizeof p->input,
		 "n = %zu, d = %zu, X = %s, y = %s, w = %s, b = %.10g%s",
		 p->n, p->d, wb_format_vector(xs, sizeof xs, p->X, p->n * p->d),
		 wb_format_vector(ys, sizeof ys, p->y, p->n),
		 wb_format_vector(ws, sizeof ws, p->w, p->d), p->b, extra);
	return p->input;
}

static bool inputs_kept(const struct problem *p, const struct problem *q,
			const char *name)
{
	char summary[128];

	if (!memcmp(p->X, q->X, p->n * p->d * sizeof *p->X) &&
	    !memcmp(p->y, q->y, p->n * sizeof *p->y) &&
	    !memcmp(p->w, q->w, p->d * sizeof *p->w))
		return true;
	snprintf(summary, sizeof summary, "%s: changed X, y or w", name);
	wb_fail(summary, p->input, "X, y and w are const: only read them");
	return false;
}

/* The tolerances of the top of the file. */
static void tolerances(const struct problem *p, struct wb_tol *loss,
		       struct wb_tol *grad)
{
	double zmean = 0.0, zmax = 0.0, xmean = 1.0;

	for (size_t i = 0; i < p->n; i++) {
		double zabs = fabs(p->b);

		for (size_t j = 0; j < p->d; j++)
			zabs += fabs(p->w[j] * p->X[i * p->d + j]);
		zmean += zabs / (double)p->n;
		zmax = fmax(zmax, zabs);
	}
	for (size_t j = 0; j < p->d; j++) {
		double m = 0.0;

		for (size_t i = 0; i < p->n; i++)
			m += fabs(p->X[i * p->d + j]) / (double)p->n;
		xmean = fmax(xmean, m);
	}
	*loss = (struct wb_tol){
		1e-15 + 8.0 * (double)(p->d + 2) * DBL_EPSILON * zmean, 1e-12 };
	*grad = (struct wb_tol){
		(1e-14 * (1.0 + zmax) + (double)p->n * DBL_EPSILON) * xmean,
		1e-12 };
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

/* Runs the student's logreg_loss_grad on p and checks the loss (want_loss
 * set) or the gradients (with hints from finite differences). */
static bool check_loss_grad(struct problem *p, bool want_loss,
			    const char *what, const char *hint)
{
	struct problem q = *p;
	struct wb_guarded gw, gb;
	struct wb_tol ltol, gtol;
	double want[MAXD + 1], got[MAXD + 1], own[MAXD + 1], theta[MAXD + 1];
	double want_l, got_l;
	char summary[160], buf[900];
	size_t k = p->d + 1, i = k;
	bool ok;

	tolerances(p, &ltol, &gtol);
	want_l = ref_logreg_loss_grad(p->X, p->y, p->n, p->d, p->w, p->b,
				      want, &want[p->d]);
	wb_guarded_init(&gw, p->d, NAN);
	wb_guarded_init(&gb, 1, NAN);
	got_l = logreg_loss_grad(q.X, q.y, q.n, q.d, q.w, q.b, gw.data,
				 gb.data);
	describe(p, "");
	ok = wb_guarded_intact(&gw, p->input) &&
	     wb_guarded_intact(&gb, p->input) &&
	     inputs_kept(p, &q, "logreg_loss_grad");
	memcpy(got, gw.data, p->d * sizeof *got);
	got[p->d] = gb.data[0];
	wb_guarded_release(&gw);
	wb_guarded_release(&gb);
	snprintf(summary, sizeof summary, "logreg_loss_grad: %s", what);
	if (!ok || want_loss)
		return ok && wb_check_value(summary, p->input, want_l, got_l,
					    ltol, hint);
	i = wb_first_mismatch(got, want, k, gtol);
	if (i == k)
		return true;
	if (isfinite(got[i])) {
		struct gradient_case c = { "loss of logreg_loss_grad", got,
					   want, own, false, k, (double)p->n,
					   HINT_GRAD };

		memcpy(theta, p->w, p->d * sizeof *theta);
		theta[p->d] = p->b;
		wb_finite_differences(own_loss, p, theta, k, own);
		c.own_loss_right = wb_close(got_l, want_l, ltol);
		hint = gradient_hint(&c, buf, sizeof buf);
	}
	snprintf(summary, sizeof summary, "logreg_loss_grad: %s (%s)", what,
		 i == p->d ? "grad_b" : "grad_w");
	wb_fail_element(summary, p->input, i, want[i], got[i], gtol, hint);
	return false;
}

WB_TEST(logreg_loss_grad, loss, "returns the mean BCE of the logits w . x_i + b")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		random_problem(&rng, &p, 1.5);
		if (!check_loss_grad(&p, true, "wrong loss",
				     "z_i = w . x_i + b (do not forget b); the "
				     "loss is the mean over the samples of y "
				     "softplus(-z) + (1-y) softplus(z) " MODEL))
			return;
	}
}

WB_TEST(logreg_loss_grad, gradients,
	"writes grad_w and grad_b of the mean loss")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		random_problem(&rng, &p, 1.5);
		if (!check_loss_grad(&p, false, "wrong gradient", HINT_GRAD))
			return;
	}
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
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 30; t++) {
		random_problem(&rng, &p, 500.0);
		if (!check_loss_grad(&p, true, "wrong loss for huge logits",
				     "compute the loss from the logits with "
				     "softplus(t) = max(t, 0) + log1p(e^-|t|), "
				     "never log(sigma(z)) " MODEL) ||
		    !check_loss_grad(&p, false, "wrong gradient for huge logits",
				     "compute sigma(z) without overflow: branch "
				     "on the sign of z " GRADIENTS))
			return;
	}
}

/* ---- logreg_fit ------------------------------------------------------------ */

/* The student's fit from (w, b) of p against the reference's. */
static bool check_fit(struct problem *p, double lr, size_t steps,
		      const char *what, const char *hint)
{
	const struct wb_tol tol = { 1e-10, 1e-9 };
	struct problem q = *p;
	struct wb_guarded gw, gb;
	double want[MAXD + 1], got[MAXD + 1];
	char extra[96], summary[160];
	bool ok;

	memcpy(want, p->w, p->d * sizeof *want);
	want[p->d] = p->b;
	ref_logreg_fit(p->X, p->y, p->n, p->d, lr, steps, want, &want[p->d]);
	wb_guarded_init(&gw, p->d, 0.0);
	wb_guarded_init(&gb, 1, p->b);
	memcpy(gw.data, p->w, p->d * sizeof *p->w);
	logreg_fit(q.X, q.y, q.n, q.d, lr, steps, gw.data, gb.data);
	snprintf(extra, sizeof extra, " (start), lr = %g, steps = %zu", lr,
		 steps);
	describe(p, extra);
	memcpy(q.w, p->w, sizeof q.w); /* w is an output here */
	ok = wb_guarded_intact(&gw, p->input) &&
	     wb_guarded_intact(&gb, p->input) &&
	     inputs_kept(p, &q, "logreg_fit");
	if (ok) {
		size_t i;

		memcpy(got, gw.data, p->d * sizeof *got);
		got[p->d] = gb.data[0];
		i = wb_first_mismatch(got, want, p->d + 1, tol);
		snprintf(summary, sizeof summary, "logreg_fit: %s (%s)", what,
			 i == p->d ? "b" : "w");
		if (i <= p->d) {
			wb_fail_element(summary, p->input, i, want[i], got[i],
					tol, hint);
			ok = false;
		}
	}
	wb_guarded_release(&gw);
	wb_guarded_release(&gb);
	return ok;
}

WB_TEST(logreg_fit, matches_reference,
	"matches the reference parameters after k steps from a given start")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 40; t++) {
		random_problem(&rng, &p, 1.0);
		if (!check_fit(&p, wb_rng_uniform(&rng, 0.05, 1.0),
			       1 + wb_rng_index(&rng, 30),
			       "wrong parameters after training", HINT_FIT))
			return;
	}
}

WB_TEST(logreg_fit, simultaneous_update,
	"updates all parameters simultaneously from the same gradient (one step)")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 20; t++) {
		random_problem(&rng, &p, 1.0);
		if (!check_fit(&p, 0.5, 1, "wrong parameters after one step",
			       "one step is w -= lr grad_w, b -= lr grad_b with "
			       "both gradients computed BEFORE anything moves: "
			       "keep the gradient in its own buffer, do not "
			       "recompute it after updating w " DESCENT))
			return;
	}
}

WB_TEST(logreg_fit, zero_steps, "leaves w and b unchanged for steps = 0")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	random_problem(&rng, &p, 1.0);
	check_fit(&p, 0.5, 0, "changed w or b with steps = 0",
		  "steps = 0 means no update at all: w and *b stay as given "
		  DESCENT);
}

WB_TEST(logreg_fit, loss_decreases,
	"lowers the loss on a separable problem (200 steps)")
{
	struct wb_rng rng;
	struct problem p;
	double w[MAXD], b, gw[MAXD], gb, before, after;
	char input[200];

	wb_rng_init(&rng);
	random_problem(&rng, &p, 0.0);
	for (size_t i = 0; i < p.n; i++) /* the sign of feature 0 */
		p.y[i] = p.X[i * p.d] > 0.0;
	memcpy(w, p.w, sizeof w);
	b = p.b;
	before = ref_logreg_loss_grad(p.X, p.y, p.n, p.d, w, b, gw, &gb);
	logreg_fit(p.X, p.y, p.n, p.d, 0.5, 200, w, &b);
	after = ref_logreg_loss_grad(p.X, p.y, p.n, p.d, w, b, gw, &gb);
	snprintf(input, sizeof input, "n = %zu, d = %zu, y_i = [x_i0 > 0], "
		 "from w = 0, b = 0, lr = 0.5, steps = 200", p.n, p.d);
	if (!(after < before))
		wb_fail("logreg_fit: the loss did not decrease", input,
			"step AGAINST the gradient: w -= lr grad_w, b -= lr "
			"grad_b " DESCENT);
}

/* BEGIN HIDDEN */
/* ---- hidden tests: scaled features, a long run -------------------------- */

WB_HIDDEN_TEST(logreg_loss_grad, scaled_features,
	       "is right for features of size 100 with small weights")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 30; t++) {
		random_problem(&rng, &p, 1.5);
		for (size_t i = 0; i < p.n * p.d; i++)
			p.X[i] *= 50.0;
		for (size_t j = 0; j < p.d; j++)
			p.w[j] /= 50.0;
		if (!check_loss_grad(&p, true, "wrong loss", "the loss is "
				     "the mean of y softplus(-z_i) + (1-y) "
				     "softplus(z_i), z_i = w . x_i + b " MODEL) ||
		    !check_loss_grad(&p, false, "wrong gradient", HINT_GRAD))
			return;
	}
}

WB_HIDDEN_TEST(logreg_fit, long_run,
	       "matches the reference after 100 small steps")
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int t = 0; t < 10; t++) {
		random_problem(&rng, &p, 1.0);
		if (!check_fit(&p, 0.1, 100, "wrong parameters after 100 steps",
			       HINT_FIT))
			return;
	}
}
/* END HIDDEN */
