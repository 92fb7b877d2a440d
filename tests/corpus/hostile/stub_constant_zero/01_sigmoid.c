/*
 * 01_sigmoid.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 0.0 and writes 0.0 into its outputs; the file must score
 * 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.0

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
