/*
 * 07_softmax_sce.c - suite 07_softmax, part two: softmax_cross_entropy,
 * loss and gradient; a wrong gradient is compared with finite differences
 * of the student's own loss and of the reference loss to say what to fix.
 * The tolerances are those of the top of 07_softmax.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "07_softmax_helpers.h"

/* Finite differences of an O(1) loss with h ~ 6e-6 are good to ~1e-9. */
static const struct wb_tol FD_TOL = { 1e-7, 1e-5 };

/* ---- softmax_cross_entropy ------------------------------------------ */

struct sce_ctx {
	__typeof__(softmax_cross_entropy) *fn;
	const size_t *labels;
	size_t n, k;
};

static double sce_at(const double *z, size_t m, void *ctx)
{
	const struct sce_ctx *c = ctx;
	double scratch[MAXNK];

	(void)m;
	return c->fn(z, c->labels, c->n, c->k, scratch);
}

/* The hint for a gradient wrong at element i, from finite differences of
 * the student's own loss (own) and of the reference loss (ref). */
static void gradient_hint(char *text, size_t size, const double *got,
			  const double *own, const double *ref, size_t m,
			  size_t i, bool loss_ok, const char *grad_hint,
			  const char *loss_hint)
{
	if (wb_first_mismatch(got, own, m, FD_TOL) < m)
		snprintf(text, size, "your gradient does not match your own "
			 "loss either (finite differences of your loss give "
			 "%.10g, of the correct loss %.10g): check the chain "
			 "rule; %s", own[i], ref[i], grad_hint);
	else if (!loss_ok)
		snprintf(text, size, "it matches finite differences of your "
			 "own loss, but your loss is wrong: %s", loss_hint);
	else
		snprintf(text, size, "close to finite differences of your loss "
			 "but not accurate enough: %s", grad_hint);
}

/*
 * Whether the student's stable-looking loss is the log of a softmax: on the
 * chapter's row (1000, 999, 0) with label 1 it is right, so its +inf
 * elsewhere comes from a probability that underflowed to 0, not from e^z.
 */
static bool log_of_stable_softmax(void)
{
	const double z[3] = { 1000.0, 999.0, 0.0 };
	const size_t label[1] = { 1 };
	double loss = softmax_cross_entropy(z, label, 1, 3, NULL);

	return wb_close(loss, ref_softmax_cross_entropy(z, label, 1, 3, NULL),
			value_tol(z, 3, 3));
}

/* The loss against the reference; NaN, +inf and a missing mean named. */
static bool check_sce_loss(const char *what, const char *input,
			   const double *z, size_t n, size_t k, double want,
			   double got, const char *hint)
{
	struct wb_diagnosis d = {
		.n = n,
		.slip_hint = { [WB_SUM_NOT_MEAN] = "the batch loss is the mean "
			       "over the rows: divide by n once (" FUSED ")",
			       [WB_SIGN] = "the loss is log_sum_exp(z_i) - "
			       "z_i[label_i], never negative (" FUSED ")" },
		.nan = { "returned NaN from an unstable step: e^z overflowed "
			 "and inf - inf or inf / inf is NaN", MAX_TRICK },
		.inf = { "returned +inf from an unstable step: e^z overflowed "
			 "for a huge logit", MAX_TRICK },
	};

	if (isinf(got) && isfinite(want) && log_of_stable_softmax())
		d.inf = (struct wb_advice){
			"returned +inf: the log of a probability that "
			"underflowed to 0",
			"take the log-softmax directly, loss = "
			"log_sum_exp(z_i) - z_i[label_i], never log(softmax) "
			"(" FUSED ")" };
	return wb_check_value_diagnosed(&d, what, input, want, got,
					value_tol(z, n * k, k), hint);
}

#define SCE_GRAD "grad = (softmax(z_i) - onehot(label_i)) / n (" GRADIENT ")"

/*
 * A wrong gradient (first wrong at element i) named from the reference's:
 * the one-hot left out, the sign or the 1/n slipped (check.h, "diagnoses");
 * false when it shows none of them.
 */
