/*
 * 01_sigmoid.c - the suite of exercise 1 (chapter 1, "Probabilities and the
 * sigmoid"): sigmoid and sigmoid_grad.
 *
 * Tolerances.  Both functions are compared with the reference under
 *
 *	|got - want| <= 1e-320 + 1e-12 |want|.
 *
 * rel 1e-12: the reference is accurate to a few ulps relative everywhere;
 * every correct formula (branch on the sign, sigma(z) sigma(-z),
 * e^-|z| / (1 + e^-|z|)^2, a tanh or cosh form written without a
 * subtraction, exp(-softplus(-z))) agrees with it to a few ulps, except the
 * exp-of-a-log forms, whose error grows like |z| eps (<= 745 * 2.2e-16 =
 * 1.7e-13 before the result underflows): 1e-12 leaves a margin of 6 over
 * that.  The wrong formulas are off by far more: 1 - 1/(1 + e^z) keeps no
 * correct digit below z = -37, s (1 - s) none above z = 37 (and is already
 * off by 1e-7 relative at z = 20), clamping z to [-500, 500] is off by a
 * factor e^100 at z = -600.
 * abs 1e-320: below about z = -708 the true values are subnormal, where a
 * correctly rounded result is only good to half of 4.9e-324; 1e-320 (about
 * 2000 subnormal ulps) accepts any correct formula there and still rejects
 * 0 for sigmoid(-710) = 4.5e-309 (chapter 1 asks for exactly that), and it
 * is far below every normal result, so it relaxes nothing else.
 * Subnormal differences count only in sigmoid's subnormal_tail test, whose
 * hint cites the section that defines subnormal numbers (the fairness rule,
 * check.h: wb_subnormals_count); elsewhere a difference below DBL_MIN passes.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "01_sigmoid_helpers.h"
#include "array_size.h"
#include "check.h"


static const struct wb_tol tol = { 1e-320, 1e-12 };

/* A contract function, its reference and what to say when it is close to
 * the reference but not close enough (it lost digits to cancellation). */
struct fn {
	double (*f)(double);
	double (*ref)(double);
	const char *name;
	const char *accuracy_hint;
	void (*diagnose)(double z, struct sigmoid_diagnosis *d);
};

static const struct fn fn_sigmoid = {
	sigmoid, ref_sigmoid, "sigmoid", HINT_LEFT_TAIL, sigmoid_diagnose,
};
static const struct fn fn_sigmoid_subnormal = {
	sigmoid, ref_sigmoid, "sigmoid", HINT_SUBNORMAL, sigmoid_diagnose,
};
static const struct fn fn_grad = {
	sigmoid_grad, ref_sigmoid_grad, "sigmoid_grad", HINT_GRAD_TAIL,
	sigmoid_grad_diagnose,
};

/* Records the failure of fn(z) = got with the mistake it shows named
 * first (01_sigmoid_diagnosis.c); false when it shows none. */
static bool named_mistake(const struct fn *fn, double z, const char *what,
			  const char *input, double want, double got,
			  const char *hint)
{
	struct sigmoid_diagnosis d;
	char diagnosis[256], first[512];
	const char *advice = hint;

	fn->diagnose(z, &d);
	if (!wb_diagnose(&d.d, &want, &got, 1, tol, diagnosis,
			 sizeof diagnosis, &advice))
		return false;
	snprintf(first, sizeof first, "%s: %s: %s", fn->name, what, diagnosis);
	wb_fail_element_as(first, input, (size_t)-1, want, got, tol, advice);
	return true;
}

/* Compares fn(z) with the reference and records a failure on a mismatch.
 * A value right to 6 digits or more is a formula that loses accuracy, not
 * a wrong formula, and is told so. */
