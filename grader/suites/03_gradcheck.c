/*
 * 03_gradcheck.c - the suite of exercise 3 (chapter 3, "The gradient is
 * prediction minus truth"): numerical_gradient; relative_error is in
 * 03_gradcheck_relerr.c, and what both parts share in 03_gradcheck_helpers.h.
 *
 * numerical_gradient is compared with the ANALYTIC gradient of smooth test
 * functions, at the contract's accuracy: rel 1e-6, abs 0 (every test
 * function keeps |g_i| well away from 0).  The functions are scaled so that
 * |f| <= 20 |x_i g_i|: then any central difference with a step between about
 * 1e-8 and 1e-4 times max(|x_i|, 1) is within 1e-7 (round-off 20 eps / h,
 * truncation h^2 |f'''| / 6), while
 *   - a forward difference errs by h f'' / 2, which the quadratic near its
 *     minimum (|g| = 2 a d with d ~ 1e-3) turns into >= 7e-6 relative for
 *     any step >= 1.5e-8;
 *   - a fixed step h = 1e-5 at x_i = 1e8 (spacing 1.5e-8 there) leaves a
 *     difference f(x+h) - f(x-h) ~ 1e-12 against a rounding of f of 1e-15:
 *     1e-3 relative;
 *   - a step proportional to |x_i| alone is 0 at x_i = 0: NaN.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "03_gradcheck_helpers.h"

#define STEP "(chapter 3, \"Choosing the step\")"
#define HINT_CENTRAL \
	"use the central difference (f(x + h e_i) - f(x - h e_i)) / (2h) " \
	"with h = cbrt(DBL_EPSILON) * max(|x_i|, 1) " STEP

/* ---- test functions: f and its exact gradient ------------------------- */

struct fn_ctx {
	double a[MAXN], m[MAXN], s[MAXN]; /* per-coordinate constants */
	int kind;
};

enum { QUADRATIC, EXP_SUM, BCE_LIKE, SCALED };

static double softplus(double t)
{
	return fmax(t, 0.0) + log1p(exp(-fabs(t)));
}

static double test_f(const double *x, size_t n, void *ctx)
{
	const struct fn_ctx *c = ctx;
	double f = 0.0;

	for (size_t i = 0; i < n; i++) {
		double u = (x[i] - c->m[i]) / c->s[i];

		switch (c->kind) {
		case QUADRATIC: f += c->a[i] * u * u; break;
		case EXP_SUM: f += c->a[i] * exp(c->m[i] * x[i]); break;
		case BCE_LIKE: /* a = label y, sample loss on logit x */
			f += (c->a[i] * softplus(-x[i]) +
			      (1 - c->a[i]) * softplus(x[i])) / (double)n;
			break;
		default: f += u * u + u; break;
		}
	}
	return f;
}

static double test_grad(const struct fn_ctx *c, const double *x, size_t n,
			size_t i)
{
	double u = (x[i] - c->m[i]) / c->s[i];

	switch (c->kind) {
	case QUADRATIC: return 2.0 * c->a[i] * u / c->s[i];
	case EXP_SUM: return c->a[i] * c->m[i] * exp(c->m[i] * x[i]);
	case BCE_LIKE: return (ref_sigmoid(x[i]) - c->a[i]) / (double)n;
	default: return (2.0 * u + 1.0) / c->s[i];
	}
}

static const char *describe_x(char *buf, size_t size, const char *what,
			      const double *x, size_t n)
{
	char xs[256];

	snprintf(buf, size, "%s, x = %s, n = %zu", what,
		 wb_format_vector(xs, sizeof xs, x, n), n);
	return buf;
}

/* ---- what the student's step is (check.h, "diagnoses") --------------- */

/*
 * The steps a central difference may take, relative to max(|x_i|, 1): the
 * top comment shows every step in this range passes; outside it round-off
 * (eps |f| / h) or truncation (h^2 |f'''| / 6) costs more than 1e-6.
 */
#define STEP_SMALLEST 1e-8
#define STEP_LARGEST 1e-4

/* (x_0 - c)^power: a probe whose differences reveal the step. */
struct probe {
	double c;
	int power;
};

static double probe_f(const double *x, size_t n, void *ctx)
{
	const struct probe *p = ctx;
	double u = x[0] - p->c;

	(void)n;
	return p->power == 2 ? u * u : u * u * u;
}

/* The student's estimate of the derivative of the probe (c = x) at x. */
static double probe_at(double x, int power)
{
	struct probe p = { x, power };
	double at = x, got = NAN;

	numerical_gradient(probe_f, &p, &at, 1, &got);
	return got;
}

/*
 * At x, (u^2)' = 0 and (u^3)' = 0 (u = x - c = 0): a central difference
 * with step h gives exactly 0 and h^2, a forward one h and h^2.  So h is
 * the root of the second, and the first tells forward from central.
 */
