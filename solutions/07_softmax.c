/* BEGIN SOLUTION */
/*
 * 07_softmax.c - reference solution of exercise 7 (chapter 7, "Softmax and
 * categorical cross-entropy").
 *
 * Softmax, log-sum-exp, log-softmax and the fused softmax cross-entropy
 * (PyTorch's CrossEntropyLoss, mean reduction), finite and accurate for
 * every finite logit vector.
 *
 * All four rest on one decomposition of a row z of k logits: with m the
 * largest logit (at index im) and
 *
 *	s = sum_{j != im} e^(z_j - m)		(0 <= s <= k - 1),
 *
 *	sum_j e^z_j = e^m (1 + s),	log_sum_exp(z) = m + log1p(s),
 *	softmax(z)_j = e^(z_j - m) / (1 + s),
 *	log softmax(z)_j = (z_j - m) - log1p(s).
 *
 * Every exponent z_j - m is <= 0, so nothing overflows, and the largest
 * term, e^0 = 1, is kept out of s so that log1p sees the small remainder
 * exactly: when the other logits are far below the maximum (s ~ 1e-30)
 * log(1 + s) would round to 0, log1p(s) gives s.
 *
 * The functions are written for finite logits, as the contract says; a NaN
 * logit makes the results NaN.
 */
/* END SOLUTION */
/* BEGIN STUB
// 07_softmax.c - exercise of chapter 7, "Softmax and categorical
// cross-entropy".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 07_softmax.c` grades this file alone, and
// `make check EX=07` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
END STUB */
#include <math.h>

#include "workbook.h"

/* BEGIN SOLUTION */
/* The decomposition of a row described at the top of the file. */
struct lse_parts {
	size_t im;	/* index of the (first) largest logit */
	double m;	/* the largest logit, z[im] */
	double s;	/* sum over j != im of e^(z_j - m) */
};

/* Index of the first largest element of z[0 .. k-1], k >= 1. */
static size_t argmax(const double *z, size_t k)
{
	size_t i, im = 0;

	for (i = 1; i < k; i++)
		if (z[i] > z[im])
			im = i;
	return im;
}

/*
 * m, im and s of the row z (k >= 1).  When e is not NULL it receives every
 * e^(z_j - m) (1 at im), so that the gradient reuses them: one exp per
 * logit instead of two.
 */
static struct lse_parts lse_split(const double *z, size_t k, double *e)
{
	struct lse_parts r;
	size_t j;
	double t;

	r.im = argmax(z, k);
	r.m = z[r.im];
	r.s = 0.0;
	for (j = 0; j < k; j++) {
		if (j == r.im) {
			if (e)
				e[j] = 1.0;	/* e^0 */
			continue;
		}
		t = exp(z[j] - r.m);
		r.s += t;
		if (e)
			e[j] = t;
	}
	return r;
}

/*
 * -log softmax(z)_c = (m - z_c) + log1p(s): two terms >= 0, so the loss of
 * one row does not cancel, and for a confident correct row (c == im) it
 * is log1p(s) ~ s, accurate however small.
 */
static double row_nll(const double *z, size_t c, struct lse_parts r)
{
	return (r.m - z[c]) + log1p(r.s);
}

/*
 * One row of the gradient: g_j = (softmax(z)_j - [j == c]) / n.
 *
 * For j != c this is p_j / n.  For j == c it is -(1 - p_c) / n, and
 * 1 - p_c is where the care goes: when c is the largest logit and the row
 * is confident, p_c rounds to 1 and p_c - 1 to 0 (or to a rounding error);
 * instead 1 - p_c = s / (1 + s) exactly, accurate however small.  When c is
 * not the index im, p_c <= 1/2 and p_c - 1 does not cancel.
 */
static void row_grad(size_t k, size_t c, struct lse_parts r, size_t n,
		     double *g)
{
	double e_c = g[c];	/* g holds e^(z_j - m), from lse_split */
	size_t j;

	for (j = 0; j < k; j++)
		g[j] = g[j] / (1.0 + r.s) / (double)n;
	if (c == r.im)
		g[c] = -(r.s / (1.0 + r.s)) / (double)n;
	else
		g[c] = (e_c / (1.0 + r.s) - 1.0) / (double)n;
}

