/*
 * test_policy.c - the symbol and section policy on objects compiled from
 * small C snippets (as gcc and clang emit them at -O0 and -O2, with
 * hardening flags), and on malformed files.  The source checks are in
 * test_unit_policy_source.c.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy/policy.h"
#include "support/harness.h"
#include "support/policy_snippets.h"

static const char *const bce[] = {
	"bce_loss", "bce_with_logits", "bce_with_logits_grad", NULL,
};

TestSuite(policy, .init = harness_scratch_make,
	  .fini = harness_scratch_remove);
TestSuite(malformed, .init = harness_scratch_make,
	  .fini = harness_scratch_remove);

/* Compiles code with cc and flags; returns the object's path. */
static char *compile_with(const char *cc, const char *flags, const char *code)
{
	char *src = harness_scratch_write("s.c", code, strlen(code)), *obj, *cmd;

	obj = harness_join(harness_scratch, "s.o");
	cr_assert(asprintf(&cmd, "%s %s -c '%s' -o '%s'", cc, flags, src,
			   obj) > 0);
	cr_assert(system(cmd) == 0, "could not compile: %s", cmd);
	free(cmd);
	free(src);
	return obj;
}

static struct policy_verdict check_with(const char *cc, const char *flags,
					const char *code)
{
	struct policy_verdict v;
	char *obj = compile_with(cc, flags, code);

	cr_assert_eq(policy_check_object(obj, bce, &v), 0);
	free(obj);
	return v;
}

static struct policy_verdict check(const char *code)
{
	return check_with("cc", "-O2", code);
}

static void expect_allowed(struct policy_verdict v)
{
	cr_expect_eq(v.allowed, 1, "rejected: %s", v.message);
}

static void expect_rejected(struct policy_verdict v, const char *text)
{
	cr_expect_eq(v.allowed, 0, "allowed, expected \"%s\"", text);
	cr_expect(strstr(v.message, text) != NULL, "message: %s", v.message);
}

Test(policy, honest_file_with_static_helper)
{
	expect_allowed(check(HONEST));
	expect_allowed(check_with("cc", "-O0", HONEST));
}

Test(policy, what_compilers_emit_for_allowed_code)
{
	const char *code =
		"#include <math.h>\n#include <stdio.h>\n#include <string.h>\n"
		"#include <stdlib.h>\n#include <assert.h>\n#include <stddef.h>\n"
		"double workbook_todo(const char *);\n"
		"double bce_loss(const double *y, const double *p, size_t n) {\n"
		"  double buf[64]; memset(buf, 0, sizeof buf);\n"
		"  if (isnan(p[0]) || isinf(y[0]) || !isfinite(p[1])) return NAN;\n"
		"  if (fpclassify(p[0]) == FP_SUBNORMAL || signbit(y[0])) n++;\n"
		"  printf(\"hello\\n\"); fprintf(stderr, \"debug\");\n"
		"  printf(\"%g\\n\", sin(y[0]) + cos(y[0]) + expf(1.0f));\n"
		"  double *t = malloc(n * sizeof *t); assert(t != NULL);\n"
		"  memcpy(t, y, n * sizeof *t); buf[n % 64] = t[0]; free(t);\n"
		"  return buf[3] + workbook_todo(__func__); }\n";
	const char *variants[][2] = {
		{ "cc", "-O2" }, { "cc", "-O0" }, { "cc", "-O2 -ffast-math" },
		{ "cc", "-O2 -fstack-protector-all -D_FORTIFY_SOURCE=2" },
		{ "cc", "-O0 -fPIC" }, { "clang", "-O0" }, { "clang", "-O2" },
	};

	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		if (strcmp(variants[i][0], "clang") == 0 &&
		    system("command -v clang >/dev/null") != 0)
			continue;
		struct policy_verdict v =
			check_with(variants[i][0], variants[i][1], code);
		cr_expect_eq(v.allowed, 1, "%s %s: %s", variants[i][0],
			     variants[i][1], v.message);
	}
}

Test(policy, global_helper)
{
	expect_rejected(check(HONEST "double helper(double x) { return x; }\n"),
			"defines `helper`, which is not a function of "
			"02_bce.c: make it static");
}

Test(policy, global_variable)
{
	expect_rejected(check(HONEST "int calls;\n"), "defines `calls`");
	expect_rejected(check(HONEST "double table[4] = {1};\n"),
			"defines `table`");
}

Test(policy, contract_name_as_data)
{
	expect_rejected(check("double bce_loss[4] = {1};\n"),
			"something other than a function");
}

Test(policy, main)
{
	expect_rejected(check(HONEST "int main(void) { return 0; }\n"),
			"defines `main`");
}

