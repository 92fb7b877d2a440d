/*
 * 01_sigmoid.c - buggy: 1 / (1 + e^-z) for every z; e^-z overflows for
 * z < -709.8 and the result is 0 where the true value is a subnormal
 * (sigmoid(-710) = 4.5e-309, chapter 1).
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
