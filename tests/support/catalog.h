/*
 * catalog.h - the exercise files and their functions, as the tests know
 * them (from ../shared/curriculum.md), to check the grader independently.
 */
#ifndef TESTS_CATALOG_H
#define TESTS_CATALOG_H

#include <stddef.h>
#include <string.h>

static const struct test_exercise {
	const char *file;
	const char *functions[5];
} test_exercises[] = {
	{ "01_sigmoid.c", { "sigmoid", "sigmoid_grad" } },
	{ "02_bce.c", { "bce_loss", "bce_with_logits", "bce_with_logits_grad" } },
	{ "03_gradcheck.c", { "numerical_gradient", "relative_error" } },
	{ "04_logreg.c", { "logreg_loss_grad", "logreg_fit" } },
	{ "05_mse.c", { "mse_sigmoid_loss", "mse_sigmoid_grad",
			"mse_sigmoid_curvature" } },
	{ "06_information.c", { "entropy", "cross_entropy", "kl_divergence" } },
	{ "07_softmax.c", { "softmax", "log_sum_exp", "log_softmax",
			    "softmax_cross_entropy" } },
	{ "08_variants.c", { "smoothed_cross_entropy", "focal_loss" } },
	{ "09_softmax_regression.c", { "softmax_regression_loss_grad",
				       "softmax_regression_fit" } },
};

#define TEST_EXERCISE_COUNT \
	(sizeof test_exercises / sizeof test_exercises[0])

/* The file defining a function, or NULL. */
static inline const char *test_file_of(const char *function)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		for (size_t f = 0; test_exercises[i].functions[f]; f++)
			if (!strcmp(test_exercises[i].functions[f], function))
				return test_exercises[i].file;
	return NULL;
}

#endif /* TESTS_CATALOG_H */
