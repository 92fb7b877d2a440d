/*
 * 01_sigmoid.c - buggy: sigmoid_grad as s * (1 - s), which cancels to 0
 * for z > 37.
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
	double s = z >= 0.0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));

	return s * (1.0 - s);
}
