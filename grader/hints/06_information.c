/*
 * 06_information.c - the hints for 06_information.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(06_information) = {
	{ "entropy", NULL, HINTS(
	  "Entropy is the expected surprise -log p_i, weighted by p_i - chapter 6, \"Entropy\"",
	  "A fair coin has entropy log 2 and a certain outcome has 0: check both by hand - chapter 6, \"Entropy\"",
	  "Outcomes with p_i = 0 contribute nothing: 0 log 0 is 0 by convention, not NaN - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "entropy", "zeros", HINTS(
	  "0 * log(0) is 0 * -inf = NaN in C; skip terms with p_i = 0 - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },

	{ "cross_entropy", NULL, HINTS(
	  "Cross-entropy weights the surprise under q by the probabilities p - chapter 6, \"Cross-entropy\"",
	  "It equals the entropy of p plus the KL divergence; with q = p it is the entropy - chapter 6, \"KL divergence and the decomposition\"",
	  "Terms with p_i = 0 vanish; a p_i > 0 with q_i = 0 makes it +inf - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "cross_entropy", "impossible_outcome", HINTS(
	  "An outcome that happens (p_i > 0) but was given probability 0 costs infinitely much; p_i = q_i = 0 costs nothing - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "cross_entropy", "tiny_probabilities", HINTS(
	  "q_i = 1e-300 is a valid probability; an epsilon or a clip changes its log - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },

	{ "kl_divergence", NULL, HINTS(
	  "KL measures the extra surprise of using q when the truth is p - chapter 6, \"KL divergence and the decomposition\"",
	  "It is never negative and is 0 exactly when q = p - chapter 6, \"Gibbs' inequality\"",
	  "The same conventions as cross-entropy: p_i = 0 terms vanish, p_i > 0 with q_i = 0 gives +inf - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "kl_divergence", "asymmetry", HINTS(
	  "KL(p || q) and KL(q || p) differ: which argument weights the sum? - chapter 6, \"Asymmetry\"",
	  "With p = (1, 0), the zero of p kills its term; with q = (1, 0) as second argument, a positive p_i meets q_i = 0 - chapter 6, \"Asymmetry\"") },
	{ "kl_divergence", "tiny_q", HINTS(
	  "p_i / q_i overflows to inf once q_i is tiny (1e-310 is a subnormal number), although the log of the ratio is about 713: take the difference of the logs - chapter 6, \"Exercise\"") },
	{ "kl_divergence", "gibbs", HINTS(
	  "For q = p the result must be exactly 0: computing log p_i - log q_i of equal numbers gives exactly 0 - chapter 6, \"Gibbs' inequality\"") },
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(06_information) = {
	{ "`p * log(p)` for p = 0 is NaN",
	  6, "Entropy", "never happens",
	  "entropy", "zeros" },
	{ "`log(p / q)`: the ratio overflows for a tiny q (p = 0.5, q = 1e-310)",
	  6, "Exercise", "overflow",
	  "kl_divergence", "tiny_q" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
