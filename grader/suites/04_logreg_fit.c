/*
 * 04_logreg_fit.c - suite 04_logreg, part two: logreg_fit (04_logreg.c
 * holds logreg_loss_grad, and 04_logreg_helpers.h what both parts share).
 *
 * Tolerance (|got - want| <= abs + rel |want|):
 *
 * logreg_fit, abs 1e-10, rel 1e-9: gradient descent on this convex loss
 * with lr below 2 / L does not amplify a perturbation, so after k steps
 * two correct codes differ by about k times one step's rounding, ~1e-13
 * for k <= 30.  The 200 steps on a separable problem (where lr = 0.5 can
 * exceed 2 / L for tiny n, but only while the margins are small) left
 * feature-wise and sample-wise loops within 8e-15 relative of each other
 * over 20000 random problems.  An update from a stale or partly updated
 * gradient, a skipped or extra step, or a wrong start is off by 1e-4 or
 * more.
 */
#include <stdio.h>
#include <string.h>

#include "04_logreg_helpers.h"
#include "fit_diagnosis.h"

#define HINT_FIT \
	"start from the w and *b given; each step computes grad_w and " \
	"grad_b at the current (w, b), then updates every w_j and b from " \
	"that same gradient: w -= lr grad_w, b -= lr grad_b " DESCENT

/* ---- logreg_fit ------------------------------------------------------------ */

/* The chapter's loop with b's gradient taken again after w moved (the
 * mistake FIT_SEQUENTIAL names), on (w, then b) in out. */
static void sequential_fit(const struct problem *p, double lr, size_t steps,
			   double *out)
{
	double grad_w[MAXD], grad_b;

	for (size_t t = 0; t < steps; t++) {
		ref_logreg_loss_grad(p->X, p->y, p->n, p->d, out, out[p->d],
				     grad_w, &grad_b);
		for (size_t j = 0; j < p->d; j++)
			out[j] -= lr * grad_w[j];
		ref_logreg_loss_grad(p->X, p->y, p->n, p->d, out, out[p->d],
				     grad_w, &grad_b);
		out[p->d] -= lr * grad_b;
	}
}

/* The reference's fit from (w, b) of p, into want (w, then b), with the
 * change made (a fit_fn of fit_diagnosis.h). */
static void fit_from(const void *problem, double lr, size_t steps,
		     enum fit_change change, double *want)
{
	const struct problem *p = problem;

	memcpy(want, p->w, p->d * sizeof *want);
	want[p->d] = p->b;
	if (change == FIT_FROM_ZERO)
		memset(want, 0, (p->d + 1) * sizeof *want);
	if (change == FIT_SEQUENTIAL)
		sequential_fit(p, lr, steps, want);
	else
		ref_logreg_fit(p->X, p->y, p->n, p->d, lr, steps, want,
			       &want[p->d]);
}

static void reference_fit(const struct problem *p, double lr, size_t steps,
			  double *want)
{
	fit_from(p, lr, steps, FIT_AS_TAUGHT, want);
}

_Static_assert((int)MAXD + 1 <= (int)FIT_MAX_PARAMETERS, "fit_diagnosis.h holds every "
	       "parameter");

static const struct wb_advice fit_advice[FIT_MISTAKES] =
	FIT_ADVICE("w", "logreg_loss_grad", DESCENT, DESCENT);

/* The student's parameters got (w, then b) against want, after a fit of
 * `steps` at lr (steps 0: no diagnosis); false after recording the
 * first mismatch, with the mistake it shows named first. */
static bool check_params(const struct problem *p, double lr, size_t steps,
			 const double *got, const double *want,
			 const char *what, const char *hint)
{
	const struct wb_tol tol = { 1e-10, 1e-9 };
	size_t i = wb_first_mismatch(got, want, p->d + 1, tol);
	char summary[160], diagnosis[256], first[500];
	struct fit_diagnosis f;

	if (i > p->d)
		return true;
	snprintf(summary, sizeof summary, "logreg_fit: %s (%s)", what,
		 i == p->d ? "b" : "w");
	if (steps) {
		fit_diagnose(fit_from, p, p->n, lr, steps, fit_advice,
			     HINT_FIT, &f);
		if (wb_diagnose(&f.d, want, got, p->d + 1, tol, diagnosis,
				sizeof diagnosis, &hint)) {
			snprintf(first, sizeof first, "%s: %s", summary,
				 diagnosis);
			wb_fail_element_as(first, p->input, i, want[i], got[i],
					   tol, hint);
			return false;
		}
	}
	wb_fail_element(summary, p->input, i, want[i], got[i], tol, hint);
	return false;
}

