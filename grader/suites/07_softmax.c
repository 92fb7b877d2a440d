/*
 * 07_softmax.c - the suite of exercise 7 (chapter 7, "Softmax and
 * categorical cross-entropy"): softmax, log_sum_exp, log_softmax,
 * softmax_cross_entropy.
 *
 * Tolerances scale with the size of the logits: a logit of 1e6 is itself
 * known only to ulp(1e6) ~ 1.2e-10, so every stable formula (the max trick
 * with exp(z - m) / sum, exp(z - lse), lse - z_c, -log_softmax, any
 * summation order) may differ from the reference by a few eps * max|z|.
 * Unstable ones give inf, NaN or -inf there; wrong ones are off by O(1).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak softmax
#pragma weak log_sum_exp
#pragma weak log_softmax
#pragma weak softmax_cross_entropy

enum { MAXK = 10, MAXN = 5, MAXNK = MAXN * MAXK };

#define SOFTMAX "chapter 7, \"Softmax\""
#define OVERFLOW "chapter 7, \"Overflow and the log-sum-exp trick\""
#define FUSED "chapter 7, \"Why softmax and cross-entropy are fused\""
#define GRADIENT "chapter 7, \"The gradient: softmax minus one-hot\""
#define MAX_TRICK "subtract the largest logit before exp (" OVERFLOW ")"

static double max_abs(const double *z, size_t m)
{
	double a = 1.0;

	for (size_t i = 0; i < m; i++)
		a = fmax(a, fabs(z[i]));
	return a;
}

/* Probabilities and gradient entries (in [-1, 1]): 1e-13 relative covers
 * k-term sums and exp of an argument rounded at |z| ~ 10; the absolute part,
 * ~4.5 eps * max|z|, covers the rounding of z - lse for huge logits (the
 * problem's own conditioning) and lets entries below it be 0. */
static struct wb_tol prob_tol(const double *z, size_t m)
{
	return (struct wb_tol){ 1e-15 * max_abs(z, m), 1e-13 };
}

/* log-sum-exp, log-probabilities and losses: a few eps * max|z| absolute
 * per logit that enters a sum (`terms`: 1 for lse - z_c, k for a rewrite
 * that sums the logits), plus 1e-14 for the log1p / log of the sum. */
static struct wb_tol value_tol(const double *z, size_t m, size_t terms)
{
	return (struct wb_tol){ 1e-14 + 1e-15 * (double)terms * max_abs(z, m),
				1e-14 };
}

/* Finite differences of an O(1) loss with h ~ 6e-6 are good to ~1e-9. */
static const struct wb_tol FD_TOL = { 1e-7, 1e-5 };

static const char *describe(char *buf, size_t size, const double *z,
			    const size_t *labels, size_t n, size_t k)
{
	char a[256], b[256];

	if (labels)
		snprintf(buf, size, "z = %s, labels = %s, n = %zu, k = %zu",
			 wb_format_vector(a, sizeof a, z, n * k),
			 wb_format_labels(b, sizeof b, labels, n), n, k);
	else
		snprintf(buf, size, "z = %s, k = %zu",
			 wb_format_vector(a, sizeof a, z, k), k);
	return buf;
}

/* Ordinary logits in [-10, 10], or (extreme) a mix of 1e6-sized, 1000-sized,
 * ordinary and tiny logits, with near-ties at the top. */
static void random_logits(struct wb_rng *rng, double *z, size_t m, bool extreme)
{
	for (size_t i = 0; i < m; i++) {
		double u = wb_rng_uniform(rng, -1.0, 1.0);

		if (!extreme) {
			z[i] = 10.0 * u;
			continue;
		}
		switch (wb_rng_index(rng, 5)) {
		case 0: z[i] = 1e6 * u; break;
		case 1: z[i] = 1e6 - 3.0 * fabs(u); break;
		case 2: z[i] = 1000.0 * (u > 0 ? 1 : -1) + u; break;
		case 3: z[i] = 1e-300 * u; break;
		default: z[i] = 20.0 * u; break;
		}
	}
}

/* ---- every function of one row: softmax, log_softmax, log_sum_exp ---- */

typedef void vec_fn(const double *z, size_t k, double *out);

/* log_sum_exp as a vector function with one output. */
static void lse_student(const double *z, size_t k, double *out)
{
	out[0] = log_sum_exp(z, k);
}

static void lse_ref(const double *z, size_t k, double *out)
{
	out[0] = ref_log_sum_exp(z, k);
}

