/*
 * 07_softmax_helpers.h - what the two parts of suite 07_softmax share
 * (07_softmax.c: softmax, log_sum_exp, log_softmax; 07_softmax_sce.c:
 * softmax_cross_entropy): sizes, chapter sections, the tolerances, how
 * logits are drawn and how an input is described.
 */
#ifndef WB_SUITE_SOFTMAX_HELPERS_H
#define WB_SUITE_SOFTMAX_HELPERS_H

#include <math.h>
#include <stdio.h>

#include "check.h"

#pragma weak softmax
#pragma weak log_sum_exp
#pragma weak log_softmax
#pragma weak softmax_cross_entropy

enum { MAXK = 10, MAXN = 5, MAXNK = MAXN * MAXK };

#define SOFTMAX "chapter 7, \"Softmax\""
#define OVERFLOW "chapter 7, \"Overflow and the log-sum-exp trick\""
#define FUSED "chapter 7, \"Why softmax and cross-entropy are fused\""
#define GRADIENT "chapter 7, \"The gradient: softmax minus one-hot\""
#define MAX_TRICK "subtract the largest logit before exp (" OVERFLOW ")"

static inline double max_abs(const double *z, size_t m)
{
	double a = 1.0;

	for (size_t i = 0; i < m; i++)
		a = fmax(a, fabs(z[i]));
	return a;
}

/* Probabilities and gradient entries (in [-1, 1]): 1e-13 relative covers
 * k-term sums and exp of an argument rounded at |z| ~ 10; the absolute part,
 * ~4.5 eps * max|z|, covers the rounding of z - lse for huge logits (the
 * problem's own conditioning) and lets entries below it be 0. */
static inline struct wb_tol prob_tol(const double *z, size_t m)
{
	return (struct wb_tol){ 1e-15 * max_abs(z, m), 1e-13 };
}

/* log-sum-exp, log-probabilities and losses: a few eps * max|z| absolute
 * per logit that enters a sum (`terms`: 1 for lse - z_c, k for a rewrite
 * that sums the logits), plus 1e-14 for the log1p / log of the sum. */
static inline struct wb_tol value_tol(const double *z, size_t m,
				      size_t terms)
{
	return (struct wb_tol){ 1e-14 + 1e-15 * (double)terms * max_abs(z, m),
				1e-14 };
}

static inline const char *describe(char *buf, size_t size,
				   const double *z, const size_t *labels,
				   size_t n, size_t k)
{
	char a[256], b[256];

	if (labels)
		snprintf(buf, size, "z = %s, labels = %s, n = %zu, k = %zu",
			 wb_format_vector(a, sizeof a, z, n * k),
			 wb_format_labels(b, sizeof b, labels, n), n, k);
	else
		snprintf(buf, size, "z = %s, k = %zu",
			 wb_format_vector(a, sizeof a, z, k), k);
	return buf;
}

/* Ordinary logits in [-10, 10], or (extreme) a mix of 1e6-sized, 1000-sized,
 * ordinary and tiny logits, with near-ties at the top. */
static inline void random_logits(struct wb_rng *rng, double *z, size_t m,
				 bool extreme)
{
	for (size_t i = 0; i < m; i++) {
		double u = wb_rng_uniform(rng, -1.0, 1.0);

		if (!extreme) {
			z[i] = 10.0 * u;
			continue;
		}
		switch (wb_rng_index(rng, 5)) {
		case 0: z[i] = 1e6 * u; break;
		case 1: z[i] = 1e6 - 3.0 * fabs(u); break;
		case 2: z[i] = 1000.0 * (u > 0 ? 1 : -1) + u; break;
		case 3: z[i] = 1e-300 * u; break;
		default: z[i] = 20.0 * u; break;
		}
	}
}

#endif /* WB_SUITE_SOFTMAX_HELPERS_H */