static bool check_at(const struct fn *fn, double z, const char *what,
		     const char *hint)
{
	char input[64], summary[160];
	double want = fn->ref(z), got = fn->f(z);
	bool nearly;

	if (wb_close(got, want, tol))
		return true;
	snprintf(input, sizeof input, "z = %.17g", z);
	if (named_mistake(fn, z, what, input, want, got, hint))
		return false;
	nearly = isfinite(got) && fabs(got - want) <= 1e-6 * fabs(want);
	snprintf(summary, sizeof summary, "%s: %s", fn->name,
		 nearly ? "inaccurate: close, but digits were lost" : what);
	wb_fail_value(summary, input, want, got, tol,
		      nearly ? fn->accuracy_hint : hint);
	return false;
}

/* fn(z) against the reference when that names a mistake: false after
 * recording the failure, true when fn(z) passes or shows no mistake. */
static bool named_check_at(const struct fn *fn, double z, const char *what)
{
	char input[64];
	double want = fn->ref(z), got = fn->f(z);

	snprintf(input, sizeof input, "z = %.17g", z);
	return wb_close(got, want, tol) ||
	       !named_mistake(fn, z, what, input, want, got, NULL);
}

#define SUM_NOT_1 "sigmoid(z) + sigmoid(-z) is not 1"
#define NOT_EVEN "sigmoid_grad(-z) differs from sigmoid_grad(z)"

static bool check_all(const struct fn *fn, const double *zs, size_t count,
		      const char *what, const char *hint)
{
	for (size_t i = 0; i < count; i++)
		if (!check_at(fn, zs[i], what, hint))
			return false;
	return true;
}

/* count values uniform in [lo, hi), each also with its sign flipped when
 * both_signs is set. */
static bool check_random(const struct fn *fn, double lo, double hi,
			 int count, bool both_signs, const char *what,
			 const char *hint)
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	for (int i = 0; i < count; i++) {
		double z = wb_rng_uniform(&rng, lo, hi);

		if (!check_at(fn, z, what, hint))
			return false;
		if (both_signs && !check_at(fn, -z, what, hint))
			return false;
	}
	return true;
}


/* The logits of the "ordinary inputs" tests.  A property test (symmetry,
 * evenness) also checks the value itself at its inputs in this range, so a
 * function that ignores z fails it too; mistakes of the tails are left to
 * the tests of the tails. */
#define ORDINARY 20.0

/* ---- sigmoid ----------------------------------------------------------- */

WB_TEST(sigmoid, ordinary_inputs, "matches the reference on ordinary inputs")
{
	check_random(&fn_sigmoid, -ORDINARY, ORDINARY, 300, false,
		     "wrong value", HINT_SIGMOID);
}

WB_TEST(sigmoid, chapter_values, "gives the values of the chapter's table")
{
	const double zs[] = { 0.0, log(3.0), -4.0, -2.0, 2.0, 4.0, 10.0, 1.0,
			      -1.0 };

	check_all(&fn_sigmoid, zs, ARRAY_SIZE(zs), "wrong value", HINT_SIGMOID);
}

WB_TEST(sigmoid, both_tails, "matches the reference in both tails")
{
	const double zs[] = { 30.0, -30.0, 40.0, -40.0, 100.0, -100.0,
			      600.0, -600.0, 700.0, -700.0, -708.0 };
	const char *what = "inaccurate in the tail";

	if (!check_all(&fn_sigmoid, zs, ARRAY_SIZE(zs), what, HINT_LEFT_TAIL))
		return;
	check_random(&fn_sigmoid, 20.0, 708.0, 200, true, what,
		     HINT_LEFT_TAIL);
}

WB_TEST(sigmoid, subnormal_tail,
	"keeps the tiny values of the far left tail (z = -710 gives 4.5e-309, not 0)")
{
	const double zs[] = { -709.5, -710.0, -720.0, -730.0, -740.0, -745.0,
			      -745.2, -746.0 };
	const char *what = "lost a tiny value in the far left tail";

	/* HINT_SUBNORMAL cites the section that defines subnormal numbers. */
	wb_subnormals_count = true;
	if (!check_all(&fn_sigmoid_subnormal, zs, ARRAY_SIZE(zs), what,
		       HINT_SUBNORMAL))
		return;
	check_random(&fn_sigmoid_subnormal, -740.0, -709.0, 50, false, what,
		     HINT_SUBNORMAL);
}