/* One call on a row, output guarded, input compared with a copy. */
static bool check_vec(vec_fn *student, vec_fn *ref, const char *what,
		      const double *z, size_t k, struct wb_tol tol,
		      const char *hint)
{
	struct wb_guarded g;
	double want[MAXK], z0[MAXK];
	size_t outs = student == lse_student ? 1 : k;
	char input[600];
	bool ok;

	describe(input, sizeof input, z, NULL, 1, k);
	memcpy(z0, z, k * sizeof *z);
	ref(z, k, want);
	wb_guarded_init(&g, outs, NAN);
	student(z, k, g.data);
	ok = wb_guarded_intact(&g, input);
	if (ok && memcmp(z, z0, k * sizeof *z)) {
		wb_fail("modified its input z", input,
			"z is a const input: write only into the output array");
		ok = false;
	}
	if (ok)
		ok = student == lse_student ?
		     wb_check_value(what, input, want[0], g.data[0], tol, hint) :
		     wb_check_vector(what, input, want, g.data, k, tol, hint);
	wb_guarded_release(&g);
	return ok;
}

static void random_vec_test(vec_fn *student, vec_fn *ref, bool extreme,
			    bool log_values, const char *hint)
{
	struct wb_rng rng;
	double z[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_logits(&rng, z, k, extreme);
		if (!check_vec(student, ref, extreme ? "wrong value for huge "
			       "logits" : "wrong value", z, k, log_values ?
			       value_tol(z, k, 1) : prob_tol(z, k), hint))
			return;
	}
}

WB_TEST(softmax, random_values, "matches the reference for random logits")
{
	random_vec_test(softmax, ref_softmax, false, false,
			"p_j = e^(z_j) / sum_i e^(z_i) (" SOFTMAX ")");
}

WB_TEST(softmax, large_logits, "is finite and sums to 1 for logits of 1000")
{
	double z[3] = { 1000.0, 999.0, 0.0 }, w[3] = { -1000.0, -1000.0, -1000.0 };
	double p[3], sum = 0.0;

	if (!check_vec(softmax, ref_softmax, "wrong softmax of (1000, 999, 0)", z,
		       3, prob_tol(z, 3), "e^1000 overflows to inf and inf / inf "
		       "is NaN: " MAX_TRICK) ||
	    !check_vec(softmax, ref_softmax, "wrong softmax of equal logits -1000",
		       w, 3, prob_tol(w, 3), "e^-1000 underflows to 0 and 0 / 0 "
		       "is NaN: " MAX_TRICK))
		return;
	softmax(z, 3, p);
	for (int i = 0; i < 3; i++)
		sum += p[i];
	/* exp(z - lse) is exact to ~|z| eps relative: ~1e-13 here. */
	wb_check_value("does not sum to 1", "z = (1000, 999, 0), k = 3", 1.0, sum,
		       (struct wb_tol){ 1e-14 + 1e-15 * max_abs(z, 3), 0 }, MAX_TRICK);
}

WB_TEST(softmax, huge_logits, "handles |z| up to 1e6, with huge and tiny logits in one row")
{
	random_vec_test(softmax, ref_softmax, true, false, MAX_TRICK);
}

WB_TEST(softmax, properties, "sums to 1, is shift-invariant, and is 1 for k = 1")
{
	struct wb_rng rng;
	double z[MAXK], shifted[MAXK], p[MAXK], q[MAXK], one = 123.0;
	char input[600];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);
		double c = wb_rng_uniform(&rng, -100.0, 100.0), sum = 0.0;

		random_logits(&rng, z, k, false);
		for (size_t i = 0; i < k; i++)
			shifted[i] = z[i] + c;
		softmax(z, k, p);
		softmax(shifted, k, q);
		for (size_t i = 0; i < k; i++)
			sum += p[i];
		describe(input, sizeof input, z, NULL, 1, k);
		/* k roundings in the sum, |z| eps in each exp(z - lse). */
		if (!wb_check_value("does not sum to 1", input, 1.0, sum,
				    (struct wb_tol){ 1e-14 + 1e-15 * max_abs(z, k), 0 },
				    "divide every e^(z_j) by the same sum (" SOFTMAX ")"))
			return;
		/* z + c is rounded by ~1e-14, which moves p by ~1e-14
		 * relative: 1e-12 is wide enough. */
		snprintf(input + strlen(input), sizeof input - strlen(input),
			 ", plus c = %.17g", c);
		if (!wb_check_vector("changed when a constant c was added to every "
				     "logit", input, p, q, k, (struct wb_tol){ 1e-15, 1e-12 },
				     "softmax(z + c) = softmax(z): the e^c cancels (" OVERFLOW ")"))
			return;
	}
	check_vec(softmax, ref_softmax, "wrong softmax for k = 1", &one, 1,
		  prob_tol(&one, 1), "one class gets probability 1 (" SOFTMAX ")");
}

WB_TEST(log_softmax, random_values, "matches the reference for random logits")
{
	random_vec_test(log_softmax, ref_log_softmax, false, true,
			"log softmax(z)_j = z_j - log_sum_exp(z) (" OVERFLOW ")");
}

WB_TEST(log_softmax, underflow, "is accurate where softmax underflows: (0, -1000) gives (0, -1000)")
{
	double z[3] = { 0.0, -1000.0, -1e6 }, one = -1e6;

	if (check_vec(log_softmax, ref_log_softmax, "wrong log-probability where "
		      "softmax underflows", z, 3, value_tol(z, 3, 1),
		      "log(softmax) is log 0 = -inf where e^(z_j - m) underflows; "
		      "compute z_j - m - log(sum_i e^(z_i - m)) (" OVERFLOW ")"))
		check_vec(log_softmax, ref_log_softmax, "wrong value for k = 1", &one,
			  1, value_tol(&one, 1, 1), "one class has log-probability 0");
}

