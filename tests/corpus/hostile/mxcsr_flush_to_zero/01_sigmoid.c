/*
 * 01_sigmoid.c - hostile: the naive formula, after turning on
 * flush-to-zero and denormals-are-zero in MXCSR with a builtin (no fe*
 * symbol).  Sharing a process with the tests, this made the reference
 * flush the subnormal tail too and the naive sigmoid passed; the runner
 * resets the floating-point environment before every call, and the
 * reference never runs there.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	__builtin_ia32_ldmxcsr(__builtin_ia32_stmxcsr() | 0x8040);
	return 1.0 / (1.0 + exp(-z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
