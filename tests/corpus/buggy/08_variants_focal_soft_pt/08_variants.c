/* Corpus entry 08_variants_focal_soft_pt: the reference solution with one bug, in
 * focal_loss(): p_t = p if y == 1 else 1 - p: wrong for soft labels. */
/*
 * 08_variants.c - reference solution of exercise 8 (chapter 8, "Label
 * smoothing and focal loss").
 *
 * Cross-entropy with label smoothing (PyTorch's CrossEntropyLoss with
 * label_smoothing, mean reduction) and the sigmoid focal loss (torchvision's
 * sigmoid_focal_loss, mean reduction), with their gradients.
 *
 * The file stands alone, so it carries its own copies of the log-sum-exp
 * decomposition (07_softmax.c) and of the sigmoid helpers (01, 02).
 */
#include <math.h>

#include "workbook.h"

/*
 * A row z of k logits as m = max_j z_j (at index im) and
 * s = sum_{j != im} e^(z_j - m), so that log_sum_exp(z) = m + log1p(s) and
 * softmax(z)_j = e^(z_j - m) / (1 + s), with no overflow (07_softmax.c).
 */
struct lse_parts {
	size_t im;
	double m;
	double s;
};

static struct lse_parts lse_split(const double *z, size_t k)
{
	struct lse_parts r = { 0, z[0], 0.0 };
	size_t j;

	for (j = 1; j < k; j++)
		if (z[j] > z[r.im])
			r.im = j;
	r.m = z[r.im];
	for (j = 0; j < k; j++)
		if (j != r.im)
			r.s += exp(z[j] - r.m);
	return r;
}

/* -log softmax(z)_j = (m - z_j) + log1p(s), a sum of two terms >= 0. */
static double neg_log_softmax(const double *z, size_t j, struct lse_parts r)
{
	return (r.m - z[j]) + log1p(r.s);
}

/*
 * The smoothed loss of one row, with target t = (1 - eps) onehot(c) + eps/k:
 *
 *	-sum_j t_j log softmax(z)_j
 *		= (1 - eps) nl_c + (eps / k) sum_j nl_j,
 *	nl_j = -log softmax(z)_j >= 0.
 *
 * Every term is >= 0 (for eps in [0, 1]), so nothing cancels.  The tempting
 * rewrite log_sum_exp(z) - sum_j t_j z_j subtracts two numbers of the size
 * of the logits (1e6, say) to get a loss of size 1.  This grouping is also
 * PyTorch's, and eps = 0 gives exactly the plain cross-entropy.
 */
static double row_smoothed_nll(const double *z, size_t k, size_t c,
			       double eps, struct lse_parts r)
{
	double all = 0.0;
	size_t j;

	for (j = 0; j < k; j++)
		all += neg_log_softmax(z, j, r);
	return (1.0 - eps) * neg_log_softmax(z, c, r) + eps / (double)k * all;
}

/*
 * One row of the smoothed gradient, g_j = (softmax(z)_j - t_j) / n.
 *
 * j != c: (p_j - eps/k) / n.
 * j == c: p_c - t_c = (1 - t_c) - (1 - p_c) with 1 - t_c = eps (k - 1) / k
 * and 1 - p_c = s / (1 + s) when c is the largest logit: for a confident
 * row p_c rounds to 1 and p_c - t_c would lose the small difference.  When
 * c is not the index of the maximum, p_c <= 1/2 and 1 - p_c is accurate.
 */
static void row_smoothed_grad(const double *z, size_t k, size_t c,
			      double eps, struct lse_parts r, size_t n,
			      double *g)
{
	double off = eps / (double)k;
	double one_minus_pc;
	size_t j;

	for (j = 0; j < k; j++)
		g[j] = (exp(z[j] - r.m) / (1.0 + r.s) - off) / (double)n;
	if (c == r.im)
		one_minus_pc = r.s / (1.0 + r.s);
	else
		one_minus_pc = 1.0 - exp(z[c] - r.m) / (1.0 + r.s);
	g[c] = (eps * (double)(k - 1) / (double)k - one_minus_pc) / (double)n;
}

/* sigma(z), branching on the sign so exp never overflows (01_sigmoid.c). */
static double stable_sigmoid(double z)
{
	double e;

	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	e = exp(z);
	return e / (1.0 + e);
}

/* sigma'(z) = e / (1 + e)^2, e = e^-|z|, accurate in both tails. */
static double stable_sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}

/* softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|) (02_bce.c). */
static double softplus(double x)
{
	return fmax(x, 0.0) + log1p(exp(-fabs(x)));
}

/* BCE on the logit: y softplus(-z) + (1 - y) softplus(z) (02_bce.c). */
static double bce_logit_term(double y, double z)
{
	double loss = 0.0;

	if (y != 0.0)
		loss += y * softplus(-z);
	if (y != 1.0)
		loss += (1.0 - y) * softplus(z);
	return loss;
}

/* sigma(z) - y, as (1 - y) - sigma(-z) for y > 1/2 (02_bce.c). */
static double residual(double y, double z)
{
	if (y > 0.5)
		return (1.0 - y) - stable_sigmoid(-z);
	return stable_sigmoid(z) - y;
}