static bool sce_grad_named(const double *z, const size_t *labels, size_t n,
			   size_t k, const double *want, const double *got,
			   size_t i, const char *input)
{
	static const struct wb_advice no_onehot_advice = {
		"softmax(z_i) / n without the one-hot: nothing is subtracted "
		"at the label", "subtract 1 at the label: " SCE_GRAD };
	size_t m = n * k;
	double no_onehot[MAXNK];
	struct wb_mistake mistake = { no_onehot_advice, no_onehot };
	struct wb_diagnosis d = {
		.n = n,
		.slip_hint = { [WB_SIGN] = "softmax minus one-hot, not one-hot "
			       "minus softmax: " SCE_GRAD,
			       [WB_SUM_NOT_MEAN] = "the loss is the mean over "
			       "the rows, so its gradient carries the 1/n: "
			       SCE_GRAD,
			       [WB_DIVIDED_TWICE] = "divide by n once: " SCE_GRAD },
		.nan = { "returned NaN: e^z overflowed to inf, and inf / inf "
			 "is NaN", MAX_TRICK },
		.mistakes = &mistake,
		.mistake_count = 1,
	};
	char diagnosis[256], first[400];
	const char *hint = SCE_GRAD;

	memcpy(no_onehot, want, m * sizeof *want);
	for (size_t r = 0; r < n; r++)
		no_onehot[r * k + labels[r]] += 1.0 / (double)n;
	if (!wb_diagnose(&d, want, got, m, prob_tol(z, m), diagnosis,
			 sizeof diagnosis, &hint))
		return false;
	snprintf(first, sizeof first, "wrong gradient (element %zu): %s", i,
		 diagnosis);
	wb_fail_element_as(first, input, i, want[i], got[i], prob_tol(z, m),
			   hint);
	return true;
}

/*
 * One call with a guarded gradient, checked against the reference: no stray
 * writes, inputs unchanged, the loss, then the gradient (diagnosed as
 * above).
 */
static bool check_sce(const char *what, const double *z, const size_t *labels,
		      size_t n, size_t k, const char *hint, const char *grad_hint)
{
	struct wb_guarded g;
	struct sce_ctx own = { softmax_cross_entropy, labels, n, k };
	struct sce_ctx ref = { ref_softmax_cross_entropy, labels, n, k };
	double want[MAXNK], z0[MAXNK], fd_own[MAXNK], fd_ref[MAXNK], loss, want_loss;
	size_t lab0[MAXN], m = n * k, i;
	char input[800], text[900];
	bool ok;

	describe(input, sizeof input, z, labels, n, k);
	memcpy(z0, z, m * sizeof *z);
	memcpy(lab0, labels, n * sizeof *labels);
	want_loss = ref_softmax_cross_entropy(z, labels, n, k, want);
	wb_guarded_init(&g, m, NAN);
	loss = softmax_cross_entropy(z, labels, n, k, g.data);
	ok = wb_guarded_intact(&g, input);
	if (ok && (memcmp(z, z0, m * sizeof *z) || memcmp(labels, lab0, n * sizeof *labels))) {
		wb_fail("modified its inputs", input, "z and labels are const inputs");
		ok = false;
	}
	/* The loss first: a NaN or a wrong loss says more than the gradient
	 * compared with finite differences of that loss. */
	ok = ok && check_sce_loss(what, input, z, n, k, want_loss, loss, hint);
	i = ok ? wb_first_mismatch(g.data, want, m, prob_tol(z, m)) : m;
	if (i < m && sce_grad_named(z0, labels, n, k, want, g.data, i, input)) {
		ok = false;
	} else if (i < m) {
		wb_finite_differences(sce_at, &own, z0, m, fd_own);
		wb_finite_differences(sce_at, &ref, z0, m, fd_ref);
		gradient_hint(text, sizeof text, g.data, fd_own, fd_ref, m, i,
			      wb_close(loss, want_loss, value_tol(z, m, k)),
			      grad_hint, hint);
		wb_fail_element("wrong gradient", input, i, want[i], g.data[i],
				prob_tol(z, m), text);
		ok = false;
	}
	wb_guarded_release(&g);
	return ok;
}

