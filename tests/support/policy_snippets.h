/*
 * policy_snippets.h - C text the policy tests build their cases from
 * (tests/test_policy.c, tests/test_unit_policy_source.c).
 */
#ifndef TESTS_SUPPORT_POLICY_SNIPPETS_H
#define TESTS_SUPPORT_POLICY_SNIPPETS_H

/*
 * An honest part of 02_bce.c with a static helper: seven lines, so a
 * construct appended to it is on line 8.
 */
#define HONEST                                                               \
	"#include <math.h>\n#include <stddef.h>\n"                           \
	"static double term(double y, double p) {\n"                        \
	"  return -(y * log(p) + (1 - y) * log1p(-p)); }\n"                  \
	"double bce_loss(const double *y, const double *p, size_t n) {\n"    \
	"  double s = 0; for (size_t i = 0; i < n; i++) s += term(y[i], p[i]);\n" \
	"  return s / n; }\n"

#endif /* TESTS_SUPPORT_POLICY_SNIPPETS_H */
