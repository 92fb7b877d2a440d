/*
 * Corpus entry 06_information_kl_ratio_overflow: buggy.  KL as
 * p log(p / q), whose ratio overflows for a tiny q (chapter 6, "Exercise":
 * p = 0.5, q = 1e-310 gives inf instead of 356.55).
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
	double h = 0;
	for (size_t i = 0; i < k; i++) if (p[i] > 0) h += p[i] * log(p[i] / q[i]);
	return h;
}
