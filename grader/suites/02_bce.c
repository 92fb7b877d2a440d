/*
 * 02_bce.c - the suite of exercise 2 (chapter 2, "Binary cross-entropy from
 * maximum likelihood"): bce_loss and bce_with_logits;
 * bce_with_logits_grad is in 02_bce_grad.c, the diagnoses of a wrong loss
 * in 02_bce_diagnosis.c, and what the parts share in 02_bce_helpers.h.
 *
 * Tolerances (|got - want| <= abs + rel |want|):
 *
 * rel 1e-12 everywhere: the reference is accurate to a few ulps per term;
 * another summation order (backwards, pairwise) changes a sum of n <= 64
 * non-negative terms by at most n eps = 1.4e-14 relative.
 *
 * bce_loss, abs 1e-15: log(1 - p) in place of log1p(-p) is a correct
 * formula that is off by up to eps/2 = 1.1e-16 absolute (the rounding of
 * 1 - p); 1e-15 accepts it with margin, and is 1e8 times smaller than the
 * 1e-7 a clipping to [1e-7, 1 - 1e-7] costs at p = 1.
 *
 * bce_with_logits, abs 1e-15 + 4 eps mean|z_i|: the compact forms
 * max(z, 0) - y z + log1p(e^-|z|) (PyTorch) and softplus(z) - y z round y z
 * and subtract numbers of size |z|, an absolute error of about 2 eps |z|
 * per sample; the tolerance allows twice that.  One test is stricter on
 * purpose: with hard labels the loss of a confident right answer is tiny
 * (softplus(-40) = 4.2e-18) and must keep its digits (rel 1e-12, as in
 * chapter 2, "The loss on logits"), which rejects log(1 + e^t) and the
 * cancelling softplus(z) - y z, and accepts PyTorch's form.
 *
 * bce_with_logits_grad: see 02_bce_grad.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "02_bce_helpers.h"

static const struct wb_tol loss_tol = { 1e-15, 1e-12 };

#define HINT_BCE \
	"the loss is the MEAN over the n samples of -[y log p + (1-y) " \
	"log(1-p)], natural log (chapter 2, \"A three-sample example\")"
#define HINT_LOGITS \
	"use y softplus(-z) + (1-y) softplus(z), the mean over the samples, " \
	"with softplus(t) = max(t, 0) + log1p(e^-|t|) " ON_LOGITS

/* The same batch twice over has the same mean: a sum doubles. */
static void doubled(struct batch *b)
{
	memcpy(b->y + b->n, b->y, b->n * sizeof *b->y);
	memcpy(b->x + b->n, b->x, b->n * sizeof *b->x);
	b->n *= 2;
}

static bool check_loss(double (*f)(const double *, const double *, size_t),
		       const char *name, struct batch *b, double want,
		       struct wb_tol tol, const char *what, const char *hint)
{
	double y[MAXN], x[MAXN], got;
	char summary[160];
	struct bce_diagnosis d;

	bce_diagnose(b, f == bce_loss, &d);
	memcpy(y, b->y, sizeof y);
	memcpy(x, b->x, sizeof x);
	got = f(y, x, b->n);
	describe(b, f == bce_loss ? "p" : "z");
	snprintf(summary, sizeof summary, "%s: %s", name, what);
	return wb_check_value_diagnosed(&d.d, summary, b->input, want, got,
					tol, hint) &&
	       inputs_kept(b, y, x, name);
}

#define CHECK_BCE(b, what, hint) \
	check_loss(bce_loss, "bce_loss", b, \
		   ref_bce_loss((b)->y, (b)->x, (b)->n), loss_tol, what, hint)
#define CHECK_LOGITS_TOL(b, want, tol, what, hint) \
	check_loss(bce_with_logits, "bce_with_logits", b, want, tol, what, hint)
#define CHECK_LOGITS(b, what, hint) \
	CHECK_LOGITS_TOL(b, ref_bce_with_logits((b)->y, (b)->x, (b)->n), \
			 logit_tol(b), what, hint)

/* ---- bce_loss ---------------------------------------------------------- */

WB_TEST(bce_loss, ordinary_inputs,
	"matches the reference on random batches (hard and soft labels)")
{
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, MAXN / 2), 1e-6,
			     1.0 - 1e-6);
		if (!CHECK_BCE(&b, "wrong value", HINT_BCE))
			return;
	}
	doubled(&b);
	CHECK_BCE(&b, "wrong value for a batch repeated twice",
		  "divide the sum by n: the loss is the mean over the samples, "
		  "so repeating the batch does not change it " CONVENTIONS);
}

