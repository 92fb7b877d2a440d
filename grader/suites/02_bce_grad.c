/*
 * 02_bce_grad.c - suite 02_bce, part two: bce_with_logits_grad (02_bce.c
 * holds bce_loss and bce_with_logits; 02_bce_helpers.h what both share).
 *
 * Tolerance (|got - want| <= abs + rel |want|, rel 1e-12 as everywhere in
 * the suite: see 02_bce.c):
 *
 * bce_with_logits_grad, abs 1e-15 / n: sigma(z) - y computed directly is a
 * correct formula whose absolute error is about 3 ulps of 1 (3.3e-16)
 * before the division by n; the reference's tail-accurate residual is not
 * required by the contract.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "02_bce_helpers.h"
#include "gradient_hint.h"

#define CHAIN "(chapter 3, \"The chain rule, step by step\")"
#define HINT_GRAD \
	"grad[i] = (sigma(z_i) - y_i) / n: prediction minus truth, divided " \
	"by n because the loss is a mean " CHAIN

static const double unwritten = -0x1.5p99;

/* The student's loss as a function of z (ctx: the labels). */
static double own_loss(const double *z, size_t n, void *ctx)
{
	return bce_with_logits(ctx, z, n);
}

/* The student's gradient on b (guarded output, copied inputs) against the
 * reference.  hint is for a NaN or inf; a finite mismatch is diagnosed by
 * gradient_fail, with finite differences of the student's own
 * bce_with_logits when fd is set. */
static bool check_grad(struct batch *b, bool fd, const char *what,
		       const char *hint)
{
	const struct wb_tol tol = { 1e-15 / (double)b->n, 1e-12 };
	double y[MAXN], z[MAXN], want[MAXN], own[MAXN];
	char summary[160];
	struct wb_guarded g;
	size_t i = b->n;

	memcpy(y, b->y, sizeof y);
	memcpy(z, b->x, sizeof z);
	ref_bce_with_logits_grad(b->y, b->x, b->n, want);
	wb_guarded_init(&g, b->n, unwritten);
	bce_with_logits_grad(y, z, b->n, g.data);
	describe(b, "z");
	if (wb_guarded_intact(&g, b->input) &&
	    inputs_kept(b, y, z, "bce_with_logits_grad"))
		i = wb_first_mismatch(g.data, want, b->n, tol);
	if (i < b->n) {
		struct gradient_case c = {
			"bce_with_logits", g.data, want, NULL, false, b->n,
			(double)b->n, HINT_GRAD,
		};

		if (fd && bce_with_logits) {
			memcpy(z, b->x, sizeof z);
			wb_finite_differences(own_loss, b->y, z, b->n, own);
			c.fd_own = own;
			c.own_loss_right = wb_close(bce_with_logits(b->y, b->x, b->n),
						    ref_bce_with_logits(b->y, b->x, b->n),
						    logit_tol(b));
		}
		if (g.data[i] == unwritten)
			what = "did not write every element of grad";
		snprintf(summary, sizeof summary, "bce_with_logits_grad: %s", what);
		if (g.data[i] == unwritten)
			wb_fail_element(summary, b->input, i, want[i],
					g.data[i], tol, HINT_GRAD);
		else
			gradient_fail(&c, summary, b->input, i, i, tol, hint);
	}
	wb_guarded_release(&g);
	return i == b->n;
}

WB_TEST(bce_with_logits_grad, ordinary_inputs,
	"matches the reference on random batches")
{
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, MAXN), -8, 8);
		if (!check_grad(&b, true, "wrong gradient", HINT_GRAD))
			return;
	}
}

WB_TEST(bce_with_logits_grad, chapter_example,
	"is prediction minus truth over n (p = 0.9 with y = 1 gives -0.1 / n)")
{
	static const double y3[] = { 1, 0, 1 }, y1[] = { 1 };
	double z3[3] = { log(9.0), log(0.25), log(1.5) };
	struct batch b;

	set_batch(&b, y1, z3, 1);
	if (!check_grad(&b, true, "wrong gradient for one sample", HINT_GRAD))
		return;
	set_batch(&b, y3, z3, 3);
	check_grad(&b, true, "wrong gradient for the three-sample example",
		   HINT_GRAD);
}

WB_TEST(bce_with_logits_grad, huge_logits,
	"is finite and right for huge logits (|z| = 40, 745, 1000, 1e6)")
{
	static const double zs[] = { 40, -40, 745, -745, 1000, -1000, 1e6,
				     -1e6, 1e300, -1e300 };
	static const double ys[] = { 0, 1, 0.25 };
	struct batch b;

	for (size_t i = 0; i < 10; i++)
		for (size_t j = 0; j < 3; j++) {
			double y2[2] = { ys[j], 1.0 - ys[j] };
			double z2[2] = { zs[i], 0.5 };

			set_batch(&b, y2, z2, 2);
			if (!check_grad(&b, false, "wrong gradient for a huge logit",
					"compute sigma(z) without overflow: "
					"1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) "
					"for z < 0 (chapter 1, \"Computing the "
					"sigmoid safely\")"))
				return;
		}
}

/* BEGIN HIDDEN */
/* ---- hidden test: full batches, wide logits ----------------------------- */

WB_HIDDEN_TEST(bce_with_logits_grad, wide_logits,
	       "matches the reference on full batches with logits up to 40")
{
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 30; t++) {
		random_batch(&rng, &b, MAXN / 2 + wb_rng_index(&rng, MAXN / 2),
			     -40, 40);
		if (!check_grad(&b, true, "wrong gradient", HINT_GRAD))
			return;
	}
}
/* END HIDDEN */
