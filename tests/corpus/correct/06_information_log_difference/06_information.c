/*
 * Corpus entry 06_information_log_difference: a correct alternative to the
 * reference.  Entropy as sum p log(1/p) summed backwards, cross-entropy
 * with an explicit +inf test, KL as sum p (log p - log q) (exactly 0 for
 * p == q, a few 1e-16 from the reference otherwise).
 */
#include <math.h>

#include "workbook.h"

double entropy(const double *p, size_t k)
{
	double sum = 0.0;

	for (size_t i = k; i-- > 0;)
		if (p[i] > 0.0)
			sum += p[i] * log(1.0 / p[i]);
	return sum;
}

double cross_entropy(const double *p, const double *q, size_t k)
{
	double sum = 0.0;

	for (size_t i = k; i-- > 0;) {
		if (p[i] == 0.0)
			continue;
		if (q[i] == 0.0)
			return INFINITY;
		sum += p[i] * -log(q[i]);
	}
	return sum;
}

double kl_divergence(const double *p, const double *q, size_t k)
{
	double sum = 0.0;

	for (size_t i = 0; i < k; i++) {
		if (p[i] == 0.0)
			continue;
		if (q[i] == 0.0)
			return INFINITY;
		sum += p[i] * (log(p[i]) - log(q[i]));
	}
	return sum;
}
