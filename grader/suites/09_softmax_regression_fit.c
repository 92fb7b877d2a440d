/*
 * 09_softmax_regression_fit.c - suite 09_softmax_regression, part two:
 * softmax_regression_fit (09_softmax_regression.c holds
 * softmax_regression_loss_grad, and 09_softmax_regression_helpers.h what
 * both parts share).
 *
 * Tolerance (|got - want| <= abs + rel |want|):
 *
 * softmax_regression_fit, abs 1e-10, rel 1e-9: the loss is convex and its
 * Hessian's norm is at most max_i (1 + |x_i|^2) / 2 (chapter 9, "The
 * Jacobian of softmax and the Hessian"), about 2 on average over these
 * problems, so gradient descent with lr <= 0.5 does not amplify a
 * perturbation; after k <= 30 steps two correct codes differ by about k
 * times one step's rounding, ~1e-13.  An update from a stale or partly
 * updated gradient, a skipped or extra step, or a wrong start is off by
 * 1e-4 or more.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "09_softmax_regression_helpers.h"
#include "fit_diagnosis.h"

#define HINT_FIT \
	"start from the W and b given; each step computes grad_W and " \
	"grad_b at the current (W, b), then moves every entry of both by " \
	"-lr times that same gradient " TRAINING

/* ---- what wrong parameters show (check.h, "diagnoses") ------------------- */

/* The chapter's loop with b's gradient taken again after W moved (the
 * mistake FIT_SEQUENTIAL names), on (W, then b) in out; it stops where
 * the reference does, at a NaN loss. */
static void sequential_fit(const struct problem *p, double lr, size_t steps,
			   double *out)
{
	size_t dk = p->d * p->k;
	double grad[MAXP];

	for (size_t t = 0; t < steps; t++) {
		if (isnan(ref_softmax_regression_loss_grad(p->X, p->labels,
				p->n, p->d, p->k, out, out + dk, grad,
				grad + dk)))
			break;
		for (size_t j = 0; j < dk; j++)
			out[j] -= lr * grad[j];
		ref_softmax_regression_loss_grad(p->X, p->labels, p->n, p->d,
						 p->k, out, out + dk, grad,
						 grad + dk);
		for (size_t c = 0; c < p->k; c++)
			out[dk + c] -= lr * grad[dk + c];
	}
}

/* The reference's fit of p from its (W, b), into out (W, then b), with
 * the change made: a fit_fn of fit_diagnosis.h. */
static void fit_from(const void *problem, double lr, size_t steps,
		     enum fit_change change, double *out)
{
	const struct problem *p = problem;
	size_t dk = p->d * p->k;

	memcpy(out, p->W, dk * sizeof *out);
	memcpy(out + dk, p->b, p->k * sizeof *out);
	if (change == FIT_FROM_ZERO)
		memset(out, 0, (dk + p->k) * sizeof *out);
	if (change == FIT_SEQUENTIAL)
		sequential_fit(p, lr, steps, out);
	else
		ref_softmax_regression_fit(p->X, p->labels, p->n, p->d, p->k,
					   lr, steps, out, out + dk);
}

_Static_assert((int)MAXP <= (int)FIT_MAX_PARAMETERS, "fit_diagnosis.h holds every "
	       "parameter");

static const struct wb_advice fit_advice[FIT_MISTAKES] =
	FIT_ADVICE("W", "softmax_regression_loss_grad", TRAINING, SAME_POINT);

/* Records the mismatch of element i (shown) with the mistake named first
 * when the parameters show one. */
static void fail_fit(const struct problem *p, double lr, size_t steps,
		     const double *want, const double *got, size_t i,
		     size_t shown, const char *summary, const char *hint)
{
	const struct wb_tol tol = { 1e-10, 1e-9 };
	struct fit_diagnosis f;
	char diagnosis[256], first[500];

	fit_diagnose(fit_from, p, p->n, lr, steps, fit_advice, HINT_FIT, &f);
	if (steps && wb_diagnose(&f.d, want, got, p->d * p->k + p->k, tol,
				 diagnosis, sizeof diagnosis, &hint)) {
		snprintf(first, sizeof first, "%s: %s", summary, diagnosis);
		wb_fail_element_as(first, p->input, shown, want[i], got[i], tol,
				   hint);
		return;
	}
	wb_fail_element(summary, p->input, shown, want[i], got[i], tol, hint);
}

