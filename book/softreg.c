/*
 * softreg.c - the logits and the prediction of a softmax-regression
 * model, for chapter 9's tables and plots (its loss, gradient and training
 * are exercise 09's reference, solutions/09_softmax_regression.c).
 */
#include <math.h>
#include <string.h>

#include "softreg.h"

void softreg_logits(const double *X, size_t n, size_t d, size_t k,
		    const double *W, const double *b, double *Z)
{
	for (size_t i = 0; i < n; i++) {
		double *z = Z + i * k;

		memcpy(z, b, k * sizeof(*z));
		for (size_t j = 0; j < d; j++)
			for (size_t c = 0; c < k; c++)
				z[c] += X[i * d + j] * W[j * k + c];
	}
}

size_t softreg_predict(const double *x, size_t d, size_t k, const double *W,
		       const double *b)
{
	size_t best = 0;
	double best_z = -INFINITY;

	for (size_t c = 0; c < k; c++) {
		double z = b[c];

		for (size_t j = 0; j < d; j++)
			z += x[j] * W[j * k + c];
		if (z > best_z) {
			best_z = z;
			best = c;
		}
	}
	return best;
}
