/*
 * 08_variants_helpers.h - what the two parts of suite 08_variants share
 * (08_variants.c: smoothed_cross_entropy; 08_variants_focal.c: focal_loss):
 * one description of a call of either function, its tolerances, and the
 * checker that runs it against the reference and diagnoses a wrong gradient
 * with finite differences.
 */
#ifndef WB_SUITE_VARIANTS_HELPERS_H
#define WB_SUITE_VARIANTS_HELPERS_H

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

static inline double max_abs(const double *z, size_t m)
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
static inline struct wb_tol loss_tol(const double *z, size_t m, size_t k)
{
	return (struct wb_tol){ 1e-14 + 1e-15 * (double)k * max_abs(z, m), 1e-12 };
}

/* Gradient entries lie in [-1, 1]: 1e-12 relative covers pow / exp / log1p
 * rewrites and naive 1 - p_t or s (1 - s) where the exact value is not
 * tiny; the absolute part covers them where it is (far tails) and the
 * rounding of z - lse for huge logits. */
static inline struct wb_tol grad_tol(const double *z, size_t m)
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

static inline double run(const struct call *c, bool student, const double *z,
			 double *grad)
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

static inline double loss_at(const double *z, size_t m, void *ctx)
{
	const struct fd_ctx *f = ctx;
	double scratch[MAXM];

	(void)m;
	return run(f->c, f->student, z, scratch);
}

static inline const char *describe(char *buf, size_t size,
				   const struct call *c)
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
/* ---- diagnoses (08_variants_diagnosis.c) -------------------------------- */

#define EXERCISE "(chapter 8, \"Exercise\")"
#define VARIANT_MEAN \
	"the batch loss is the mean over the n samples: divide the sum by n " \
	"once " EXERCISE
#define VARIANT_SIGN \
	"the loss is a weighted -log of probabilities, never negative: check " \
	"the sign " EXERCISE
#define VARIANT_GRAD_MEAN \
	"the loss is a mean, so its gradient carries the 1/n " EXERCISE
#define VARIANT_GRAD_SIGN \
	"the gradient is d loss / d z, pointing uphill: check the sign of " \
	"each term " EXERCISE

enum { VARIANT_MISTAKES = 3 };

/* What a wrong loss (loss) or gradient (grad) of one call shows: each
 * mistake's loss, then its gradient, in value[k]. */
struct variants_diagnosis {
	struct wb_diagnosis loss, grad;
	double value[VARIANT_MISTAKES][1 + MAXM];
	struct wb_mistake loss_list[VARIANT_MISTAKES];
	struct wb_mistake grad_list[VARIANT_MISTAKES];
};

void variants_diagnose(const struct call *c, struct variants_diagnosis *v);

/* The gradient, first wrong at element i, named when the values show a
 * mistake; otherwise compared with finite differences of the student's
 * own loss and of the reference's to say which is to blame. */
static inline void fail_variant_grad(const struct call *c,
				     const struct variants_diagnosis *v,
				     const char *input, const double *want,
				     const double *got, size_t i,
				     const char *grad_hint)
{
	struct fd_ctx own = { c, true }, ref = { c, false };
	size_t m = c->n * c->k;
	struct wb_tol gtol = grad_tol(c->z, m);
	double z0[MAXM], fd_own[MAXM], fd_ref[MAXM];
	char diagnosis[256], first[400], text[900];
	const char *hint = grad_hint;

	if (wb_diagnose(&v->grad, want, got, m, gtol, diagnosis,
			sizeof diagnosis, &hint)) {
		snprintf(first, sizeof first, "wrong gradient (element %zu): %s",
			 i, diagnosis);
		wb_fail_element_as(first, input, i, want[i], got[i], gtol, hint);
		return;
	}
	memcpy(z0, c->z, m * sizeof *z0);
	wb_finite_differences(loss_at, &own, z0, m, fd_own);
	wb_finite_differences(loss_at, &ref, z0, m, fd_ref);
	if (wb_first_mismatch(got, fd_own, m, FD_TOL) < m)
		snprintf(text, sizeof text, "your gradient does not match "
			 "your own loss either (finite differences of your "
			 "loss give %.10g, of the correct loss %.10g): check "
			 "the chain rule; %s", fd_own[i], fd_ref[i], grad_hint);
	else
		snprintf(text, sizeof text, "close to finite differences "
			 "of your loss but not accurate enough: %s", grad_hint);
	wb_fail_element("wrong gradient", input, i, want[i], got[i], gtol,
			text);
}

static inline bool check_call(const struct call *c, const char *what,
			      double want_loss, const double *want_grad,
			      const char *hint, const char *grad_hint)
{
	struct wb_guarded g;
	struct variants_diagnosis v;
	double want[MAXM], z0[MAXM], y0[MAXN], loss;
	size_t m = c->n * c->k, i;
	char input[900];
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
	/* The loss first: a NaN or a wrong loss says more than a gradient
	 * compared with it (docs/design.md, "Diagnoses"). */
	variants_diagnose(c, &v);
	ok = ok && wb_check_value_diagnosed(&v.loss, what, input, want_loss,
					    loss, ltol, hint);
	i = ok ? wb_first_mismatch(g.data, want, m, gtol) : m;
	if (i < m) {
		fail_variant_grad(c, &v, input, want, g.data, i, grad_hint);
		ok = false;
	}
	wb_guarded_release(&g);
	return ok;
}

/* The loss with grad = NULL: as the reference, and as with a gradient. */
static inline void check_null_grad(const struct call *c)
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

#endif /* WB_SUITE_VARIANTS_HELPERS_H */
