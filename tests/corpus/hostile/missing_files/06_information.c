/* BEGIN SOLUTION */
/*
 * 06_information.c - reference solution of exercise 6 (chapter 6,
 * "Entropy, cross-entropy and KL divergence").
 *
 * Entropy, cross-entropy and KL divergence of discrete distributions on k
 * outcomes, in nats, with the conventions 0 log 0 = 0 and +inf when an
 * outcome of positive probability under p gets probability 0 under q.
 */
/* END SOLUTION */
/* BEGIN STUB
// 06_information.c - exercise of chapter 6, "Entropy, cross-entropy and KL
// divergence".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 06_information.c` grades this file alone, and
// `make check EX=06` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
END STUB */
#include <float.h>
#include <math.h>

#include "workbook.h"

/* BEGIN SOLUTION */
/*
 * entropy(p, k) = -sum_i p_i log p_i
 *
 * Method: terms with p_i == 0 are skipped (0 log 0 = 0: the limit of
 * p log p as p -> 0, and what log(0) = -inf would otherwise turn into
 * 0 * -inf = NaN).  For p_i in (0, 1] each term -p_i log p_i is >= 0, so
 * the sum does not cancel.  A point mass gives exactly 0.
 */
/* END SOLUTION */
double entropy(const double *p, size_t k)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < k; i++) {
		if (p[i] == 0.0)
			continue;
		sum -= p[i] * log(p[i]);
	}
	return sum;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return -sum_i p_i log p_i.
	// Chapter 6, "Entropy".
	(void)p;
	(void)k;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * cross_entropy(p, q, k) = -sum_i p_i log q_i
 *
 * Method: terms with p_i == 0 are skipped (0 log 0 = 0, also when
 * q_i = 0: an outcome that never happens costs nothing).  A term with
 * p_i > 0 and q_i = 0 is -p_i log 0 = +inf, and so is the sum: q said
 * impossible what p says happens.  The terms are >= 0 for q_i <= 1.
 */
/* END SOLUTION */
double cross_entropy(const double *p, const double *q, size_t k)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < k; i++) {
		if (p[i] == 0.0)
			continue;
		sum -= p[i] * log(q[i]);
	}
	return sum;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return -sum_i p_i log q_i.
	// Chapter 6, "Cross-entropy".
	(void)p;
	(void)q;
	(void)k;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * log(p / q) for p, q > 0, accurate also where p / q would overflow or
 * underflow, or be close to 1.
 *
 * Method:
 *	r = p / q within [1/2, 2]:  log1p((p - q) / q).  p - q is exact
 *		(Sterbenz), so the small log of a ratio near 1 keeps its
 *		relative accuracy; log(r) would carry r's rounding error,
 *		an absolute error of eps in a result that may be 1e-10.
 *	r normal and finite:	log(r), one rounding in r, one in log.
 *	r overflows to inf or underflows below DBL_MIN (p = 0.5,
 *		q = 1e-320, say): log p - log q, both finite.  Here
 *		|log(p / q)| > 708, so the difference does not cancel.
 * p == q gives log1p(0) = 0 exactly.
 */
static double log_ratio(double p, double q)
{
	double r = p / q;

	if (r >= 0.5 && r <= 2.0)
		return log1p((p - q) / q);
	if (r >= DBL_MIN && r <= DBL_MAX)
		return log(r);
	return log(p) - log(q);
}

/*
 * kl_divergence(p, q, k) = sum_i p_i log(p_i / q_i)
 *
 * Method: the sum of p_i log_ratio(p_i, q_i) (above) over the terms with
 * p_i > 0 (0 log 0 = 0, whatever q_i).  p_i > 0 with q_i = 0 is +inf.
 * p == q gives exactly 0, since every log_ratio is then exactly 0.
 */
/* END SOLUTION */
double kl_divergence(const double *p, const double *q, size_t k)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < k; i++) {
		if (p[i] == 0.0)
			continue;
		if (q[i] == 0.0)
			return INFINITY;
		sum += p[i] * log_ratio(p[i], q[i]);
	}
	return sum;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return sum_i p_i log(p_i / q_i).
	// Chapter 6, "KL divergence and the decomposition".
	(void)p;
	(void)q;
	(void)k;
	return workbook_todo(__func__);
	END STUB */
}
