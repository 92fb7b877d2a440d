/*
 * 05_mse.c - the suite of exercise 5 (chapter 5, "Why not mean squared
 * error"): mse_sigmoid_loss, mse_sigmoid_grad, mse_sigmoid_curvature.
 *
 * Every verdict comes from the reference (ref_*) or from finite differences
 * of the reference, so a wrong mse_sigmoid_loss never fails a test of the
 * gradient or of the curvature; the student's own loss is consulted only to
 * word the message of a gradient that is already wrong.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak mse_sigmoid_loss
#pragma weak mse_sigmoid_grad
#pragma weak mse_sigmoid_curvature

enum { MAXN = 12 };

/* Loss terms (s - y)^2 lie in [0, 1].  A correct sigmoid (branching exp,
 * tanh form, naive s - y) is within ~1e-16 absolute of the reference in
 * every term, also where s - y cancels; the mean keeps that.  Wrong
 * formulas (1/2 factor, sum instead of mean) are off by 50% or more. */
static const struct wb_tol LOSS_TOL = { 1e-15, 1e-12 };
/* Entries 2 (s - y) s' / n are at most 0.5 / n.  s' as s (1 - s) or a
 * tanh-based sigmoid is exact to ~1e-16 absolute but not relative in the
 * tails (|z| > 30, true values below 1e-13), hence the absolute part.
 * Missing the 2, s' or 1/n changes an entry by a factor of 2 or more. */
static const struct wb_tol GRAD_TOL = { 1e-15, 1e-12 };
/* Curvature 2 s' [s' + (s - y)(1 - 2 s)] is at most ~0.6; 1 - 2 s computed
 * naively or as -tanh(z/2) and s' as s (1 - s) differ by a few 1e-16
 * absolute.  Dropping the s'' term changes it by 2 s' |s - y| |1 - 2 s|. */
static const struct wb_tol CURV_TOL = { 4e-15, 1e-12 };
/* Central differences with h ~ 6e-6 max(|z|, 1) are good to ~1e-10 on
 * these O(1) functions; a chain-rule error is off by a factor. */
static const struct wb_tol FD_TOL = { 1e-7, 1e-5 };

#define VANISH "chapter 5, \"The MSE gradient vanishes\""
#define CONVEX "chapter 5, \"MSE is not convex in the logit\""
#define BOUNDED "chapter 5, \"Bounded versus unbounded\""

static const char *describe_yz(char *buf, size_t size, const double *y,
			       const double *z, size_t n)
{
	char a[256], b[256];

	snprintf(buf, size, "y = %s, z = %s, n = %zu",
		 wb_format_vector(a, sizeof a, y, n),
		 wb_format_vector(b, sizeof b, z, n), n);
	return buf;
}

/* Random labels: hard 0/1 for most samples, soft in (0, 1) for some. */
static void random_labels(struct wb_rng *rng, double *y, size_t n)
{
	for (size_t i = 0; i < n; i++)
		y[i] = wb_rng_index(rng, 3) ? (double)wb_rng_index(rng, 2) :
					      wb_rng_uniform(rng, 0.0, 1.0);
}

/* ---- mse_sigmoid_loss ---------------------------------------------- */

static bool check_loss(const char *what, const double *y, const double *z,
		       size_t n, const char *hint)
{
	char input[600];

	describe_yz(input, sizeof input, y, z, n);
	return wb_check_value(what, input, ref_mse_sigmoid_loss(y, z, n),
			      mse_sigmoid_loss(y, z, n), LOSS_TOL, hint);
}

WB_TEST(mse_sigmoid_loss, random_values,
	"matches the reference for random labels and logits")
{
	struct wb_rng rng;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_labels(&rng, y, n);
		wb_rng_fill(&rng, z, n, -8.0, 8.0);
		if (!check_loss("wrong loss", y, z, n,
				"the loss is the mean over the n samples of "
				"(sigma(z_i) - y_i)^2, with no 1/2 factor (" VANISH ")"))
			return;
	}
}

WB_TEST(mse_sigmoid_loss, chapter_example,
	"is 0.81 for a positive sample predicted at 0.1 (BCE gives 2.30)")
{
	double y[1] = { 1.0 }, z[1] = { -log(9.0) };

	check_loss("wrong loss for a positive sample at p = 0.1", y, z, 1,
		   "(0.1 - 1)^2 = 0.81: square the error, no 1/2 factor, "
		   "no log (" VANISH ")");
}

