/* BEGIN SOLUTION */
/*
 * 02_bce.c - reference solution of exercise 2 (chapter 2, "Binary
 * cross-entropy from maximum likelihood").
 *
 * Binary cross-entropy on probabilities (exact, no clipping) and on logits
 * (stable for every finite logit), and its gradient.  They agree with
 * PyTorch's BCELoss (without its clamp of log at -100) and
 * BCEWithLogitsLoss, mean reduction.
 *
 * The file stands alone, so it carries its own static sigmoid and softplus.
 */
/* END SOLUTION */
/* BEGIN STUB
// 02_bce.c - exercise of chapter 2, "Binary cross-entropy from maximum
// likelihood".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 02_bce.c` grades this file alone, and
// `make check EX=02` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  If you need a sigmoid, copy yours in as a static helper.
END STUB */
#include <math.h>

#include "workbook.h"

/* BEGIN SOLUTION */
/*
 * sigma(z) and sigma(-z) from one exp.  With e = e^-|z| (in (0, 1], so it
 * never overflows) the pair is 1 / (1 + e) and e / (1 + e), the larger one
 * belonging to the sign of z: the branching sigmoid of 01_sigmoid.c, both
 * halves at once, each accurate relatively.  Both are computed and then
 * selected, rather than branched to, because on random logits a branch on
 * the sign goes either way half the time, and a mispredicted branch costs
 * more than the division (docs/performance.md).
 */
static void sigmoid_pair(double z, double *sigma_z, double *sigma_minus_z)
{
	double e = exp(-fabs(z));
	double big = 1.0 / (1.0 + e), small = e / (1.0 + e);

	*sigma_z = z >= 0.0 ? big : small;
	*sigma_minus_z = z >= 0.0 ? small : big;
}

/*
 * One sample's loss on probabilities: -[y log p + (1-y) log(1-p)].
 *
 * 0 log 0 = 0: the y term is skipped when y == 0 and the (1-y) term when
 * y == 1, so a confident correct prediction (y = 1, p = 1) costs exactly 0
 * instead of 0 * -inf = NaN.  log(1-p) is log1p(-p), exact for small p
 * where 1 - p would round.  A positive-weight label given probability 0
 * meets log(0) = -inf and the loss is +inf, as it should: no clipping.
 */
static double bce_term(double y, double p)
{
	double loss = 0.0;

	if (y != 0.0)
		loss -= y * log(p);
	if (y != 1.0)
		loss -= (1.0 - y) * log1p(-p);
	return loss;
}

/*
 * One sample's loss on the logit z, with p = sigma(z):
 *
 *	-log sigma(z)     = softplus(-z)
 *	-log(1 - sigma(z)) = -log sigma(-z) = softplus(z)
 *
 *	loss = y softplus(-z) + (1 - y) softplus(z),
 *
 * where softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|).  The max
 * trick: e^-|x| is in (0, 1], so it never overflows, and log1p keeps the
 * relative accuracy of log(1 + tiny) for x -> -inf, where softplus(x) ~
 * e^x.  softplus(z) and softplus(-z) share L = log1p(e^-|z|), and the two
 * weights sum to 1, so
 *
 *	loss = y max(-z, 0) + (1 - y) max(z, 0) + L:
 *
 * one exp and one log1p per sample, whatever the label.
 *
 * Why this form and not the common max(z, 0) - y z + log1p(e^-|z|)
 * (PyTorch's)?  Both are equal in exact arithmetic and both are safe from
 * overflow, but the latter subtracts: for a soft label y = 0.9999999 and
 * z = 1e6 the terms max(z, 0) and y z are both about 1e6 while the loss is
 * 0.1, and the rounding error of y z (1e-10) is a 1e-9 relative error in
 * the result.  Here all three terms are non-negative products of accurate
 * factors (1 - y is exact for y >= 1/2), so nothing cancels, and a
 * confident right answer (y = 1, z = 40) keeps its tiny loss L = 4.2e-18.
 * A term with weight 0 is dropped (0 log 0 = 0), which also keeps an
 * infinite logit from producing 0 * inf = NaN; the selects need no branch.
 */
