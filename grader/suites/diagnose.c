/*
 * diagnose.c - naming the mistake behind a wrong value (check.h,
 * "diagnoses"): a mistake particular to the function, then NaN or an
 * infinity, then a slip seen in the ratio of the value to the right one.
 *
 * Everything here runs in the judge on values it holds: the right value
 * from the reference, each mistake's value recomputed by the suite.
 */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * A value matches a mistake's to 1e-9 relative (or the check's own
 * tolerance when wider): far looser than rounding, far tighter than any
 * other mistake lands by chance.
 */
static struct wb_tol mistake_tol(struct wb_tol tol)
{
	return (struct wb_tol){ tol.abs, fmax(tol.rel, 1e-9) };
}

static bool all_match(const double *got, const double *value, size_t count,
		      struct wb_tol tol)
{
	for (size_t i = 0; i < count; i++)
		if (!(isnan(got[i]) && isnan(value[i])) &&
		    !wb_close(got[i], value[i], tol))
			return false;
	return true;
}

/* Mistake m explains got: its value fails the check (a mistake that
 * makes no difference at this input explains nothing) and got is it. */
static bool shows(const struct wb_mistake *m, const double *want,
		  const double *got, size_t count, struct wb_tol tol)
{
	return m->advice.diagnosis &&
	       wb_first_mismatch(m->value, want, count, tol) < count &&
	       all_match(got, m->value, count, mistake_tol(tol));
}

/* The mistake got shows, when the values single one out: two mistakes
 * told in different words that give the same value here (one-sided
 * denominators when one side is the larger) leave it unnamed. */
static const struct wb_mistake *
particular(const struct wb_diagnosis *d, const double *want,
	   const double *got, size_t count, struct wb_tol tol)
{
	const struct wb_mistake *found = NULL;

	for (size_t m = 0; m < d->mistake_count; m++) {
		const struct wb_mistake *mistake = &d->mistakes[m];

		if (!shows(mistake, want, got, count, tol))
			continue;
		if (!found)
			found = mistake;
		else if (strcmp(found->advice.diagnosis,
				mistake->advice.diagnosis))
			return NULL;
	}
	return found;
}

enum finiteness { FINITE_AS_WANTED, GOT_NAN, GOT_INF, GOT_FINITE };

/* The first NaN, infinity where want is finite, or finite value where
 * want is infinite. */
static enum finiteness finiteness(const double *want, const double *got,
				  size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (isnan(got[i]))
			return GOT_NAN;
		if (isinf(got[i]) && !isinf(want[i]))
			return GOT_INF;
		if (!isinf(got[i]) && isinf(want[i]))
			return GOT_FINITE;
	}
	return FINITE_AS_WANTED;
}

/* got is factor times want in every component, and differs from want. */
static bool scaled(const double *want, const double *got, size_t count,
		   double factor, struct wb_tol tol)
{
	bool differs = false;

	for (size_t i = 0; i < count; i++) {
		if (!isfinite(want[i]) || !wb_close(got[i], factor * want[i], tol))
			return false;
		differs |= !wb_close(got[i], want[i], tol);
	}
	return differs;
}

/* The ratio a slip makes; 0 when it cannot be told (no batch size). */
static double slip_factor(enum wb_slip slip, size_t n)
{
	switch (slip) {
	case WB_SUM_NOT_MEAN: return n > 1 ? (double)n : 0.0;
	case WB_DIVIDED_TWICE: return n > 1 ? 1.0 / (double)n : 0.0;
	case WB_SIGN: return -1.0;
	case WB_DOUBLE: return 2.0;
	case WB_HALF: return 0.5;
	case WB_LOG10: return 1.0 / log(10.0);
	case WB_LOG2: return 1.0 / log(2.0);
	default: return 0.0;
	}
}

