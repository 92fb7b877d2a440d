/*
 * elapsed.c - the monotonic clock.
 */
#include "elapsed.h"

#include <time.h>

double elapsed_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0.0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