static double bce_logit_term(double y, double z)
{
	double l = log1p(exp(-fabs(z)));
	double pos = z > 0.0 ? z : 0.0, neg = z < 0.0 ? -z : 0.0;

	return (y != 0.0 ? y * neg : 0.0) + (y != 1.0 ? (1.0 - y) * pos : 0.0) +
	       l;
}

/*
 * sigma(z) - y, the "prediction minus truth" of one sample.
 *
 * For y <= 1/2 the direct difference is accurate: sigma(z) is accurate
 * relatively, and where the difference is small sigma(z) ~ y <= 1/2 has
 * small absolute rounding error.  For y > 1/2 use
 *
 *	sigma(z) - y = (1 - y) - sigma(-z),
 *
 * where 1 - y is exact (Sterbenz) and sigma(-z) is accurate relatively.
 * For y = 1 this is -sigma(-z), which keeps full relative accuracy for
 * z -> +inf where sigma(z) - 1 would be 0 (at z = 40) or a rounding error.
 */
static double residual(double y, double z)
{
	double sigma_z, sigma_minus_z;

	sigmoid_pair(z, &sigma_z, &sigma_minus_z);
	return y > 0.5 ? (1.0 - y) - sigma_minus_z : sigma_z - y;
}

/*
 * bce_loss(y, p, n) = (1/n) sum_i -[y_i log p_i + (1-y_i) log(1-p_i)]
 *
 * Method: the per-sample terms (bce_term above) are >= 0 and summed in
 * order, then divided by n.  Exact conventions, no clipping: 0 log 0 = 0,
 * and +inf when a label with positive weight gets probability 0.
 */
/* END SOLUTION */
double bce_loss(const double *y, const double *p, size_t n)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += bce_term(y[i], p[i]);
	return sum / (double)n;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return the mean over the n samples of
	// -[y log p + (1-y) log(1-p)], exactly: no clipping of p.
	// Chapter 2, "Exact conventions: 0 log 0 and infinity".
	(void)y;
	(void)p;
	(void)n;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * bce_with_logits(y, z, n) = (1/n) sum_i [y_i softplus(-z_i)
 *					  + (1-y_i) softplus(z_i)]
 *
 * Method: never form p = sigma(z).  log sigma(z) = -softplus(-z) is
 * computed directly from the logit (bce_logit_term above), so the loss
 * stays finite and accurate for |z| up to the largest double: at z = -1000
 * with y = 1 the loss is 1000, where log(sigma(z)) would be log(0) = -inf.
 */
/* END SOLUTION */
double bce_with_logits(const double *y, const double *z, size_t n)
{
	/* BEGIN SOLUTION */
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += bce_logit_term(y[i], z[i]);
	return sum / (double)n;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return the same mean loss as bce_loss with p = sigma(z),
	// computed from the logits z: finite and accurate for any finite z.
	// Chapter 2, "The loss on logits".
	(void)y;
	(void)z;
	(void)n;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * bce_with_logits_grad: grad[i] = d loss / d z_i = (sigma(z_i) - y_i) / n
 *
 * Derivation: d/dz softplus(z) = sigma(z) and d/dz softplus(-z) =
 * -sigma(-z) = sigma(z) - 1, so
 *	d/dz [y softplus(-z) + (1-y) softplus(z)]
 *		= y (sigma(z) - 1) + (1 - y) sigma(z) = sigma(z) - y,
 * and the mean brings the 1/n.
 *
 * Method: the difference is formed by residual() above, which keeps
 * relative accuracy for labels 0 and 1 in both tails (sigma(z) - 1 is
 * computed as -sigma(-z)).
 */
/* END SOLUTION */
void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	/* BEGIN SOLUTION */
	size_t i;

	for (i = 0; i < n; i++)
		grad[i] = residual(y[i], z[i]) / (double)n;
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: write grad[i] = (sigma(z_i) - y_i) / n, the gradient of the
	// mean loss of bce_with_logits.
	// Chapter 3, "The chain rule, step by step".
	(void)y;
	(void)z;
	(void)n;
	(void)grad;
	workbook_todo(__func__);
	END STUB */
}
