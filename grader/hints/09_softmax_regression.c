/*
 * 09_softmax_regression.c - the hints for 09_softmax_regression.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(09_softmax_regression) = {
	{ "softmax_regression_loss_grad", NULL, HINTS(
	  "Each sample gets k logits, z_ic = sum_j x_ij W[j*k + c] + b_c, and the loss is chapter 7's mean cross-entropy on them - chapter 9, \"The model\"",
	  "The gradient with respect to the logits is (P - Y) / n; the chain rule through z = x W + b gives W and b from there - chapter 9, \"The gradient, step by step\"",
	  "grad_W[j*k + c] sums x_ij (p_ic - y_ic) over the samples, grad_b[c] sums p_ic - y_ic; both carry the 1/n of the mean - chapter 9, \"The gradient, step by step\"",
	  "Zero both gradients before adding to them, and subtract the one-hot only at each row's true class - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_regression_loss_grad", "gradients", HINTS(
	  "Compare your gradient with a numerical one, as chapter 3 taught: a factor, a sign or a missing term at the true class will stand out - chapter 3, \"Gradient checking\"",
	  "Each row of P - Y sums to 0, so each row of grad_W and grad_b sums to 0 across the classes: check yours - chapter 9, \"The gradient, step by step\"") },
	{ "softmax_regression_loss_grad", "huge_logits", HINTS(
	  "Subtract each row's largest logit before exponentiating, and take the loss as log-sum-exp minus the true logit, never log of a softmax - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "softmax_regression_fit", NULL, HINTS(
	  "Each step moves every entry of W and b against its gradient, by lr times it - chapter 9, \"A training run\"",
	  "Start from the W and b you are given, not from zero - chapter 9, \"A training run\"",
	  "Compute grad_W and grad_b first (in their own buffers), then update: W and b from the same gradient - chapter 4, \"Gradient descent\"") },
	{ "softmax_regression_fit", "simultaneous_update", HINTS(
	  "If b is updated with a gradient computed after W changed, the step is not gradient descent - chapter 4, \"Gradient descent\"") },
	{ "softmax_regression_fit", "zero_steps", HINTS(
	  "steps = 0 means no update at all; steps = 1 means exactly one - chapter 9, \"A training run\"") },
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(09_softmax_regression) = {
	{ "log of a softmax output in softmax regression",
	  9, "Exercise", "Never take the log",
	  "softmax_regression_loss_grad", "huge_logits" },
	{ "updating b with a gradient computed after W moved",
	  9, "Exercise", "before either parameter moves",
	  "softmax_regression_fit", "simultaneous_update" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
