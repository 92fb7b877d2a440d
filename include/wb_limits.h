/*
 * wb_limits.h - limits that both sides of a judged run name: the suites
 * set them (grader/suites/check.h), the grader explains them in its
 * messages (grader/core/grade_explain.c).  Not part of the exercise contract.
 */
#ifndef WB_LIMITS_H
#define WB_LIMITS_H

/* Wall-clock seconds one test may take (Criterion's .timeout). */
#define WB_TIMEOUT_SECONDS 2.0

#endif /* WB_LIMITS_H */
