/*
 * test_grader_runner.c - the runner contains what the policy might miss.
 *
 * The symbol and source policy refuses hostile files before they run; these
 * tests skip it on purpose.  Each hostile object is compiled with plain cc,
 * linked with build/runner/runner.o as the grader links it, and judged by
 * build/suites/01_sigmoid.judge (WB_RUNNER: the judge starts the runner
 * itself, as `make check` does).  Whatever the object does in `sigmoid` --
 * open a file, fork, make a socket, map executable memory, signal another
 * process, write forged frames, register Criterion sections -- the judge's
 * report says that function's tests failed, and how.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "support/harness.h"

/* A correct sigmoid_grad, so only sigmoid's tests are at stake. */
#define GRAD \
	"#include <math.h>\n#include \"workbook.h\"\n" \
	"double sigmoid_grad(double z) { double e = exp(-fabs(z)); " \
	"return e / ((1 + e) * (1 + e)); }\n"

#define SIGSYS_NUMBER 31
#define SIGABRT_NUMBER 6

struct verdicts {
	size_t tests, passed, crashed, timed_out, incomplete, failed;
	int signal;		/* of the last crash */
	int exit_code;		/* of the last incomplete test */
};

static int run(const char *command)
{
	int status = system(command);

	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void count(struct verdicts *v, char *report)
{
	for (char *line = strtok(report, "\n"); line;
	     line = strtok(NULL, "\n")) {
		char *field[9] = { line };
		size_t n = 1;

		for (char *p = line; *p && n < 9; p++)
			if (*p == '\t') {
				*p = '\0';
				field[n++] = p + 1;
			}
		if (n < 8 || strcmp(field[0], "test") != 0 ||
		    strcmp(field[1], "sigmoid") != 0)
			continue;
		v->tests++;
		if (!strcmp(field[4], "passed"))
			v->passed++;
		else if (!strcmp(field[4], "crashed"))
			v->crashed++, v->signal = atoi(field[5]);
		else if (!strcmp(field[4], "timed_out"))
			v->timed_out++;
		else if (!strcmp(field[4], "incomplete"))
			v->incomplete++, v->exit_code = atoi(field[6]);
		else
			v->failed++;
	}
}

/* Judges `body` as the file's sigmoid (with `prelude` before it). */
static struct verdicts judge(const char *prelude, const char *body,
			     const char *filter)
{
	char *dir = harness_tempdir(), *source, *command, *report;
	struct verdicts v = { 0 };

	cr_assert_geq(asprintf(&source, "%s\n%s\ndouble sigmoid(double z)\n"
			       "{\n%s\n}\n", GRAD, prelude, body), 0);
	cr_assert_geq(asprintf(&command, "%s/s.c", dir), 0);
	harness_write_file(command, source, strlen(source));
	free(command);
	cr_assert_geq(asprintf(&command, "cc -O1 -w -Iinclude -c %s/s.c -o "
			       "%s/s.o && cc build/runner/runner.o %s/s.o -lm "
			       "-o %s/runner", dir, dir, dir, dir), 0);
	cr_assert_eq(run(command), 0, "%s", command);
	free(command);
	cr_assert_geq(asprintf(&command, "env -i PATH=/usr/bin:/bin WB_SEED=1 "
			       "WB_RUNNER=%s/runner build/suites/01_sigmoid."
			       "judge --filter='%s' --output=wb:%s/report "
			       "-j2 >/dev/null 2>&1", dir, filter, dir), 0);
	cr_assert_geq(run(command), 0, "%s", command);
	free(command);
	cr_assert_geq(asprintf(&command, "%s/report", dir), 0);
	report = harness_read_file(command);
	cr_assert_not_null(report, "the judge wrote no report");
	count(&v, report);
	free(report);
	free(command);
	free(source);
	harness_remove(dir);
	free(dir);
	cr_assert_gt(v.tests, 0, "the report has no test of sigmoid");
	return v;
}

static void expect_killed_by_filter(const char *prelude, const char *body)
{
	struct verdicts v = judge(prelude, body, "sigmoid/*");

	cr_expect_eq(v.passed, 0);
	cr_expect_eq(v.crashed, v.tests, "%zu of %zu crashed", v.crashed,
		     v.tests);
	cr_expect_eq(v.signal, SIGSYS_NUMBER, "signal %d", v.signal);
}

Test(runner, open_file, .description = "opening a file ends the call "
     "with SIGSYS")
{
	expect_killed_by_filter("#include <fcntl.h>",
				"return open(\"/etc/hostname\", O_RDONLY);");
}

Test(runner, fork, .description = "fork ends the call with SIGSYS")
{
	expect_killed_by_filter("#include <unistd.h>", "return fork();");
}

Test(runner, socket, .description = "a socket ends the call with SIGSYS")
{
	expect_killed_by_filter("#include <sys/socket.h>",
				"return socket(AF_INET, SOCK_STREAM, 0);");
}

Test(runner, exec_memory, .description = "mapping executable memory ends "
     "the call with SIGSYS")
{
	expect_killed_by_filter("#include <sys/mman.h>",
				"return mmap(0, 4096, PROT_READ | PROT_EXEC, "
				"MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != 0;");
}

Test(runner, kill_others, .description = "signalling another process ends "
     "the call with SIGSYS")
{
	expect_killed_by_filter("#include <signal.h>",
				"return kill(-1, SIGKILL);");
}

Test(runner, execve, .description = "exec ends the call with SIGSYS")
{
	expect_killed_by_filter("#include <unistd.h>",
				"char *a[] = { \"/bin/true\", 0 };\n"
				"return execve(a[0], a, 0);");
}

Test(runner, fifo_and_symlink, .description = "making a FIFO or a symbolic "
     "link (the old report attacks) ends the call with SIGSYS")
{
	expect_killed_by_filter("#include <sys/stat.h>",
				"return mkfifo(\"report.wb\", 0600);");
	expect_killed_by_filter("#include <unistd.h>",
				"return symlink(\"/root/secret\", "
				"\"report.wb\");");
}

Test(runner, abort, .description = "abort() is a crash with SIGABRT, as "
     "a student expects")
{
	struct verdicts v = judge("#include <stdlib.h>", "abort();", "sigmoid/*");

	cr_expect_eq(v.crashed, v.tests);
	cr_expect_eq(v.signal, SIGABRT_NUMBER, "signal %d", v.signal);
}

Test(runner, exit, .description = "exit() ends the test early, never as a "
     "pass")
{
	struct verdicts v = judge("#include <stdlib.h>", "exit(3);",
				  "sigmoid/*");

	cr_expect_eq(v.passed, 0);
	cr_expect_eq(v.incomplete, v.tests);
	cr_expect_eq(v.exit_code, 3);
}

Test(runner, endless_loop, .description = "an endless loop times out",
     .timeout = 30)
{
	struct verdicts v = judge("", "for (;;) z += 1; return z;",
				  "sigmoid/symmetry");

	/* The tests the filter left out are reported as incomplete. */
	cr_expect_eq(v.timed_out, 1);
	cr_expect_eq(v.passed, 0);
}

Test(runner, forged_frames, .description = "frames written to every "
     "descriptor forge no verdict")
{
	struct verdicts v = judge(
		"#include <unistd.h>",
		"unsigned char f[64] = { 6 };\n"
		"for (int fd = 0; fd < 32; fd++) write(fd, f, sizeof f);\n"
		"return 42;", "sigmoid/*");

	cr_expect_eq(v.passed, 0);
}

Test(runner, criterion_sections, .description = "Criterion test and hook "
     "sections in the student's object add no test and change no verdict")
{
	struct verdicts plain = judge("", "return 42;", "sigmoid/*");
	struct verdicts v = judge(
		"static void hook(void *s) { (void)s; }\n"
		"__attribute__((used, section(\"cr_pot\"))) static void "
		"(*const h)(void *) = hook;\n"
		"__attribute__((used, section(\"cr_tst\"))) static const "
		"char t[256] = \"forged\";",
		"return 42;", "sigmoid/*");

	cr_expect_eq(v.tests, plain.tests);
	cr_expect_eq(v.passed, 0);
}

Test(runner, correct, .description = "a correct sigmoid passes through the "
     "runner (the tests above can fail)")
{
	struct verdicts v = judge("", "return z >= 0 ? 1 / (1 + exp(-z)) : "
				  "exp(z) / (1 + exp(z));", "sigmoid/*");

	cr_expect_eq(v.passed, v.tests);
}
