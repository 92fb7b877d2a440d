/*
 * 02_bce.c - the hints for 02_bce.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(02_bce) = {
	{ "bce_loss", NULL, HINTS(
	  "One formula covers both labels: y weights log p, 1 - y weights log(1 - p) - chapter 2, \"One formula for both labels\"",
	  "The loss is the mean over the n samples, not the sum, and it is positive: mind the minus sign - chapter 2, \"From likelihood to loss\"",
	  "Check your numbers against the worked example before anything else - chapter 2, \"A three-sample example\"",
	  "No clipping, no epsilon: the contract wants the exact loss, with its conventions for 0 and 1 - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "bce_loss", "confident_right", HINTS(
	  "With y = 1 and p = 1 the term (1 - y) log(1 - p) is 0 times log 0; in math it is 0, in C it is NaN - chapter 2, \"Exact conventions: 0 log 0 and infinity\"",
	  "Skip a term whose weight is exactly 0 rather than computing 0 * -inf - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "bce_loss", "certain_wrong", HINTS(
	  "A label of 1 with p = 0 is impossible under the model: the honest loss is +inf, not a large finite number - chapter 2, \"Exact conventions: 0 log 0 and infinity\"",
	  "An epsilon or a clip hides that +inf; leave log(0) = -inf alone where its weight is positive - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "bce_loss", "ordinary_inputs", HINTS(
	  "Soft labels (y = 0.3) are allowed: both terms count, each with its own weight - chapter 2, \"One formula for both labels\"",
	  "Compare with the example's values: is your result a mean, and positive? - chapter 2, \"A three-sample example\"") },

	{ "bce_with_logits", NULL, HINTS(
	  "This is bce_loss of sigmoid(z), but computed from z so nothing overflows or rounds away - chapter 2, \"The loss on logits\"",
	  "Write -log sigmoid(z) and -log(1 - sigmoid(z)) in terms of z, then simplify: the logs and exps partly cancel - chapter 2, \"The loss on logits\"",
	  "You will need log(1 + exp(t)) for large and for very negative t; log1p and a split on the sign keep it exact - chapter 2, \"The loss on logits\"",
	  "This file may not call sigmoid from 01_sigmoid.c: copy what you need in as a static helper - chapter 1, \"Computing the sigmoid safely\"") },
	{ "bce_with_logits", "huge_logits", HINTS(
	  "exp(745) is inf: any exp of a large positive number in your formula breaks for |z| = 745 - chapter 2, \"The loss on logits\"",
	  "Split log(1 + exp(t)) into max(t, 0) plus a log1p of something that is at most 1 - chapter 2, \"The loss on logits\"") },
	{ "bce_with_logits", "tiny_losses", HINTS(
	  "For y = 1 and z = 40 the loss is about 4.2e-18; going through p = sigmoid(z) rounds p to 1 and the loss to 0 - chapter 2, \"The loss on logits\"",
	  "log(1 + x) loses tiny x; the C library has a function for exactly this case - chapter 2, \"The loss on logits\"") },

	{ "bce_with_logits_grad", NULL, HINTS(
	  "Differentiate the loss on logits with the chain rule: the sigmoid's derivative cancels a factor - chapter 3, \"The chain rule, step by step\"",
	  "The result reads as prediction minus truth - chapter 3, \"Reading the gradient\"",
	  "The loss is a mean, so each gradient entry carries the 1/n - chapter 3, \"The chain rule, step by step\"") },
	{ "bce_with_logits_grad", "huge_logits", HINTS(
	  "The gradient is bounded by 1/n for every z; if you get NaN or inf, the sigmoid inside overflowed - chapter 1, \"Computing the sigmoid safely\"") },
	{ "bce_with_logits_grad", "ordinary_inputs", HINTS(
	  "Check the sign (prediction minus truth, not the reverse) and the 1/n - chapter 3, \"Reading the gradient\"") },
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(02_bce) = {
	{ "`0 * log(0)` is NaN, not 0",
	  2, "Exact conventions: 0 log 0 and infinity", "NaN",
	  "bce_loss", "confident_right" },
	{ "clipping p (or an epsilon) hides the +inf loss",
	  2, "Exact conventions: 0 log 0 and infinity", "clip",
	  "bce_loss", "certain_wrong" },
	{ "the log of a rounded probability on logits",
	  2, "The loss on logits", "log1p",
	  "bce_with_logits", "tiny_losses" },
	{ "`exp` of a large positive logit in the loss on logits",
	  2, "The loss on logits", "overflow",
	  "bce_with_logits", "huge_logits" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
