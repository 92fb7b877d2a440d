/*
 * 05_mse_grad.c - suite 05_mse, part two: mse_sigmoid_grad.  The verdict
 * comes from the reference; finite differences of the student's own loss
 * only word the message (see the top of 05_mse.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "05_mse_helpers.h"
#include "gradient_hint.h"

/* Entries 2 (s - y) s' / n are at most 0.5 / n.  s' as s (1 - s) or a
 * tanh-based sigmoid is exact to ~1e-16 absolute but not relative in the
 * tails (|z| > 30, true values below 1e-13), hence the absolute part.
 * Missing the 2, s' or 1/n changes an entry by a factor of 2 or more. */
static const struct wb_tol GRAD_TOL = { 1e-15, 1e-12 };

/* ---- mse_sigmoid_grad ---------------------------------------------- */

#define GRAD_HINT "grad[i] = 2 (sigma(z_i) - y_i) sigma'(z_i) / n: keep " \
	"the 2, the factor sigma' and the 1/n (" VANISH ")"

struct loss_ctx {
	const double *y;
	double (*loss)(const double *y, const double *z, size_t n);
};

static double loss_at(const double *z, size_t n, void *ctx)
{
	const struct loss_ctx *c = ctx;

	return c->loss(c->y, z, n);
}

/*
 * The gradient disagrees with the reference at element i: named by
 * gradient_hint.h (finite differences of the student's own loss say
 * whether the chain rule or the loss is to blame), after the mistake the
 * chapter's derivation invites, stopping the chain rule at the square.
 */
static void fail_gradient(const char *input, const double *y, double *z,
			  size_t n, const double *got, const double *want,
			  size_t i, const char *hint)
{
	struct loss_ctx own = { y, mse_sigmoid_loss };
	double fd_own[MAXN];
	struct gradient_case c = { "mse_sigmoid_loss", got, want, NULL, false,
				   n, (double)n, GRAD_HINT };
	char first[160];

	if (isfinite(got[i]) && mse_grad_lacks_sigma_prime(y, z, n, got)) {
		snprintf(first, sizeof first, "wrong gradient (element %zu): "
			 "the inner factor sigma'(z) is missing",
			 i);
		wb_fail_element_as(first, input, i, want[i], got[i], GRAD_TOL,
				   "the inner function is the sigmoid, so its "
				   "slope stays in: d/dz (s - y)^2 = 2 (s - y) "
				   "sigma'(z) (" VANISH ")");
		return;
	}
	if (mse_sigmoid_loss) {
		wb_probing = true;
		wb_finite_differences(loss_at, &own, z, n, fd_own);
		c.own_loss_right = wb_close(mse_sigmoid_loss(y, z, n),
					    ref_mse_sigmoid_loss(y, z, n),
					    (struct wb_tol){ 1e-15, 1e-12 });
		wb_probing = false;
		c.fd_own = fd_own;
	}
	if (isnan(got[i])) {
		snprintf(first, sizeof first, "wrong gradient (element %zu): "
			 "returned NaN: an exp overflowed (inf / inf)", i);
		wb_fail_element_as(first, input, i, want[i], got[i], GRAD_TOL,
				   "no exp may overflow: compute sigma' as e / "
				   "(1 + e)^2 with e = e^-|z|, never e^-z / (1 "
				   "+ e^-z)^2, which overflows for large "
				   "negative z (" EXERCISE ")");
		return;
	}
	gradient_fail(&c, "wrong gradient", input, i, i, GRAD_TOL, hint);
}

/* The student's gradient got against the reference; false after recording
 * the first mismatch. */
static bool grad_matches(const char *input, const double *y, const double *z,
			 size_t n, const double *got, const char *hint)
{
	double want[MAXN], zc[MAXN];
	size_t i;

	ref_mse_sigmoid_grad(y, z, n, want);
	i = wb_first_mismatch(got, want, n, GRAD_TOL);
	if (i == n)
		return true;
	memcpy(zc, z, n * sizeof *z);
	fail_gradient(input, y, zc, n, got, want, i, hint);
	return false;
}

/* Runs the student's gradient into a guarded array and compares it with
 * the reference; false after recording the first failure. */
static bool check_grad(const double *y, const double *z, size_t n,
		       const char *hint)
{
	struct wb_guarded g;
	char input[600];
	bool ok;

	describe_yz(input, sizeof input, y, z, n);
	wb_guarded_init(&g, n, NAN);
	mse_sigmoid_grad(y, z, n, g.data);
	ok = wb_guarded_intact(&g, input) &&
	     grad_matches(input, y, z, n, g.data, hint);
	wb_guarded_release(&g);
	return ok;
}


WB_TEST(mse_sigmoid_grad, random_values,
	"matches the reference for random labels and logits")
{
	check_random_yz(check_grad, 8.0, GRAD_HINT);
}

WB_TEST(mse_sigmoid_grad, chapter_example,
	"is -0.00067 for y = 1, z = -8, where BCE's gradient is -0.9997")
{
	/* Three samples: with two, half the gradient would also be 1/n of
	 * it, and the diagnosis could not tell a missing 2 from a second
	 * 1/n. */
	double y[3] = { 1.0, 1.0, 0.0 }, z[3] = { -8.0, -log(9.0), 0.5 };

	check_grad(y, z, 3, "2 (s - 1) s (1 - s) / n for s = sigma(z): the "
		   "factor s (1 - s) is what makes it vanish (" VANISH ")");
}