WB_TEST(sigmoid, huge_inputs,
	"is finite and right for huge |z| (1000, 1e6, DBL_MAX)")
{
	const double zs[] = { 709.0, 710.0, 745.0, 800.0, 1000.0, -1000.0,
			      1e6, -1e6, 1e300, -1e300, DBL_MAX, -DBL_MAX };

	check_all(&fn_sigmoid, zs, ARRAY_SIZE(zs), "wrong value for a huge |z|",
		  HINT_OVERFLOW);
}

WB_TEST(sigmoid, symmetry, "satisfies sigmoid(z) + sigmoid(-z) = 1")
{
	/* Both values are accurate to a few ulps relative and at most 1, so
	 * their sum is within a few ulps of 1: 1e-15 absolute. */
	const struct wb_tol sum_tol = { 1e-15, 0.0 };
	struct wb_rng rng;
	char input[128];

	wb_rng_init(&rng);
	for (int i = 0; i < 200; i++) {
		double z = wb_rng_uniform(&rng, -40.0, 40.0);
		double sum = sigmoid(z) + sigmoid(-z);

		snprintf(input, sizeof input, "z = %.17g; got: sigmoid(z) + "
			 "sigmoid(-z)", z);
		/* When the sum is off, the value at z or -z that makes it so
		 * names the mistake, if it shows one. */
		if (!wb_close(sum, 1.0, sum_tol) &&
		    (!named_check_at(&fn_sigmoid, z, SUM_NOT_1) ||
		     !named_check_at(&fn_sigmoid, -z, SUM_NOT_1)))
			return;
		if (!wb_check_value("sigmoid: " SUM_NOT_1,
				    input, 1.0, sum, sum_tol,
				    "1 - sigma(z) = sigma(-z): both branches "
				    "must compute the same function "
				    "(chapter 1, \"The logistic model\")"))
			return;
		if (fabs(z) <= ORDINARY &&
		    !check_at(&fn_sigmoid, z, "wrong value", HINT_SIGMOID))
			return;
	}
}

/* ---- sigmoid_grad ------------------------------------------------------ */

WB_TEST(sigmoid_grad, ordinary_inputs,
	"matches the reference on ordinary inputs")
{
	check_random(&fn_grad, -ORDINARY, ORDINARY, 300, false, "wrong value",
		     HINT_GRAD);
}

WB_TEST(sigmoid_grad, chapter_values,
	"gives the chapter's values (1/4 at z = 0, 0.104994 at z = 2)")
{
	const double zs[] = { 0.0, 2.0, -2.0, 4.0, -4.0, 10.0, 1.0, -1.0 };

	check_all(&fn_grad, zs, ARRAY_SIZE(zs), "wrong value", HINT_GRAD);
}

WB_TEST(sigmoid_grad, right_tail,
	"is accurate relative to its size in the right tail (z = 40 gives 4.2e-18)")
{
	const double zs[] = { 20.0, 30.0, 37.0, 40.0, 100.0, 500.0, 700.0 };
	const char *what = "inaccurate in the right tail";

	if (!check_all(&fn_grad, zs, ARRAY_SIZE(zs), what, HINT_GRAD_TAIL))
		return;
	check_random(&fn_grad, 15.0, 708.0, 200, false, what,
		     HINT_GRAD_TAIL);
}

WB_TEST(sigmoid_grad, left_tail,
	"is accurate relative to its size in the left tail")
{
	const double zs[] = { -20.0, -30.0, -37.0, -40.0, -100.0, -500.0,
			      -700.0 };
	const char *what = "inaccurate in the left tail";

	if (!check_all(&fn_grad, zs, ARRAY_SIZE(zs), what, HINT_GRAD_TAIL))
		return;
	check_random(&fn_grad, -708.0, -15.0, 200, false, what,
		     HINT_GRAD_TAIL);
}

