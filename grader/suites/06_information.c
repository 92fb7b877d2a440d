/*
 * 06_information.c - the suite of exercise 6 (chapter 6, "Entropy,
 * cross-entropy and KL divergence"): entropy and cross_entropy;
 * kl_divergence is in 06_information_kl.c, and what both parts share (the
 * tolerance and its reasons among them) in 06_information_helpers.h.
 *
 * Each test calls one student function; the other terms of an identity
 * (H(p, q) = H(p) + KL(p || q)) come from the reference, so a bug in one
 * function fails only that function's tests.
 */
#include <math.h>
#include <string.h>

#include "06_information_helpers.h"

/* entropy as a pq_fn (q unused), so that one helper serves all three. */
static double entropy_of_p(const double *p, const double *q, size_t k)
{
	(void)q;
	return entropy(p, k);
}

/* H(p) is the one-argument case of the p, q checks (q unused). */
static bool check_h(const char *what, const double *p, size_t k,
		    double want, const char *hint)
{
	return check_pq(entropy_of_p, what, p, NULL, k, want, hint);
}

static double ref_entropy_of_p(const double *p, const double *q, size_t k)
{
	(void)q;
	return ref_entropy(p, k);
}

/* ---- entropy ---------------------------------------------------------- */

#define ENTROPY_HINT "H(p) = -sum p_i log p_i with the natural log (nats), " \
	"skipping p_i = 0 (" ENTROPY ")"

WB_TEST(entropy, random_values, "matches the reference for random distributions")
{
	struct wb_rng rng;
	double p[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, round & 1);
		if (!check_h("wrong entropy", p, k, ref_entropy(p, k),
			     ENTROPY_HINT))
			return;
	}
}

WB_TEST(entropy, fair_coin, "is log 2 for a fair coin and log k for k equal outcomes")
{
	double p[MAXK];

	for (size_t k = 1; k <= MAXK; k++) {
		for (size_t i = 0; i < k; i++)
			p[i] = 1.0 / (double)k;
		if (!check_h("wrong entropy of a uniform distribution", p, k,
			     log((double)k), "H is measured in nats: use log, "
			     "not log2 or log10 (" ENTROPY ")"))
			return;
	}
}

WB_TEST(entropy, zeros, "treats 0 log 0 as 0 (no NaN) and gives 0 for a certain outcome")
{
	static const double p1[3] = { 0.5, 0.0, 0.5 }, p2[3] = { 0.0, 1.0, 0.0 };
	static const double p3[1] = { 1.0 };
	const char *hint = "0 log 0 is 0 (the limit of p log p), but log(0) "
			   "is -inf and 0 * -inf is NaN: skip the terms with "
			   "p_i = 0 (" ENTROPY ")";

	if (check_h("wrong entropy with a zero probability", p1, 3, log(2.0), hint) &&
	    check_h("wrong entropy of a certain outcome", p2, 3, 0.0, hint))
		check_h("wrong entropy for k = 1", p3, 1, 0.0, hint);
}

WB_TEST(entropy, inputs_unchanged, "does not modify p")
{
	check_unchanged(entropy_of_p, ref_entropy_of_p, false, "wrong entropy",
			ENTROPY_HINT);
}
/* ---- cross_entropy ---------------------------------------------------- */

#define CROSS_HINT "H(p, q) = -sum p_i log q_i: p is the truth that weights, " \
	"q is the model inside the log (" CROSS ")"

WB_TEST(cross_entropy, random_values, "matches the reference for random distributions")
{
	check_random_pq(cross_entropy, ref_cross_entropy, "wrong cross-entropy",
			CROSS_HINT);
}

/* One round of the decomposition test (a pq_round_check). */
static bool cross_decomposes(const double *p, const double *q, size_t k)
{
	return check_pq(cross_entropy, "cross-entropy is not H(p) + KL(p || q)",
			p, q, k, ref_entropy(p, k) + ref_kl_divergence(p, q, k),
			CROSS_HINT) &&
	       check_pq(cross_entropy, "H(p, p) is not the entropy H(p)",
			p, p, k, ref_entropy(p, k), CROSS_HINT);
}

WB_TEST(cross_entropy, decomposition, "equals H(p) + KL(p || q), and H(p) when q = p")
{
	check_decomposition(cross_decomposes);
}

WB_TEST(cross_entropy, impossible_outcome,
	"is +inf when some p_i > 0 has q_i = 0, finite when p_i = q_i = 0")
{
	static const double p1[2] = { 1.0, 0.0 }, q1[2] = { 0.5, 0.5 };
	static const double p2[3] = { 0.5, 0.5, 0.0 }, q2[3] = { 0.25, 0.75, 0.0 };
	static const double p3[2] = { 0.5, 0.5 }, q3[2] = { 1.0, 0.0 };
	const char *hint = "no clipping: -p_i log 0 is +inf when p_i > 0, and "
			   "a term with p_i = 0 is 0 whatever q_i is (" CROSS ")";

	if (check_pq(cross_entropy, "wrong cross-entropy of a point mass", p1, q1, 2,
		     log(2.0), CROSS_HINT) &&
	    check_pq(cross_entropy, "a zero in both p and q should cost nothing",
		     p2, q2, 3, ref_cross_entropy(p2, q2, 3), hint))
		check_pq(cross_entropy, "should be +inf: q gives probability 0 to "
			 "an outcome that happens", p3, q3, 2, INFINITY, hint);
}

WB_TEST(cross_entropy, tiny_probabilities, "is exact for q_i as small as 1e-300 (no clipping)")
{
	static const double p[3] = { 0.25, 0.25, 0.5 };
	static const double q[3] = { 1e-300, 1e-12, 1.0 - 1e-12 };

	check_pq(cross_entropy, "wrong cross-entropy for tiny q", p, q, 3,
		 ref_cross_entropy(p, q, 3), "use log(q_i) as it is: clipping q "
		 "to [eps, 1] changes the value (" CROSS ")");
}

WB_TEST(cross_entropy, inputs_unchanged, "does not modify p or q")
{
	check_unchanged(cross_entropy, ref_cross_entropy, true,
			"wrong cross-entropy", CROSS_HINT);
}

/* BEGIN HIDDEN */
/* ---- hidden tests: properties the visible tests do not name ------------ */

WB_HIDDEN_TEST(entropy, reordering, "is unchanged when the outcomes are reordered")
{
	struct wb_rng rng;
	double p[MAXK], r[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 2 + wb_rng_index(&rng, MAXK - 1);

		random_distribution(&rng, p, k, round & 1);
		for (size_t i = 0; i < k; i++)
			r[i] = p[k - 1 - i];
		if (!check_h("changed when the outcomes were reversed", r, k,
			     ref_entropy(p, k), "every outcome counts the same "
			     "way: -p_i log p_i for each i, summed over all "
			     "k (" ENTROPY ")"))
			return;
	}
}

WB_HIDDEN_TEST(cross_entropy, uniform_q, "is log k against a uniform q, whatever p is")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, true);
		for (size_t i = 0; i < k; i++)
			q[i] = 1.0 / (double)k;
		if (!check_pq(cross_entropy, "wrong cross-entropy against a "
			      "uniform q", p, q, k, ref_cross_entropy(p, q, k),
			      "-sum p_i log(1/k) = log k: the weights are p, "
			      "the logs are of q (" CROSS ")"))
			return;
	}
}
/* END HIDDEN */
