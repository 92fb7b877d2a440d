/*
 * bench_table.h - medians and the one table `make bench` prints.
 */
#ifndef BENCH_TABLE_H
#define BENCH_TABLE_H

#include <stddef.h>

/* Median of v[0 .. n-1] (sorts v); 0 when n == 0. */
double bench_median(double *v, size_t n);

/* The heading: machine, cores, CPU model, and the column titles. */
void bench_table_header(const char *title);

/* A section title inside the table. */
void bench_table_section(const char *title);

/*
 * One row.  Columns: what is measured, its median, the floor beside it,
 * the ratio median/floor, the goal and whether it is met.  Any may be "".
 */
void bench_table_row(const char *what, const char *value, const char *floor,
		     const char *ratio, const char *goal, const char *status);

/* Formats seconds as "0.123 s" into buf. */
const char *bench_fmt_seconds(char *buf, size_t size, double seconds);

/* Formats a ratio "2.3x", or "" when the floor is 0. */
const char *bench_fmt_ratio(char *buf, size_t size, double value,
			    double floor);

/* The CPU model from /proc/cpuinfo, or "unknown". */
const char *bench_cpu_model(void);

#endif /* BENCH_TABLE_H */
