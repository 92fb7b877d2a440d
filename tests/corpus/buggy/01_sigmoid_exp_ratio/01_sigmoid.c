/*
 * 01_sigmoid.c - buggy: e^z / (1 + e^z) for every z, which is inf / inf = NaN
 * for z > 709.8.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	return exp(z) / (1.0 + exp(z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
