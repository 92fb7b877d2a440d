/*
 * 07_softmax.c - the hints for 07_softmax.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(07_softmax) = {
	{ "softmax", NULL, HINTS(
	  "Softmax exponentiates and normalises so the outputs are positive and sum to 1 - chapter 7, \"Softmax\"",
	  "exp(1000) is inf; softmax does not change when you add the same constant to every logit - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "Choose the constant so the largest exponent is exp(0) - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "softmax", "large_logits", HINTS(
	  "Logits of 1000 overflow exp; shift them first - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "softmax", "huge_logits", HINTS(
	  "With 1e6 and -1e6 in one row, only the shift by the maximum keeps every exponent <= 0 - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "log_sum_exp", NULL, HINTS(
	  "log(sum exp z_i) overflows inside for z of 1000 although the answer is about 1000 - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "Factor exp(m) out of the sum, for a well chosen m, and take its log outside - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "The maximum is the m that makes every remaining exponent <= 0 - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "log_sum_exp", "two_thousands", HINTS(
	  "For (1000, 1000) the answer is 1000 + log 2, and for (-1000, -1000) it is -1000 + log 2: both need the shift, the second against underflow - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "log_softmax", NULL, HINTS(
	  "log softmax(z)_i is z_i minus the log of the normaliser - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "Taking log of softmax's output loses everything where softmax underflows to 0 - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "You need a stable log-sum-exp here; this file may define helpers as static - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "log_softmax", "underflow", HINTS(
	  "For (0, -1000) the answer is (0, -1000) up to a tiny term; log(exp(-1000)) would give -inf - chapter 7, \"Why softmax and cross-entropy are fused\"") },

	{ "softmax_cross_entropy", NULL, HINTS(
	  "With a one-hot label, the cross-entropy of a row is minus the log-probability of its true class - chapter 7, \"One-hot labels\"",
	  "Compute that log-probability directly from the logits, not through softmax then log - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "The gradient per row is softmax minus the one-hot vector, divided by n for the mean - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_cross_entropy", "null_grad", HINTS(
	  "grad may be NULL: then compute only the loss and write nothing at all - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_cross_entropy", "huge_logits", HINTS(
	  "With logits of 1e6, both the loss and the gradient need the max-shift - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(07_softmax) = {
	{ "exp of logits without subtracting the maximum",
	  7, "Overflow and the log-sum-exp trick", "subtract",
	  "softmax", "large_logits" },
	{ "log of a softmax output",
	  7, "Overflow and the log-sum-exp trick", "never compute the log",
	  "log_softmax", "underflow" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
