/*
 * 03_gradcheck_relerr.c - suite 03_gradcheck, part two: relative_error
 * (03_gradcheck.c holds numerical_gradient, and 03_gradcheck_helpers.h what
 * both parts share).
 *
 * Tolerance: relative_error is an exact formula; any order of the same
 * operations rounds within a few ulps, so rel 1e-14, abs 0.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "03_gradcheck_helpers.h"

#define HINT_RELERR \
	"return the MAXIMUM over i of |a_i - b_i| / max(|a_i| + |b_i|, " \
	"DBL_MIN) (chapter 3, \"Relative error\")"

#define RELERR_SECTION "(chapter 3, \"Relative error\")"

/* ---- what a wrong relative_error shows (check.h, "diagnoses") ----------- */

/* The denominators students write instead of max(|a_i| + |b_i|, DBL_MIN). */
enum denominator { BOTH, ONLY_B, ONLY_A, LARGER, NO_FLOOR };

/* Component i's error with denominator d; a 0/0 of NO_FLOOR is left NaN. */
static double pair(double a, double b, enum denominator d, bool signed_diff)
{
	double diff = signed_diff ? a - b : fabs(a - b);

	switch (d) {
	case ONLY_B: return diff / fmax(fabs(b), DBL_MIN);
	case ONLY_A: return diff / fmax(fabs(a), DBL_MIN);
	case LARGER: return diff / fmax(fmax(fabs(a), fabs(b)), DBL_MIN);
	case NO_FLOOR: return diff / (fabs(a) + fabs(b));
	default: return diff / fmax(fabs(a) + fabs(b), DBL_MIN);
	}
}

enum reduction { MAXIMUM, MEAN, SUM };

static double relerr_made(const double *a, const double *b, size_t n,
			  enum denominator d, enum reduction r,
			  bool signed_diff)
{
	double acc = 0.0;	/* a maximum starts at 0, as the errors are >= 0 */

	for (size_t i = 0; i < n; i++) {
		double e = pair(a[i], b[i], d, signed_diff);

		acc = r == MAXIMUM ? fmax(acc, e) : acc + e;
	}
	return r == MEAN ? acc / (double)n : acc;
}

enum { RELERR_MISTAKES = 7 };

/* Each mistake's value on (a, b) and on (b, a): the swapped call tells a
 * one-sided denominator from another one, which one call cannot. */
struct relerr_diagnosis {
	struct wb_diagnosis d;
	double value[RELERR_MISTAKES][2];
	struct wb_mistake list[RELERR_MISTAKES];
};

/* The chapter's properties, each broken on purpose on (a, b). */
static void relerr_diagnose(const double *a, const double *b, size_t n,
			    struct relerr_diagnosis *m)
{
	static const struct { enum denominator d; enum reduction r;
			      bool signed_diff; struct wb_advice advice; } made[] = {
		{ BOTH, MEAN, false, { "the mean over i, not the maximum",
		  "one wrong component is a bug: take the maximum over i "
		  RELERR_SECTION } },
		{ BOTH, SUM, false, { "the sum over i, not the maximum",
		  "one wrong component is a bug: take the maximum over i "
		  RELERR_SECTION } },
		{ ONLY_B, MAXIMUM, false, { "divides by |b_i| alone, so it is "
		  "not symmetric", "divide by |a_i| + |b_i|: the measure is "
		  "symmetric in a and b " RELERR_SECTION } },
		{ ONLY_A, MAXIMUM, false, { "divides by |a_i| alone, so it is "
		  "not symmetric", "divide by |a_i| + |b_i|: the measure is "
		  "symmetric in a and b " RELERR_SECTION } },
		{ LARGER, MAXIMUM, false, { "divides by max(|a_i|, |b_i|) "
		  "instead of |a_i| + |b_i|", HINT_RELERR } },
		{ BOTH, MAXIMUM, true, { "a_i - b_i without the absolute "
		  "value", "take |a_i - b_i|: the error lies between 0 and 1 "
		  "whatever the signs " RELERR_SECTION } },
		{ NO_FLOOR, MAXIMUM, false, { "divides by |a_i| + |b_i| "
		  "without the DBL_MIN floor", "divide by max(|a_i| + |b_i|, "
		  "DBL_MIN): the floor matters when the sum is below DBL_MIN "
		  RELERR_SECTION } },
	};

	for (size_t k = 0; k < RELERR_MISTAKES; k++) {
		m->value[k][0] = relerr_made(a, b, n, made[k].d, made[k].r,
					     made[k].signed_diff);
		m->value[k][1] = relerr_made(b, a, n, made[k].d, made[k].r,
					     made[k].signed_diff);
		m->list[k] = (struct wb_mistake){ made[k].advice,
						  m->value[k] };
	}
	m->d = (struct wb_diagnosis){
		.nan = { "returned NaN: 0/0 where a_i = b_i = 0 (no DBL_MIN "
			 "floor)", "divide by max(|a_i| + |b_i|, DBL_MIN), "
			 "which turns 0/0 into 0 " RELERR_SECTION },
		.mistakes = m->list,
		.mistake_count = RELERR_MISTAKES,
	};
}

/* ---- relative_error ------------------------------------------------------ */

/*
 * got = relative_error(a, b) against the reference; a wrong value is
 * named from it and from relative_error(b, a), the student's too.
 */
static bool relerr_matches(const double *a, const double *b, size_t n,
			   double got, const char *what, const char *input,
			   const char *hint)
{
	const struct wb_tol tol = { 0.0, 1e-14 };
	double want[2] = { ref_relative_error(a, b, n),
			   ref_relative_error(b, a, n) }, pair_got[2] = { got };
	double ac[MAXN], bc[MAXN];
	char diagnosis[256], first[600];
	struct relerr_diagnosis m;

	if (wb_close(got, want[0], tol))
		return true;
	memcpy(ac, a, n * sizeof *a);
	memcpy(bc, b, n * sizeof *b);
	pair_got[1] = relative_error(bc, ac, n);
	relerr_diagnose(a, b, n, &m);
	if (wb_diagnose(&m.d, want, pair_got, 2, tol, diagnosis,
			sizeof diagnosis, &hint)) {
		snprintf(first, sizeof first, "%s: %s", what, diagnosis);
		wb_fail_element_as(first, input, (size_t)-1, want[0], got, tol,
				   hint);
	} else {
		wb_fail_value(what, input, want[0], got, tol, hint);
	}
	return false;
}

static bool check_relerr(const double *a, const double *b, size_t n,
			 const char *what, const char *hint)
{
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
	return relerr_matches(a, b, n, got, what, input, hint);
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

/* count random pairs of 1 to MAXN elements, each checked as
 * relative_error(a, b), or as relative_error(b, a) when swapped, until
 * the first failure. */
static void check_random_pairs(int count, bool swapped, const char *what,
			       const char *hint)
{
	struct wb_rng rng;
	double a[MAXN], b[MAXN];

	wb_rng_init(&rng);
	for (int t = 0; t < count; t++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_pair(&rng, a, b, n);
		if (!(swapped ? check_relerr(b, a, n, what, hint) :
				check_relerr(a, b, n, what, hint)))
			return;
	}
}

WB_TEST(relative_error, ordinary_inputs, "matches the formula on random vectors")
{
	check_random_pairs(100, false, "relative_error: wrong value",
			   HINT_RELERR);
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
	check_random_pairs(50, true, "relative_error: not symmetric (called "
			   "with b, a)", "divide by |a_i| + |b_i|, not by |a_i| "
			   "or |b_i| alone; " HINT_RELERR);
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