WB_TEST(mse_sigmoid_loss, bounded,
	"is at most 1 per sample, even for confidently wrong logits of 1e6")
{
	double y[4] = { 1.0, 0.0, 1.0, 0.0 };
	double z[4] = { -1e6, 1e6, -40.0, 745.0 };

	for (size_t n = 1; n <= 4; n++)
		if (!check_loss("wrong loss for saturated logits", y, z, n,
				"a saturated sigmoid gives exactly 0 or 1, so "
				"each term is at most 1; compute sigma without "
				"overflow (" BOUNDED ")"))
			return;
}

WB_TEST(mse_sigmoid_loss, inputs_unchanged, "does not modify y or z")
{
	struct wb_rng rng;
	double y[MAXN], z[MAXN], y0[MAXN], z0[MAXN];
	char input[600];

	wb_rng_init(&rng);
	random_labels(&rng, y, MAXN);
	wb_rng_fill(&rng, z, MAXN, -5.0, 5.0);
	memcpy(y0, y, sizeof y);
	memcpy(z0, z, sizeof z);
	mse_sigmoid_loss(y, z, MAXN);
	if (memcmp(y, y0, sizeof y) || memcmp(z, z0, sizeof z))
		wb_fail("modified its input arrays",
			describe_yz(input, sizeof input, y0, z0, MAXN),
			"y and z are const inputs: compute into local variables");
}

/* ---- mse_sigmoid_grad ---------------------------------------------- */

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
 * The gradient disagrees with the reference at element i.  Finite
 * differences of the reference loss give the verdict's second opinion;
 * those of the student's own loss say whether the chain rule or the loss
 * is to blame.
 */
static void fail_gradient(const char *input, const double *y, double *z,
			  size_t n, const double *got, const double *want,
			  size_t i, const char *hint)
{
	struct loss_ctx own = { y, mse_sigmoid_loss }, ref = { y, ref_mse_sigmoid_loss };
	double fd_own[MAXN], fd_ref[MAXN];
	char text[900];
	bool usable = mse_sigmoid_loss != NULL;

	wb_finite_differences(loss_at, &ref, z, n, fd_ref);
	if (usable) {
		wb_probing = true;
		wb_finite_differences(loss_at, &own, z, n, fd_own);
		wb_probing = false;
		for (size_t j = 0; j < n; j++)
			usable = usable && isfinite(fd_own[j]);
	}
	if (!usable)
		snprintf(text, sizeof text, "%s (finite differences of the "
			 "correct loss give %.10g here)", hint, fd_ref[i]);
	else if (wb_first_mismatch(got, fd_own, n, FD_TOL) == n)
		snprintf(text, sizeof text, "it matches finite differences of "
			 "your own mse_sigmoid_loss, but your loss is wrong: "
			 "fix the loss and differentiate it again (" VANISH ")");
	else
		snprintf(text, sizeof text, "your gradient does not match your "
			 "own loss either (finite differences give %.10g): check "
			 "the chain rule; %s", fd_own[i], hint);
	wb_fail_element("wrong gradient", input, i, want[i], got[i], GRAD_TOL,
			text);
}

/* Runs the student's gradient into a guarded array and compares it with
 * the reference; false after recording the first failure. */
static bool check_grad(const double *y, const double *z, size_t n,
		       const char *hint)
{
	struct wb_guarded g;
	double want[MAXN], zc[MAXN];
	char input[600];
	size_t i;
	bool ok;

	describe_yz(input, sizeof input, y, z, n);
	ref_mse_sigmoid_grad(y, z, n, want);
	wb_guarded_init(&g, n, NAN);
	mse_sigmoid_grad(y, z, n, g.data);
	ok = wb_guarded_intact(&g, input);
	i = ok ? wb_first_mismatch(g.data, want, n, GRAD_TOL) : n;
	if (ok && i < n) {
		memcpy(zc, z, n * sizeof *z);
		fail_gradient(input, y, zc, n, g.data, want, i, hint);
		ok = false;
	}
	wb_guarded_release(&g);
	return ok;
}

