/*
 * 04_logreg.c - correct alternative: the logits first, then the gradient
 * feature by feature (outer loop over j), PyTorch's compact loss, sigma(z)
 * - y computed directly; the fit keeps the whole gradient in one buffer
 * (w's gradient and b's in its last slot) before updating.
 */
#include <math.h>
#include <stdlib.h>

#include "workbook.h"

static double sig(double z)
{
	double e = exp(-fabs(z));

	return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

double logreg_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b)
{
	double *r = malloc(n * sizeof *r);
	double loss = 0.0, gb = 0.0;

	if (!r)
		return NAN;
	for (size_t i = 0; i < n; i++) {
		double z = b;

		for (size_t j = d; j-- > 0;)
			z += X[i * d + j] * w[j];
		loss += fmax(z, 0.0) - y[i] * z + log1p(exp(-fabs(z)));
		r[i] = sig(z) - y[i];
		gb += r[i];
	}
	for (size_t j = 0; j < d; j++) {
		double g = 0.0;

		for (size_t i = 0; i < n; i++)
			g += r[i] * X[i * d + j];
		grad_w[j] = g / (double)n;
	}
	*grad_b = gb / (double)n;
	free(r);
	return loss / (double)n;
}

void logreg_fit(const double *X, const double *y, size_t n, size_t d,
		double lr, size_t steps, double *w, double *b)
{
	double *g = malloc((d + 1) * sizeof *g);

	if (!g)
		return;
	while (steps-- > 0) {
		logreg_loss_grad(X, y, n, d, w, *b, g, &g[d]);
		for (size_t j = 0; j <= d; j++) {
			if (j < d)
				w[j] -= lr * g[j];
			else
				*b -= lr * g[j];
		}
	}
	free(g);
}
