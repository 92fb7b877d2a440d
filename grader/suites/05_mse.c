/*
 * 05_mse.c - the suite of exercise 5 (chapter 5, "Why not mean squared
 * error"): mse_sigmoid_loss;
 * mse_sigmoid_grad is in 05_mse_grad.c, mse_sigmoid_curvature in
 * 05_mse_curvature.c, and what the parts share in 05_mse_helpers.h.
 *
 * Every verdict comes from the reference (ref_*) or from finite differences
 * of the reference, so a wrong mse_sigmoid_loss never fails a test of the
 * gradient or of the curvature; the student's own loss is consulted only to
 * word the message of a gradient that is already wrong.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "05_mse_helpers.h"

/* Loss terms (s - y)^2 lie in [0, 1].  A correct sigmoid (branching exp,
 * tanh form, naive s - y) is within ~1e-16 absolute of the reference in
 * every term, also where s - y cancels; the mean keeps that.  Wrong
 * formulas (1/2 factor, sum instead of mean) are off by 50% or more. */
static const struct wb_tol LOSS_TOL = { 1e-15, 1e-12 };

/* ---- mse_sigmoid_loss ---------------------------------------------- */

/* got, the student's loss on (y, z), against the reference. */
static bool check_loss_value(const char *what, const double *y,
			     const double *z, size_t n, double got,
			     const char *hint)
{
	struct wb_diagnosis d;
	char input[600];

	describe_yz(input, sizeof input, y, z, n);
	mse_loss_diagnosis(n, &d);
	return wb_check_value_diagnosed(&d, what, input,
					ref_mse_sigmoid_loss(y, z, n), got,
					LOSS_TOL, hint);
}

static bool check_loss(const char *what, const double *y, const double *z,
		       size_t n, const char *hint)
{
	return check_loss_value(what, y, z, n, mse_sigmoid_loss(y, z, n),
				hint);
}

#define LOSS_HINT "the loss is the mean over the n samples of " \
	"(sigma(z_i) - y_i)^2, with no 1/2 factor (" VANISH ")"

/* The check of random_values (a yz_check). */
static bool check_random_loss(const double *y, const double *z, size_t n,
			      const char *hint)
{
	return check_loss("wrong loss", y, z, n, hint);
}

WB_TEST(mse_sigmoid_loss, random_values,
	"matches the reference for random labels and logits")
{
	check_random_yz(check_random_loss, 8.0, LOSS_HINT);
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
	/* Confidently wrong samples first (each term 1), then saturated
	 * right ones and a soft label (terms 0 and 0.49), so that the mean
	 * is not 1 for every n. */
	double y[7] = { 1.0, 0.0, 1.0, 0.0, 0.3, 1.0, 0.0 };
	double z[7] = { -1e6, 1e6, -40.0, 745.0, 1e6, 1e6, -745.0 };

	for (size_t n = 1; n <= 7; n++)
		if (!check_loss("wrong loss for saturated logits", y, z, n,
				"a saturated sigmoid gives exactly 0 or 1, so "
				"each term is at most 1; compute sigma without "
				"overflow (" BOUNDED ")"))
			return;
}

WB_TEST(mse_sigmoid_loss, inputs_unchanged, "does not modify y or z")
{
	double y[MAXN], z[MAXN], y0[MAXN], z0[MAXN], got;
	char input[600];

	random_inputs_with_copies(y, z, y0, z0);
	got = mse_sigmoid_loss(y, z, MAXN);
	describe_yz(input, sizeof input, y0, z0, MAXN);
	if (memcmp(y, y0, sizeof y) || memcmp(z, z0, sizeof z))
		wb_fail("modified its input arrays", input,
			"y and z are const inputs: compute into local variables");
	else	/* and computed from them: a constant keeps them too */
		check_loss_value("wrong loss", y0, z0, MAXN, got, LOSS_HINT);
}

/* BEGIN HIDDEN */
/* ---- hidden test: a symmetry -------------------------------------------- */

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
		/* A loss that ignores y and z is symmetric too. */
		if (!check_loss("wrong loss", y, z, n, LOSS_HINT))
			return;
	}
}
/* END HIDDEN */
