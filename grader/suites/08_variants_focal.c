/*
 * 08_variants_focal.c - suite 08_variants, part two: focal_loss
 * (08_variants.c holds smoothed_cross_entropy, and 08_variants_helpers.h
 * the checker both parts use).
 */
#include <stdio.h>
#include <string.h>

#include "08_variants_helpers.h"

/* ---- focal_loss -------------------------------------------------------- */

#define FOCAL_HINT "loss_i = alpha_t ce (1 - p_t)^gamma with p_t = p y + (1-p)(1-y), " \
	"alpha_t = alpha y + (1-alpha)(1-y) only when alpha >= 0 (" FOCAL ")"
#define FOCAL_GRAD_HINT "differentiate both factors: d/dz [ce (1-p_t)^gamma] = " \
	"(p - y)(1-p_t)^gamma + ce gamma (1-p_t)^(gamma-1) p (1-p) (1 - 2y) (" FOCAL_GRAD ")"

static void random_focal(struct wb_rng *rng, double *y, double *z, struct call *c,
			 bool extreme)
{
	static const double alpha[4] = { -1.0, 0.0, 1.0, 0.25 };
	static const double gamma[4] = { 0.0, 1.0, 2.0, 0.5 };

	*c = (struct call){ true, y, z, NULL, 1 + wb_rng_index(rng, MAXN), 1, 0, 0 };
	c->a = wb_rng_index(rng, 2) ? wb_rng_uniform(rng, 0.0, 1.0) : alpha[wb_rng_index(rng, 4)];
	c->b = wb_rng_index(rng, 2) ? wb_rng_uniform(rng, 0.0, 3.0) : gamma[wb_rng_index(rng, 4)];
	if (extreme) /* q^(gamma - 1) at q = 0: keep gamma >= 1 here */
		c->b = 1.0 + wb_rng_uniform(rng, 0.0, 2.0);
	for (size_t i = 0; i < c->n; i++) {
		double u = wb_rng_uniform(rng, -1.0, 1.0);

		y[i] = wb_rng_index(rng, 3) ? (double)wb_rng_index(rng, 2) :
					      wb_rng_uniform(rng, 0.0, 1.0);
		z[i] = !extreme ? 8.0 * u : wb_rng_index(rng, 2) ? 1e6 * u : 1000.0 * u;
	}
}

static void random_focal_test(bool extreme)
{
	struct wb_rng rng;
	struct call c;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		random_focal(&rng, y, z, &c, extreme);
		if (!check_call(&c, extreme ? "wrong loss for huge logits" : "wrong loss",
				0, NULL, extreme ? "compute ce on the logit without "
				"overflow: max(z, 0) - z y + log1p(e^-|z|) (" FOCAL ")" :
				FOCAL_HINT, FOCAL_GRAD_HINT))
			return;
	}
}

WB_TEST(focal_loss, random_values,
	"loss and gradient match the reference for random labels, logits, alpha and gamma")
{
	random_focal_test(false);
}

WB_TEST(focal_loss, huge_logits, "stays finite and accurate for logits up to 1e6")
{
	random_focal_test(true);
}

WB_TEST(focal_loss, gamma_zero_is_bce,
	"with gamma = 0 and alpha < 0 equals BCE on logits, gradient included")
{
	struct wb_rng rng;
	struct call c;
	double y[MAXN], z[MAXN], want[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 10; round++) {
		random_focal(&rng, y, z, &c, false);
		c.a = -1.0;
		c.b = 0.0;
		ref_bce_with_logits_grad(y, z, c.n, want);
		if (!check_call(&c, "gamma = 0, alpha < 0 is not BCE",
				ref_bce_with_logits(y, z, c.n), want,
				"gamma = 0 makes (1 - p_t)^gamma = 1, and alpha < 0 "
				"means no weighting at all (" FOCAL ")", FOCAL_GRAD_HINT))
			return;
	}
}

WB_TEST(focal_loss, torchvision_example,
	"matches torchvision's sigmoid_focal_loss for alpha = 0.25, gamma = 2")
{
	/* Values from the torchvision definition in 50-digit arithmetic. */
	static const double y[6] = { 1, 0, 1, 0, 1, 0 };
	static const double z[6] = { 2.0, -1.5, -3.0, 4.0, 0.25, 0.0 };
	static const double want[6] = { -0.00020295584147469860405,
		0.0021288881529044907782, -0.046947911693120351698,
		0.13579948163560443341, -0.0086690157968693458027,
		0.037285849392498290919 };
	struct call c = { true, y, z, NULL, 6, 1, 0.25, 2.0 };

	check_call(&c, "does not match torchvision", 0.62679900563321195502, want,
		   "alpha_t = 0.25 for positives and 0.75 for negatives; the mean "
		   "over samples (" FOCAL ")", FOCAL_GRAD_HINT);
}

WB_TEST(focal_loss, alpha_and_soft_labels,
	"weights by alpha_t only when alpha >= 0 and uses p_t = p y + (1-p)(1-y) for soft labels")
{
	static const double y[4] = { 0.0, 1.0, 0.3, 0.8 };
	static const double z[4] = { 1.5, -0.5, 2.0, -1.0 };
	static const double alpha[4] = { 0.25, 0.0, 1.0, -0.5 };

	for (size_t t = 0; t < 8; t++) {
		struct call c = { true, y + t / 4 * 2, z + t / 4 * 2, NULL, 2, 1,
				  alpha[t % 4], 2.0 };

		if (!check_call(&c, "wrong focal loss", 0, NULL, FOCAL_HINT,
				FOCAL_GRAD_HINT))
			return;
	}
}

WB_TEST(focal_loss, modulating_factor_gradient,
	"gradient differentiates the modulating factor (1 - p_t)^gamma too")
{
	static const double y[3] = { 1.0, 0.0, 0.6 };
	static const double z[3] = { -1.0, 0.5, 1.5 };
	struct call c = { true, y, z, NULL, 3, 1, -1.0, 2.0 };

	check_call(&c, "wrong focal loss", 0, NULL, FOCAL_HINT,
		   "(1 - p_t)^gamma depends on z: its derivative gives the term "
		   "ce gamma (1-p_t)^(gamma-1) p (1-p) (1 - 2y) (" FOCAL_GRAD ")");
}

WB_TEST(focal_loss, null_grad, "with grad = NULL computes the same loss and writes nothing")
{
	struct wb_rng rng;
	struct call c;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	/* alpha = 1 with every label 0 (or alpha = 0 with every label 1)
	 * weighs every term by 0: a loss of 0 would let a function that
	 * returns 0, or its first label, pass. */
	do
		random_focal(&rng, y, z, &c, false);
	while (run(&c, true, c.z, NULL) == 0.0);
	check_null_grad(&c);
}

/* BEGIN HIDDEN */
/* ---- hidden test: large gamma ------------------------------------------- */

WB_HIDDEN_TEST(focal_loss, large_gamma,
	       "loss and gradient match the reference for gamma from 3 to 6")
{
	struct wb_rng rng;
	struct call c;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		random_focal(&rng, y, z, &c, false);
		c.b = wb_rng_uniform(&rng, 3.0, 6.0);
		if (!check_call(&c, "wrong loss for a large gamma", 0, NULL,
				FOCAL_HINT, FOCAL_GRAD_HINT))
			return;
	}
}
/* END HIDDEN */