static void slip_words(enum wb_slip slip, size_t n, char *buf, size_t size)
{
	switch (slip) {
	case WB_SUM_NOT_MEAN:
		snprintf(buf, size, "a sum instead of the mean: n = %zu times "
			 "the expected value", n);
		break;
	case WB_DIVIDED_TWICE:
		snprintf(buf, size, "divided by n twice: 1/n = 1/%zu of the "
			 "expected value", n);
		break;
	case WB_SIGN:
		snprintf(buf, size, "the wrong sign: -1 times the expected "
			 "value");
		break;
	case WB_DOUBLE:
		snprintf(buf, size, "a factor 2 too many: twice the expected "
			 "value");
		break;
	case WB_HALF:
		snprintf(buf, size, "a factor 2 missing: half the expected "
			 "value");
		break;
	case WB_LOG10:
		snprintf(buf, size, "log10 instead of the natural log: 1/ln 10 "
			 "= 0.434 times the expected value");
		break;
	case WB_LOG2:
		snprintf(buf, size, "log2 instead of the natural log: 1/ln 2 "
			 "= 1.443 times the expected value");
		break;
	default:
		snprintf(buf, size, "a slip");
		break;
	}
}

static bool slipped(const struct wb_diagnosis *d, const double *want,
		    const double *got, size_t count, struct wb_tol tol,
		    char *diagnosis, size_t size, const char **hint)
{
	for (int s = 0; s < WB_SLIPS; s++) {
		double factor = slip_factor((enum wb_slip)s, d->n);

		if (!d->slip_hint[s] || factor == 0.0 ||
		    !scaled(want, got, count, factor, tol))
			continue;
		slip_words((enum wb_slip)s, d->n, diagnosis, size);
		*hint = d->slip_hint[s];
		return true;
	}
	return false;
}

bool wb_diagnose(const struct wb_diagnosis *d, const double *want,
		 const double *got, size_t count, struct wb_tol tol,
		 char *diagnosis, size_t size, const char **hint)
{
	struct wb_tol loose = mistake_tol(tol);
	const struct wb_mistake *m = particular(d, want, got, count, tol);
	const struct wb_advice *advice = NULL;

	switch (m ? FINITE_AS_WANTED : finiteness(want, got, count)) {
	case GOT_NAN: advice = &d->nan; break;
	case GOT_INF: advice = &d->inf; break;
	case GOT_FINITE: advice = &d->finite; break;
	default: advice = m ? &m->advice : NULL; break;
	}
	if (advice && advice->diagnosis) {
		snprintf(diagnosis, size, "%s", advice->diagnosis);
		*hint = advice->hint;
		return true;
	}
	return !advice && slipped(d, want, got, count, loose, diagnosis, size,
				  hint);
}

/* Fails element index (or the value, index -1) with the diagnosis first. */
static bool fail_diagnosed(const struct wb_diagnosis *d, const char *summary,
			   const char *input, const double *want,
			   const double *got, size_t count, size_t index,
			   struct wb_tol tol, const char *hint)
{
	char diagnosis[256], first[600];
	const char *advice = hint;

	if (!d || !wb_diagnose(d, want, got, count, tol, diagnosis,
			       sizeof diagnosis, &advice))
		return false;
	if (index == (size_t)-1)
		snprintf(first, sizeof first, "%s: %s", summary, diagnosis);
	else
		snprintf(first, sizeof first, "%s (element %zu): %s", summary,
			 index, diagnosis);
	wb_fail_element_as(first, input, index,
			   want[index == (size_t)-1 ? 0 : index],
			   got[index == (size_t)-1 ? 0 : index], tol,
			   advice ? advice : hint);
	return true;
}

bool wb_check_value_diagnosed(const struct wb_diagnosis *d,
			      const char *summary, const char *input,
			      double want, double got, struct wb_tol tol,
			      const char *hint)
{
	if (wb_close(got, want, tol))
		return true;
	if (!fail_diagnosed(d, summary, input, &want, &got, 1, (size_t)-1,
			    tol, hint))
		wb_fail_value(summary, input, want, got, tol, hint);
	return false;
}

bool wb_check_vector_diagnosed(const struct wb_diagnosis *d,
			       const char *summary, const char *input,
			       const double *want, const double *got,
			       size_t n, struct wb_tol tol, const char *hint)
{
	size_t i = wb_first_mismatch(got, want, n, tol);

	if (i == n)
		return true;
	if (!fail_diagnosed(d, summary, input, want, got, n, i, tol, hint))
		wb_fail_element(summary, input, i, want[i], got[i], tol, hint);
	return false;
}
