/*
 * 01_sigmoid.c - buggy: sigmoid_grad as (1 - tanh(z/2)^2) / 4, which cancels
 * to 0 in both tails.
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
	double t = tanh(0.5 * z);

	return 0.25 * (1.0 - t * t);
}
