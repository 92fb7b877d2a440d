/*
 * 03_gradcheck.c - the hints for 03_gradcheck.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(03_gradcheck) = {
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
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(03_gradcheck) = {
	{ "a forward difference instead of a central one",
	  3, "Gradient checking", "central",
	  "numerical_gradient", "central_difference" },
	{ "one fixed step h for every x_i",
	  3, "Choosing the step", "scale",
	  "numerical_gradient", "scaled_step" },
	{ "restoring x by subtracting h again",
	  3, "Exercise", "bitwise",
	  "numerical_gradient", "restores_x" },
	{ "relative error without the DBL_MIN floor (0/0, subnormal components)",
	  3, "Relative error", "subnormal",
	  "relative_error", "tiny_values" },
	{ "the mean instead of the maximum of the component errors",
	  3, "Relative error", "maximum",
	  "relative_error", "maximum" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
