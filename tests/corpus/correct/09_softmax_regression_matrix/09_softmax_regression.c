/*
 * 09_softmax_regression.c - correct, written as matrices: the whole logit
 * matrix Z = X W + b first, then R = softmax(Z) - Y row by row with
 * m + log(sum e^(z - m)) for the log-sum-exp and p_y - 1 taken directly,
 * then grad_W = X^T R / n with the feature loop outside.  The fit keeps
 * grad_W and grad_b in two separate buffers.
 */
#include <math.h>
#include <stdlib.h>

#include "workbook.h"

double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b)
{
	double *R = malloc(n * k * sizeof *R), loss = 0.0;

	if (!R)
		return NAN;
	for (size_t i = 0; i < n; i++) {
		double *r = R + i * k, m = -INFINITY, sum = 0.0;

		for (size_t c = 0; c < k; c++) {
			r[c] = b[c];
			for (size_t j = 0; j < d; j++)
				r[c] += X[i * d + j] * W[j * k + c];
			m = fmax(m, r[c]);
		}
		for (size_t c = 0; c < k; c++)
			sum += exp(r[c] - m);
		loss += m + log(sum) - r[labels[i]];
		for (size_t c = 0; c < k; c++)
			r[c] = exp(r[c] - m) / sum;
		r[labels[i]] -= 1.0;
	}
	for (size_t j = 0; j < d; j++)
		for (size_t c = 0; c < k; c++) {
			double g = 0.0;

			for (size_t i = 0; i < n; i++)
				g += X[i * d + j] * R[i * k + c];
			grad_W[j * k + c] = g / (double)n;
		}
	for (size_t c = 0; c < k; c++) {
		double g = 0.0;

		for (size_t i = 0; i < n; i++)
			g += R[i * k + c];
		grad_b[c] = g / (double)n;
	}
	free(R);
	return loss / (double)n;
}

void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b)
{
	double *gW = malloc((d * k + 1) * sizeof *gW);
	double *gb = malloc((k + 1) * sizeof *gb);

	if (gW && gb)
		for (size_t t = 0; t < steps; t++) {
			softmax_regression_loss_grad(X, labels, n, d, k, W, b,
						     gW, gb);
			for (size_t i = 0; i < d * k; i++)
				W[i] -= lr * gW[i];
			for (size_t c = 0; c < k; c++)
				b[c] -= lr * gb[c];
		}
	free(gW);
	free(gb);
}
