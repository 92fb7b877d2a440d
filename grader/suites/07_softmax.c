/*
 * 07_softmax.c - the suite of exercise 7 (chapter 7, "Softmax and
 * categorical cross-entropy"): softmax, log_sum_exp, log_softmax;
 * softmax_cross_entropy is in 07_softmax_sce.c, and what both parts share
 * (sizes, tolerances, random logits) in 07_softmax_helpers.h.
 *
 * Tolerances scale with the size of the logits: a logit of 1e6 is itself
 * known only to ulp(1e6) ~ 1.2e-10, so every stable formula (the max trick
 * with exp(z - m) / sum, exp(z - lse), lse - z_c, -log_softmax, any
 * summation order) may differ from the reference by a few eps * max|z|.
 * Unstable ones give inf, NaN or -inf there; wrong ones are off by O(1).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "07_softmax_helpers.h"

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

/* ---- what an unstable row shows (check.h, "diagnoses") ------------------ */

#define NEVER_LOG_SOFTMAX \
	"never take the log of a softmax: log softmax(z)_j = z_j - m - " \
	"log(sum_i e^(z_i - m)) with m the largest logit (" OVERFLOW ")"

/*
 * The words for a NaN or an infinity in got (outs values) on row z, from
 * what the judge knows of z: whether a logit is past log(DBL_MAX), where
 * e^z overflows, and whether the output of the largest logit stayed
 * finite (then a -inf elsewhere is the log of a probability that
 * underflowed to 0, not an overflow).
 */
static void row_diagnosis(vec_fn *student, const double *z, size_t k,
			  const double *got, size_t outs,
			  struct wb_diagnosis *d)
{
	size_t top = 0;
	bool overflows, top_finite;

	for (size_t i = 1; i < k; i++)
		if (z[i] > z[top])
			top = i;
	overflows = z[top] > log(DBL_MAX);
	top_finite = isfinite(got[outs == k ? top : 0]);
	*d = (struct wb_diagnosis){
		.nan = overflows ?
		       (struct wb_advice){ "returned NaN: e^z overflowed to inf, "
					   "and inf / inf or inf - inf is NaN",
					   MAX_TRICK } :
		       (struct wb_advice){ "returned NaN: every e^z underflowed "
					   "to 0, and 0 / 0 is NaN", MAX_TRICK },
		.inf = { "returned +inf: e^z overflowed to inf", MAX_TRICK },
	};
	if (student == log_softmax && top_finite)
		d->inf = (struct wb_advice){
			"returned -inf: the log of a probability that "
			"underflowed to 0", NEVER_LOG_SOFTMAX };
	else if (student == log_softmax)
		d->inf = (struct wb_advice){
			"returned -inf: e^z overflowed to inf in the sum, and "
			"z_j - inf = -inf", MAX_TRICK };
	else if (student == lse_student && got[0] < 0.0)
		d->inf = (struct wb_advice){
			"returned -inf: every e^z underflowed to 0, and log 0 "
			"= -inf", "start the maximum from z_0, not from 0; "
			MAX_TRICK };
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
	if (ok) {
		struct wb_diagnosis d;

		row_diagnosis(student, z, k, g.data, outs, &d);
		ok = outs == 1 ?
		     wb_check_value_diagnosed(&d, what, input, want[0],
					      g.data[0], tol, hint) :
		     wb_check_vector_diagnosed(&d, what, input, want, g.data,
					       outs, tol, hint);
	}
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
