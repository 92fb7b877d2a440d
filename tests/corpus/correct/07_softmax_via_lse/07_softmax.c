/*
 * Corpus entry 07_softmax_via_lse: a correct alternative to the reference.
 * log_sum_exp is m + log(sum e^(z - m)) (log, not log1p); softmax is
 * exp(z - lse); log_softmax is the contract's literal z - lse; the loss is
 * -log_softmax at the label, rows summed backwards; the gradient is the
 * plain softmax - onehot.
 */
#include <math.h>

#include "workbook.h"

double log_sum_exp(const double *z, size_t k)
{
	double m = z[0], sum = 0.0;

	for (size_t j = 1; j < k; j++)
		m = fmax(m, z[j]);
	for (size_t j = 0; j < k; j++)
		sum += exp(z[j] - m);
	return m + log(sum);
}

void softmax(const double *z, size_t k, double *p)
{
	double lse = log_sum_exp(z, k);

	for (size_t j = 0; j < k; j++)
		p[j] = exp(z[j] - lse);
}

void log_softmax(const double *z, size_t k, double *out)
{
	double lse = log_sum_exp(z, k);

	for (size_t j = 0; j < k; j++)
		out[j] = z[j] - lse;
}

double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad)
{
	double sum = 0.0;

	for (size_t i = n; i-- > 0;) {
		const double *row = z + i * k;
		double lse = log_sum_exp(row, k);

		sum += lse - row[labels[i]];
		if (!grad)
			continue;
		for (size_t j = 0; j < k; j++)
			grad[i * k + j] = (exp(row[j] - lse) -
					   (j == labels[i] ? 1.0 : 0.0)) / (double)n;
	}
	return sum / (double)n;
}