WB_TEST(sigmoid_grad, huge_inputs,
	"is finite and right for huge |z| (700, 710, 1000, 1e6, DBL_MAX)")
{
	/* +-700 first: sigma'(700) = 9.9e-305 is a normal number, so a
	 * function that returns 0 fails even though the values further out
	 * are subnormal or 0, where a difference below DBL_MIN passes. */
	const double zs[] = { 700.0, -700.0, 709.5, -709.5, 710.0, -710.0,
			      740.0, -740.0,
			      745.0, -745.0, 1000.0, -1000.0, 1e6, -1e6,
			      DBL_MAX, -DBL_MAX };

	check_all(&fn_grad, zs, ARRAY_SIZE(zs), "wrong value for a huge |z|",
		  HINT_GRAD_OVERFLOW);
}

WB_TEST(sigmoid_grad, even, "satisfies sigmoid_grad(z) = sigmoid_grad(-z)")
{
	/* Both sides are accurate to a few ulps relative, so they agree to
	 * 1e-12 relative whatever the formula (the tolerance of the suite). */
	struct wb_rng rng;
	char input[128];

	wb_rng_init(&rng);
	for (int i = 0; i < 200; i++) {
		double z = wb_rng_uniform(&rng, 0.0, 40.0);

		snprintf(input, sizeof input, "z = %.17g; expected: "
			 "sigmoid_grad(z), got: sigmoid_grad(-z)", z);
		if (!wb_close(sigmoid_grad(-z), sigmoid_grad(z), tol) &&
		    (!named_check_at(&fn_grad, z, NOT_EVEN) ||
		     !named_check_at(&fn_grad, -z, NOT_EVEN)))
			return;
		if (!wb_check_value("sigmoid_grad: " NOT_EVEN, input,
				    sigmoid_grad(z), sigmoid_grad(-z), tol,
				    "the derivative is even: sigma(z) sigma(-z) "
				    "is the same product for z and -z "
				    "(chapter 1, \"Questions\")"))
			return;
		if (z <= ORDINARY &&
		    !check_at(&fn_grad, z, "wrong value", HINT_GRAD))
			return;
	}
}

/* BEGIN HIDDEN */
/* ---- hidden tests: other regimes than the visible ones ------------------ */

WB_HIDDEN_TEST(sigmoid, near_zero,
	       "is right around the branch point z = 0 (tiny and signed-zero z)")
{
	const double zs[] = { 0.0, -0.0, 1e-300, -1e-300, 5e-324, -5e-324,
			      1e-17, -1e-17, 1e-9, -1e-9 };

	if (!check_all(&fn_sigmoid, zs, ARRAY_SIZE(zs), "wrong value near 0",
		       HINT_OVERFLOW))
		return;
	check_random(&fn_sigmoid, 0.0, 1e-3, 100, true, "wrong value near 0",
		     HINT_OVERFLOW);
}

WB_HIDDEN_TEST(sigmoid, whole_range,
	       "matches the reference at every 5th integer from -745 to 745")
{
	for (int z = -745; z <= 745; z += 5)
		if (!check_at(&fn_sigmoid, z, "wrong value", HINT_LEFT_TAIL))
			return;
}

WB_HIDDEN_TEST(sigmoid_grad, near_zero,
	       "is right around z = 0 (tiny and signed-zero z give 1/4)")
{
	const double zs[] = { 0.0, -0.0, 1e-300, -1e-300, 5e-324, -5e-324,
			      1e-9, -1e-9 };

	if (!check_all(&fn_grad, zs, ARRAY_SIZE(zs), "wrong value near 0",
		       HINT_GRAD))
		return;
	check_random(&fn_grad, 0.0, 1e-3, 100, true, "wrong value near 0",
		     HINT_GRAD);
}
/* END HIDDEN */
