/*
 * 03_gradcheck_relerr.c - suite 03_gradcheck, part two: relative_error
 * (03_gradcheck.c holds numerical_gradient, and 03_gradcheck_helpers.h what
 * both parts share).
 *
 * Tolerance: relative_error is an exact formula; any order of the same
 * operations rounds within a few ulps, so rel 1e-14, abs 0.
 */
#include <float.h>
#include <stdio.h>
#include <string.h>

#include "03_gradcheck_helpers.h"

#define HINT_RELERR \
	"return the MAXIMUM over i of |a_i - b_i| / max(|a_i| + |b_i|, " \
	"DBL_MIN) (chapter 3, \"Relative error\")"

/* ---- relative_error ------------------------------------------------------ */

static bool check_relerr(const double *a, const double *b, size_t n,
			 const char *what, const char *hint)
{
	const struct wb_tol tol = { 0.0, 1e-14 };
	double ac[MAXN], bc[MAXN], got;
	char input[600], as[256], bs[256];

	memcpy(ac, a, n * sizeof *a);
	memcpy(bc, b, n * sizeof *b);
	snprintf(input, sizeof input, "a = %s, b = %s, n = %zu",
		 wb_format_vector(as, sizeof as, a, n),
		 wb_format_vector(bs, sizeof bs, b, n), n);
	got = relative_error(ac, bc, n);
	if (memcmp(ac, a, n * sizeof *a) || memcmp(bc, b, n * sizeof *b)) {
		wb_fail("relative_error: changed its input arrays", input,
			"a and b are const: only read them");
		return false;
	}
	return wb_check_value(what, input, ref_relative_error(a, b, n), got,
			      tol, hint);
}

/* Random pairs: b_i = a_i (1 + noise), sometimes of the other sign. */
static void random_pair(struct wb_rng *rng, double *a, double *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		a[i] = wb_rng_uniform(rng, -10.0, 10.0);
		b[i] = a[i] * (1.0 + wb_rng_uniform(rng, -1e-3, 1e-3) *
					     (double)wb_rng_index(rng, 3));
		if (wb_rng_index(rng, 8) == 0)
			b[i] = -b[i];
	}
}

WB_TEST(relative_error, ordinary_inputs, "matches the formula on random vectors")
{
	struct wb_rng rng;
	double a[MAXN], b[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < 100; t++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_pair(&rng, a, b, n);
		if (!check_relerr(a, b, n, "relative_error: wrong value",
				  HINT_RELERR))
			return;
	}
}

WB_TEST(relative_error, maximum, "is the maximum over i, not the mean")
{
	struct wb_rng rng;
	double a[MAXN], b[MAXN];
	size_t n, k;

	wb_rng_init(&rng);
	n = 4 + wb_rng_index(&rng, MAXN - 4);
	k = wb_rng_index(&rng, n);
	for (size_t i = 0; i < n; i++)
		a[i] = b[i] = wb_rng_uniform(&rng, 0.5, 2.0);
	/* One bad component, off by (f - 1) / (f + 1) in [0.2, 0.5]: a
	 * random factor, as b_k = 2 a_k would make the answer 1/3 always. */
	b[k] = a[k] * wb_rng_uniform(&rng, 1.5, 3.0);
	check_relerr(a, b, n, "relative_error: wrong value with one bad "
		     "component", "one component off is a failed check: take "
		     "the maximum over i, not the mean or the sum "
		     "(chapter 3, \"Relative error\")");
}

WB_TEST(relative_error, zeros, "is 0 when both are 0 (no 0/0)")
{
	static const double zero[3] = { 0.0, 0.0, 0.0 }, one[3] = { 0, 1, -2 };
	struct wb_rng rng;
	double a[MAXN], b[MAXN];
	size_t n;

	if (!check_relerr(zero, zero, 1, "relative_error: wrong value for "
			  "a = b = 0", "0 / max(0, DBL_MIN) = 0: the DBL_MIN floor "
			  "avoids 0/0 = NaN (chapter 3, \"Relative error\")") ||
	    !check_relerr(one, one, 3, "relative_error: not 0 for a == b",
			  "equal vectors have relative error 0, also where both "
			  "are 0 (chapter 3, \"Relative error\")"))
		return;
	/* Zeros among components that differ: a function that returns 0
	 * whatever a and b are must not pass this test. */
	wb_rng_init(&rng);
	n = 2 + wb_rng_index(&rng, MAXN - 1);
	for (size_t i = 0; i < n; i++) {
		a[i] = i % 2 ? wb_rng_uniform(&rng, -10.0, 10.0) : 0.0;
		b[i] = i % 2 ? a[i] + wb_rng_uniform(&rng, 0.1, 1.0) : 0.0;
	}
	check_relerr(a, b, n, "relative_error: wrong value where some a_i = "
		     "b_i = 0", "a component with a_i = b_i = 0 adds 0; "
		     HINT_RELERR);
}

/* Chapter 3, "Relative error", teaches the floor for subnormal components
 * (and defines them), so a denominator without it fails here. */
WB_TEST(relative_error, tiny_values,
	"uses the DBL_MIN floor where |a_i| + |b_i| is subnormal (a = 1e-310, b = 0 gives about 0.0045)")
{
	static const double a[] = { 1e-310, 3e-320, DBL_MIN, 0.0, 1.0 };
	static const double b[] = { 0.0, -2e-320, 0.0, 4e-315, -1.0 };

	for (size_t i = 0; i < 5; i++)
		if (!check_relerr(&a[i], &b[i], 1, "relative_error: no DBL_MIN "
				  "floor for subnormal components", "divide by "
				  "max(|a_i| + |b_i|, DBL_MIN), not by |a_i| + "
				  "|b_i| alone: the floor matters when the sum is "
				  "subnormal, below DBL_MIN, not only when both "
				  "are 0 (chapter 3, \"Relative error\")"))
			return;
}

WB_TEST(relative_error, symmetric, "is symmetric: relative_error(a, b) = relative_error(b, a)")
{
	struct wb_rng rng;
	double a[MAXN], b[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < 50; t++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_pair(&rng, a, b, n);
		if (!check_relerr(b, a, n, "relative_error: not symmetric "
				  "(called with b, a)", "divide by |a_i| + |b_i|, "
				  "not by |a_i| or |b_i| alone; " HINT_RELERR))
			return;
	}
}

/* BEGIN HIDDEN */
/* ---- hidden test: the last element ------------------------------------ */

WB_HIDDEN_TEST(relative_error, last_element,
	       "counts the last element (only a_{n-1} and b_{n-1} differ)")
{
	struct wb_rng rng;
	double a[MAXN], b[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < 10; t++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = wb_rng_uniform(&rng, -3.0, 3.0);
		b[n - 1] = a[n - 1] + wb_rng_uniform(&rng, 0.5, 1.0);
		if (!check_relerr(a, b, n, "relative_error: missed a "
				  "difference in the last element",
				  "loop over i = 0 .. n-1, all n elements; "
				  HINT_RELERR))
			return;
	}
}
/* END HIDDEN */
