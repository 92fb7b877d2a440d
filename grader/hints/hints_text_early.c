/*
 * hints_text_early.c - hints for chapters 1 to 4 (sigmoid, BCE, gradient
 * checking, logistic regression).  Each list goes from the idea to the
 * place where the usual mistake hides; none holds the formula to copy.
 */
#include "hints_text.h"

const struct hints_entry hints_text_early[] = {
	/* ---- 01_sigmoid.c ------------------------------------------------ */
	{ "sigmoid", NULL, HINTS(
	  "sigmoid(z) is a probability: always in [0, 1], 1/2 at z = 0 - chapter 1, \"The logistic model\"",
	  "exp(-z) overflows to inf once -z passes about 709; find a form that only ever exponentiates a number <= 0 - chapter 1, \"Computing the sigmoid safely\"",
	  "Treat z >= 0 and z < 0 separately: each branch has a rewriting whose exp cannot overflow - chapter 1, \"Computing the sigmoid safely\"",
	  "In the left tail the answer is tiny but not 0; a form that subtracts from 1 there loses it - chapter 1, \"Saturation\"") },
	{ "sigmoid", "both_tails", HINTS(
	  "The tails are where a naive formula overflows or rounds to exactly 0 or 1 too early - chapter 1, \"Computing the sigmoid safely\"",
	  "Which exp in your formula gets a large positive argument for z = -100? Rewrite that branch so it does not - chapter 1, \"Computing the sigmoid safely\"") },
	{ "sigmoid", "subnormal_tail", HINTS(
	  "For z = -710 the true value is about 4.5e-309, a subnormal number: representable, so it should come out - chapter 1, \"Computing the sigmoid safely\"",
	  "Dividing 1 by 1 + exp(710) gives 0 because exp(710) is inf; for z < 0 choose the form built on exp(z), which stays finite - chapter 1, \"Computing the sigmoid safely\"") },
	{ "sigmoid", "huge_inputs", HINTS(
	  "At z = 1e6 or DBL_MAX the result must still be a number in [0, 1], never NaN - chapter 1, \"Computing the sigmoid safely\"",
	  "inf / inf is NaN: make sure no branch divides two overflowed exponentials - chapter 1, \"Computing the sigmoid safely\"") },
	{ "sigmoid", "symmetry", HINTS(
	  "sigmoid(-z) = 1 - sigmoid(z) holds exactly in math; your two branches must agree with each other - chapter 1, \"The logistic model\"") },

	{ "sigmoid_grad", NULL, HINTS(
	  "The derivative of the sigmoid is written with the sigmoid itself - chapter 1, \"The derivative of the sigmoid\"",
	  "It is largest (1/4) at z = 0 and even: sigmoid_grad(-z) = sigmoid_grad(z) - chapter 1, \"The derivative of the sigmoid\"",
	  "Tested relative to its size: at z = 40 the answer is about 4.2e-18, and 1 - sigmoid(40) is exactly 0 in doubles - chapter 1, \"Saturation\"",
	  "Write the factor that tends to 0 without subtracting from 1: 1 - sigmoid(z) = sigmoid(-z) gives it a form that stays accurate - chapter 1, \"Computing the sigmoid safely\"") },
	{ "sigmoid_grad", "right_tail", HINTS(
	  "1 - sigmoid(z) loses every digit for large z - chapter 1, \"Computing the sigmoid safely\"",
	  "By the sigmoid's symmetry, 1 - sigmoid(z) has a second form that needs no subtraction - chapter 1, \"Saturation\"") },
	{ "sigmoid_grad", "left_tail", HINTS(
	  "In the left tail sigmoid(z) itself is tiny; keep it as it is, and never form it as 1 minus something - chapter 1, \"Computing the sigmoid safely\"",
	  "Since the derivative is even, the left tail can reuse whatever made the right tail accurate - chapter 1, \"The derivative of the sigmoid\"") },
	{ "sigmoid_grad", "huge_inputs", HINTS(
	  "For z = 1e6 the answer is 0 (or a tiny number), never NaN: look for inf / inf or 0 * inf - chapter 1, \"Computing the sigmoid safely\"") },

	/* ---- 02_bce.c --------------------------------------------------- */
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

	/* ---- 03_gradcheck.c ---------------------------------------------- */
	{ "numerical_gradient", NULL, HINTS(
	  "Estimate each partial derivative by nudging one x_i and watching f change - chapter 3, \"Gradient checking\"",
	  "Nudge both ways, by +h and -h: the error of a one-sided difference is much larger - chapter 3, \"Gradient checking\"",
	  "One fixed h cannot suit x_i = 1e-8 and x_i = 1e8 alike: scale it with the size of x_i - chapter 3, \"Choosing the step\"",
	  "x must come back bitwise as it was: save x_i and put the saved value back, do not subtract h again - chapter 3, \"Gradient checking\"") },
	{ "numerical_gradient", "central_difference", HINTS(
	  "Near a minimum a forward difference is off by about h times the curvature; a central one is not - chapter 3, \"Gradient checking\"") },
	{ "numerical_gradient", "scaled_step", HINTS(
	  "With x_i = 1e8, x_i + 1e-6 rounds back to x_i: the difference is 0 - chapter 3, \"Choosing the step\"",
	  "Make the step proportional to max(|x_i|, 1), with the factor the chapter derives from the rounding error - chapter 3, \"Choosing the step\"") },
	{ "numerical_gradient", "restores_x", HINTS(
	  "(x + h) - h is not always x in floating point - chapter 3, \"Choosing the step\"",
	  "Keep the original x_i in a local variable and assign it back after both evaluations - chapter 3, \"Gradient checking\"") },

	{ "relative_error", NULL, HINTS(
	  "The error of each entry is relative to the entry's size, so 1e-6 means the same thing at every scale - chapter 3, \"Relative error\"",
	  "The result is the worst entry, a maximum over i - chapter 3, \"Relative error\"",
	  "The denominator has a floor so that two zeros give 0, not 0/0 - chapter 3, \"Relative error\"") },
	{ "relative_error", "maximum", HINTS(
	  "A mean hides one bad entry among many good ones; the contract asks for the largest - chapter 3, \"Relative error\"") },
	{ "relative_error", "zeros", HINTS(
	  "0 / 0 is NaN; the floor DBL_MIN in the denominator is there so that equal zeros give 0 - chapter 3, \"Relative error\"") },
	{ "relative_error", "tiny_values", HINTS(
	  "For subnormal inputs the floor DBL_MIN decides: use exactly max(|a_i| + |b_i|, DBL_MIN) - chapter 3, \"Relative error\"") },

	/* ---- 04_logreg.c ------------------------------------------------- */
	{ "logreg_loss_grad", NULL, HINTS(
	  "Each sample's logit is w . x_i + b, and the loss is the mean BCE on those logits - chapter 4, \"The model and its loss\"",
	  "The gradient of the loss with respect to the logit is prediction minus truth; the chain rule gives w and b from there - chapter 4, \"The gradients\"",
	  "grad_w needs the feature x_ij, grad_b does not; both carry the 1/n of the mean - chapter 4, \"The gradients\"",
	  "Start the sums at 0 and write grad_w only after (or while) summing over every sample - chapter 4, \"The gradients\"") },
	{ "logreg_loss_grad", "gradients", HINTS(
	  "Compare your gradient with a numerical one, as chapter 3 taught: a factor or a sign will stand out - chapter 3, \"Gradient checking\"",
	  "Is grad_w zeroed before you add to it, and divided by n exactly once? - chapter 4, \"The gradients\"") },
	{ "logreg_loss_grad", "huge_logits", HINTS(
	  "Logits near 1000 need the stable loss on logits from exercise 02, copied in as a static helper - chapter 2, \"The loss on logits\"") },

	{ "logreg_fit", NULL, HINTS(
	  "Each step moves every parameter against its gradient, by lr times it - chapter 4, \"Gradient descent\"",
	  "Start from the w and *b you are given, not from zero - chapter 4, \"Gradient descent\"",
	  "Compute the whole gradient first, then update: w and b from the same gradient - chapter 4, \"Gradient descent\"") },
	{ "logreg_fit", "simultaneous_update", HINTS(
	  "If b is updated with a gradient computed after w changed, the step is not gradient descent - chapter 4, \"Gradient descent\"",
	  "Keep the gradient in its own arrays, then apply it to all parameters at once - chapter 4, \"Gradient descent\"") },
	{ "logreg_fit", "zero_steps", HINTS(
	  "steps = 0 means no update at all: w and *b come back unchanged - chapter 4, \"Gradient descent\"") },
	{ NULL, NULL, NULL },
};