WB_TEST(bce_loss, chapter_example,
	"gives the chapter's values (y = (1,0,1), p = (0.9,0.2,0.6); true class at 0.99, 0.5, 0.01)")
{
	static const double y3[] = { 1, 0, 1 }, p3[] = { 0.9, 0.2, 0.6 };
	static const double qs[] = { 0.99, 0.5, 0.01, 0.9, 0.1, 1e-6 };
	struct batch b;

	set_batch(&b, y3, p3, 3);
	if (!CHECK_BCE(&b, "wrong value for the three-sample example",
		       HINT_BCE))
		return;
	for (size_t i = 0; i < 6; i++) {
		double one = 1.0, zero = 0.0, q = qs[i], rest = 1.0 - qs[i];

		set_batch(&b, &one, &q, 1);
		if (!CHECK_BCE(&b, "wrong loss for a single sample", HINT_BCE))
			return;
		set_batch(&b, &zero, &rest, 1);
		if (!CHECK_BCE(&b, "wrong loss for a single sample", HINT_BCE))
			return;
	}
}

WB_TEST(bce_loss, confident_right,
	"costs exactly 0 when p = y = 0 or 1 (0 log 0 = 0)")
{
	static const double y[] = { 0, 1, 1, 0, 0, 1 };
	static const double ys[] = { 1, 0, 1, 0.5 }, ps[] = { 1, 0, 0.7, 0.3 };
	struct batch b;

	for (size_t n = 1; n <= 6; n++) {
		set_batch(&b, y, y, n);
		if (!CHECK_BCE(&b, "not 0 for confident right answers",
			       "a term whose weight (y or 1 - y) is 0 adds "
			       "exactly 0, even if its log is -inf: skip it; and "
			       "do not clip p " CONVENTIONS))
			return;
	}
	set_batch(&b, ys, ps, 4); /* exact 0 and 1 beside ordinary samples */
	CHECK_BCE(&b, "wrong value when some p are exactly 0 or 1",
		  "skip the term whose weight is 0 (0 log 0 = 0) and do not "
		  "clip p " CONVENTIONS);
}

WB_TEST(bce_loss, certain_wrong,
	"is +inf when a positive-weight label gets probability 0 (no clipping)")
{
	static const double y[] = { 1, 0, 0.5, 0.5, 0.3 };
	static const double p[] = { 0, 1, 0, 1, 1e-300 };
	struct batch b;

	for (size_t i = 0; i < 5; i++) {
		double yy[2] = { 0.0, y[i] }, pp[2] = { 0.25, p[i] };

		set_batch(&b, yy, pp, 2);
		if (!CHECK_BCE(&b, "wrong value for a certain wrong answer",
			       "the exact loss has no clipping: -log 0 = +inf, "
			       "and -log(1e-300) is 690.8, not a capped value "
			       CONVENTIONS))
			return;
	}
}

/* ---- bce_with_logits ---------------------------------------------------- */

WB_TEST(bce_with_logits, ordinary_inputs,
	"matches the reference on random batches")
{
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, MAXN / 2), -10, 10);
		if (!CHECK_LOGITS(&b, "wrong value", HINT_LOGITS))
			return;
	}
	doubled(&b);
	CHECK_LOGITS(&b, "wrong value for a batch repeated twice",
		     "divide the sum by n: the loss is the mean over the "
		     "samples " ON_LOGITS);
}

WB_TEST(bce_with_logits, equals_bce_of_sigmoid,
	"equals bce_loss(y, sigmoid(z)) for moderate z (chapter example)")
{
	/* Rounding p = sigma(z) moves each log by ~1e-16 / min(p, 1-p) <=
	 * 2e-14 for |z| <= 5: 1e-13 absolute and 1e-11 relative. */
	const struct wb_tol tol = { 1e-13, 1e-11 };
	static const double y3[] = { 1, 0, 1 };
	double z3[3] = { log(9.0), log(0.25), log(1.5) }, p[MAXN];
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	set_batch(&b, y3, z3, 3); /* p = (0.9, 0.2, 0.6) */
	for (int t = 0; t < 50; t++) {
		for (size_t i = 0; i < b.n; i++)
			p[i] = ref_sigmoid(b.x[i]);
		if (!CHECK_LOGITS_TOL(&b, ref_bce_loss(b.y, p, b.n), tol,
				      "differs from bce_loss(y, sigmoid(z))",
				      HINT_LOGITS))
			return;
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, 16), -5, 5);
	}
}

