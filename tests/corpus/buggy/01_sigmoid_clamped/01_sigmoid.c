/*
 * 01_sigmoid.c - buggy: clamps z to [-500, 500] against overflow, which is
 * wrong by a factor e^100 at z = -600.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	if (z > 500.0)
		z = 500.0;
	if (z < -500.0)
		z = -500.0;
	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	return exp(z) / (1.0 + exp(z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
