/*
 * 06_information.c - the suite of exercise 6 (chapter 6, "Entropy,
 * cross-entropy and KL divergence"): entropy, cross_entropy, kl_divergence.
 *
 * Each test calls one student function; the other terms of an identity
 * (H(p, q) = H(p) + KL(p || q)) come from the reference, so a bug in one
 * function fails only that function's tests.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak entropy
#pragma weak cross_entropy
#pragma weak kl_divergence

enum { MAXK = 12 };

/* Values are sums of k <= 12 terms of size <= ~40 (p log q with q >= 1e-18)
 * or ~1 (p log p); any summation order or the form p log(1/q) is within a
 * few 1e-16 per term.  KL written as sum p (log p - log q) or as
 * H(p, q) - H(p) loses up to ~1e-16 |log q| per term to cancellation,
 * hence the absolute 1e-14.  Wrong formulas (log2, swapped arguments, a
 * sign) are off by 1e-2 or more on these inputs. */
static const struct wb_tol TOL = { 1e-14, 1e-12 };

#define ENTROPY "chapter 6, \"Entropy\""
#define CROSS "chapter 6, \"Cross-entropy\""
#define KL "chapter 6, \"KL divergence and the decomposition\""
#define GIBBS "chapter 6, \"Gibbs' inequality\""
#define ASYM "chapter 6, \"Asymmetry\""

typedef double pq_fn(const double *p, const double *q, size_t k);

static const char *describe(char *buf, size_t size, const double *p,
			    const double *q, size_t k)
{
	char a[256], b[256];

	if (q)
		snprintf(buf, size, "p = %s, q = %s, k = %zu",
			 wb_format_vector(a, sizeof a, p, k),
			 wb_format_vector(b, sizeof b, q, k), k);
	else
		snprintf(buf, size, "p = %s, k = %zu",
			 wb_format_vector(a, sizeof a, p, k), k);
	return buf;
}

/* A random distribution, with some entries set to exactly 0 when zeros. */
static void random_distribution(struct wb_rng *rng, double *p, size_t k,
				bool zeros)
{
	double total = 0.0;

	wb_rng_distribution(rng, p, k);
	if (!zeros || k < 2)
		return;
	for (size_t i = 0; i < k; i++)
		if (wb_rng_index(rng, 3) == 0 && i != 0)
			p[i] = 0.0;
	for (size_t i = 0; i < k; i++)
		total += p[i];
	for (size_t i = 0; i < k; i++)
		p[i] /= total;
}

static bool check_h(const char *what, const double *p, size_t k,
		    double want, const char *hint)
{
	char input[600];

	return wb_check_value(what, describe(input, sizeof input, p, NULL, k),
			      want, entropy(p, k), TOL, hint);
}

static bool check_pq(pq_fn *student, const char *what, const double *p,
		     const double *q, size_t k, double want, const char *hint)
{
	char input[600];

	return wb_check_value(what, describe(input, sizeof input, p, q, k),
			      want, student(p, q, k), TOL, hint);
}

/* Runs the student's function on copies and checks the inputs survive. */
static void check_unchanged(pq_fn *student, bool two)
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK], p0[MAXK], q0[MAXK];
	char input[600];

	wb_rng_init(&rng);
	random_distribution(&rng, p, MAXK, true);
	random_distribution(&rng, q, MAXK, false);
	memcpy(p0, p, sizeof p);
	memcpy(q0, q, sizeof q);
	if (two)
		student(p, q, MAXK);
	else
		entropy(p, MAXK);
	if (memcmp(p, p0, sizeof p) || memcmp(q, q0, sizeof q))
		wb_fail("modified its input arrays",
			describe(input, sizeof input, p0, two ? q0 : NULL, MAXK),
			"p and q are const inputs: compute into local variables");
}

/* ---- entropy ---------------------------------------------------------- */

WB_TEST(entropy, random_values, "matches the reference for random distributions")
{
	struct wb_rng rng;
	double p[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, round & 1);
		if (!check_h("wrong entropy", p, k, ref_entropy(p, k),
			     "H(p) = -sum p_i log p_i with the natural log "
			     "(nats), skipping p_i = 0 (" ENTROPY ")"))
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
	check_unchanged(NULL, false);
}

/* ---- cross_entropy ---------------------------------------------------- */

#define CROSS_HINT "H(p, q) = -sum p_i log q_i: p is the truth that weights, " \
	"q is the model inside the log (" CROSS ")"

WB_TEST(cross_entropy, random_values, "matches the reference for random distributions")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, round & 1);
		random_distribution(&rng, q, k, false);
		if (!check_pq(cross_entropy, "wrong cross-entropy", p, q, k,
			      ref_cross_entropy(p, q, k), CROSS_HINT))
			return;
	}
}

WB_TEST(cross_entropy, decomposition, "equals H(p) + KL(p || q), and H(p) when q = p")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 2 + wb_rng_index(&rng, MAXK - 1);

		random_distribution(&rng, p, k, true);
		random_distribution(&rng, q, k, false);
		if (!check_pq(cross_entropy, "cross-entropy is not H(p) + KL(p || q)",
			      p, q, k, ref_entropy(p, k) + ref_kl_divergence(p, q, k),
			      CROSS_HINT) ||
		    !check_pq(cross_entropy, "H(p, p) is not the entropy H(p)",
			      p, p, k, ref_entropy(p, k), CROSS_HINT))
			return;
	}
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
	check_unchanged(cross_entropy, true);
}

/* ---- kl_divergence ---------------------------------------------------- */

#define KL_HINT "KL(p || q) = sum p_i log(p_i / q_i): the truth p weights, " \
	"and the ratio is p over q (" KL ")"

WB_TEST(kl_divergence, random_values, "matches the reference for random distributions")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, round & 1);
		random_distribution(&rng, q, k, false);
		if (!check_pq(kl_divergence, "wrong KL divergence", p, q, k,
			      ref_kl_divergence(p, q, k), KL_HINT))
			return;
	}
}

WB_TEST(kl_divergence, decomposition, "equals H(p, q) - H(p)")
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 2 + wb_rng_index(&rng, MAXK - 1);

		random_distribution(&rng, p, k, true);
		random_distribution(&rng, q, k, false);
		if (!check_pq(kl_divergence, "KL(p || q) is not H(p, q) - H(p)", p, q, k,
			      ref_cross_entropy(p, q, k) - ref_entropy(p, k), KL_HINT))
			return;
	}
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

WB_TEST(kl_divergence, inputs_unchanged, "does not modify p or q")
{
	check_unchanged(kl_divergence, true);
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
