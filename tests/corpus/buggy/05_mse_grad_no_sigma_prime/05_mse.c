/* Corpus entry 05_mse_grad_no_sigma_prime: the reference solution with one bug, in
 * mse_sigmoid_grad(): gradient misses the chain-rule factor sigma'(z). */
/*
 * 05_mse.c - reference solution of exercise 5 (chapter 5, "Why not mean
 * squared error").
 *
 * Squared error on a sigmoid output, its gradient and its second derivative
 * in the logit, accurate in both tails so that the chapter's point (the
 * gradient vanishes, the curvature changes sign) is shown by the true
 * values and not by rounding errors.
 */
#include <math.h>

#include "workbook.h"

/* sigma(z), branching on the sign so exp never overflows (01_sigmoid.c). */
static double stable_sigmoid(double z)
{
	double e;

	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	e = exp(z);
	return e / (1.0 + e);
}

/* sigma'(z) = e / (1 + e)^2 with e = e^-|z|: relative accuracy in both
 * tails, where s (1 - s) would round to 0 (01_sigmoid.c). */
static double stable_sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}

/*
 * sigma(z) - y, accurate where it is small: for y > 1/2 it is computed as
 * (1 - y) - sigma(-z), with 1 - y exact, so that for y = 1 it is
 * -sigma(-z) and does not collapse to 0 for large z (02_bce.c).
 */
static double residual(double y, double z)
{
	if (y > 0.5)
		return (1.0 - y) - stable_sigmoid(-z);
	return stable_sigmoid(z) - y;
}

/*
 * mse_sigmoid_loss(y, z, n) = (1/n) sum_i (sigma(z_i) - y_i)^2
 *
 * Method: the residual is formed accurately (residual above), squared and
 * the non-negative squares summed.  The loss is bounded by 1 per sample,
 * the first hint of why it is a weak training signal (chapter 5).
 */
double mse_sigmoid_loss(const double *y, const double *z, size_t n)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		double r = residual(y[i], z[i]);

		sum += r * r;
	}
	return sum / (double)n;
}

/*
 * mse_sigmoid_grad: grad[i] = 2 (sigma(z_i) - y_i) sigma'(z_i) / n
 *
 * Derivation: the chain rule through s = sigma(z), d s / d z = sigma'(z).
 * The factor sigma'(z) is what makes the gradient vanish for a confidently
 * wrong prediction: y = 1, z = -40 gives a gradient of about -8.5e-18 / n
 * where BCE's is -1 / n.
 *
 * Method: both factors are computed tail-accurately, so the tiny gradient
 * is the true tiny value, not 0 or a rounding error.
 */
void mse_sigmoid_grad(const double *y, const double *z, size_t n,
		      double *grad)
{
	size_t i;

	for (i = 0; i < n; i++) {
		double r = residual(y[i], z[i]);

		grad[i] = 2.0 * r / (double)n;
	}
}

/*
 * mse_sigmoid_curvature(y, z) = d^2/dz^2 (sigma(z) - y)^2
 *
 * Derivation: with s = sigma(z), s' = s (1 - s) and s'' = s' (1 - 2 s),
 *
 *	f'  = 2 (s - y) s'
 *	f'' = 2 s'^2 + 2 (s - y) s'' = 2 s' [ s' + (s - y)(1 - 2 s) ].
 *
 * The bracket changes sign (for y = 0 at s = 2/3, z = log 2), which is the
 * non-convexity of MSE in the logit.
 *
 * Method: 1 - 2 s = (1 - e^z) / (1 + e^z) = -tanh(z / 2), which is
 * accurate everywhere, whereas 1 - 2 s rounds to -1 + (rounding error) for
 * large z.  s' and s - y are the tail-accurate helpers above.  The result
 * underflows to 0 only where its true value is below the smallest double
 * (it decays like e^-|z| or e^-2|z|).
 */
double mse_sigmoid_curvature(double y, double z)
{
	double ds = stable_sigmoid_grad(z);
	double r = residual(y, z);

	return 2.0 * ds * (ds - r * tanh(0.5 * z));
}