WB_TEST(log_softmax, huge_logits, "handles |z| up to 1e6, with huge and tiny logits in one row")
{
	random_vec_test(log_softmax, ref_log_softmax, true, true,
			"never take log(softmax): " MAX_TRICK);
}

/* ---- log_sum_exp ----------------------------------------------------- */

WB_TEST(log_sum_exp, random_values, "matches the reference for random logits")
{
	random_vec_test(lse_student, lse_ref, false, true, "log of the sum of "
			"e^(z_i), natural log (" OVERFLOW ")");
}

WB_TEST(log_sum_exp, two_thousands, "is 1000 + log 2 for (1000, 1000) and -1000 + log 2 for (-1000, -1000)")
{
	double a[2] = { 1000.0, 1000.0 }, b[2] = { -1000.0, -1000.0 }, c = 1e6;

	if (check_vec(lse_student, lse_ref, "wrong log-sum-exp of (1000, 1000)",
		      a, 2, value_tol(a, 2, 1), "e^1000 is inf in double: " MAX_TRICK) &&
	    check_vec(lse_student, lse_ref, "wrong log-sum-exp of (-1000, -1000)",
		      b, 2, value_tol(b, 2, 1), "e^-1000 is 0 in double and log 0 = "
		      "-inf: " MAX_TRICK))
		check_vec(lse_student, lse_ref, "wrong log-sum-exp for k = 1", &c, 1,
			  value_tol(&c, 1, 1), "for one logit the result is that "
			  "logit: " MAX_TRICK);
}

WB_TEST(log_sum_exp, huge_logits, "handles |z| up to 1e6, with huge and tiny logits in one row")
{
	random_vec_test(lse_student, lse_ref, true, true, MAX_TRICK);
}

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
 * One call with a guarded gradient, checked against the reference: no stray
 * writes, inputs unchanged, the gradient (diagnosed as above), the loss.
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
	i = ok ? wb_first_mismatch(g.data, want, m, prob_tol(z, m)) : m;
	if (i < m) {
		wb_finite_differences(sce_at, &own, z0, m, fd_own);
		wb_finite_differences(sce_at, &ref, z0, m, fd_ref);
		gradient_hint(text, sizeof text, g.data, fd_own, fd_ref, m, i,
			      wb_close(loss, want_loss, value_tol(z, m, k)),
			      grad_hint, hint);
		wb_fail_element("wrong gradient", input, i, want[i], g.data[i],
				prob_tol(z, m), text);
		ok = false;
	}
	ok = ok && wb_check_value(what, input, want_loss, loss, value_tol(z, m, k), hint);
	wb_guarded_release(&g);
	return ok;
}

#define SCE_HINT "the loss is the mean over rows of log_sum_exp(z_i) - " \
	"z_i[label_i] (" FUSED ")"
#define SCE_GRAD "grad = (softmax(z_i) - onehot(label_i)) / n (" GRADIENT ")"

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
	size_t labels[3] = { 0, 0, 0 };

	check_sce("wrong loss for k = 1", z, labels, 3, 1, "one class always "
		  "has probability 1, so the loss is 0 (" FUSED ")", SCE_GRAD);
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

/* BEGIN HIDDEN */
/* ---- hidden tests: every logit very negative ---------------------------- */

/* Logits all in [-1e6, -1000]: e^z underflows for every one, so only the
 * largest logit (not 0) may be subtracted before exp. */
static void negative_test(vec_fn *student, vec_fn *ref, bool log_values,
			  const char *what)
{
	struct wb_rng rng;
	double z[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		for (size_t i = 0; i < k; i++)
			z[i] = -pow(10.0, wb_rng_uniform(&rng, 3.0, 6.0));
		if (!check_vec(student, ref, what, z, k, log_values ?
			       value_tol(z, k, 1) : prob_tol(z, k),
			       "start the maximum from z_0, not from 0: when "
			       "every logit is -1000 or less, subtracting 0 "
			       "leaves e^z = 0 everywhere; " MAX_TRICK))
			return;
	}
}

WB_HIDDEN_TEST(softmax, all_negative, "is right when every logit is -1000 or less")
{
	negative_test(softmax, ref_softmax, false,
		      "wrong value for very negative logits");
}

WB_HIDDEN_TEST(log_sum_exp, all_negative, "is right when every logit is -1000 or less")
{
	negative_test(lse_student, lse_ref, true,
		      "wrong value for very negative logits");
}

WB_HIDDEN_TEST(log_softmax, all_negative, "is right when every logit is -1000 or less")
{
	negative_test(log_softmax, ref_log_softmax, true,
		      "wrong value for very negative logits");
}
/* END HIDDEN */