WB_TEST(mse_sigmoid_grad, saturated,
	"vanishes but stays finite for logits of 40, 1000 and 1e6")
{
	/* The last two samples are ordinary, so that a gradient that ignores
	 * y and z (say all zeros) fails too; they are checked on their own
	 * first, with the hint for the formula. */
	double y[8] = { 1.0, 0.0, 0.0, 1.0, 0.3, 1.0, 1.0, 0.0 };
	double z[8] = { -40.0, 40.0, -1e6, 1e6, 1000.0, -1000.0, -1.5, 2.0 };

	if (check_grad(y + 6, z + 6, 2, GRAD_HINT))
		check_grad(y, z, 8, "compute sigma and sigma' without "
			   "overflow: exp of a large positive number is inf, "
			   "and inf / inf is NaN (" VANISH ")");
}

/* ---- the chapter's two traps in the tails ------------------------------- */

/* Relative only: the tail values (1e-87 to 1e-13, and their squares for
 * y = 1) are normal numbers that the book asks for to full relative
 * accuracy; the reference's e / (1 + e)^2 and (1 - y) - sigma(-z) are good
 * to a few ulps there, the traps are off by 100% (they give 0) or by 1e-3
 * relative already at z = 30. */
static const struct wb_tol TAIL_TOL = { 0.0, 1e-12 };

/* mse_sigmoid_grad for one sample (y, z) against the reference under
 * TAIL_TOL; records `summary` with `hint` on a mismatch. */
static bool check_tail_at(double y, double z, const char *summary,
			  const char *hint)
{
	struct wb_guarded g;
	char input[128];
	double want;
	bool ok;

	snprintf(input, sizeof input, "y = (%g), z = (%.17g), n = 1", y, z);
	ref_mse_sigmoid_grad(&y, &z, 1, &want);
	wb_guarded_init(&g, 1, NAN);
	mse_sigmoid_grad(&y, &z, 1, g.data);
	ok = wb_guarded_intact(&g, input) &&
	     wb_check_value(summary, input, want, g.data[0], TAIL_TOL, hint);
	wb_guarded_release(&g);
	return ok;
}

/* z = 30, 40 and 20 random logits in [30, 200], with label y. */
static bool check_tail(double y, const char *summary, const char *hint)
{
	struct wb_rng rng;

	if (!check_tail_at(y, 30.0, summary, hint) ||
	    !check_tail_at(y, 40.0, summary, hint))
		return false;
	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++)
		if (!check_tail_at(y, wb_rng_uniform(&rng, 30.0, 200.0),
				   summary, hint))
			return false;
	return true;
}

/* y = 0 first: its residual s - 0 is exact, so a failure there is sigma';
 * with sigma' right, a failure for y = 1 is the residual. */
WB_TEST(mse_sigmoid_grad, tails,
	"is accurate relative to its size in the tail (y = 0, z = 40 gives 8.5e-18, not 0)")
{
	if (check_tail(0.0, "wrong in the tail: sigma'(z) computed as "
		       "s (1 - s), which is 0 once s rounds to 1",
		       "compute sigma'(z) as e / (1 + e)^2 with e = e^-|z|, "
		       "not as s (1 - s) (" EXERCISE ")"))
		check_tail(1.0, "wrong in the tail for y = 1: sigma(z) - y "
			   "computed as s - y, which is 0 once s rounds to 1",
			   "for a label near 1 compute sigma(z) - y as "
			   "(1 - y) - sigma(-z), using 1 - sigma(z) = "
			   "sigma(-z) (" EXERCISE ")");
}

WB_TEST(mse_sigmoid_grad, inputs_unchanged,
	"does not modify y or z and writes only grad[0..n-1]")
{
	struct wb_guarded g;
	double y[MAXN], z[MAXN], y0[MAXN], z0[MAXN];
	char input[600];

	random_inputs_with_copies(y, z, y0, z0);
	describe_yz(input, sizeof input, y0, z0, MAXN);
	wb_guarded_init(&g, MAXN, NAN);
	mse_sigmoid_grad(y, z, MAXN, g.data);
	if (wb_guarded_intact(&g, input)) {
		if (memcmp(y, y0, sizeof y) || memcmp(z, z0, sizeof z))
			wb_fail("modified its input arrays", input,
				"y and z are const inputs: write only into "
				"grad");
		else	/* and computed grad from them: a constant keeps them */
			grad_matches(input, y0, z0, MAXN, g.data, GRAD_HINT);
	}
	wb_guarded_release(&g);
}

/* BEGIN HIDDEN */
/* ---- hidden test: wider logits ------------------------------------------ */

WB_HIDDEN_TEST(mse_sigmoid_grad, wide_logits,
	       "matches the reference for logits up to 30 in size")
{
	check_random_yz(check_grad, 30.0, "grad[i] = 2 (sigma(z_i) - y_i) "
			"sigma'(z_i) / n, with sigma' accurate in the tails ("
			VANISH ")");
}
/* END HIDDEN */
