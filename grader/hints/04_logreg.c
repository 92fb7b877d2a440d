/*
 * 04_logreg.c - the hints for 04_logreg.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(04_logreg) = {
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

HINTS_TRAPS(04_logreg) = {
	{ "forming p_i and then taking its log in logistic regression",
	  4, "The model and its loss", "Never form",
	  "logreg_loss_grad", "huge_logits" },
	{ "updating b with a gradient computed after w moved",
	  4, "Exercise", "simultaneously",
	  "logreg_fit", "simultaneous_update" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
