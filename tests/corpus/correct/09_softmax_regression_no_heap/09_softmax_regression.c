/*
 * 09_softmax_regression.c - correct, without the heap: each logit is
 * recomputed when needed (one pass for the row's maximum, one for the
 * sum, one for the gradient), the loss of a row is written as
 * -log_softmax via log1p of the sum without the largest term, and the fit
 * takes each step's gradient into one variable-length array on the stack.
 */
#include <math.h>

#include "workbook.h"

static double logit(const double *x, size_t d, size_t k, const double *W,
		    const double *b, size_t c)
{
	double z = 0.0;

	for (size_t j = d; j-- > 0;)
		z += W[j * k + c] * x[j];
	return z + b[c];
}

double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b)
{
	double loss = 0.0;

	for (size_t i = 0; i < d * k; i++)
		grad_W[i] = 0.0;
	for (size_t c = 0; c < k; c++)
		grad_b[c] = 0.0;
	for (size_t i = 0; i < n; i++) {
		const double *x = X + i * d;
		size_t top = 0;
		double m = logit(x, d, k, W, b, 0), rest = 0.0;

		for (size_t c = 1; c < k; c++) {
			double z = logit(x, d, k, W, b, c);

			if (z > m) {
				m = z;
				top = c;
			}
		}
		for (size_t c = 0; c < k; c++)
			if (c != top)
				rest += exp(logit(x, d, k, W, b, c) - m);
		loss += m - logit(x, d, k, W, b, labels[i]) + log1p(rest);
		for (size_t c = 0; c < k; c++) {
			double p = c == top ? 1.0 / (1.0 + rest) :
				   exp(logit(x, d, k, W, b, c) - m) / (1.0 + rest);
			double g = (c == labels[i] ? p - 1.0 : p) / (double)n;

			if (c == labels[i] && c == top)
				g = -(rest / (1.0 + rest)) / (double)n;
			grad_b[c] += g;
			for (size_t j = 0; j < d; j++)
				grad_W[j * k + c] += g * x[j];
		}
	}
	return loss / (double)n;
}

void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b)
{
	if (steps == 0 || k == 0)
		return;
	double grad[(d + 1) * k];

	for (size_t t = 0; t < steps; t++) {
		softmax_regression_loss_grad(X, labels, n, d, k, W, b, grad,
					     grad + d * k);
		for (size_t i = 0; i < (d + 1) * k; i++) {
			if (i < d * k)
				W[i] -= lr * grad[i];
			else
				b[i - d * k] -= lr * grad[i];
		}
	}
}
