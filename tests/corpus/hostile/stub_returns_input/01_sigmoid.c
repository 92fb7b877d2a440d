/*
 * 01_sigmoid.c - hostile: a stub.  Every function returns its first input
 * (its first element, for an array) and copies its first input array into
 * its outputs, and ignores the rest; the file must score 0.
 */
#include <stddef.h>

#include "workbook.h"

double sigmoid(double z)
{
	return z;
}

double sigmoid_grad(double z)
{
	return z;
}
