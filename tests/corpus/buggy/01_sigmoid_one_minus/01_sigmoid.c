/*
 * 01_sigmoid.c - buggy: 1 - 1 / (1 + e^z), which cancels to 0 in the left
 * tail (sigmoid(-40) = 0).
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	return 1.0 - 1.0 / (1.0 + exp(z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
