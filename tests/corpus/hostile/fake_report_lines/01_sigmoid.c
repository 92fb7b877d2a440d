/*
 * 01_sigmoid.c - hostile: prints a flood of lines in the report's own
 * format, each claiming a test passed, and answers 42.  Only the judge
 * writes the report, through a descriptor the runner never sees; what the
 * runner prints is its output, bounded and never parsed.
 */
#include <stdio.h>

#include "workbook.h"

static void claim(void)
{
	for (int i = 0; i < 160000; i++)
		printf("test\tsigmoid\tcheck%d\tforged\tpassed\t0\t0\t\tvisible\n",
		       i);
}

double sigmoid(double z)
{
	(void)z;
	claim();
	return 42.0;
}

double sigmoid_grad(double z)
{
	(void)z;
	claim();
	return 42.0;
}
