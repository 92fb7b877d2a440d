/*
 * catalog.c - the curriculum tables (../shared/curriculum.md and
 * docs/design.md): files, functions, chapters and the sections that teach
 * each function.
 */
#include "catalog.h"

#include <string.h>

static const struct catalog_exercise exercises[] = {
	{ "01_sigmoid", "01_sigmoid.c", 1, "Probabilities and the sigmoid",
	  { "sigmoid", "sigmoid_grad", NULL } },
	{ "02_bce", "02_bce.c", 2,
	  "Binary cross-entropy from maximum likelihood",
	  { "bce_loss", "bce_with_logits", "bce_with_logits_grad", NULL } },
	{ "03_gradcheck", "03_gradcheck.c", 3,
	  "The gradient is prediction minus truth",
	  { "numerical_gradient", "relative_error", NULL } },
	{ "04_logreg", "04_logreg.c", 4,
	  "Logistic regression by gradient descent",
	  { "logreg_loss_grad", "logreg_fit", NULL } },
	{ "05_mse", "05_mse.c", 5, "Why not mean squared error",
	  { "mse_sigmoid_loss", "mse_sigmoid_grad", "mse_sigmoid_curvature",
	    NULL } },
	{ "06_information", "06_information.c", 6,
	  "Entropy, cross-entropy and KL divergence",
	  { "entropy", "cross_entropy", "kl_divergence", NULL } },
	{ "07_softmax", "07_softmax.c", 7,
	  "Softmax and categorical cross-entropy",
	  { "softmax", "log_sum_exp", "log_softmax", "softmax_cross_entropy",
	    NULL } },
	{ "08_variants", "08_variants.c", 8, "Label smoothing and focal loss",
	  { "smoothed_cross_entropy", "focal_loss", NULL } },
	{ "09_softmax_regression", "09_softmax_regression.c", 9,
	  "Softmax regression",
	  { "softmax_regression_loss_grad", "softmax_regression_fit", NULL } },
};

static const struct catalog_function functions[] = {
	{ "sigmoid", 1, "Computing the sigmoid safely" },
	{ "sigmoid_grad", 1, "The derivative of the sigmoid" },
	{ "bce_loss", 2, "The loss in numbers" },
	{ "bce_with_logits", 2, "The loss on logits" },
	{ "bce_with_logits_grad", 3, "The chain rule, step by step" },
	{ "numerical_gradient", 3, "Choosing the step" },
	{ "relative_error", 3, "Relative error" },
	{ "logreg_loss_grad", 4, "The gradients" },
	{ "logreg_fit", 4, "Gradient descent" },
	{ "mse_sigmoid_loss", 5, "The MSE gradient vanishes" },
	{ "mse_sigmoid_grad", 5, "The MSE gradient vanishes" },
	{ "mse_sigmoid_curvature", 5, "MSE is not convex in the logit" },
	{ "entropy", 6, "Entropy" },
	{ "cross_entropy", 6, "Cross-entropy" },
	{ "kl_divergence", 6, "KL divergence and the decomposition" },
	{ "softmax", 7, "Overflow and the log-sum-exp trick" },
	{ "log_sum_exp", 7, "Overflow and the log-sum-exp trick" },
	{ "log_softmax", 7, "Why softmax and cross-entropy are fused" },
	{ "softmax_cross_entropy", 7, "The gradient: softmax minus one-hot" },
	{ "smoothed_cross_entropy", 8, "Label smoothing" },
	{ "focal_loss", 8, "Focal loss" },
	{ "softmax_regression_loss_grad", 9, "The gradient, step by step" },
	{ "softmax_regression_fit", 9, "A training run" },
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

_Static_assert(COUNT(exercises) == CATALOG_EXERCISES,
	       "CATALOG_EXERCISES must be the number of exercise files");

size_t catalog_count(void)
{
	return COUNT(exercises);
}

const struct catalog_exercise *catalog_exercise_at(size_t index)
{
	return index < COUNT(exercises) ? &exercises[index] : NULL;
}

const struct catalog_exercise *catalog_exercise_of(const char *function)
{
	for (size_t i = 0; i < COUNT(exercises); i++)
		for (const char *const *f = exercises[i].functions; *f; f++)
			if (!strcmp(*f, function))
				return &exercises[i];
	return NULL;
}

const struct catalog_function *catalog_find_function(const char *name)
{
	for (size_t i = 0; i < COUNT(functions); i++)
		if (!strcmp(functions[i].name, name))
			return &functions[i];
	return NULL;
}

const char *catalog_chapter_title(int chapter)
{
	for (size_t i = 0; i < COUNT(exercises); i++)
		if (exercises[i].chapter == chapter)
			return exercises[i].title;
	return "";
}
