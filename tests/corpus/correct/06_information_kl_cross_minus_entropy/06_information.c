/*
 * Corpus entry 06_information_kl_cross_minus_entropy: correct.  KL as
 * cross_entropy - entropy, which chapter 6, "Exercise", allows (same
 * conventions, the same cancellation as log p - log q near q = p).
 */
#include <math.h>
#include "workbook.h"
double entropy(const double *p, size_t k)
{
	double h = 0;
	for (size_t i = 0; i < k; i++) if (p[i] > 0) h -= p[i] * log(p[i]);
	return h;
}
double cross_entropy(const double *p, const double *q, size_t k)
{
	double h = 0;
	for (size_t i = 0; i < k; i++) if (p[i] > 0) h -= p[i] * log(q[i]);
	return h;
}
double kl_divergence(const double *p, const double *q, size_t k)
{
	return cross_entropy(p, q, k) - entropy(p, k);
}
