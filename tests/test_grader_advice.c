/*
 * test_grader_advice.c - the compiler's advice under a student's file
 * (grader/core/compile.c's warnings): only for what can be a bug.  WB_GRADER
 * names the grader (default build/grader).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"

/*
 * The compiler's advice: a mean over size_t n (`s / n`) is no bug and
 * gets none; a double truncated to an int gets it.
 */
static const char advice_source[] =
	"#include <math.h>\n"
	"#include <stddef.h>\n"
	"#include \"workbook.h\"\n"
	"static double mean(const double *x, size_t n)\n"
	"{\n"
	"\tdouble s = 0.0;\n"
	"\tfor (size_t i = 0; i < n; i++)\n"
	"\t\ts += x[i];\n"
	"\treturn s / n;\n"
	"}\n"
	"double sigmoid(double z)\n"
	"{\n"
	"\tdouble v[1] = { z >= 0 ? 1 / (1 + exp(-z)) : "
	"exp(z) / (1 + exp(z)) };\n"
	"\treturn isnan(z) ? z : mean(v, 1);\n"
	"}\n"
	"double sigmoid_grad(double z)\n"
	"{\n"
	"\tdouble s = sigmoid(z);\n"
	"%s"
	"}\n";

static void grade_for_advice(const char *grad_body, struct harness_run *run)
{
	char *dir = harness_tempdir();
	char path[512], source[2048];
	int len = snprintf(source, sizeof source, advice_source, grad_body);

	snprintf(path, sizeof path, "%s/01_sigmoid.c", dir);
	harness_write_file(path, source, (size_t)len);
	harness_grade(run, (const char *[]){ "--only", "01", "--no-color",
					     dir, NULL }, NULL);
	harness_remove(dir);
	free(dir);
}

Test(advice, only_for_what_can_be_a_bug)
{
	struct harness_run run;

	grade_for_advice("\treturn s * (1 - s);\n", &run);
	cr_expect_lt(run.status, 2, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "01_sigmoid.c") && !strstr(run.out, "advice"),
		  "advice for s / n with size_t n:\n%s", run.out);
	harness_run_release(&run);
	grade_for_advice("\tint whole = z;\n"
			 "\treturn whole > 1000 ? 0.0 : s * (1 - s);\n", &run);
	cr_expect_lt(run.status, 2, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "advice") &&
		  strstr(run.out, "from 'double' to 'int'"),
		  "no advice for a double truncated to an int:\n%s", run.out);
	harness_run_release(&run);
}
