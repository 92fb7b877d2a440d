/*
 * check.h - what every exercise suite shares: the test macro, a seeded random
 * generator, tolerant comparisons and feedback a student can act on.
 *
 * Rules that keep verdicts honest (docs/design.md, "The suites and the
 * grader"):
 *   - write every test with WB_TEST; a check only ever records a failure
 *     (wb_fail and friends) and the test returns after the first one;
 *   - WB_TEST ends the test with the single passing "completed" assertion, so
 *     a test whose student code ended the process early has none and fails;
 *   - draw inputs from the test's wb_rng, seeded from WB_SEED and the test's
 *     name, so hard-coded answers fail and a run can be reproduced.
 */
#ifndef WB_CHECK_H
#define WB_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <criterion/criterion.h>

#include "workbook.h"
#include "reference.h"

/* WB_TIMEOUT_SECONDS, the per-test limit the grader reports. */
#include "wb_limits.h"

/* The message every "not implemented" failure starts with. */
#define WB_NOT_IMPLEMENTED "not implemented"

/* Set by WB_TEST before the body runs: the test's suite and name. */
extern const char *wb_current_function;

/*
 * True, with the test's "not implemented" failure recorded, when the
 * student's file does not define `function` (proxy.h asks the runner).
 */
bool wb_function_missing(const char *function);

/*
 * True while a suite calls another of the student's functions only to word
 * a message (a gradient test taking finite differences of the student's own
 * loss): a stub's workbook_todo() then returns NaN instead of ending the
 * test, so the failure reported stays the gradient's, not "not implemented".
 */
extern bool wb_probing;

/*
 * The mark of a hidden test: its Criterion `.data` points here, so the
 * reporter can tell hidden tests from visible ones.
 */
extern int wb_hidden_tag;

/*
 * WB_TEST(function, check, "description") { body }
 *
 * The suite is named after the contract function; a function the student's
 * file does not define is reported as not implemented before it is called.
 */
#define WB_TEST(function, check, text)                                        \
	WB_TEST_TAGGED(function, check, text, NULL)

/*
 * WB_HIDDEN_TEST(function, check, "description") { body }
 *
 * A test students do not see: written like WB_TEST, and placed between the
 * marker lines BEGIN HIDDEN and END HIDDEN (in C comments) so that the
 * student release drops it.  Only the instructor build (-DWB_WITH_HIDDEN,
 * build/suites/hidden/) registers it; the student build turns it into an
 * unused static function that the compiler drops, so a student's suite
 * program does not even contain it.
 */
#ifdef WB_WITH_HIDDEN
#define WB_HIDDEN_TEST(function, check, text)                                 \
	WB_TEST_TAGGED(function, check, text, &wb_hidden_tag)
#else
#define WB_HIDDEN_TEST(function, check, text)                                 \
	__attribute__((unused))                                               \
	static void wb_body_##function##_##check(void)
#endif

