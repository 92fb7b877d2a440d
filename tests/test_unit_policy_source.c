/*
 * test_unit_policy_source.c - the source checks of the policy
 * (policy_check_source): the student's own directives, the preprocessed
 * file's tokens and attributes, and the assembly gcc wrote, on files
 * compiled as the grader compiles them (-std=c11 -O2 -g -save-temps=obj),
 * and on hand-written files for what gcc would not let through.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"
#include "policy/policy_internal.h"
#include "support/harness.h"
#include "support/policy_snippets.h"

TestSuite(source, .init = harness_scratch_make,
	  .fini = harness_scratch_remove);

static char *write_file(const char *name, const char *text)
{
	return harness_scratch_write(name, text, strlen(text));
}

/* The unpreprocessed file alone (no .i, no .s). */
static struct policy_verdict raw(const char *code)
{
	struct policy_verdict v;
	char *path = write_file("02_bce.c", code);

	cr_assert_eq(policy_check_source(path, &v), 0);
	free(path);
	return v;
}

/* Compiled as the grader does; the check reads 02_bce.{c,i,s}. */
static struct policy_verdict compiled(const char *code)
{
	struct policy_verdict v;
	char *src = write_file("02_bce.c", code), *cmd, *i;

	cr_assert(asprintf(&cmd, "cd '%s' && cc -std=c11 -O2 -g "
			   "-save-temps=obj -c 02_bce.c -o 02_bce.o",
			   harness_scratch) > 0);
	cr_assert(system(cmd) == 0, "could not compile:\n%s", code);
	i = harness_join(harness_scratch, "02_bce.i");
	cr_assert_eq(policy_check_source(i, &v), 0);
	free(i);
	free(cmd);
	free(src);
	return v;
}

static void expect_allowed(struct policy_verdict v)
{
	cr_expect_eq(v.allowed, 1, "refused: %s", v.message);
}

static void expect_refused(struct policy_verdict v, const char *text)
{
	cr_expect_eq(v.allowed, 0, "allowed, expected \"%s\"", text);
	cr_expect(strstr(v.message, text) != NULL, "message: %s", v.message);
}

/* The lines a refused construct takes, after an honest body. */
#define ASM_EXIT "void quit(void) { __asm__(\"mov $60, %eax\\n\\tsyscall\"); }\n"

Test(source, plain_c_is_fine)
{
	expect_allowed(raw(HONEST "/* asm in a comment */\n"
			   "// __asm__ too\nconst char *s = \"asm # 1\";\n"
			   "char c = 'a'; double d = 0x1p3; int asmx, x_asm;\n"
			   "#define STR(x) #x\n  # /* null directive */\n"));
	expect_allowed(raw("#include <asm/errno.h>\n#include <sys/types.h>\n"
			   "#  include \"workbook.h\" /* ok */\nint plasm;\n"));
	expect_allowed(compiled("#include <stdio.h>\n#include <math.h>\n"
				"#include <stdlib.h>\n#include <string.h>\n"
				"#include <assert.h>\n#pragma GCC diagnostic push\n"
				HONEST "double section(double x);\n"
				"__attribute__((cold, unused, noinline, "
				"deprecated(\"use bce_loss\"))) static double "
				"helper(double x) { return section(x); }\n"));
}

Test(source, inline_assembly)
{
	expect_refused(raw("int f(void) {\n  asm(\"nop\");\n  return 0; }\n"),
		       "02_bce.c line 2 uses inline assembly (`asm`): write "
		       "the exercise in plain C");
	expect_refused(raw("void f(void) { __asm__ volatile(\"\"); }\n"),
		       "line 1 uses inline assembly (`__asm__`)");
	expect_refused(raw("register int r __asm(\"rax\");\n"), "`__asm`");
	expect_refused(raw("#define A as\\\nm\n\nvoid f(void) { A(\"\"); }\n"),
		       "line 1 uses inline assembly (`asm`)");
	/* no raw strings in C11: R"x( does not hide what follows */
	expect_refused(raw("const char *s = R\"x(\"; asm(\"\"); // )x\"\n"),
		       "`asm`");
}

Test(source, pasted_keyword_is_seen_after_preprocessing)
{
	const char *code = "#include <math.h>\n#define CAT(a, b) a##b\n"
			   "void f(void);\nvoid f(void) {\n CAT(__as, m__)(\"nop\"); }\n";

	expect_allowed(raw(code));	/* why the grader checks the .i */
	expect_refused(compiled(code), "02_bce.c line 5 uses inline assembly "
		       "(`__asm__`)");
}

/* ---- the student's own directives --------------------------------------- */

Test(source, line_directives)
{
	expect_refused(compiled(HONEST "#line 1 \"x.h\"\n" ASM_EXIT),
		       "02_bce.c line 8 has a line directive (#line), which "
		       "would make the code after it seem to come from another "
		       "file: remove it");
	expect_refused(compiled(HONEST "# 1 \"/usr/include/math.h\" 3\n"
				ASM_EXIT),
		       "02_bce.c line 8 has a line directive (# NUMBER)");
	expect_refused(raw("%:line 3\n"), "line 1 has a line directive");
	expect_refused(raw("?" "?=line 3\n"), "line 1 has a line directive");
	expect_refused(raw("int x;\n#li\\\nne 3\n"), "line 2 has a line directive");
	expect_refused(raw("int x;\n/* a\n comment */ # 3 \"a.h\"\n"),
		       "line 3 has a line directive");
	expect_refused(raw("int x;\r# 3 \"a.h\"\n"), "line 2 has a line");
	expect_refused(raw("int x; ?" "?/\n\n#line 9\n"), "line 3 has a line");
	expect_refused(raw("#if 0\n#line 3\n#endif\n"), "line 2 has a line");
	/* a # that does not start a line is no directive */
	expect_allowed(raw("int x; const char *s = \"\\\n#line 3\";\n"));
	expect_allowed(raw("#define L(x) # x\nint x; /* #line */\n"));
}

