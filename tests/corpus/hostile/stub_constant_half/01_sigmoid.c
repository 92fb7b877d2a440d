/*
 * 01_sigmoid.c - hostile: a stub.  Every function ignores the values of its
 * inputs, returns 0.5 and writes 0.5 into its outputs; the file must score
 * 0.
 */
#include <stddef.h>

#include "workbook.h"

#define STUB 0.5

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
