/*
 * 08_variants.c - the suite of exercise 8 (chapter 8, "Label smoothing and
 * focal loss"): smoothed_cross_entropy;
 * focal_loss is in 08_variants_focal.c, and what both parts share (the
 * checker and its tolerances) in 08_variants_helpers.h.
 *
 * Both functions return the loss and, when grad is not NULL, its gradient;
 * a wrong gradient is compared with finite differences of the student's own
 * loss and of the reference loss to say what to fix.
 */
#include <stdio.h>
#include <string.h>

#include "08_variants_helpers.h"

/* ---- smoothed_cross_entropy ---------------------------------------- */

#define SMOOTH_HINT "target t = (1 - eps) onehot + eps/k on every class, the " \
	"true one included (PyTorch); loss = -sum_j t_j log softmax(z)_j (" SMOOTHING ")"
#define SMOOTH_GRAD "grad = (softmax(z_i) - t_i) / n with the same target t (" SMOOTHING ")"

static void random_smoothed(struct wb_rng *rng, double *z, size_t *labels,
			    struct call *c, bool extreme)
{
	static const double eps_choice[4] = { 0.0, 1.0, 0.1, 0.5 };

	*c = (struct call){ false, NULL, z, labels, 1 + wb_rng_index(rng, MAXN),
			    1 + wb_rng_index(rng, MAXK), 0, 0 };
	c->a = wb_rng_index(rng, 2) ? wb_rng_uniform(rng, 0.0, 1.0) :
				      eps_choice[wb_rng_index(rng, 4)];
	for (size_t i = 0; i < c->n * c->k; i++) {
		double u = wb_rng_uniform(rng, -1.0, 1.0);

		z[i] = !extreme ? 8.0 * u : wb_rng_index(rng, 2) ? 1e6 * u :
		       wb_rng_index(rng, 2) ? 1000.0 + u : 1e-300 * u;
	}
	for (size_t i = 0; i < c->n; i++)
		labels[i] = wb_rng_index(rng, c->k);
}

static void random_smoothed_test(bool extreme)
{
	struct wb_rng rng;
	struct call c;
	double z[MAXM];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 25; round++) {
		random_smoothed(&rng, z, labels, &c, extreme);
		if (!check_call(&c, extreme ? "wrong loss for huge logits" : "wrong loss",
				0, NULL, extreme ? MAX_TRICK : SMOOTH_HINT, SMOOTH_GRAD))
			return;
	}
}

WB_TEST(smoothed_cross_entropy, random_values,
	"loss and gradient match the reference for random logits, labels and eps")
{
	random_smoothed_test(false);
}

WB_TEST(smoothed_cross_entropy, huge_logits,
	"stays finite and accurate for |z| up to 1e6, huge and tiny logits mixed")
{
	random_smoothed_test(true);
}

WB_TEST(smoothed_cross_entropy, eps_zero, "with eps = 0 equals plain softmax cross-entropy")
{
	struct wb_rng rng;
	struct call c;
	double z[MAXM], want[MAXM];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 10; round++) {
		random_smoothed(&rng, z, labels, &c, round & 1);
		c.a = 0.0;
		if (!check_call(&c, "eps = 0 is not the plain cross-entropy",
				ref_softmax_cross_entropy(z, labels, c.n, c.k, want),
				want, "with eps = 0 the target is the one-hot label (" SMOOTHING ")",
				SMOOTH_GRAD))
			return;
	}
}

WB_TEST(smoothed_cross_entropy, pytorch_target,
	"spreads eps/k over all k classes (PyTorch), not eps/(k-1), for eps = 0.1 and eps = 1")
{
	double z[4] = { 2.0, 1.0, 0.0, -1.0 };
	size_t labels[1] = { 0 };
	static const double eps[3] = { 0.1, 1.0, 0.3 };

	for (size_t t = 0; t < 6; t++) {
		struct call c = { false, NULL, z, labels, 1, 2 + t / 3 * 2, eps[t % 3], 0 };

		if (!check_call(&c, "wrong smoothed target", 0, NULL, SMOOTH_HINT
				" eps = 1 makes t uniform", SMOOTH_GRAD))
			return;
	}
}

WB_TEST(smoothed_cross_entropy, one_class, "is 0 with a zero gradient for k = 1")
{
	double z[3] = { 3.5, -1e6, 1000.0 };
	double zk[6] = { 3.5, -1.0, 0.25, 2.0, 0.0, -4.0 };
	size_t labels[3] = { 0, 0, 0 }, lk[2] = { 2, 0 };
	struct call c = { false, NULL, z, labels, 3, 1, 0.2, 0 };
	struct call ck = { false, NULL, zk, lk, 2, 3, 0.2, 0 };

	/* Then the same kind of batch with k = 3: a loss and gradient of 0
	 * whatever z is must not pass this test. */
	if (check_call(&c, "wrong loss for k = 1", 0, NULL, "with one class "
		       "t = (1) and softmax = (1): the loss is 0 (" SMOOTHING
		       ")", SMOOTH_GRAD))
		check_call(&ck, "wrong loss", 0, NULL, SMOOTH_HINT, SMOOTH_GRAD);
}

WB_TEST(smoothed_cross_entropy, null_grad,
	"with grad = NULL computes the same loss and writes nothing")
{
	struct wb_rng rng;
	struct call c;
	double z[MAXM];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	do	/* k = 1 has loss 0, which a constant 0 matches */
		random_smoothed(&rng, z, labels, &c, false);
	while (c.k < 2);
	check_null_grad(&c);
}

/* BEGIN HIDDEN */
/* ---- hidden test: offset logits ----------------------------------------- */

WB_HIDDEN_TEST(smoothed_cross_entropy, offset_logits,
	       "is right when every logit of a row is shifted by up to 1e5")
{
	struct wb_rng rng;
	struct call c;
	double z[MAXM];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		random_smoothed(&rng, z, labels, &c, false);
		for (size_t i = 0; i < c.n; i++) {
			double shift = wb_rng_uniform(&rng, -1e5, 1e5);

			for (size_t j = 0; j < c.k; j++)
				z[i * c.k + j] += shift;
		}
		if (!check_call(&c, "wrong loss for shifted logits", 0, NULL,
				MAX_TRICK, SMOOTH_GRAD))
			return;
	}
}
/* END HIDDEN */