Test(policy, library_and_criterion_names)
{
	expect_rejected(check(HONEST "#include <stdlib.h>\n"
			      "void *malloc(size_t n) { (void)n; return 0; }\n"),
			"defines `malloc`");
	expect_rejected(check(HONEST "double exp(double x) { return x; }\n"),
			"defines `exp`");
	expect_rejected(check(HONEST "int criterion_run_all_tests(void *t) "
			      "{ (void)t; return 1; }\n"),
			"defines `criterion_run_all_tests`");
	expect_rejected(check(HONEST "void cr_log_info(const char *m, ...) "
			      "{ (void)m; }\n"),
			"defines `cr_log_info`");
}

Test(policy, exit_and_friends)
{
	expect_rejected(check("#include <stdlib.h>\n#include <stddef.h>\n"
			      "double bce_loss(const double *y, const double *p,"
			      " size_t n) { (void)y; (void)p; (void)n; "
			      "exit(0); }\n"),
			"calls `exit`, which the grader does not allow: "
			"return a value instead");
	expect_rejected(check("#include <unistd.h>\n#include <stddef.h>\n"
			      "double bce_loss(const double *y, const double *p,"
			      " size_t n) { if (n > 5) _exit(0); return *y * *p; }\n"),
			"calls `_exit`");
}

Test(policy, weak_reference_to_exit)
{
	expect_rejected(check("#include <stddef.h>\n"
			      "static void quit(int) __attribute__((weakref(\"exit\")));\n"
			      "double bce_loss(const double *y, const double *p,"
			      " size_t n) { if (n > 5) quit(0); return *y * *p; }\n"),
			"calls `exit`");
}

Test(policy, another_exercise)
{
	expect_rejected(check("#include \"" WB_INCLUDE "/workbook.h\"\n"
			      "double bce_with_logits(const double *y, const "
			      "double *z, size_t n) { return y[0] * "
			      "sigmoid(z[0]) / n; }\n"),
			"calls `sigmoid` from 01_sigmoid.c: each file is graded "
			"alone, copy it in as a static helper");
}

Test(policy, files_network_and_fenv)
{
	expect_rejected(check(HONEST "#include <stdio.h>\n"
			      "double bce_with_logits(const double *y, const "
			      "double *z, size_t n) { FILE *f = fopen(\"x\", "
			      "\"r\"); return f ? y[0] : z[n - 1]; }\n"),
			"calls `fopen`");
	expect_rejected(check(HONEST "#include <fenv.h>\n"
			      "double bce_with_logits(const double *y, const "
			      "double *z, size_t n) { fesetround(FE_UPWARD); "
			      "return y[0] + z[n - 1]; }\n"),
			"calls `fesetround`, which the grader does not allow: "
			"leave the floating-point environment");
}

Test(policy, constructors_and_destructors)
{
	expect_rejected(check(HONEST "#include <stdio.h>\n__attribute__((constructor)) static "
			      "void early(void) { puts(\"hi\"); }\n"),
			"constructor or destructor");
	expect_rejected(check(HONEST "#include <stdio.h>\n__attribute__((destructor)) static "
			      "void late(void) { puts(\"bye\"); }\n"),
			"constructor or destructor");
	expect_rejected(check(HONEST "static void f(void) { }\n"
			      "__attribute__((section(\".preinit_array\"), used))"
			      " static void (*p)(void) = f;\n"),
			"constructor or destructor");
}

Test(policy, ifunc)
{
	expect_rejected(check("#include <stddef.h>\n"
			      "static double real(const double *y, const double"
			      " *p, size_t n) { return *y * *p * n; }\n"
			      "static void *pick(void) { return (void *)real; }\n"
			      "double bce_loss(const double *y, const double *p, "
			      "size_t n) __attribute__((ifunc(\"pick\")));\n"),
			"ifunc");
}

/* ---- sections ------------------------------------------------------------ */

Test(policy, sections_plain_c_produces)
{
	/* cold paths, merged strings and constants, pointer tables (.data.rel
	 * with -fPIC), zero and non-zero data, hot and cold functions */
	const char *code =
		HONEST "#include <stdio.h>\n#include <assert.h>\n"
		"static double scale = 2.0; static double acc[8];\n"
		"static const char *const names[] = { \"a\", \"b\" };\n"
		"__attribute__((cold)) static void warn(void) "
		"{ puts(names[0]); }\n"
		"__attribute__((hot)) double bce_with_logits(const double *y, "
		"const double *z, size_t n) { if (n > 9) warn();\n"
		"  assert(n < 1000);\n"
		"  acc[n % 8] += y[0]; printf(\"%s %g\\n\", names[n % 2], 0.5);\n"
		"  return scale * z[0] + acc[1]; }\n";
	const char *flags[] = { "-std=c11 -O2 -g", "-O0 -g", "-O2 -fPIC -g",
				"-O2 -fcf-protection -g" };

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		struct policy_verdict v = check_with("cc", flags[i], code);
		cr_expect_eq(v.allowed, 1, "%s: %s", flags[i], v.message);
	}
}

