/* BEGIN SOLUTION */
/*
 * 09_softmax_regression.c - reference solution of exercise 9 (chapter 9,
 * "Softmax regression").
 *
 * The mean softmax cross-entropy of a linear model with k classes and its
 * gradient, and full-batch gradient descent.  Shapes, row-major:
 *
 *	X  n x d	sample i is X[i*d .. i*d + d-1]
 *	W  d x k	feature j to class c is W[j*k + c]
 *	b  k		one bias per class
 *	z_i = x_i W + b	the k logits of sample i
 *
 * The file stands alone, so it carries its own log-sum-exp split (the same
 * decomposition as 07_softmax.c): with m the largest logit of a row, at
 * index im, and s = sum_{c != im} e^(z_c - m),
 *
 *	-log p_y = (m - z_y) + log1p(s),	p_c = e^(z_c - m) / (1 + s),
 *	1 - p_im = s / (1 + s).
 *
 * Every exponent is <= 0 (no overflow for any finite logit) and both terms
 * of the loss are >= 0 (no cancellation), so the loss is accurate to a few
 * ulps of each row's value even when the logits are 1e6 or more.
 */
/* END SOLUTION */
/* BEGIN STUB
// 09_softmax_regression.c - exercise of chapter 9, "Softmax regression".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 09_softmax_regression.c` grades this file alone,
// and `make check EX=09` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  Copy in, as static helpers, whatever you need from earlier
// exercises (a stable log-sum-exp from 07_softmax.c).
END STUB */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "workbook.h"

/* BEGIN SOLUTION */
/* The logits of one sample: z_c = sum_j x_j W[j*k + c] + b_c. */
static void row_logits(const double *x, size_t d, size_t k, const double *W,
		       const double *b, double *z)
{
	size_t j, c;

	for (c = 0; c < k; c++)
		z[c] = b[c];
	for (j = 0; j < d; j++)
		for (c = 0; c < k; c++)
			z[c] += x[j] * W[j * k + c];
}

/*
 * Overwrites the logits z (k >= 1) with the residual p - onehot(y) of the
 * row and returns its loss -log p_y.  The true class's residual is
 * -(1 - p_y), computed as -s / (1 + s) when y is the largest logit, so a
 * confident correct row keeps its tiny gradient instead of rounding it to
 * 0 (chapter 7, "The gradient: softmax minus one-hot").
 */
static double row_loss_residual(double *z, size_t k, size_t y)
{
	size_t c, im = 0;
	double m, s = 0.0, loss;

	for (c = 1; c < k; c++)
		if (z[c] > z[im])
			im = c;
	m = z[im];
	loss = m - z[y];
	for (c = 0; c < k; c++) {
		z[c] = c == im ? 1.0 : exp(z[c] - m);
		if (c != im)
			s += z[c];
	}
	loss += log1p(s);
	for (c = 0; c < k; c++)
		z[c] /= 1.0 + s;
	if (y == im)
		z[y] = -(s / (1.0 + s));
	else
		z[y] -= 1.0;
	return loss;
}

/*
 * softmax_regression_loss_grad:
 *
 *	loss   = (1/n) sum_i -log softmax(z_i)[y_i]
 *	grad_W = (1/n) X^T (P - Y),	grad_b = (1/n) sum_i (p_i - y_i)
 *
 * Derivation: d loss / d z_ic = (p_ic - y_ic) / n (chapter 7), and
 * d z_ic / d W_jc = x_ij, d z_ic / d b_c = 1 (chapter 9, "The gradient,
 * step by step").
 *
 * Method: one pass over the samples with a scratch row of k doubles: the
 * row's logits, then in place its residual, added (times x_i for W) to the
 * gradients, which are divided by n at the end.  Returns NaN, with the
 * gradients untouched, when a label is not below k or the scratch row
 * cannot be allocated.  The gradients must not alias the inputs.
 */
/* END SOLUTION */
double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b)
{
	/* BEGIN SOLUTION */
	double loss = 0.0, *r;
	size_t i, j, c;

	for (i = 0; i < n; i++)
		if (labels[i] >= k)
			return NAN;
	if (k > SIZE_MAX / sizeof *r || !(r = malloc(k * sizeof *r)))
		return NAN;
	for (j = 0; j < d * k; j++)
		grad_W[j] = 0.0;
	for (c = 0; c < k; c++)
		grad_b[c] = 0.0;
	for (i = 0; i < n; i++) {
		const double *x = X + i * d;

		row_logits(x, d, k, W, b, r);
		loss += row_loss_residual(r, k, labels[i]);
		for (c = 0; c < k; c++)
			grad_b[c] += r[c];
		for (j = 0; j < d; j++)
			for (c = 0; c < k; c++)
				grad_W[j * k + c] += x[j] * r[c];
	}
	free(r);
	for (j = 0; j < d * k; j++)
		grad_W[j] /= (double)n;
	for (c = 0; c < k; c++)
		grad_b[c] /= (double)n;
	return loss / (double)n;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: with z_i = x_i W + b (k logits per sample), return the mean
	// softmax cross-entropy, stable for any finite logits, and write
	// grad_W = X^T (P - Y) / n (d x k) and grad_b = the column means of
	// P - Y (k values).  Chapter 9, "The gradient, step by step".
	(void)X;
	(void)labels;
	(void)n;
	(void)d;
	(void)k;
	(void)W;
	(void)b;
	(void)grad_W;
	(void)grad_b;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * softmax_regression_fit: `steps` full-batch gradient-descent updates
 *
 *	W <- W - lr grad_W(W, b),	b <- b - lr grad_b(W, b),
 *
 * both from the gradient at the SAME (W, b).
 *
 * Method: one buffer of (d + 1) k doubles holds both gradients, so neither
 * parameter moves before both gradients are known.  If the buffer cannot
 * be allocated (or its size does not fit a size_t), or a label is not
 * below k, W and b are left unchanged.  steps == 0 does nothing and
 * allocates nothing.
 */
/* END SOLUTION */
void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b)
{
	/* BEGIN SOLUTION */
	double *grad;
	size_t step, j, c;

	if (steps == 0 || k == 0 || d >= SIZE_MAX / k ||
	    d + 1 > SIZE_MAX / sizeof *grad / k)
		return;
	grad = malloc((d + 1) * k * sizeof *grad);
	if (!grad)
		return;
	for (step = 0; step < steps; step++) {
		if (isnan(softmax_regression_loss_grad(X, labels, n, d, k, W, b,
						       grad, grad + d * k)))
			break;
		for (j = 0; j < d * k; j++)
			W[j] -= lr * grad[j];
		for (c = 0; c < k; c++)
			b[c] -= lr * grad[d * k + c];
	}
	free(grad);
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: starting from W and b, take `steps` full-batch gradient-descent
	// steps of size lr on the mean softmax cross-entropy; compute both
	// gradients before either parameter moves.
	// Chapter 9, "A training run".
	(void)X;
	(void)labels;
	(void)n;
	(void)d;
	(void)k;
	(void)lr;
	(void)steps;
	(void)W;
	(void)b;
	workbook_todo(__func__);
	END STUB */
}
