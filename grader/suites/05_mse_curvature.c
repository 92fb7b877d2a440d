/*
 * 05_mse_curvature.c - suite 05_mse, part three: mse_sigmoid_curvature,
 * against the reference and against finite differences of the reference
 * gradient.
 */
#include <math.h>
#include <stdio.h>

#include "05_mse_helpers.h"

/* Curvature 2 s' [s' + (s - y)(1 - 2 s)] is at most ~0.6; 1 - 2 s computed
 * naively or as -tanh(z/2) and s' as s (1 - s) differ by a few 1e-16
 * absolute.  Dropping the s'' term changes it by 2 s' |s - y| |1 - 2 s|. */
static const struct wb_tol CURV_TOL = { 4e-15, 1e-12 };

/* ---- mse_sigmoid_curvature ----------------------------------------- */

static double grad_at(const double *z, size_t n, void *ctx)
{
	double g;

	ref_mse_sigmoid_grad(ctx, z, n, &g);
	return g;
}

/* got, the student's curvature at (y, z), against want, naming the mistake
 * the values show first. */
static bool curvature_matches(const char *what, double y, double z,
			      double want, double got, struct wb_tol tol,
			      const char *hint)
{
	struct mse_curvature c;
	char input[128];

	snprintf(input, sizeof input, "y = %.17g, z = %.17g", y, z);
	mse_curvature_diagnosis(y, z, &c);
	return wb_check_value_diagnosed(&c.d, what, input, want, got, tol,
					hint);
}

static bool check_curvature(const char *what, double y, double z,
			    const char *hint)
{
	return curvature_matches(what, y, z, ref_mse_sigmoid_curvature(y, z),
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

		wb_finite_differences(grad_at, &y, &z, 1, &fd);
		if (!curvature_matches("not the derivative of the MSE gradient",
				       y, z, fd, mse_sigmoid_curvature(y, z),
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

		/* Away from the sign change at z = -+log 2 the sign is sure. */
		if (fabs(fabs(z) - log(2.0)) < 1e-6 || (want < 0) == (got < 0))
			continue;
		if (!curvature_matches(want < 0 ? "should be negative here (the "
				       "loss bends downwards)" : "should be "
				       "positive here", y, z, want, got,
				       CURV_TOL, CURV_HINT))
			return;
	}
}

WB_TEST(mse_sigmoid_curvature, saturated,
	"stays finite and near 0 for logits of 40, 1000 and 1e6")
{
	static const double z[6] = { 40.0, -40.0, 1000.0, -1000.0, 1e6, -1e6 };

	/* Two ordinary logits first (curvatures 0.079 and -0.119), so that a
	 * function that ignores y and z (say returns 0) fails too. */
	if (!check_curvature("wrong curvature", 1.0, 1.5, CURV_HINT) ||
	    !check_curvature("wrong curvature", 0.0, 2.0, CURV_HINT))
		return;
	for (size_t i = 0; i < 12; i++)
		if (!check_curvature("wrong curvature for a saturated logit",
				     (double)(i & 1), z[i / 2],
				     "compute s' without exp overflowing: use "
				     "e^-|z| (" CONVEX ")"))
			return;
}

/* BEGIN HIDDEN */
/* ---- hidden test: soft labels ------------------------------------------- */

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