Test(policy, criterion_sections)
{
	expect_rejected(check(HONEST "static void fn(void *s) { (void)s; }\n"
			      "static void (*p)(void *) __attribute__((used, "
			      "section(\"cr_pot\"))) = fn;\n"),
			"02_bce.c places data in section `cr_pot`, which only "
			"the grader's test framework (Criterion) may use: "
			"remove the section attribute");
	expect_rejected(check(HONEST "struct t { const char *name, *suite; "
			      "void (*test)(void); };\nstatic void run(void) {}\n"
			      "static struct t blob = { \"x\", \"y\", run };\n"
			      "static struct t *p __attribute__((used, "
			      "section(\"cr_tst\"))) = &blob;\n"),
			"section `cr_tst`");
}

Test(policy, other_sections)
{
	expect_rejected(check(HONEST "static int x __attribute__((used, "
			      "section(\".mydata\"))) = 1;\n"),
			"places code or data in section `.mydata`, which the "
			"compiler does not produce for plain C");
	/* the name is the allowlist's, the kind is not: code in .comment */
	expect_rejected(check(HONEST "__attribute__((section(\".comment\"))) "
			      "int f(int x); int f(int x) { return x; }\n"),
			"section `.comment` of an unusual kind");
	expect_rejected(check(HONEST "static _Thread_local double last;\n"
			      "double bce_with_logits(const double *y, const "
			      "double *z, size_t n) { last += y[0]; return last "
			      "* z[n - 1]; }\n"),
			"thread-local variable (section `.tbss`)");
	expect_rejected(check(HONEST "__attribute__((retain, used)) static "
			      "int keep(int x) { return x; }\n"),
			"section `.text.keep`");
}

Test(policy, executable_stack)
{
	expect_rejected(check(HONEST "static double apply(double (*f)(double),"
			      " double x) { return f(x); }\n"
			      "double bce_with_logits(const double *y, const "
			      "double *z, size_t n) {\n"
			      "  double by(double x) { return x * y[0]; }\n"
			      "  return apply(by, z[n - 1]); }\n"),
			"02_bce.c needs an executable stack");
}

/* ---- malformed objects --------------------------------------------------- */

static void expect_unreadable(const char *name, const void *data, size_t n)
{
	struct policy_verdict v;
	char *path = harness_scratch_write(name, data, n);

	cr_expect_eq(policy_check_object(path, bce, &v), -1, "%s", name);
	cr_expect_eq(v.allowed, 0);
	free(path);
}

static unsigned char *load(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	static unsigned char buf[1 << 20];

	cr_assert(f != NULL);
	*n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return buf;
}

Test(malformed, not_objects)
{
	struct policy_verdict v;

	expect_unreadable("empty", "", 0);
	expect_unreadable("text", "int main(void) {}\n", 18);
	expect_unreadable("magic-only", "\x7f" "ELF\2\1\1", 7);
	cr_expect_eq(policy_check_object("/nonexistent/x.o", bce, &v), -1);
	cr_expect_eq(policy_check_object("/bin/true", bce, &v), -1,
		     "an executable is not a relocatable object");
}

Test(malformed, truncated_and_corrupted)
{
	char *obj = compile_with("cc", "-O2", HONEST);
	size_t n;
	unsigned char *data = load(obj, &n);

	expect_unreadable("half", data, n / 2);
	expect_unreadable("header-only", data, 64);
	unsigned char copy[1 << 16];
	cr_assert(n <= sizeof(copy));
	memcpy(copy, data, n);
	memset(copy + 0x28, 0xff, 8);	/* e_shoff far past the end */
	expect_unreadable("shoff", copy, n);
	free(obj);
}

/* Random corruption must never crash the reader (Criterion reports one). */
Test(malformed, random_corruption_never_crashes)
{
	char *obj = compile_with("cc", "-O2", HONEST);
	size_t n;
	unsigned char *data = load(obj, &n), copy[1 << 16];
	struct policy_verdict v;

	cr_assert(n <= sizeof(copy));
	srand(12345);
	for (int round = 0; round < 3000; round++) {
		memcpy(copy, data, n);
		for (int k = 0; k < 1 + round % 8; k++)
			copy[(size_t)rand() % n] = (unsigned char)rand();
		char *path = harness_scratch_write("fuzz.o", copy, n);
		int rc = policy_check_object(path, bce, &v);
		cr_assert(rc == 0 || rc == -1);
		free(path);
	}
	free(obj);
}