Test(source, includes)
{
	expect_refused(compiled("#ifndef ONCE\n#define ONCE\n"
				"#include \"./02_bce.c\"\n#else\n" HONEST
				"#endif\n"),
		       "02_bce.c line 3 includes \"./02_bce.c\": include only "
		       "system headers (such as <math.h>) and \"workbook.h\"");
	expect_refused(raw("#include <02_bce.c>\n"), "includes <02_bce.c>");
	expect_refused(raw("#include </usr/include/math.h>\n"), "includes </usr");
	expect_refused(raw("#include <../x.h>\n"), "includes <../x.h>");
	expect_refused(raw("#include \"math.h\n"), "includes \"math.h:");
	expect_refused(raw("#define F \"02_bce.c\"\n#include F\n"),
		       "line 2 has an #include whose header name comes from "
		       "a macro");
	expect_refused(raw("#include_next <math.h>\n"), "uses #include_next");
	expect_refused(raw("#import <math.h>\n"), "uses #import");
}

/* ---- what gcc pastes into its assembly ----------------------------------- */

Test(source, section_attribute)
{
	expect_refused(compiled(HONEST "static void fn(void *s) { (void)s; }\n"
				"static void (*p)(void *) __attribute__((used, "
				"section(\"cr_pot\"))) = fn;\n"),
		       "02_bce.c line 9 places data in section `cr_pot`, which "
		       "only the grader's test framework (Criterion) may use: "
		       "remove the section attribute");
	expect_refused(compiled(HONEST "#define S(n) __attribute__((__section__"
				" (n)))\nS(\".text.x,\\\"ax\\\",@progbits\\nl:\\n"
				"\\tsyscall\\n.text\") static int f(void) "
				"{ return 1; }\n"),
		       "02_bce.c line 9 puts assembler text in a section name "
		       "(`.text.x,\\\"ax\\\",@progbits\\nl:\\n\\tsyscall");
	expect_refused(compiled(HONEST "__attribute__((section(\".text\"))) "
				"static const unsigned char code[] = { 0x0f, "
				"0x05 };\n"),
		       "places code or data in section `.text` (the section "
		       "attribute): remove the attribute");
}

Test(source, strings_in_attributes)
{
	expect_refused(compiled(HONEST "static void quit(int) __attribute__(("
				"weakref(\"exit\\nl:\\tsyscall\")));\n"),
		       "line 8 puts assembler text in the `weakref` attribute "
		       "(`exit\\nl:\\tsyscall`): name only a function there");
	expect_refused(compiled(HONEST "static void quit(int) __attribute__(("
				"__weakref__(\"exit;syscall\")));\n"),
		       "`weakref` attribute (`exit;syscall`)");
	expect_refused(compiled(HONEST "__attribute__((deprecated(\"a\\nb\"))) "
				"static int old(void) { return 1; }\n"),
		       "puts assembler text in an attribute (`a\\nb`)");
	expect_allowed(compiled(HONEST "static void quit(int) __attribute__(("
				"weakref(\"exit\")));\n"));
}

Test(source, ident)
{
	expect_refused(compiled(HONEST "#ident \"x\\nl:\\tsyscall\"\n"),
		       "02_bce.c line 8 uses #ident, whose text goes into the "
		       "compiled file as it is: remove it");
	expect_refused(compiled(HONEST "#sccs \"x\"\n"), "uses #ident");
}

/* ---- the assembly ----------------------------------------------------------- */

/* A .c, .i and .s written by hand (what gcc would refuse to produce). */
static struct policy_verdict assembled(const char *s)
{
	struct policy_verdict v;
	char *c = write_file("x.c", "int f(void);\n");
	char *i = write_file("x.i", "# 1 \"x.c\"\nint f(void);\n");
	char *a = write_file("x.s", s);

	cr_assert_eq(policy_check_source(i, &v), 0);
	free(c);
	free(i);
	free(a);
	return v;
}

Test(source, assembly_app_blocks)
{
	expect_refused(assembled("\t.file\t\"x.c\"\n\t.file 1 \"x.c\"\n"
				 "f:\n\t.loc 1 7 3\n#APP\n# 7 \"x.c\" 1\n"
				 "\tsyscall\n#NO_APP\n"),
		       "x.c line 7 has inline assembly: write the exercise in "
		       "plain C");
	expect_refused(assembled("\t.file 2 \"/usr/include/x86_64-linux-gnu/"
				 "bits/fenv.h\"\n\t.loc 2 80 3\n#APP\n"),
		       "x.c has inline assembly (from a header's inline "
		       "function or a file-level asm)");
	expect_allowed(assembled("\t.file\t\"x.c\"\nf:\n\tret\n"
				 "\t.string \"#APP\"\n# #APP\n"));
}

Test(source, missing_files_are_errors)
{
	struct policy_verdict v;
	char *i = write_file("y.i", "int x;\n");	/* no y.c, no y.s */

	cr_expect_eq(policy_check_source(i, &v), -1);
	cr_expect_eq(v.allowed, 0);
	cr_expect_eq(policy_check_source("/nonexistent/z.c", &v), -1);
	free(i);
}

Test(source, quoting)
{
	char out[64];

	policy_quote(out, sizeof(out), "a\nb\t`c\x1b[2J\x80", 10);
	cr_expect_str_eq(out, "a\\nb\\t\\x60c\\x1b[2J");
	policy_quote(out, sizeof(out), "0123456789012345678901234567890123456789"
		     "0123456789", 50);
	cr_expect_str_eq(out, "012345678901234567890123456789012345678901234567...");
}
