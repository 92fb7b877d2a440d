/*
 * bench_table.c - medians and the printed table.  The harness and the
 * kernel benchmark both print through here so that `make bench` shows one
 * table with one set of columns.
 */
#include "bench_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
	if (n == 0)
		return 0.0;
	qsort(v, n, sizeof *v, compare_doubles);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

const char *bench_cpu_model(void)
{
	static char model[256] = "unknown";
	char line[512];
	FILE *f = fopen("/proc/cpuinfo", "r");

	if (!f)
		return model;
	while (fgets(line, sizeof line, f)) {
		char *colon = strchr(line, ':');

		if (strncmp(line, "model name", 10) || !colon)
			continue;
		colon += strspn(colon + 1, " \t") + 1;
		colon[strcspn(colon, "\n")] = '\0';
		snprintf(model, sizeof model, "%s", colon);
		break;
	}
	fclose(f);
	return model;
}

void bench_table_header(const char *title)
{
	printf("%s\n", title);
	double load[1] = { -1.0 };

	/* Other work on the machine inflates every wall-clock figure. */
	if (getloadavg(load, 1) < 1)
		load[0] = -1.0;
	printf("machine: %ld cores online, CPU: %s, load average %.2f\n",
	       sysconf(_SC_NPROCESSORS_ONLN), bench_cpu_model(), load[0]);
	printf("%-46s %12s %12s %7s %9s %s\n", "measure", "median", "floor",
	       "ratio", "goal", "met");
	printf("%.*s\n", 96, "-----------------------------------------------"
	       "-------------------------------------------------------------");
	fflush(stdout);
}

void bench_table_section(const char *title)
{
	printf("[%s]\n", title);
	fflush(stdout);
}

void bench_table_row(const char *what, const char *value, const char *floor,
		     const char *ratio, const char *goal, const char *status)
{
	printf("  %-44s %12s %12s %7s %9s %s\n", what, value, floor, ratio,
	       goal, status);
	fflush(stdout);
}

const char *bench_fmt_seconds(char *buf, size_t size, double seconds)
{
	snprintf(buf, size, "%.3f s", seconds);
	return buf;
}

const char *bench_fmt_ratio(char *buf, size_t size, double value,
			    double floor)
{
	if (floor <= 0.0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.1fx", value / floor);
	return buf;
}
