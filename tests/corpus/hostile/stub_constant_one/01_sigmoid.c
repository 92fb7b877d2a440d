/*
 * 01_sigmoid.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 1.0 and writes 1.0 into its outputs; the file must score
 * 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 1.0

double sigmoid(double z)
{
	(void)z;
	return STUB;
}

double sigmoid_grad(double z)
{
	(void)z;
	return STUB;
}