/* The student's fit from (w, b) of p against the reference's. */
static bool check_fit(struct problem *p, double lr, size_t steps,
		      const char *what, const char *hint)
{
	struct problem q = *p;
	struct linear_outputs out;
	double want[MAXD + 1], got[MAXD + 1];
	char extra[96];

	reference_fit(p, lr, steps, want);
	linear_outputs_start(&out, p->w, p->d, &p->b, 1);
	logreg_fit(q.X, q.y, q.n, q.d, lr, steps, out.w.data, out.b.data);
	snprintf(extra, sizeof extra, " (start), lr = %g, steps = %zu", lr,
		 steps);
	describe(p, extra);
	memcpy(q.w, p->w, sizeof q.w); /* w is an output here */
	return linear_outputs_take(&out, p->input, got) &&
	       inputs_kept(p, &q, "logreg_fit") &&
	       check_params(p, lr, steps, got, want, what, hint);
}

WB_TEST(logreg_fit, matches_reference,
	"matches the reference parameters after k steps from a given start")
{
	linear_random_fit_runs(check_fit, 1.0, "wrong parameters after training",
			       HINT_FIT);
}

WB_TEST(logreg_fit, simultaneous_update,
	"updates all parameters simultaneously from the same gradient (one step)")
{
	linear_random_fits(check_fit, 20, 0.5, 1,
			   "wrong parameters after one step",
			   "one step is w -= lr grad_w, b -= lr grad_b with both "
			   "gradients computed BEFORE anything moves: keep the "
			   "gradient in its own buffer, do not recompute it "
			   "after updating w " DESCENT);
}

WB_TEST(logreg_fit, zero_steps, "leaves w and b unchanged for steps = 0")
{
	linear_zero_steps(check_fit, "changed w or b with steps = 0",
			  "steps = 0 means no update at all: w and *b stay as "
			  "given " DESCENT, HINT_FIT);
}

WB_TEST(logreg_fit, loss_decreases,
	"lowers the loss on a separable problem (200 steps)")
{
	struct wb_rng rng;
	struct problem p;
	double got[MAXD + 1], want[MAXD + 1], gw[MAXD], gb, before, after;
	char input[200];

	wb_rng_init(&rng);
	random_problem(&rng, &p, 0.0);
	for (size_t i = 0; i < p.n; i++) /* the sign of feature 0 */
		p.y[i] = p.X[i * p.d] > 0.0;
	memcpy(got, p.w, p.d * sizeof *got);
	got[p.d] = p.b;
	before = ref_logreg_loss_grad(p.X, p.y, p.n, p.d, got, p.b, gw, &gb);
	logreg_fit(p.X, p.y, p.n, p.d, 0.5, 200, got, &got[p.d]);
	after = ref_logreg_loss_grad(p.X, p.y, p.n, p.d, got, got[p.d], gw,
				     &gb);
	snprintf(input, sizeof input, "n = %zu, d = %zu, y_i = [x_i0 > 0], "
		 "from w = 0, b = 0, lr = 0.5, steps = 200", p.n, p.d);
	if (!(after < before)) {
		wb_fail("logreg_fit: the loss did not decrease", input,
			"step AGAINST the gradient: w -= lr grad_w, b -= lr "
			"grad_b " DESCENT);
		return;
	}
	/* Any move that lowers the loss would do so far: the parameters
	 * must also be the ones 200 steps of gradient descent reach. */
	reference_fit(&p, 0.5, 200, want);
	describe(&p, " (start), lr = 0.5, steps = 200");
	check_params(&p, 0.5, 200, got, want,
		     "wrong parameters after training", HINT_FIT);
}
/* BEGIN HIDDEN */
/* ---- hidden test: a long run -------------------------------------------- */

WB_HIDDEN_TEST(logreg_fit, long_run,
	       "matches the reference after 100 small steps")
{
	linear_random_fits(check_fit, 10, 0.1, 100,
			   "wrong parameters after 100 steps", HINT_FIT);
}
/* END HIDDEN */
