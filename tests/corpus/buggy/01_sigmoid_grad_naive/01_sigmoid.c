/*
 * 01_sigmoid.c - buggy: sigmoid_grad as e^z / (1 + e^z)^2, NaN (inf / inf)
 * for z > 709.8.
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
	return exp(z) / ((1.0 + exp(z)) * (1.0 + exp(z)));
}
