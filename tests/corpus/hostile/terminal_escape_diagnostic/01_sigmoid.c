/* 01_sigmoid.c - hostile: a compile error on a line whose comment clears
 * the screen (ESC [2J), homes the cursor and sets the window title: the
 * diagnostic that echoes the line must do none of it. */
#include "workbook.h"

double sigmoid(double z)
{
	return z +; /* [2J[H01_sigmoid.c 12/12 points]0;all tests pass */
}

double sigmoid_grad(double z)
{
	return z;
}
