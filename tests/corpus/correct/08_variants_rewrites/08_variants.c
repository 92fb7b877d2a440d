/*
 * Corpus entry 08_variants_rewrites: a correct alternative to the reference.
 * The smoothed loss is the rewrite lse - (1 - eps) z_c - (eps/k) sum_j z_j,
 * which cancels for huge logits but only to the size of their own rounding;
 * its gradient is the plain softmax - t.  The focal loss uses log1p forms:
 * ce = max(z, 0) - z y + log1p(e^-|z|), q = 1 - p_t = p + y - 2 p y
 * computed naively, q^gamma = exp(gamma log q), sigma' = e / (1 + e)^2 with
 * e = e^-|z|, and the gradient written with q^gamma / q.
 */
#include <math.h>

#include "workbook.h"

static double row_lse(const double *z, size_t k)
{
	double m = z[0], sum = 0.0;

	for (size_t j = 1; j < k; j++)
		m = fmax(m, z[j]);
	for (size_t j = 0; j < k; j++)
		sum += exp(z[j] - m);
	return m + log(sum);
}

double smoothed_cross_entropy(const double *z, const size_t *labels,
			      size_t n, size_t k, double eps, double *grad)
{
	double total = 0.0, off = eps / (double)k;

	for (size_t i = 0; i < n; i++) {
		const double *row = z + i * k;
		double lse = row_lse(row, k), zsum = 0.0;

		for (size_t j = 0; j < k; j++)
			zsum += row[j];
		total += lse - (1.0 - eps) * row[labels[i]] - off * zsum;
		if (!grad)
			continue;
		for (size_t j = 0; j < k; j++) {
			double t = off + (j == labels[i] ? 1.0 - eps : 0.0);

			grad[i * k + j] = (exp(row[j] - lse) - t) / (double)n;
		}
	}
	return total / (double)n;
}

static double sigmoid_branch(double z)
{
	double e = exp(-fabs(z));

	return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad)
{
	double total = 0.0;

	for (size_t i = 0; i < n; i++) {
		double p = sigmoid_branch(z[i]);
		double e = exp(-fabs(z[i]));
		double ce = fmax(z[i], 0.0) - z[i] * y[i] + log1p(e);
		double q = p + y[i] - 2.0 * p * y[i];
		double at = alpha >= 0.0 ? alpha * y[i] + (1.0 - alpha) * (1.0 - y[i]) : 1.0;
		double qg = q > 0.0 ? exp(gamma * log(q)) : (gamma == 0.0 ? 1.0 : 0.0);

		total += at * ce * qg;
		if (!grad)
			continue;
		if (q <= 0.0) {
			grad[i] = 0.0;
			continue;
		}
		grad[i] = at * ((p - y[i]) * qg + gamma * ce * (qg / q) *
				e / ((1.0 + e) * (1.0 + e)) * (1.0 - 2.0 * y[i])) /
			  (double)n;
	}
	return total / (double)n;
}