WB_TEST(bce_with_logits, huge_logits,
	"is finite and right for huge logits (|z| = 40, 745, 1000, 1e6)")
{
	static const double zs[] = { 40, 745, 1000, 1e6, 1e300 };
	static const double ys[] = { 0, 1, 0.5, 0.9999999, 1e-7 };
	struct batch b;

	for (size_t i = 0; i < 5; i++)
		for (size_t j = 0; j < 5; j++)
			for (int s = -1; s <= 1; s += 2) {
				double z = s * zs[i];

				set_batch(&b, &ys[j], &z, 1);
				if (!CHECK_LOGITS(&b, "wrong value for a huge logit",
						  "never form e^z for z > 0 nor "
						  "log(sigma(z)): use softplus(t) "
						  "= max(t, 0) + log1p(e^-|t|) "
						  ON_LOGITS))
					return;
			}
}

WB_TEST(bce_with_logits, tiny_losses,
	"keeps the tiny loss of a confident right answer (y = 1, z = 40 gives 4.2e-18)")
{
	/* Hard labels only: every correct stable form (the reference,
	 * PyTorch's max(z,0) - y z + log1p(e^-|z|)) is accurate relatively
	 * here.  1e-320 absolute only matters below the normal range. */
	const struct wb_tol tol = { 1e-320, 1e-12 };
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 50; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, 4), 20, 690);
		for (size_t i = 0; i < b.n; i++) {
			b.y[i] = (double)wb_rng_index(&rng, 2);
			b.x[i] *= 2 * b.y[i] - 1;
		}
		if (t == 0) /* the case the title quotes */
			set_batch(&b, (const double[]){ 1.0 },
				  (const double[]){ 40.0 }, 1);
		if (!CHECK_LOGITS_TOL(&b, ref_bce_with_logits(b.y, b.x, b.n),
				      tol, "lost the tiny loss of a confident "
				      "right answer",
				      "for y = 1 the loss is softplus(-z) ~ e^-z: "
				      "log(1 + e^t) rounds it to 0 (use log1p), "
				      "and softplus(z) - z cancels (40 - 40 = 0); "
				      "use the form with two non-negative terms "
				      ON_LOGITS))
			return;
	}
}

/* BEGIN HIDDEN */
/* ---- hidden tests: regimes and properties the visible tests skip -------- */

WB_HIDDEN_TEST(bce_loss, extreme_probabilities,
	       "is exact for p within 1e-300 of 0 and 1e-16 of 1 (no clipping)")
{
	struct wb_rng rng;
	struct batch b;

	wb_rng_init(&rng);
	for (int t = 0; t < 50; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, 8), 0, 1);
		for (size_t i = 0; i < b.n; i++) {
			double tiny = pow(10.0, -wb_rng_uniform(&rng, 16, 300));

			b.x[i] = wb_rng_index(&rng, 2) ? tiny : 1.0 - 1e-16 *
				 (double)(1 + wb_rng_index(&rng, 4));
		}
		if (!CHECK_BCE(&b, "wrong loss for a probability near 0 or 1",
			       "use log(p) and log(1 - p) as they are: "
			       "clipping p to [eps, 1 - eps] changes the "
			       "value " CONVENTIONS))
			return;
	}
}

WB_HIDDEN_TEST(bce_with_logits, label_flip,
	       "satisfies bce_with_logits(y, z) = bce_with_logits(1 - y, -z)")
{
	/* Flipping both sides swaps the two softplus terms; only 1 - y is
	 * rounded (by an ulp), which moves the mean by far less than this. */
	const struct wb_tol tol = { 1e-14, 1e-12 };
	struct wb_rng rng;
	struct batch b, f;

	wb_rng_init(&rng);
	for (int t = 0; t < 50; t++) {
		random_batch(&rng, &b, 1 + wb_rng_index(&rng, MAXN), -30, 30);
		f.n = b.n;
		for (size_t i = 0; i < b.n; i++) {
			f.y[i] = 1.0 - b.y[i];
			f.x[i] = -b.x[i];
		}
		if (!CHECK_LOGITS_TOL(&f, bce_with_logits(b.y, b.x, b.n), tol,
				      "changed when y and z were both flipped",
				      "the loss is y softplus(-z) + (1-y) "
				      "softplus(z): treat both labels alike "
				      ON_LOGITS))
			return;
		/* A loss that ignores y and z is symmetric too. */
		if (!CHECK_LOGITS(&b, "wrong value", HINT_LOGITS))
			return;
	}
}
/* END HIDDEN */