static bool diagnose_step(double x, char *diagnosis, size_t dsize,
			  char *hint, size_t hsize)
{
	double square = probe_at(x, 2), cube = probe_at(x, 3);
	double h = sqrt(fabs(cube)), scale = fmax(fabs(x), 1.0);

	if (isnan(square) || isnan(cube) || cube == 0.0) {
		snprintf(diagnosis, dsize, "the step is 0 at x_i = %g (0/0 is "
			 "NaN)", x);
		snprintf(hint, hsize, "a step proportional to |x_i| alone is 0 "
			 "at x_i = 0; " HINT_CENTRAL);
	} else if (fabs(square) > 0.5 * h) {
		snprintf(diagnosis, dsize, "a forward difference (f(x + h) - "
			 "f(x)) / h, whose error h f''/2 is too large");
		snprintf(hint, hsize, "%s", HINT_CENTRAL);
	} else if (h < STEP_SMALLEST * scale) {
		snprintf(diagnosis, dsize, "the step h = %.2g is too small at "
			 "x_i = %g: round-off eps |f| / h swamps the "
			 "difference", h, x);
		snprintf(hint, hsize, "%s" HINT_CENTRAL, scale > 1.0 ?
			 "scale the step with |x_i|; " : "");
	} else if (h > STEP_LARGEST * scale) {
		snprintf(diagnosis, dsize, "the step h = %.2g is too large at "
			 "x_i = %g: the truncation error h^2 |f'''| / 6 shows",
			 h, x);
		snprintf(hint, hsize, "%s", HINT_CENTRAL);
	} else {
		return false;
	}
	return true;
}

/* Fails the gradient at element i, naming the step's fault when the
 * probes show one. */
static void fail_gradient(const char *input, const double *x,
			  const double *want, const double *got, size_t i,
			  struct wb_tol tol, const char *hint)
{
	char diagnosis[300], advice[600], first[400];

	if (!diagnose_step(x[i], diagnosis, sizeof diagnosis, advice,
			   sizeof advice)) {
		wb_fail_element("numerical_gradient: inaccurate gradient",
				input, i, want[i], got[i], tol, hint);
		return;
	}
	snprintf(first, sizeof first, "numerical_gradient: inaccurate "
		 "gradient (element %zu): %s", i, diagnosis);
	wb_fail_element_as(first, input, i, want[i], got[i], tol, advice);
}

/* Runs the student's numerical_gradient on f at x: output guarded, x
 * restored bitwise, result within 1e-6 of the exact gradient. */
static bool check_gradient(struct fn_ctx *c, const char *what,
			   const double *x0, size_t n, const char *hint)
{
	const struct wb_tol tol = { 0.0, 1e-6 };
	double x[MAXN], want[MAXN];
	char input[512];
	struct wb_guarded g;
	bool ok;

	for (size_t i = 0; i < n; i++)
		want[i] = test_grad(c, x0, n, i);
	memcpy(x, x0, n * sizeof *x);
	describe_x(input, sizeof input, what, x0, n);
	wb_guarded_init(&g, n, NAN);
	numerical_gradient(test_f, c, x, n, g.data);
	ok = wb_guarded_intact(&g, input);
	if (ok && memcmp(x, x0, n * sizeof *x)) {
		wb_fail("numerical_gradient: did not restore x exactly", input,
			"save x_i before perturbing it and write the saved value "
			"back: x_i + h - h is not always x_i " STEP);
		ok = false;
	}
	if (ok && wb_first_mismatch(g.data, want, n, tol) < n) {
		fail_gradient(input, x0, want, g.data,
			      wb_first_mismatch(g.data, want, n, tol), tol,
			      hint);
		ok = false;
	}
	wb_guarded_release(&g);
	return ok;
}

/* Draws n and x, sets up c for kind, and checks; `trials` times. */
static void check_kind(int kind, const char *what, int trials,
		       const char *hint)
{
	struct wb_rng rng;
	struct fn_ctx c;
	double x[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < trials; t++) {
		size_t n = 1 + wb_rng_index(&rng, 8);

		c.kind = kind;
		for (size_t i = 0; i < n; i++) {
			double side = wb_rng_index(&rng, 2) ? 1.0 : -1.0;

			c.s[i] = 1.0;
			c.a[i] = wb_rng_uniform(&rng, 0.5, 2.0);
			c.m[i] = wb_rng_uniform(&rng, -2.0, 2.0);
			if (kind == QUADRATIC) { /* |x - m| in [0.5, 2] */
				x[i] = c.m[i] + side * wb_rng_uniform(&rng, 0.5, 2.0);
				x[i] = i == 1 ? 0.0 : x[i];
				c.m[i] = i == 1 ? -side : c.m[i];
			} else if (kind == EXP_SUM) { /* m is the rate */
				c.m[i] = side * wb_rng_uniform(&rng, 0.5, 1.5);
				x[i] = wb_rng_uniform(&rng, -1.0, 1.0);
			} else { /* a is a label, |sigma(x) - a| >= 0.27 */
				c.a[i] = side > 0 ? 1.0 : 0.0;
				x[i] = side * wb_rng_uniform(&rng, -3.0, 1.0);
			}
		}
		if (!check_gradient(&c, what, x, n, hint))
			return;
	}
}

