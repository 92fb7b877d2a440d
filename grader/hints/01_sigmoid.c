/*
 * 01_sigmoid.c - the hints for 01_sigmoid.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(01_sigmoid) = {
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
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(01_sigmoid) = {
	{ "`1 / (1 + exp(-z))` for z < 0: 0 instead of the subnormal sigmoid(-710)",
	  1, "Computing the sigmoid safely", "subnormal",
	  "sigmoid", "subnormal_tail" },
	{ "`exp(z) / (1 + exp(z))` for large z: inf / inf is NaN",
	  1, "Computing the sigmoid safely", "NaN",
	  "sigmoid", "huge_inputs" },
	{ "clamping z instead of branching on its sign",
	  1, "Computing the sigmoid safely", "Clamping",
	  "sigmoid", "both_tails" },
	{ "`s * (1 - s)` for the sigmoid's derivative: 0 once s rounds to 1",
	  1, "Computing the sigmoid safely", "cancellation",
	  "sigmoid_grad", "right_tail" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