WB_TEST(mse_sigmoid_grad, random_values,
	"matches the reference for random labels and logits")
{
	struct wb_rng rng;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_labels(&rng, y, n);
		wb_rng_fill(&rng, z, n, -8.0, 8.0);
		if (!check_grad(y, z, n, "grad[i] = 2 (sigma(z_i) - y_i) "
				"sigma'(z_i) / n: keep the 2, the factor sigma' "
				"and the 1/n (" VANISH ")"))
			return;
	}
}

WB_TEST(mse_sigmoid_grad, chapter_example,
	"is -0.00067 for y = 1, z = -8, where BCE's gradient is -0.9997")
{
	double y[2] = { 1.0, 1.0 }, z[2] = { -8.0, -log(9.0) };

	check_grad(y, z, 2, "2 (s - 1) s (1 - s) / n for s = sigma(z): the "
		   "factor s (1 - s) is what makes it vanish (" VANISH ")");
}

WB_TEST(mse_sigmoid_grad, saturated,
	"vanishes but stays finite for logits of 40, 1000 and 1e6")
{
	double y[6] = { 1.0, 0.0, 0.0, 1.0, 0.3, 1.0 };
	double z[6] = { -40.0, 40.0, -1e6, 1e6, 1000.0, -1000.0 };

	check_grad(y, z, 6, "compute sigma and sigma' without overflow: "
		   "exp of a large positive number is inf, and inf / inf is "
		   "NaN (" VANISH ")");
}

WB_TEST(mse_sigmoid_grad, inputs_unchanged,
	"does not modify y or z and writes only grad[0..n-1]")
{
	struct wb_rng rng;
	struct wb_guarded g;
	double y[MAXN], z[MAXN], y0[MAXN], z0[MAXN];
	char input[600];

	wb_rng_init(&rng);
	random_labels(&rng, y, MAXN);
	wb_rng_fill(&rng, z, MAXN, -5.0, 5.0);
	memcpy(y0, y, sizeof y);
	memcpy(z0, z, sizeof z);
	describe_yz(input, sizeof input, y0, z0, MAXN);
	wb_guarded_init(&g, MAXN, NAN);
	mse_sigmoid_grad(y, z, MAXN, g.data);
	if (wb_guarded_intact(&g, input) &&
	    (memcmp(y, y0, sizeof y) || memcmp(z, z0, sizeof z)))
		wb_fail("modified its input arrays", input,
			"y and z are const inputs: write only into grad");
	wb_guarded_release(&g);
}

/* ---- mse_sigmoid_curvature ----------------------------------------- */

static double grad_at(const double *z, size_t n, void *ctx)
{
	double g;

	ref_mse_sigmoid_grad(ctx, z, n, &g);
	return g;
}

static bool check_curvature(const char *what, double y, double z,
			    const char *hint)
{
	char input[128];

	snprintf(input, sizeof input, "y = %.17g, z = %.17g", y, z);
	return wb_check_value(what, input, ref_mse_sigmoid_curvature(y, z),
			      mse_sigmoid_curvature(y, z), CURV_TOL, hint);
}

#define CURV_HINT "f'' = 2 s'^2 + 2 (s - y) s'' with s'' = s' (1 - 2 s): " \
	"the product rule gives both terms (" CONVEX ")"

WB_TEST(mse_sigmoid_curvature, random_values,
	"matches the reference for random labels and logits")
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	for (int round = 0; round < 100; round++) {
		double y = wb_rng_index(&rng, 3) ? (double)wb_rng_index(&rng, 2) :
						   wb_rng_uniform(&rng, 0.0, 1.0);

		if (!check_curvature("wrong curvature", y,
				     wb_rng_uniform(&rng, -10.0, 10.0), CURV_HINT))
			return;
	}
}

WB_TEST(mse_sigmoid_curvature, finite_differences,
	"agrees with finite differences of the MSE gradient 2 (s - y) s'")
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	for (int round = 0; round < 40; round++) {
		double y = wb_rng_index(&rng, 2) ? 1.0 : wb_rng_uniform(&rng, 0.0, 1.0);
		double z = wb_rng_uniform(&rng, -8.0, 8.0), fd;
		char input[128];

		wb_finite_differences(grad_at, &y, &z, 1, &fd);
		snprintf(input, sizeof input, "y = %.17g, z = %.17g", y, z);
		if (!wb_check_value("not the derivative of the MSE gradient",
				    input, fd, mse_sigmoid_curvature(y, z),
				    FD_TOL, CURV_HINT))
			return;
	}
}

