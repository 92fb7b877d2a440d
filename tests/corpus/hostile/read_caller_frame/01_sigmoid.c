/*
 * 01_sigmoid.c - hostile: no formula at all, only the caller's frame.  In
 * one process with the tests the expected value sat in the caller's frame
 * and this scored 11/12; the runner's frames hold only the inputs.
 */
#include "workbook.h"

double sigmoid(double z)
{
	(void)z;
	return ((const double *)__builtin_frame_address(0))[3];
}

double sigmoid_grad(double z)
{
	(void)z;
	return ((const double *)__builtin_frame_address(0))[3];
}
