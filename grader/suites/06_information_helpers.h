/*
 * 06_information_helpers.h - what the two parts of suite 06_information
 * share (06_information.c: entropy and cross_entropy; 06_information_kl.c:
 * kl_divergence): sizes, the tolerance, chapter sections, random
 * distributions, how an input is described, the checkers and the rounds
 * of the random and decomposition tests.
 */
#ifndef WB_SUITE_INFORMATION_HELPERS_H
#define WB_SUITE_INFORMATION_HELPERS_H

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
#define EXERCISE "chapter 6, \"Exercise\""

typedef double pq_fn(const double *p, const double *q, size_t k);

static inline const char *describe(char *buf, size_t size,
				   const double *p, const double *q, size_t k)
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
static inline void random_distribution(struct wb_rng *rng, double *p,
				       size_t k, bool zeros)
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

#define HINT_NATS "use log(), the natural log: every quantity of the " \
	"chapter is in nats (" ENTROPY ")"

/*
 * The mistakes the values show for entropy (q NULL), cross_entropy and
 * kl_divergence: another log, a sign, p and q swapped (the judge's own
 * value of the function with its arguments swapped, in *swapped).
 */
static inline struct wb_diagnosis information_diagnosis(
	pq_fn *student, const double *p, const double *q, size_t k,
	double *swapped, struct wb_mistake *mistake)
{
	struct wb_diagnosis d = {
		.slip_hint = { [WB_LOG10] = HINT_NATS, [WB_LOG2] = HINT_NATS,
			       [WB_SIGN] = student == kl_divergence ?
			       "KL(p || q) = sum p_i log(p_i / q_i): the truth "
			       "p on top inside the log (" KL ")" :
			       "each term is -p_i log q_i: the minus sign makes "
			       "the value >= 0 (" ENTROPY ")" },
		.nan = { "returned NaN: 0 * log 0 (a zero weight times -inf)",
			 "a term whose p_i is 0 adds exactly 0 (0 log 0 = 0): "
			 "skip it (" ENTROPY ")" },
	};

	if (q) {
		*swapped = student == kl_divergence ?
			   ref_kl_divergence(q, p, k) :
			   ref_cross_entropy(q, p, k);
		mistake->advice = (struct wb_advice){
			"p and q swapped: the first argument is the truth p",
			"the truth p weights the terms and q is inside the log: "
			"H(p, q) = -sum p_i log q_i (" ASYM ")" };
		mistake->value = swapped;
		d.mistakes = mistake;
		d.mistake_count = 1;
	}
	return d;
}

static inline bool check_pq(pq_fn *student, const char *what,
			    const double *p, const double *q, size_t k,
			    double want, const char *hint)
{
	char input[600];
	double swapped;
	struct wb_mistake mistake;
	struct wb_diagnosis d = information_diagnosis(student, p, q, k,
						      &swapped, &mistake);

	return wb_check_value_diagnosed(&d, what,
					describe(input, sizeof input, p, q, k),
					want, student(p, q, k), TOL, hint);
}

/*
 * The random-values test of a function of two distributions: 30 random
 * (p, q) of 1 to MAXK outcomes, p with zeros every other round, against
 * the reference; stops at the first wrong value.
 */
static inline void check_random_pq(pq_fn *student, pq_fn *ref,
				   const char *what, const char *hint)
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 30; round++) {
		size_t k = 1 + wb_rng_index(&rng, MAXK);

		random_distribution(&rng, p, k, round & 1);
		random_distribution(&rng, q, k, false);
		if (!check_pq(student, what, p, q, k, ref(p, q, k), hint))
			return;
	}
}

/* A check of one (p, q) of k outcomes: false once it recorded a failure. */
typedef bool pq_round_check(const double *p, const double *q, size_t k);

/*
 * The decomposition tests of H(p, q) = H(p) + KL(p || q): 20 random
 * (p, q) of 2 to MAXK outcomes, p with zeros, each checked by check until
 * the first failure.
 */
static inline void check_decomposition(pq_round_check *check)
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t k = 2 + wb_rng_index(&rng, MAXK - 1);

		random_distribution(&rng, p, k, true);
		random_distribution(&rng, q, k, false);
		if (!check(p, q, k))
			return;
	}
}

/*
 * Runs the student's function on copies and checks that the inputs survive
 * and that the value is right (a function that ignores its inputs keeps
 * them too): `what` and `hint` are those of the function's random values;
 * two is false for entropy (q unused).
 */
static inline void check_unchanged(pq_fn *student, pq_fn *ref, bool two,
				   const char *what, const char *hint)
{
	struct wb_rng rng;
	double p[MAXK], q[MAXK], p0[MAXK], q0[MAXK], got;
	char input[600];

	wb_rng_init(&rng);
	random_distribution(&rng, p, MAXK, true);
	random_distribution(&rng, q, MAXK, false);
	memcpy(p0, p, sizeof p);
	memcpy(q0, q, sizeof q);
	got = student(p, q, MAXK);
	describe(input, sizeof input, p0, two ? q0 : NULL, MAXK);
	if (memcmp(p, p0, sizeof p) || memcmp(q, q0, sizeof q))
		wb_fail("modified its input arrays", input,
			"p and q are const inputs: compute into local variables");
	else {
		double swapped;
		struct wb_mistake mistake;
		struct wb_diagnosis d = information_diagnosis(
			student, p0, two ? q0 : NULL, MAXK, &swapped, &mistake);

		wb_check_value_diagnosed(&d, what, input, ref(p0, q0, MAXK),
					 got, TOL, hint);
	}
}

#endif /* WB_SUITE_INFORMATION_HELPERS_H */