WB_TEST(mse_sigmoid_curvature, chapter_example,
	"is -0.1134 for a positive sample predicted at 0.1 (not convex)")
{
	check_curvature("wrong curvature for y = 1 at p = 0.1", 1.0, -log(9.0),
			CURV_HINT);
}

WB_TEST(mse_sigmoid_curvature, sign_pattern,
	"is negative exactly on the wrong side (y = 1: z < -log 2; y = 0: z > log 2)")
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	for (int round = 0; round < 60; round++) {
		double y = (double)(round & 1);
		double z = wb_rng_uniform(&rng, -12.0, 12.0);
		double want = ref_mse_sigmoid_curvature(y, z);
		double got = mse_sigmoid_curvature(y, z);
		char input[128];

		/* Away from the sign change at z = -+log 2 the sign is sure. */
		if (fabs(fabs(z) - log(2.0)) < 1e-6 || (want < 0) == (got < 0))
			continue;
		snprintf(input, sizeof input, "y = %g, z = %.17g", y, z);
		wb_fail_value(want < 0 ? "should be negative here (the loss "
			      "bends downwards)" : "should be positive here",
			      input, want, got, CURV_TOL, CURV_HINT);
		return;
	}
}

WB_TEST(mse_sigmoid_curvature, saturated,
	"stays finite and near 0 for logits of 40, 1000 and 1e6")
{
	static const double z[6] = { 40.0, -40.0, 1000.0, -1000.0, 1e6, -1e6 };

	for (size_t i = 0; i < 12; i++)
		if (!check_curvature("wrong curvature for a saturated logit",
				     (double)(i & 1), z[i / 2],
				     "compute s' without exp overflowing: use "
				     "e^-|z| (" CONVEX ")"))
			return;
}

/* BEGIN HIDDEN */
/* ---- hidden tests: a symmetry, wider logits, soft labels ---------------- */

WB_HIDDEN_TEST(mse_sigmoid_loss, label_flip,
	       "satisfies mse_sigmoid_loss(y, z) = mse_sigmoid_loss(1 - y, -z)")
{
	/* sigma(-z) - (1 - y) = -(sigma(z) - y): the terms agree up to an
	 * ulp of each side, far below 1e-15 on a mean of terms <= 1. */
	struct wb_rng rng;
	double y[MAXN], z[MAXN], fy[MAXN], fz[MAXN];
	char input[600];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_labels(&rng, y, n);
		wb_rng_fill(&rng, z, n, -20.0, 20.0);
		for (size_t i = 0; i < n; i++) {
			fy[i] = 1.0 - y[i];
			fz[i] = -z[i];
		}
		describe_yz(input, sizeof input, fy, fz, n);
		if (!wb_check_value("changed when y and z were both flipped",
				    input, mse_sigmoid_loss(y, z, n),
				    mse_sigmoid_loss(fy, fz, n), LOSS_TOL,
				    "(sigma(z_i) - y_i)^2 treats both labels "
				    "alike (" VANISH ")"))
			return;
	}
}

WB_HIDDEN_TEST(mse_sigmoid_grad, wide_logits,
	       "matches the reference for logits up to 30 in size")
{
	struct wb_rng rng;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_labels(&rng, y, n);
		wb_rng_fill(&rng, z, n, -30.0, 30.0);
		if (!check_grad(y, z, n, "grad[i] = 2 (sigma(z_i) - y_i) "
				"sigma'(z_i) / n, with sigma' accurate in the "
				"tails (" VANISH ")"))
			return;
	}
}

WB_HIDDEN_TEST(mse_sigmoid_curvature, soft_labels,
	       "matches the reference for soft labels and logits up to 30")
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	for (int round = 0; round < 100; round++)
		if (!check_curvature("wrong curvature for a soft label",
				     wb_rng_uniform(&rng, 0.0, 1.0),
				     wb_rng_uniform(&rng, -30.0, 30.0),
				     CURV_HINT))
			return;
}
/* END HIDDEN */
