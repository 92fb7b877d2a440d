/*
 * 01_sigmoid.c - hostile: a correct sigmoid_grad that leaves MXCSR rounding
 * towards +inf behind, and a sigmoid that answers 42 whenever it finds the
 * environment changed.  The runner resets MXCSR and the x87 control word
 * before every call, so sigmoid never sees the change and passes.
 */
#include <math.h>

#include "workbook.h"

#define MXCSR_DEFAULT 0x1f80u
#define ROUND_UP 0x4000u

double sigmoid(double z)
{
	if (__builtin_ia32_stmxcsr() != MXCSR_DEFAULT)
		return 42.0;
	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	return exp(z) / (1.0 + exp(z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	__builtin_ia32_ldmxcsr(MXCSR_DEFAULT | ROUND_UP);
	return e / ((1.0 + e) * (1.0 + e));
}
