/*
 * 01_sigmoid.c - correct: through softplus, sigma(z) = exp(-softplus(-z))
 * and sigma'(z) = exp(-softplus(z) - softplus(-z)); the exp of a log is
 * accurate to about |z| eps relative.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	double x = -z;
	double softplus = fmax(x, 0.0) + log1p(exp(-fabs(x)));

	return exp(-softplus);
}

double sigmoid_grad(double z)
{
	double sp = fmax(z, 0.0) + log1p(exp(-fabs(z)));
	double sm = fmax(-z, 0.0) + log1p(exp(-fabs(z)));

	return exp(-(sp + sm));
}