/*
 * softmax(z)_j = e^z_j / sum_i e^z_i = e^(z_j - m) / (1 + s)
 *
 * Method: shifting every logit by the maximum m does not change the ratio
 * (e^-m cancels) and makes every exponent <= 0: no overflow, and the
 * denominator 1 + s is >= 1, so no division by an underflowed 0.  Entries
 * far below the maximum underflow to 0, which is their correctly rounded
 * value.  p may be the same array as z (each z_j is read before p_j is
 * written).  k == 0 writes nothing.
 */
/* END SOLUTION */
void softmax(const double *z, size_t k, double *p)
{
	/* BEGIN SOLUTION */
	size_t im, j;
	double m, s = 0.0;

	if (k == 0)
		return;
	im = argmax(z, k);
	m = z[im];
	for (j = 0; j < k; j++) {
		p[j] = exp(z[j] - m);
		if (j != im)
			s += p[j];
	}
	for (j = 0; j < k; j++)
		p[j] /= 1.0 + s;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: write p_j = e^z_j / sum_i e^z_i, for any finite z.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	(void)p;
	workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * log_sum_exp(z) = log sum_i e^z_i = m + log1p(s)
 *
 * Method: the decomposition at the top of the file.  log1p(s) is in
 * [0, log k], so the result is m plus a small non-negative correction that
 * is itself accurate relatively: e.g. log_sum_exp(1000, 0) = 1000 +
 * log1p(e^-1000), and log_sum_exp(0, -40) = log1p(e^-40) = 4.2e-18, not
 * log(1 + 4.2e-18) = 0.  k == 0 gives log 0 = -inf (the empty sum).
 */
/* END SOLUTION */
double log_sum_exp(const double *z, size_t k)
{
	/* BEGIN SOLUTION */
	struct lse_parts r;

	if (k == 0)
		return -INFINITY;
	r = lse_split(z, k, NULL);
	return r.m + log1p(r.s);
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return log(sum_i e^z_i), for any finite z.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * log_softmax(z)_j = z_j - log_sum_exp(z) = (z_j - m) - log1p(s)
 *
 * Method: never log(softmax(z)_j): where softmax underflows to 0 (z_j
 * 1000 below the maximum) that is log 0 = -inf, while the true value is
 * about -1000.  Grouping (z_j - m) - log1p(s) rather than z_j - (m +
 * log1p(s)) subtracts the large m first, exactly when z_j is close to m,
 * so the small log-probability of a likely class keeps its accuracy even
 * for logits around 1e6.  out may be the same array as z.
 */
/* END SOLUTION */
void log_softmax(const double *z, size_t k, double *out)
{
	/* BEGIN SOLUTION */
	struct lse_parts r;
	double l;
	size_t j;

	if (k == 0)
		return;
	r = lse_split(z, k, NULL);
	l = log1p(r.s);
	for (j = 0; j < k; j++)
		out[j] = (z[j] - r.m) - l;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: write out_j = z_j - log(sum_i e^z_i), accurate also where
	// softmax(z)_j underflows to 0.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	(void)out;
	workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * softmax_cross_entropy(z, labels, n, k, grad)
 *	= (1/n) sum_i -log softmax(z_i)[c_i],	c_i = labels[i],
 *	grad_i = (softmax(z_i) - onehot(c_i)) / n	(if grad != NULL)
 *
 * Derivation of the gradient: -log softmax(z)_c = log_sum_exp(z) - z_c,
 * and d log_sum_exp / d z_j = softmax(z)_j, d z_c / d z_j = [j == c].
 *
 * Method: the loss and the gradient are fused (computed from the logits,
 * never from log(softmax)): see row_nll and row_grad above.  A label
 * outside [0, k) is the caller's error; it is checked before anything is
 * read or written, and the result is then NaN with grad untouched.
 */
/* END SOLUTION */
double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		if (labels[i] >= k)
			return NAN;
	for (i = 0; i < n; i++) {
		const double *row = z + i * k;
		double *g = grad ? grad + i * k : NULL;
		struct lse_parts r = lse_split(row, k, g);

		sum += row_nll(row, labels[i], r);
		if (g)
			row_grad(k, labels[i], r, n, g);
	}
	return sum / (double)n;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return the mean over the n rows of -log softmax(z_i)[labels[i]];
	// if grad is not NULL, write grad_i = (softmax(z_i) - onehot_i) / n.
	// Chapter 7, "Why softmax and cross-entropy are fused".
	(void)z;
	(void)labels;
	(void)n;
	(void)k;
	(void)grad;
	return workbook_todo(__func__);
	END STUB */
}
