/*
 * 06_information_kl.c - suite 06_information, part two: kl_divergence
 * (06_information.c holds entropy and cross_entropy, and
 * 06_information_helpers.h what both parts share).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "06_information_helpers.h"

/* ---- kl_divergence ---------------------------------------------------- */

#define KL_HINT "KL(p || q) = sum p_i log(p_i / q_i): the truth p weights, " \
	"and the ratio is p over q (" KL ")"

WB_TEST(kl_divergence, random_values, "matches the reference for random distributions")
{
	check_random_pq(kl_divergence, ref_kl_divergence, "wrong KL divergence",
			KL_HINT);
}

/* One round of the decomposition test (a pq_round_check). */
static bool kl_decomposes(const double *p, const double *q, size_t k)
{
	return check_pq(kl_divergence, "KL(p || q) is not H(p, q) - H(p)", p, q,
			k, ref_cross_entropy(p, q, k) - ref_entropy(p, k),
			KL_HINT);
}

WB_TEST(kl_divergence, decomposition, "equals H(p, q) - H(p)")
{
	check_decomposition(kl_decomposes);
}

WB_TEST(kl_divergence, gibbs, "is >= 0, and exactly 0 when q equals p")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];
	char input[600];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);
		double kl;

		random_distribution(&rng, p, k, round & 1);
		memcpy(q, p, k * sizeof *p);
		if ((kl = kl_divergence(p, q, k)) != 0.0 ||
		    (kl = kl_divergence(p, p, k)) != 0.0) {
			wb_fail_value("KL(p || p) should be exactly 0",
				      describe(input, sizeof input, p, q, k), 0.0,
				      kl, (struct wb_tol){ 0, 0 },
				      "log(p_i / p_i) = log 1 = 0 exactly (" GIBBS ")");
			return;
		}
		/* A q close to p: KL is small, and must not turn negative. */
		double total = 0.0;

		for (size_t i = 0; i < k; i++)
			total += q[i] = p[i] * (1.0 + 1e-3 * wb_rng_uniform(&rng, -1.0, 1.0));
		for (size_t i = 0; i < k; i++)
			q[i] /= total;
		if ((kl = kl_divergence(p, q, k)) < 0.0 || isnan(kl)) {
			wb_fail_value("KL divergence should never be negative",
				      describe(input, sizeof input, p, q, k),
				      ref_kl_divergence(p, q, k), kl, TOL,
				      "Gibbs: sum p log(p/q) >= 0; a negative value "
				      "means p and q are swapped or the ratio is "
				      "upside down (" GIBBS ")");
			return;
		}
		/* A function that returns 0 whatever p and q are satisfies
		 * both inequalities: the value must be right too. */
		if (!wb_check_value("wrong KL divergence",
				    describe(input, sizeof input, p, q, k),
				    ref_kl_divergence(p, q, k), kl, TOL,
				    KL_HINT))
			return;
	}
}

WB_TEST(kl_divergence, asymmetry, "is log 2 for KL((1, 0) || (1/2, 1/2)) and +inf the other way")
{
	static const double a[2] = { 1.0, 0.0 }, b[2] = { 0.5, 0.5 };
	static const double p[3] = { 0.5, 0.5, 0.0 }, q[3] = { 0.25, 0.75, 0.0 };
	const char *hint = "a term with p_i = 0 is 0 (0 log 0 = 0); a term "
			   "with p_i > 0 and q_i = 0 is +inf (" ASYM ")";

	if (check_pq(kl_divergence, "wrong KL((1, 0) || (1/2, 1/2))", a, b, 2,
		     log(2.0), hint) &&
	    check_pq(kl_divergence, "a zero in both p and q should cost nothing", p, q, 3,
		     ref_kl_divergence(p, q, 3), hint))
		check_pq(kl_divergence, "should be +inf: q gives probability 0 "
			 "to an outcome p gives 1/2", b, a, 2, INFINITY, hint);
}

/* The chapter's trap: p_i / q_i overflows for a subnormal q_i although
 * the term p_i log(p_i / q_i) is a modest number (356.55 for p_i = 0.5,
 * q_i = 1e-310), and the log of that inf is inf.  The summary names the
 * trap only when the result is that inf. */
static bool check_tiny_q(const double *p, const double *q)
{
	char input[600];
	double got = kl_divergence(p, q, 2);

	return wb_check_value(isinf(got) && got > 0 ?
			      "p_i / q_i overflows for a tiny q_i, so "
			      "log(p_i / q_i) is inf although the term is "
			      "finite" : "wrong KL divergence for a tiny q_i",
			      describe(input, sizeof input, p, q, 2),
			      ref_kl_divergence(p, q, 2), got, TOL,
			      "compute log(p_i) - log(q_i), which cannot "
			      "overflow, instead of log(p_i / q_i) (" EXERCISE
			      ")");
}

WB_TEST(kl_divergence, tiny_q,
	"is finite when q_i is tiny (p = 0.5, q = 1e-310: the term is 356.55, p_i / q_i overflows)")
{
	struct wb_rng rng;
	double p[2] = { 0.5, 0.5 }, q[2] = { 1e-310, 1.0 };

	if (!check_tiny_q(p, q))
		return;
	wb_rng_init(&rng);
	for (int round = 0; round < 10; round++) {
		p[0] = wb_rng_uniform(&rng, 0.1, 0.9);
		p[1] = 1.0 - p[0];
		q[0] = wb_rng_uniform(&rng, 1e-320, 1e-309);
		if (!check_tiny_q(p, q))
			return;
	}
}

WB_TEST(kl_divergence, inputs_unchanged, "does not modify p or q")
{
	check_unchanged(kl_divergence, ref_kl_divergence, true,
			"wrong KL divergence", KL_HINT);
}

/* BEGIN HIDDEN */
/* ---- hidden test: tiny probabilities ------------------------------------ */

WB_HIDDEN_TEST(kl_divergence, tiny_probabilities,
	       "is accurate with probabilities as small as 1e-300 in p and q")
{
	static const double p[4] = { 1e-300, 0.5, 0.25, 0.25 - 1e-300 };
	static const double q[4] = { 1e-250, 1e-300, 0.5, 0.5 };

	if (check_pq(kl_divergence, "wrong KL divergence for tiny "
		     "probabilities", p, q, 4, ref_kl_divergence(p, q, 4),
		     KL_HINT))
		check_pq(kl_divergence, "wrong KL divergence for tiny "
			 "probabilities", q, p, 4, ref_kl_divergence(q, p, 4),
			 KL_HINT);
}
/* END HIDDEN */