#define WB_TEST_TAGGED(function, check, text, tag)                            \
	static void wb_body_##function##_##check(void);                       \
	Test(function, check, .description = text,                            \
	     .timeout = WB_TIMEOUT_SECONDS, .data = (tag))                    \
	{                                                                     \
		wb_current_function = #function;                              \
		wb_subnormals_count = false;                                  \
		if (wb_function_missing(#function))                           \
			return;                                               \
		wb_body_##function##_##check();                               \
		cr_expect(1, "completed");                                    \
	}                                                                     \
	static void wb_body_##function##_##check(void)

/* ---- random inputs --------------------------------------------------- */

struct wb_rng {
	uint64_t state;
};

/* Seeds from WB_SEED (default 1) and the current test's suite and name. */
void wb_rng_init(struct wb_rng *rng);
uint64_t wb_rng_next(struct wb_rng *rng);
/* Uniform in [lo, hi). */
double wb_rng_uniform(struct wb_rng *rng, double lo, double hi);
/* Uniform in [0, n). */
size_t wb_rng_index(struct wb_rng *rng, size_t n);
void wb_rng_fill(struct wb_rng *rng, double *x, size_t n, double lo,
		 double hi);
/* A probability vector of length k with every entry > 0. */
void wb_rng_distribution(struct wb_rng *rng, double *p, size_t k);
uint64_t wb_seed(void);

/* ---- tolerances -------------------------------------------------------- */

/*
 * got matches want when |got - want| <= abs + rel * |want|.  Infinities match
 * only the same infinity, NaN matches nothing (a NaN reference is a bug in
 * the suite).  Each suite states, next to the tolerance it uses, why it is
 * wide enough for every correct formula and narrow enough for wrong ones.
 *
 * The fairness rule (docs/design.md, "Fairness: the grader fails only what
 * the book teaches"): a difference below DBL_MIN, inside the subnormal
 * range, always matches, unless the test set wb_subnormals_count, which it
 * may do only when the section its hint cites defines subnormal numbers.
 */
struct wb_tol {
	double abs;
	double rel;
};

/* False at the start of every test (WB_TEST resets it); see wb_tol. */
extern bool wb_subnormals_count;

bool wb_close(double got, double want, struct wb_tol tol);
/* Index of the first mismatch, or n when all match. */
size_t wb_first_mismatch(const double *got, const double *want, size_t n,
			 struct wb_tol tol);

/* ---- feedback ---------------------------------------------------------- */

/* "(0.9, 0.2, 0.6)", shortened to "(a, b, c, ... 997 more)". */
const char *wb_format_vector(char *buf, size_t size, const double *x,
			     size_t n);
const char *wb_format_labels(char *buf, size_t size, const size_t *labels,
			     size_t n);

/*
 * Records a failed check.  summary says what went wrong in a student's words;
 * input describes the arguments briefly; hint names what to fix and the
 * chapter section that teaches it.
 *
 *   bce_loss: wrong value for soft labels
 *     input:    y = (0.3), p = (0.6)
 *     expected: 0.7553...
 *     got:      -0.7553...
 *     error:    absolute 1.5, relative 2 (allowed 1e-15 + 1e-12 relative)
 *     hint:     ...
 */
void wb_fail_value(const char *summary, const char *input, double want,
		   double got, struct wb_tol tol, const char *hint);
/* As wb_fail_value, for element `index` of a vector result. */
void wb_fail_element(const char *summary, const char *input, size_t index,
		     double want, double got, struct wb_tol tol,
		     const char *hint);
/*
 * As wb_fail_element, with the first line given whole (diagnose.c words it:
 * the summary, then the mistake the values show).
 */
void wb_fail_element_as(const char *first, const char *input, size_t index,
			double want, double got, struct wb_tol tol,
			const char *hint);
/* A failure that is not a value comparison (a property, a side effect). */
void wb_fail(const char *summary, const char *input, const char *hint);

/*
 * Checks one scalar result against the reference: records a failure (and
 * returns false) for NaN ("returned NaN"), a wrong infinity or a value
 * outside the tolerance.
 */
bool wb_check_value(const char *summary, const char *input, double want,
		    double got, struct wb_tol tol, const char *hint);
bool wb_check_vector(const char *summary, const char *input,
		     const double *want, const double *got, size_t n,
		     struct wb_tol tol, const char *hint);

/* ---- diagnoses (diagnose.c) ---------------------------------------------- */

/*
 * Before it describes a wrong value, a check names the mistake that made
 * it, when the values show one (docs/design.md, "Diagnoses"): the judge
 * recomputes what each common mistake would return from inputs it chose,
 * never from anything the student's process says about itself.
 *
 * Slips are mistakes any function can make, seen in the ratio of the value
 * returned to the right one; a check diagnoses the slips it has a hint for.
 */
enum wb_slip {
	WB_SUM_NOT_MEAN,	/* n times the value: the 1/n is missing */
	WB_DIVIDED_TWICE,	/* 1/n of the value */
	WB_SIGN,		/* -1 times the value */
	WB_DOUBLE,		/* 2 times the value */
	WB_HALF,		/* 1/2 of the value */
	WB_LOG10,		/* 1/ln 10 times the value: log10 for log */
	WB_LOG2,		/* 1/ln 2 times the value: log2 for log */
	WB_SLIPS
};

/* A diagnosis in a student's words: what the code did, what to do. */
struct wb_advice {
	const char *diagnosis;	/* "rounds soft labels to 0 or 1" */
	const char *hint;	/* what to change, citing the section */
};

/*
 * A mistake particular to a function, with what it returns for the
 * check's input (as many values as the check compares), computed by the
 * judge with the mistake made on purpose.
 */
struct wb_mistake {
	struct wb_advice advice;
	const double *value;
};

struct wb_diagnosis {
	size_t n;		/* the samples the value averages; 0: none */
	const char *slip_hint[WB_SLIPS];	/* NULL: not diagnosed */
	struct wb_advice nan;	/* for NaN; no diagnosis: "returned NaN" */
	struct wb_advice inf;	/* for an infinity where the value is finite */
	struct wb_advice finite; /* for a finite value where it is infinite */
	const struct wb_mistake *mistakes;	/* checked first, in order */
	size_t mistake_count;
};

/*
 * The most specific diagnosis of got against want (count values): true
 * with its words in diagnosis[size] and its hint in *hint, false when the
 * values show no mistake d knows.
 */
bool wb_diagnose(const struct wb_diagnosis *d, const double *want,
		 const double *got, size_t count, struct wb_tol tol,
		 char *diagnosis, size_t size, const char **hint);
/* wb_check_value and wb_check_vector that name the mistake first. */
bool wb_check_value_diagnosed(const struct wb_diagnosis *d,
			      const char *summary, const char *input,
			      double want, double got, struct wb_tol tol,
			      const char *hint);
bool wb_check_vector_diagnosed(const struct wb_diagnosis *d,
			       const char *summary, const char *input,
			       const double *want, const double *got,
			       size_t n, struct wb_tol tol, const char *hint);

/*
 * Guarded output arrays: the student's function gets `n` doubles with
 * canaries on both sides, so a write past the end (or before the start) is
 * caught as "wrote outside the array" instead of corrupting memory.
 */
struct wb_guarded {
	double *block;
	double *data;
	size_t n;
};

void wb_guarded_init(struct wb_guarded *g, size_t n, double fill);
/* True when both canary zones are intact; otherwise records a failure. */
bool wb_guarded_intact(const struct wb_guarded *g, const char *input);
void wb_guarded_release(struct wb_guarded *g);

/*
 * Central finite differences of f at x (restored afterwards), used to tell
 * "your gradient does not match your own loss" from "your loss is wrong".
 */
void wb_finite_differences(double (*f)(const double *x, size_t n, void *ctx),
			   void *ctx, double *x, size_t n, double *grad);

#endif /* WB_CHECK_H */
