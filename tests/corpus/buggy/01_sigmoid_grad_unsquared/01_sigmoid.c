/*
 * 01_sigmoid.c - buggy: sigmoid_grad as e^-|z| / (1 + e^-|z|): the
 * denominator is not squared.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	return exp(z) / (1.0 + exp(z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / (1.0 + e);
}
