/* 04_logreg.c - buggy: logreg_loss_grad forgets b in the logit. */
/*
 * 04_logreg.c - reference solution of exercise 4 (chapter 4, "Logistic
 * regression by gradient descent").
 *
 * The mean BCE of a logistic-regression model with its gradient, and
 * full-batch gradient descent.  The file stands alone, so it carries its own
 * static sigmoid, softplus and per-sample loss (the same as in 02_bce.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "workbook.h"

/* sigma(z), branching on the sign so exp never overflows (01_sigmoid.c). */
static double stable_sigmoid(double z)
{
	double e;

	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	e = exp(z);
	return e / (1.0 + e);
}

/* softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|) (02_bce.c). */
static double softplus(double x)
{
	return fmax(x, 0.0) + log1p(exp(-fabs(x)));
}

/*
 * BCE of one sample on its logit: y softplus(-z) + (1 - y) softplus(z),
 * two non-negative terms, the zero-weight one skipped (0 log 0 = 0).
 * See 02_bce.c for why this form rather than max(z,0) - y z + ...
 */
static double bce_logit_term(double y, double z)
{
	double loss = 0.0;

	if (y != 0.0)
		loss += y * softplus(-z);
	if (y != 1.0)
		loss += (1.0 - y) * softplus(z);
	return loss;
}

/* sigma(z) - y, with sigma(z) - 1 = -sigma(-z) for y > 1/2 (02_bce.c). */
static double residual(double y, double z)
{
	if (y > 0.5)
		return (1.0 - y) - stable_sigmoid(-z);
	return stable_sigmoid(z) - y;
}

/* The logit of one sample: z = w . x + b. */
static double logit(const double *x, const double *w, size_t d, double b)
{
	double z = 0.0;
	size_t j;

	for (j = 0; j < d; j++)
		z += w[j] * x[j];
	return z + b;
}

/*
 * logreg_loss_grad: with z_i = w . x_i + b,
 *
 *	loss   = (1/n) sum_i bce(y_i, z_i)
 *	grad_w = (1/n) sum_i (sigma(z_i) - y_i) x_i
 *	grad_b = (1/n) sum_i (sigma(z_i) - y_i)
 *
 * Derivation: d bce / d z_i = sigma(z_i) - y_i (chapter 3) and the chain
 * rule through z_i = w . x_i + b gives d z_i / d w_j = x_ij, d z_i / d b = 1.
 *
 * Method: one pass over the samples; each computes its logit once, adds
 * its loss and its residual times x_i to the sums, and the sums are
 * divided by n at the end.  The per-sample loss is computed from the logit
 * (never log(sigma(z))), so a separable data set driven to large |w| gives
 * a finite, accurate loss.  grad_w and grad_b must not alias X, y or w.
 */
static double correct_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b)
{
	double loss = 0.0, gb = 0.0;
	size_t i, j;

	for (j = 0; j < d; j++)
		grad_w[j] = 0.0;
	for (i = 0; i < n; i++) {
		const double *x = X + i * d;
		double z = logit(x, w, d, b);
		double r = residual(y[i], z);

		loss += bce_logit_term(y[i], z);
		for (j = 0; j < d; j++)
			grad_w[j] += r * x[j];
		gb += r;
	}
	for (j = 0; j < d; j++)
		grad_w[j] /= (double)n;
	*grad_b = gb / (double)n;
	return loss / (double)n;
}

double logreg_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b)
{
	double loss = 0.0, gb = 0.0;
	size_t i, j;

	for (j = 0; j < d; j++)
		grad_w[j] = 0.0;
	for (i = 0; i < n; i++) {
		const double *x = X + i * d;
		double z = logit(x, w, d, 0.0);
		double r = residual(y[i], z);

		loss += bce_logit_term(y[i], z);
		for (j = 0; j < d; j++)
			grad_w[j] += r * x[j];
		gb += r;
	}
	for (j = 0; j < d; j++)
		grad_w[j] /= (double)n;
	*grad_b = gb / (double)n;
	return loss / (double)n;
}

/*
 * logreg_fit: `steps` full-batch gradient-descent updates
 *
 *	w <- w - lr grad_w(w, b),	b <- b - lr grad_b(w, b),
 *
 * both from the gradient at the SAME (w, b).
 *
 * Method: the gradient needs a buffer of d doubles apart from w: updating
 * w in place while the gradient is still being accumulated (or updating b
 * with a gradient computed after w moved) would be a different algorithm.
 * The buffer comes from malloc; if that fails (or d doubles do not fit in
 * a size_t) w and *b are left unchanged, which the caller sees as a fit
 * that did not move.  steps == 0 does nothing and allocates nothing.
 */
void logreg_fit(const double *X, const double *y, size_t n, size_t d,
		double lr, size_t steps, double *w, double *b)
{
	double *grad_w, grad_b;
	size_t step, j;

	if (steps == 0 || d > SIZE_MAX / sizeof *grad_w)
		return;
	grad_w = malloc((d ? d : 1) * sizeof *grad_w);
	if (!grad_w)
		return;
	for (step = 0; step < steps; step++) {
		correct_loss_grad(X, y, n, d, w, *b, grad_w, &grad_b);
		for (j = 0; j < d; j++)
			w[j] -= lr * grad_w[j];
		*b -= lr * grad_b;
	}
	free(grad_w);
}
