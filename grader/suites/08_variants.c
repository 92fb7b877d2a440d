/*
 * 08_variants.c - the suite of exercise 8 (chapter 8, "Label smoothing and
 * focal loss"): smoothed_cross_entropy, focal_loss.
 *
 * Both functions return the loss and, when grad is not NULL, its gradient;
 * a wrong gradient is compared with finite differences of the student's own
 * loss and of the reference loss to say what to fix.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak smoothed_cross_entropy
#pragma weak focal_loss

enum { MAXK = 8, MAXN = 6, MAXM = MAXN * MAXK };

#define SMOOTHING "chapter 8, \"Label smoothing\""
#define FOCAL "chapter 8, \"Focal loss\""
#define FOCAL_GRAD "chapter 8, \"The focal gradient\""
#define MAX_TRICK "subtract the largest logit before exp " \
	"(chapter 7, \"Overflow and the log-sum-exp trick\")"

static double max_abs(const double *z, size_t m)
{
	double a = 1.0;

	for (size_t i = 0; i < m; i++)
		a = fmax(a, fabs(z[i]));
	return a;
}

/* Losses on logits: 1e-14 for the log1p/log terms plus ~4.5 eps * max|z|
 * per logit summed, k of them: the rewrite lse - (1-eps) z_c - eps/k sum z
 * is a correct formula whose error is of the size of the logits' own
 * rounding (ulp(1e6) ~ 1e-10).  Wrong targets change the loss by O(eps). */
static struct wb_tol loss_tol(const double *z, size_t m, size_t k)
{
	return (struct wb_tol){ 1e-14 + 1e-15 * (double)k * max_abs(z, m), 1e-12 };
}

/* Gradient entries lie in [-1, 1]: 1e-12 relative covers pow / exp / log1p
 * rewrites and naive 1 - p_t or s (1 - s) where the exact value is not
 * tiny; the absolute part covers them where it is (far tails) and the
 * rounding of z - lse for huge logits. */
static struct wb_tol grad_tol(const double *z, size_t m)
{
	return (struct wb_tol){ 1e-15 * max_abs(z, m), 1e-11 };
}

static const struct wb_tol FD_TOL = { 1e-7, 1e-5 };

/* What one call of either function needs, so one checker serves both. */
struct call {
	bool focal;
	const double *y, *z;
	const size_t *labels;
	size_t n, k;	/* k = 1 for focal */
	double a, b;	/* eps, or alpha and gamma */
};

static double run(const struct call *c, bool student, const double *z, double *grad)
{
	if (c->focal)
		return (student ? focal_loss : ref_focal_loss)(c->y, z, c->n, c->a, c->b, grad);
	return (student ? smoothed_cross_entropy : ref_smoothed_cross_entropy)(
		z, c->labels, c->n, c->k, c->a, grad);
}

struct fd_ctx {
	const struct call *c;
	bool student;
};

static double loss_at(const double *z, size_t m, void *ctx)
{
	const struct fd_ctx *f = ctx;
	double scratch[MAXM];

	(void)m;
	return run(f->c, f->student, z, scratch);
}

static const char *describe(char *buf, size_t size, const struct call *c)
{
	char a[256], b[256];
	size_t m = c->n * c->k;

	if (c->focal)
		snprintf(buf, size, "y = %s, z = %s, n = %zu, alpha = %g, gamma = %g",
			 wb_format_vector(a, sizeof a, c->y, c->n),
			 wb_format_vector(b, sizeof b, c->z, m), c->n, c->a, c->b);
	else
		snprintf(buf, size, "z = %s, labels = %s, n = %zu, k = %zu, eps = %g",
			 wb_format_vector(a, sizeof a, c->z, m),
			 wb_format_labels(b, sizeof b, c->labels, c->n), c->n, c->k, c->a);
	return buf;
}

/*
 * One call with a guarded gradient against the reference (or against
 * want_loss / want_grad when given): no stray writes, inputs unchanged, the
 * gradient, the loss.  A wrong gradient is diagnosed with finite
 * differences of the student's own loss and of the reference loss.
 */