#define SCE_HINT "the loss is the mean over rows of log_sum_exp(z_i) - " \
	"z_i[label_i] (" FUSED ")"
static void random_sce_test(bool extreme)
{
	struct wb_rng rng;
	double z[MAXNK];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN), k = 2 + wb_rng_index(&rng, MAXK - 1);

		random_logits(&rng, z, n * k, extreme);
		for (size_t i = 0; i < n; i++)
			labels[i] = wb_rng_index(&rng, k);
		if (!check_sce(extreme ? "wrong loss for huge logits" : "wrong loss",
			       z, labels, n, k, extreme ? MAX_TRICK : SCE_HINT, SCE_GRAD))
			return;
	}
}

WB_TEST(softmax_cross_entropy, random_values,
	"loss and gradient match the reference for random logits and labels")
{
	random_sce_test(false);
}

WB_TEST(softmax_cross_entropy, chapter_example,
	"is 1.3133 for logits (1000, 999, 0) and label 1, 1000.3133 for label 2")
{
	double z[6] = { 1000.0, 999.0, 0.0, 1000.0, 999.0, 0.0 };
	size_t a[1] = { 1 }, b[1] = { 2 }, both[2] = { 1, 2 };

	if (check_sce("wrong loss for label 1", z, a, 1, 3, MAX_TRICK, SCE_GRAD) &&
	    check_sce("wrong loss for label 2", z, b, 1, 3, MAX_TRICK, SCE_GRAD))
		check_sce("wrong loss for two rows", z, both, 2, 3,
			  "the batch loss is the mean (divide by n) (" FUSED ")",
			  "the gradient of the mean carries 1/n (" GRADIENT ")");
}

WB_TEST(softmax_cross_entropy, huge_logits,
	"stays finite and accurate for |z| up to 1e6, huge and tiny logits mixed")
{
	random_sce_test(true);
}

WB_TEST(softmax_cross_entropy, one_class, "is 0 with a zero gradient for k = 1")
{
	double z[3] = { 3.5, -1e6, 1000.0 };
	double zk[6] = { 3.5, -1.0, 0.25, 2.0, 0.0, -4.0 };
	size_t labels[3] = { 0, 0, 0 }, lk[2] = { 2, 0 };

	/* Then the same kind of batch with k = 3: a loss and gradient of 0
	 * whatever z is must not pass this test. */
	if (check_sce("wrong loss for k = 1", z, labels, 3, 1, "one class "
		      "always has probability 1, so the loss is 0 (" FUSED ")",
		      SCE_GRAD))
		check_sce("wrong loss", zk, lk, 2, 3, SCE_HINT, SCE_GRAD);
}

WB_TEST(softmax_cross_entropy, null_grad,
	"with grad = NULL computes the same loss and writes nothing")
{
	struct wb_rng rng;
	double z[MAXNK], scratch[MAXNK];
	size_t labels[MAXN], n = MAXN, k = 4;
	char input[800];

	wb_rng_init(&rng);
	random_logits(&rng, z, n * k, false);
	for (size_t i = 0; i < n; i++)
		labels[i] = wb_rng_index(&rng, k);
	describe(input, sizeof input, z, labels, n, k);
	if (wb_check_value("wrong loss with grad = NULL", input,
			   ref_softmax_cross_entropy(z, labels, n, k, NULL),
			   softmax_cross_entropy(z, labels, n, k, NULL),
			   value_tol(z, n * k, k), "when grad is NULL compute only "
			   "the loss: test `if (grad)` before every write"))
		wb_check_value("the loss changes with grad = NULL", input,
			       softmax_cross_entropy(z, labels, n, k, scratch),
			       softmax_cross_entropy(z, labels, n, k, NULL),
			       value_tol(z, n * k, k), "compute the loss the same way "
			       "whether or not grad is NULL");
}