/* ---- numerical_gradient ------------------------------------------------ */

WB_TEST(numerical_gradient, quadratic,
	"is accurate to 1e-6 on a quadratic (one x_i is 0)")
{
	check_kind(QUADRATIC, "f = sum a_i (x_i - m_i)^2", 30,
		   "a step proportional to |x_i| alone is 0 at x_i = 0; "
		   HINT_CENTRAL);
}

WB_TEST(numerical_gradient, exp_sum, "is accurate to 1e-6 on a sum of exponentials")
{
	check_kind(EXP_SUM, "f = sum a_i exp(m_i x_i)", 30, HINT_CENTRAL);
}

WB_TEST(numerical_gradient, bce_like,
	"is accurate to 1e-6 on a BCE loss of the logits")
{
	check_kind(BCE_LIKE, "f = bce_with_logits(y, x) for random labels y",
		   30, HINT_CENTRAL);
}

WB_TEST(numerical_gradient, central_difference,
	"is a central, not a forward, difference (a quadratic near its minimum)")
{
	struct wb_rng rng;
	struct fn_ctx c = { .kind = QUADRATIC };
	double x[8];

	wb_rng_init(&rng);
	for (size_t i = 0; i < 8; i++) {
		c.a[i] = wb_rng_uniform(&rng, 0.5, 2.0);
		c.m[i] = wb_rng_uniform(&rng, 1.0, 2.0);
		c.s[i] = 1.0;
		x[i] = c.m[i] + (i % 2 ? 1 : -1) * wb_rng_uniform(&rng, 5e-4, 2e-3);
	}
	check_gradient(&c, "f = sum a_i (x_i - m_i)^2 with |x_i - m_i| ~ 1e-3",
		       x, 8, "a forward difference (f(x + h) - f(x)) / h errs by "
		       "h f''/2, here larger than the gradient allows; " HINT_CENTRAL);
}

WB_TEST(numerical_gradient, scaled_step,
	"scales the step to each x_i (x_i from 1e-8 to 1e8)")
{
	static const double scales[] = { 1e-8, 1e8, -3e7, 1.0, -2e-5, 5e4 };
	struct wb_rng rng;
	struct fn_ctx c = { .kind = SCALED };
	double x[6];

	wb_rng_init(&rng);
	for (size_t i = 0; i < 6; i++) {
		c.s[i] = scales[i];
		c.m[i] = 0.0;
		x[i] = scales[i] * wb_rng_uniform(&rng, 0.5, 2.0);
	}
	check_gradient(&c, "f = sum (x_i/s_i)^2 + x_i/s_i, s = (1e-8, 1e8, "
		       "-3e7, 1, -2e-5, 5e4)", x, 6,
		       "doubles are spaced relative to their size: a fixed step "
		       "is lost next to 1e8; " HINT_CENTRAL);
}

WB_TEST(numerical_gradient, restores_x, "leaves x bitwise as it found it")
{
	struct wb_rng rng;
	struct fn_ctx c = { .kind = QUADRATIC };
	double x[MAXN];

	wb_rng_init(&rng);
	for (size_t i = 0; i < MAXN; i++) {
		c.a[i] = 1.0;
		c.s[i] = 1.0;
		x[i] = wb_rng_uniform(&rng, 0.1, 30.0);
		c.m[i] = x[i] + (i % 2 ? 1 : -1) * wb_rng_uniform(&rng, 0.5, 1.0);
	}
	check_gradient(&c, "f = sum (x_i - m_i)^2", x, MAXN, HINT_CENTRAL);
}

/* BEGIN HIDDEN */
/* ---- hidden test: longer vectors ---------------------------------------- */

WB_HIDDEN_TEST(numerical_gradient, long_vectors,
	       "is accurate to 1e-6 for 16 to 24 coordinates")
{
	struct wb_rng rng;
	struct fn_ctx c;
	double x[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < 10; t++) {
		size_t n = 16 + wb_rng_index(&rng, MAXN - 15);

		c.kind = t % 2 ? EXP_SUM : QUADRATIC;
		for (size_t i = 0; i < n; i++) {
			c.s[i] = 1.0;
			c.a[i] = wb_rng_uniform(&rng, 0.5, 2.0);
			c.m[i] = (wb_rng_index(&rng, 2) ? 1.0 : -1.0) *
				 wb_rng_uniform(&rng, 0.5, 1.5);
			x[i] = c.m[i] + wb_rng_uniform(&rng, 0.5, 2.0);
		}
		if (!check_gradient(&c, "f on a long vector", x, n,
				    "compute every coordinate, from x_0 to "
				    "x_{n-1}: " HINT_CENTRAL))
			return;
	}
}
/* END HIDDEN */
