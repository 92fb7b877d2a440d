/*
 * adjust_time.c - the values of the adjustments file: times with their
 * zone, durations and amounts.  Times are converted by hand (the civil
 * calendar), not by mktime(), so the result never depends on the grading
 * machine's TZ.
 */
#include "adjust.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_SECONDS = 86400 };

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static bool leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned month_days(int64_t y, unsigned m)
{
	static const unsigned days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
					 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Exactly `count` digits at *p, moved past; -1 when not. */
static int digits(const char **p, int count)
{
	int value = 0;

	for (int i = 0; i < count; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		value = value * 10 + (**p - '0');
	}
	return value;
}

/* Z, UTC, +HH:MM, -HH:MM or +HHMM, and nothing after it. */
static int parse_zone(const char *p, int *offset)
{
	int sign, hours, minutes;

	if (!strcmp(p, "Z") || !strcmp(p, "UTC")) {
		*offset = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	hours = digits(&p, 2);
	if (*p == ':')
		p++;
	minutes = digits(&p, 2);
	if (hours < 0 || minutes < 0 || *p || hours > 14 || minutes > 59)
		return -1;
	*offset = sign * (hours * 3600 + minutes * 60);
	return 0;
}

int adjust_parse_time(const char *text, int64_t *seconds, int *offset)
{
	const char *p = text;
	int y, mo, d, h, mi, s = 0;

	y = digits(&p, 4);
	if (y < 0 || *p++ != '-' || (mo = digits(&p, 2)) < 1 || mo > 12 ||
	    *p++ != '-' || (d = digits(&p, 2)) < 1 ||
	    (unsigned)d > month_days(y, (unsigned)mo) ||
	    (*p != ' ' && *p != 'T'))
		return -1;
	p++;
	if ((h = digits(&p, 2)) < 0 || h > 23 || *p++ != ':' ||
	    (mi = digits(&p, 2)) < 0 || mi > 59)
		return -1;
	if (*p == ':') {
		p++;
		if ((s = digits(&p, 2)) < 0 || s > 59)
			return -1;
		/* Gradescope writes fractions ("34.524451000"): dropped. */
		if (*p == '.' && p[1] >= '0' && p[1] <= '9')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
	}
	while (*p == ' ')
		p++;
	if (parse_zone(p, offset) != 0)
		return -1;
	*seconds = days_from_civil(y, (unsigned)mo, (unsigned)d) * DAY_SECONDS +
		   h * 3600 + mi * 60 + s - *offset;
	return 0;
}

int adjust_parse_duration(const char *text, int64_t *seconds)
{
	/* Some 30 years: far beyond any term, far from overflow. */
	static const int64_t most = (int64_t)DAY_SECONDS * 366 * 30;
	const char *p = text;
	int64_t total = 0;

	if (!strcmp(text, "0")) {
		*seconds = 0;
		return 0;
	}
	if (!*p)
		return -1;
	while (*p) {
		int64_t value = 0, unit;

		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9' && value <= most)
			value = value * 10 + (*p++ - '0');
		switch (*p++) {
		case 's': unit = 1; break;
		case 'm': unit = 60; break;
		case 'h': unit = 3600; break;
		case 'd': unit = DAY_SECONDS; break;
		default: return -1;
		}
		if (value > most || (total += value * unit) > most)
			return -1;
	}
	*seconds = total;
	return 0;
}

int adjust_parse_amount(const char *text, int64_t max_whole,
			struct adjust_amount *amount, const char **end)
{
	const char *p = text;
	int64_t whole = 0, centi = 0, sign = 1;
	int decimals = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		whole = whole * 10 + (*p++ - '0');
		if (whole > max_whole)
			return -1;
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++)
			if (++decimals > 2)
				return -1;
			else
				centi = centi * 10 + (*p - '0');
		if (!decimals)
			return -1;
		if (decimals == 1)
			centi *= 10;
	}
	amount->centi = sign * (whole * 100 + centi);
	amount->percent = *p == '%';
	p += amount->percent;
	*end = p;
	return 0;
}

void adjust_format_time(struct strbuf *out, int64_t seconds, int offset)
{
	/* Archive times may be anything: keep to some 300,000 years. */
	static const int64_t most = (int64_t)DAY_SECONDS * 366 * 300000;
	int64_t local, days, y, rest;
	int zone = offset < 0 ? -offset : offset;
	unsigned m, d;

	if (seconds > most || seconds < -most)
		seconds = seconds > 0 ? most : -most;
	local = seconds + offset;

	days = (local >= 0 ? local : local - (DAY_SECONDS - 1)) / DAY_SECONDS;
	rest = local - days * DAY_SECONDS;
	civil_from_days(days, &y, &m, &d);
	strbuf_addf(out, "%04" PRId64 "-%02u-%02u %02d:%02d:%02d %c%02d:%02d",
		    y, m, d, (int)(rest / 3600), (int)(rest / 60 % 60),
		    (int)(rest % 60), offset < 0 ? '-' : '+', zone / 3600,
		    zone / 60 % 60);
}

void adjust_format_centi(struct strbuf *out, int64_t centi)
{
	uint64_t magnitude = centi < 0 ? (uint64_t)-centi : (uint64_t)centi;
	unsigned fraction = (unsigned)(magnitude % 100);

	strbuf_addf(out, "%s%" PRIu64, centi < 0 ? "-" : "", magnitude / 100);
	if (fraction % 10)
		strbuf_addf(out, ".%02u", fraction);
	else if (fraction)
		strbuf_addf(out, ".%u", fraction / 10);
}