static bool check_call(const struct call *c, const char *what, double want_loss,
		       const double *want_grad, const char *hint, const char *grad_hint)
{
	struct wb_guarded g;
	struct fd_ctx own = { c, true }, ref = { c, false };
	double want[MAXM], z0[MAXM], y0[MAXN], fd_own[MAXM], fd_ref[MAXM], loss;
	size_t m = c->n * c->k, i;
	char input[900], text[900];
	struct wb_tol ltol = loss_tol(c->z, m, c->k), gtol = grad_tol(c->z, m);
	bool ok;

	describe(input, sizeof input, c);
	memcpy(z0, c->z, m * sizeof *z0);
	if (c->focal)
		memcpy(y0, c->y, c->n * sizeof *y0);
	if (want_grad)
		memcpy(want, want_grad, m * sizeof *want);
	else
		want_loss = run(c, false, c->z, want);
	wb_guarded_init(&g, m, NAN);
	loss = run(c, true, c->z, g.data);
	ok = wb_guarded_intact(&g, input);
	if (ok && (memcmp(z0, c->z, m * sizeof *z0) ||
		   (c->focal && memcmp(y0, c->y, c->n * sizeof *y0)))) {
		wb_fail("modified its inputs", input, "the inputs are const: "
			"write only into grad");
		ok = false;
	}
	i = ok ? wb_first_mismatch(g.data, want, m, gtol) : m;
	if (i < m) {
		wb_finite_differences(loss_at, &own, z0, m, fd_own);
		wb_finite_differences(loss_at, &ref, z0, m, fd_ref);
		if (wb_first_mismatch(g.data, fd_own, m, FD_TOL) < m)
			snprintf(text, sizeof text, "your gradient does not match "
				 "your own loss either (finite differences of your "
				 "loss give %.10g, of the correct loss %.10g): check "
				 "the chain rule; %s", fd_own[i], fd_ref[i], grad_hint);
		else if (!wb_close(loss, want_loss, ltol))
			snprintf(text, sizeof text, "it matches finite differences "
				 "of your own loss, but your loss is wrong: %s", hint);
		else
			snprintf(text, sizeof text, "close to finite differences "
				 "of your loss but not accurate enough: %s", grad_hint);
		wb_fail_element("wrong gradient", input, i, want[i], g.data[i], gtol, text);
		ok = false;
	}
	ok = ok && wb_check_value(what, input, want_loss, loss, ltol, hint);
	wb_guarded_release(&g);
	return ok;
}

/* The loss with grad = NULL: as the reference, and as with a gradient. */
static void check_null_grad(const struct call *c)
{
	double scratch[MAXM], with, without;
	char input[900];
	struct wb_tol tol = loss_tol(c->z, c->n * c->k, c->k);

	describe(input, sizeof input, c);
	without = run(c, true, c->z, NULL);
	if (!wb_check_value("wrong loss with grad = NULL", input,
			    run(c, false, c->z, NULL), without, tol,
			    "when grad is NULL compute only the loss: test "
			    "`if (grad)` before every write to it"))
		return;
	with = run(c, true, c->z, scratch);
	wb_check_value("the loss changes with grad = NULL", input, with, without,
		       tol, "compute the loss the same way whether or not grad is NULL");
}

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
	size_t labels[3] = { 0, 0, 0 };
	struct call c = { false, NULL, z, labels, 3, 1, 0.2, 0 };

	check_call(&c, "wrong loss for k = 1", 0, NULL, "with one class t = (1) "
		   "and softmax = (1): the loss is 0 (" SMOOTHING ")", SMOOTH_GRAD);
}

WB_TEST(smoothed_cross_entropy, null_grad,
	"with grad = NULL computes the same loss and writes nothing")
{
	struct wb_rng rng;
	struct call c;
	double z[MAXM];
	size_t labels[MAXN];

	wb_rng_init(&rng);
	random_smoothed(&rng, z, labels, &c, false);
	check_null_grad(&c);
}

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
	random_focal(&rng, y, z, &c, false);
	check_null_grad(&c);
}

/* BEGIN HIDDEN */
/* ---- hidden tests: offset logits, large gamma ---------------------------- */

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
