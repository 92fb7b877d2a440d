/*
 * softreg.c - softmax regression by gradient descent.  The loss and the
 * gradient with respect to the logits come from the reference
 * softmax_cross_entropy (chapter 7); this file only adds the linear layer
 * and its chain rule, dL/dW = X^T dL/dZ and dL/db = column sums of dL/dZ.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "workbook.h"
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

/* grad_W = X^T G and grad_b = column sums of G, G = dL/dZ (n x k). */
static void linear_backward(const double *X, const double *G, size_t n,
			    size_t d, size_t k, double *grad_W,
			    double *grad_b)
{
	memset(grad_W, 0, d * k * sizeof(*grad_W));
	memset(grad_b, 0, k * sizeof(*grad_b));
	for (size_t i = 0; i < n; i++) {
		const double *g = G + i * k;

		for (size_t c = 0; c < k; c++)
			grad_b[c] += g[c];
		for (size_t j = 0; j < d; j++)
			for (size_t c = 0; c < k; c++)
				grad_W[j * k + c] += X[i * d + j] * g[c];
	}
}

double softreg_loss_grad(const double *X, const size_t *labels, size_t n,
			 size_t d, size_t k, const double *W, const double *b,
			 double *grad_W, double *grad_b)
{
	double *Z = malloc(2 * n * k * sizeof(*Z));
	double loss;

	if (!Z)
		return NAN;
	softreg_logits(X, n, d, k, W, b, Z);
	/* The reference already divides each row of P - T by n. */
	loss = softmax_cross_entropy(Z, labels, n, k, Z + n * k);
	if (!isnan(loss))
		linear_backward(X, Z + n * k, n, d, k, grad_W, grad_b);
	free(Z);
	return loss;
}

double softreg_fit(const double *X, const size_t *labels, size_t n, size_t d,
		   size_t k, double lr, size_t steps, double *W, double *b)
{
	double *grad = malloc((d + 1) * k * sizeof(*grad));
	double loss = NAN;

	if (!grad)
		return NAN;
	for (size_t t = 0; t < steps; t++) {
		loss = softreg_loss_grad(X, labels, n, d, k, W, b, grad,
					 grad + d * k);
		if (isnan(loss))
			break;
		for (size_t i = 0; i < d * k; i++)
			W[i] -= lr * grad[i];
		for (size_t c = 0; c < k; c++)
			b[c] -= lr * grad[d * k + c];
	}
	free(grad);
	return loss;
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
