/*
 * 05_mse.c - the hints for 05_mse.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(05_mse) = {
	{ "mse_sigmoid_loss", NULL, HINTS(
	  "The squared distance between the predicted probability and the label, averaged over samples - chapter 5, \"The MSE gradient vanishes\"",
	  "No 1/2 factor in this contract, and the mean, not the sum - chapter 5, \"The MSE gradient vanishes\"",
	  "Each sample costs at most 1, however wrong the logit: compute the probability safely and the bound follows - chapter 5, \"Bounded versus unbounded\"") },
	{ "mse_sigmoid_loss", "bounded", HINTS(
	  "At z = 1e6 the probability is 0 or 1, so the loss is at most 1; NaN means the sigmoid overflowed - chapter 1, \"Computing the sigmoid safely\"") },

	{ "mse_sigmoid_grad", NULL, HINTS(
	  "Differentiate (sigma(z) - y)^2 with respect to z: the outer function is the square, the inner one the sigmoid, whose derivative comes in - chapter 5, \"The MSE gradient vanishes\"",
	  "Compare with BCE's gradient: here a factor remains that goes to 0 when the sigmoid saturates - chapter 5, \"The MSE gradient vanishes\"",
	  "Don't forget the 2 from the square and the 1/n from the mean - chapter 5, \"The MSE gradient vanishes\"") },
	{ "mse_sigmoid_grad", "saturated", HINTS(
	  "For huge logits the gradient is tiny but finite; NaN or inf means an exp overflowed in the sigmoid or its derivative - chapter 1, \"Computing the sigmoid safely\"",
	  "The saturated start is exactly where this gradient dies out; make it die out without NaN - chapter 5, \"Training from a saturated start\"") },

	{ "mse_sigmoid_grad", "tails", HINTS(
	  "In the tail s rounds to exactly 1, so s (1 - s) and s - 1 are 0 although the true values are tiny; the exercise gives a form for each that never subtracts from 1 - chapter 5, \"Exercise\"") },

	{ "mse_sigmoid_curvature", NULL, HINTS(
	  "This is the derivative of the gradient you wrote in mse_sigmoid_grad (for one sample, without 1/n) - chapter 5, \"MSE is not convex in the logit\"",
	  "Differentiate the product 2 (s - y) s' term by term, and write s'' in terms of s as well - chapter 1, \"The derivative of the sigmoid\"",
	  "Check your formula against finite differences of the gradient before trusting it - chapter 3, \"Gradient checking\"") },
	{ "mse_sigmoid_curvature", "sign_pattern", HINTS(
	  "The curvature turns negative on the wrong side of the decision: for y = 1 below z = -log 2 - chapter 5, \"MSE is not convex in the logit\"",
	  "If the sign is off everywhere, look at the derivative of s' (the second derivative of the sigmoid) - chapter 1, \"The derivative of the sigmoid\"") },
	{ "mse_sigmoid_curvature", "saturated", HINTS(
	  "For z = 1e6 every term tends to 0; compute s and 1 - s safely so no inf * 0 appears - chapter 1, \"Computing the sigmoid safely\"") },
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(05_mse) = {
	{ "sigma' as `p (1 - p)` in the MSE gradient: 0 once p rounds to 1",
	  5, "Exercise", "rounds to 1",
	  "mse_sigmoid_grad", "tails" },
	{ "sigma(z) - y as `s - y` for a label 1: collapses to 0",
	  5, "Exercise", "does not collapse to 0",
	  "mse_sigmoid_grad", "tails" },
	{ "sigma' as `e^-z / (1 + e^-z)^2`: overflows for large negative z",
	  5, "Exercise", "overflows",
	  "mse_sigmoid_grad", "saturated" },
	{ "specialising the curvature to y in {0, 1}",
	  5, "Exercise", "do not specialise",
	  "mse_sigmoid_curvature", "soft_labels" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