/* ---- softmax_regression_fit ---------------------------------------------- */

/* The student's fit from (W, b) of p against the reference's. */
static bool check_fit(struct problem *p, double lr, size_t steps,
		      const char *what, const char *hint)
{
	const struct wb_tol tol = { 1e-10, 1e-9 };
	struct problem q = *p;
	struct linear_outputs out;
	size_t dk = p->d * p->k, i;
	double want[MAXP], got[MAXP];
	char extra[96], summary[200];

	fit_from(p, lr, steps, FIT_AS_TAUGHT, want);
	linear_outputs_start(&out, p->W, dk, p->b, p->k);
	softmax_regression_fit(q.X, q.labels, q.n, q.d, q.k, lr, steps,
			       out.w.data, out.b.data);
	snprintf(extra, sizeof extra, " (start), lr = %g, steps = %zu", lr,
		 steps);
	describe(p, extra);
	if (!linear_outputs_take(&out, p->input, got) ||
	    !inputs_kept(p, &q, false, "softmax_regression_fit"))
		return false;
	i = wb_first_mismatch(got, want, dk + p->k, tol);
	if (i == dk + p->k)
		return true;
	snprintf(summary, sizeof summary, "softmax_regression_fit: %s (%s)",
		 what, i >= dk ? "b" : "W");
	fail_fit(p, lr, steps, want, got, i, i >= dk ? i - dk : i, summary,
		 hint);
	return false;
}

WB_TEST(softmax_regression_fit, matches_reference,
	"matches the reference parameters after k steps from a given start")
{
	linear_random_fit_runs(check_fit, 0.5, "wrong parameters after training",
			       HINT_FIT);
}

WB_TEST(softmax_regression_fit, simultaneous_update,
	"updates W and b together from the same gradient (one step)")
{
	linear_random_fits(check_fit, 20, 0.5, 1,
			   "wrong parameters after one step",
			   "one step is W -= lr grad_W, b -= lr grad_b with both "
			   "gradients computed BEFORE anything moves: keep them "
			   "in their own buffers, do not recompute grad_b after "
			   "updating W " SAME_POINT);
}

WB_TEST(softmax_regression_fit, zero_steps,
	"leaves W and b unchanged for steps = 0, and moves them for steps = 1")
{
	linear_zero_steps(check_fit, "changed W or b with steps = 0",
			  "steps = 0 means no update at all: W and b stay as "
			  "given " TRAINING, HINT_FIT);
}

WB_TEST(softmax_regression_fit, loss_decreases,
	"lowers the loss from W = 0, b = 0 (200 steps)")
{
	struct wb_rng rng;
	struct problem p;
	double W[MAXD * MAXK] = { 0 }, b[MAXK] = { 0 }, gW[MAXD * MAXK];
	double gb[MAXK], before, after;
	char input[200];

	wb_rng_init(&rng);
	random_problem(&rng, &p, 0.0);
	for (size_t i = 0; i < p.n; i++) /* the class follows feature 0 */
		p.labels[i] = p.X[i * p.d] > 0.0 ? p.k - 1 : 0;
	before = ref_softmax_regression_loss_grad(p.X, p.labels, p.n, p.d, p.k,
						  W, b, gW, gb);
	softmax_regression_fit(p.X, p.labels, p.n, p.d, p.k, 0.5, 200, W, b);
	after = ref_softmax_regression_loss_grad(p.X, p.labels, p.n, p.d, p.k,
						 W, b, gW, gb);
	snprintf(input, sizeof input, "n = %zu, d = %zu, k = %zu, label_i = "
		 "k - 1 if x_i0 > 0 else 0, from W = 0, b = 0, lr = 0.5, "
		 "steps = 200", p.n, p.d, p.k);
	if (!(after < 0.9 * before))
		wb_fail("softmax_regression_fit: the loss did not decrease "
			"by 10%", input,
			"step AGAINST the gradient: W -= lr grad_W, b -= lr "
			"grad_b, for every one of the steps " TRAINING);
}
/* BEGIN HIDDEN */
/* ---- hidden test: a long run --------------------------------------------- */

WB_HIDDEN_TEST(softmax_regression_fit, long_run,
	       "matches the reference after 100 small steps")
{
	linear_random_fits(check_fit, 10, 0.1, 100,
			   "wrong parameters after 100 steps", HINT_FIT);
}
/* END HIDDEN */