/* What the focal loss of one sample is made of (see focal_loss below). */
struct focal_parts {
	double ce;	/* BCE on the logit */
	double q;	/* 1 - p_t */
	double r;	/* sigma(z) - y = d ce / d z */
	double ds;	/* sigma'(z) */
	double at;	/* alpha_t, or 1 without weighting */
};

/*
 * q = 1 - p_t = 1 - [p y + (1-p)(1-y)] = p (1 - y) + (1 - p) y,
 * with p = sigma(z) and 1 - p = sigma(-z): a sum of two terms >= 0, so a
 * well-classified sample keeps its small q exactly, where 1 - p_t would
 * round to 0 (y = 1, z = 40: q = sigma(-40) = 4.2e-18).
 */
static struct focal_parts focal_split(double y, double z, double alpha)
{
	struct focal_parts f;

	f.ce = bce_logit_term(y, z);
	f.q = y == 1.0 ? stable_sigmoid(-z) : stable_sigmoid(z);
	f.r = residual(y, z);
	f.ds = stable_sigmoid_grad(z);
	f.at = alpha >= 0.0 ? alpha * y + (1.0 - alpha) * (1.0 - y) : 1.0;
	return f;
}

/*
 * d/dz [alpha_t ce q^g], written so that no factor overflows:
 *
 *	alpha_t q^g [ (s - y) + g (1 - 2y) ce s' / q ]
 *
 * s' / q is bounded (for y = 0, q = s and s' / q = 1 - s; for y = 1 it
 * is s), while q^(g-1) alone is unbounded as q -> 0 when g < 1.
 * q == 0 (a saturated, correctly classified sample: y = 0 and sigma(z) = 0,
 * or y = 1 and sigma(-z) = 0) is the 0 * inf limit; the derivative there
 * is 0: s - y = 0, and ce s' q^(g-1) ~ e^-(1+g)|z| -> 0.
 * g = 0 gives exactly alpha_t (s - y), BCE's gradient.
 */
static double focal_dterm(struct focal_parts f, double y, double gamma)
{
	double bracket;

	if (f.q == 0.0)
		return 0.0;
	bracket = f.r + gamma * (1.0 - 2.0 * y) * f.ce * (f.ds / f.q);
	return f.at * pow(f.q, gamma) * bracket;
}

/*
 * smoothed_cross_entropy(z, labels, n, k, eps, grad)
 *	= (1/n) sum_i -sum_j t_ij log softmax(z_i)_j,
 *	t_i = (1 - eps) onehot(c_i) + eps / k	(c_i = labels[i]),
 *	grad_i = (softmax(z_i) - t_i) / n	(if grad != NULL).
 *
 * The eps/k goes to every class, the true one included (PyTorch's
 * label_smoothing), so t sums to 1 and t_c = 1 - eps + eps/k.
 *
 * Method: row_smoothed_nll and row_smoothed_grad above, on the log-sum-exp
 * decomposition of each row.  k = 1 gives loss 0 and gradient 0 exactly.
 * A label outside [0, k) is checked first: the result is NaN, grad
 * untouched.
 */
double smoothed_cross_entropy(const double *z, const size_t *labels,
			      size_t n, size_t k, double eps, double *grad)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		if (labels[i] >= k)
			return NAN;
	for (i = 0; i < n; i++) {
		const double *row = z + i * k;
		struct lse_parts r = lse_split(row, k);

		sum += row_smoothed_nll(row, k, labels[i], eps, r);
		if (grad)
			row_smoothed_grad(row, k, labels[i], eps, r, n,
					  grad + i * k);
	}
	return sum / (double)n;
}

/*
 * focal_loss(y, z, n, alpha, gamma, grad) = (1/n) sum_i alpha_t ce q^gamma
 *
 *	p = sigma(z),	ce = BCE(y, z) on the logit,
 *	p_t = p y + (1 - p)(1 - y),	q = 1 - p_t,
 *	alpha_t = alpha y + (1 - alpha)(1 - y) if alpha >= 0, else 1.
 *
 * Gradient (grad != NULL): grad_i = d mean / d z_i = (1/n) d loss_i / d z_i.
 * With s = sigma(z), s' = s (1 - s):
 *	d ce / d z = s - y				(chapter 3)
 *	q = s (1 - y) + (1 - s) y = y + s (1 - 2y),	d q / d z = s' (1 - 2y)
 *	d/dz [ce q^g] = (s - y) q^g + ce g q^(g-1) s' (1 - 2y)
 *	d loss_i / d z = alpha_t [ (s - y) q^g + ce g q^(g-1) s' (1 - 2y) ]
 * (alpha_t does not depend on z).
 *
 * Method: focal_split and focal_dterm above: q without cancellation,
 * every factor tail-accurate, no 0 * inf at q = 0.  gamma = 0 and
 * alpha < 0 give exactly bce_with_logits and its gradient (the same
 * per-sample terms summed in the same order: pow(q, 0) = 1).
 */
double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct focal_parts f = focal_split(y[i], z[i], alpha);

		sum += f.at * f.ce * pow(f.q, gamma);
		if (grad)
			grad[i] = focal_dterm(f, y[i], gamma) / (double)n;
	}
	return sum / (double)n;
}
