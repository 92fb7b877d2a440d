/*
 * test_sandbox.c - the sandbox: status, signals, wall clock, output cap,
 * limits, cleanup, isolation, and the limits-only fallback.
 *
 * The helper programs are compiled inside the sandbox itself, which is also
 * the test that the compiler works there.  Tests that need root (a per-job
 * uid, which makes RLIMIT_NPROC bind) or bubblewrap skip without them.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/sandbox.h"
#include "support/harness.h"

static const char helper_source[] =
	"#include <netinet/in.h>\n#include <stdio.h>\n#include <stdlib.h>\n"
	"#include <string.h>\n#include <sys/socket.h>\n#include <unistd.h>\n"
	"int main(int argc, char **argv) {\n"
	"  if (argc < 3) return 2;\n"
	"  long n = atol(argv[2]), i = 0;\n"
	"  if (!strcmp(argv[1], \"alloc\")) {\n"
	"    for (; i < n; i++) { char *p = malloc(1 << 20);\n"
	"      if (!p) break; memset(p, 1, 1 << 20); }\n"
	"    printf(\"got %ld MB\\n\", i); return 0; }\n"
	"  if (!strcmp(argv[1], \"fork\")) {\n"
	"    long ok = 0; for (; i < n; i++) { pid_t p = fork();\n"
	"      if (p == 0) { sleep(5); _exit(0); } ok += p > 0; }\n"
	"    printf(\"forked %ld\\n\", ok); return 0; }\n"
	"  if (!strcmp(argv[1], \"net\")) {\n"
	"    int s = socket(AF_INET, SOCK_STREAM, 0);\n"
	"    struct sockaddr_in a = { .sin_family = AF_INET,\n"
	"      .sin_port = htons(80), .sin_addr.s_addr = htonl(0x01010101) };\n"
	"    puts(s >= 0 && connect(s, (void *)&a, sizeof a) == 0 ?\n"
	"         \"connected\" : \"no network\"); return 0; }\n"
	"  return 2; }\n";

static char *const env[] = { "PATH=/usr/bin:/bin", "HOME=/root", NULL };

/* A fresh 0700 scratch folder, as the grader makes them (mkdtemp). */
static char *scratch(void)
{
	char *dir = strdup("/tmp/wb-test-sandbox-XXXXXX");

	cr_assert(dir != NULL && mkdtemp(dir) != NULL);
	return dir;
}

/* Removes a scratch folder and frees its name. */
static void scratch_remove(char *dir)
{
	harness_remove(dir);
	free(dir);
}

static int run(const char *dir, char *const *argv,
	       const struct sandbox_limits *limits, struct sandbox_result *r)
{
	struct sandbox_job job = { .argv = argv, .envp = env, .workdir = dir };

	if (limits != NULL)
		job.limits = *limits;
	else
		sandbox_limits_default(&job.limits);
	return sandbox_run(&job, r);
}

static void sh(const char *dir, const char *script,
	       const struct sandbox_limits *limits, struct sandbox_result *r)
{
	char *const argv[] = { "/bin/sh", "-c", (char *)script, NULL };

	cr_assert_eq(run(dir, argv, limits, r), 0, "sandbox_run failed: %m");
}

/* Compiles the helper in dir, inside the sandbox; returns its path. */
static char *build_helper(const char *dir)
{
	char *src, *bin;
	struct sandbox_result r;

	cr_assert(asprintf(&src, "%s/helper.c", dir) > 0);
	cr_assert(asprintf(&bin, "%s/helper", dir) > 0);
	FILE *f = fopen(src, "w");
	cr_assert(f != NULL);
	fputs(helper_source, f);
	cr_assert(fclose(f) == 0);
	char *const argv[] = { "/usr/bin/cc", "-O2", "-o", bin, src, NULL };
	cr_assert_eq(run(dir, argv, NULL, &r), 0);
	cr_assert(WIFEXITED(r.wait_status) && WEXITSTATUS(r.wait_status) == 0,
		  "cc failed in the sandbox (%s): %s", sandbox_mode(), r.output);
	sandbox_result_release(&r);
	free(src);
	return bin;
}

static void helper(const char *dir, const char *bin, const char *what,
		   const char *n, const struct sandbox_limits *limits,
		   struct sandbox_result *r)
{
	char *const argv[] = { (char *)bin, (char *)what, (char *)n, NULL };

	cr_assert_eq(run(dir, argv, limits, r), 0, "sandbox_run failed: %m");
}

/* Whether some process's command line contains token (a leftover). */
static bool process_with(const char *token)
{
	DIR *proc = opendir("/proc");
	struct dirent *d;
	bool found = false;

	cr_assert(proc != NULL);
	while (!found && (d = readdir(proc)) != NULL) {
		char path[300], line[512] = { 0 };
		snprintf(path, sizeof(path), "/proc/%s/cmdline", d->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		size_t n = fread(line, 1, sizeof(line) - 1, f);
		for (size_t i = 0; i < n; i++)
			if (line[i] == '\0')
				line[i] = ' ';
		found = strstr(line, token) != NULL;
		fclose(f);
	}
	closedir(proc);
	return found;
}

static bool isolated(void)
{
	return strcmp(sandbox_mode(), "bubblewrap") == 0;
}

Test(sandbox, exit_status_and_output)
{
	char *dir = scratch();
	struct sandbox_result r;

	sh(dir, "echo out; echo err >&2; exit 3", NULL, &r);
	cr_expect(WIFEXITED(r.wait_status) && WEXITSTATUS(r.wait_status) == 3);
	cr_expect_str_eq(r.output, "out\nerr\n");
	cr_expect(!r.timed_out && !r.output_truncated);
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(sandbox, signal)
{
	char *dir = scratch();
	struct sandbox_result r;

	sh(dir, "kill -SEGV $$", NULL, &r);
	cr_expect(WIFSIGNALED(r.wait_status) &&
		  WTERMSIG(r.wait_status) == SIGSEGV, "status %#x",
		  r.wait_status);
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(sandbox, program_that_cannot_start)
{
	char *dir = scratch();
	struct sandbox_result r;
	char *const argv[] = { "relative/path", NULL };

	cr_expect_eq(run(dir, argv, NULL, &r), -1);
	scratch_remove(dir);
}

Test(sandbox, timeout_kills_a_sleeping_grandchild)
{
	char *dir = scratch();
	struct sandbox_result r;
	struct sandbox_limits l;

	sandbox_limits_default(&l);
	l.wall_seconds = 0.5;
	sh(dir, "sleep 31.41 & sleep 31.42", &l, &r);
	cr_expect(r.timed_out);
	cr_expect(WIFSIGNALED(r.wait_status));
	cr_expect_lt(r.elapsed_seconds, 2.0);
	cr_expect(!process_with("31.41"), "the grandchild survived");
	cr_expect(!process_with("31.42"), "the child survived");
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(sandbox, no_process_left_after_exit_even_outside_the_group)
{
	char *dir = scratch();
	struct sandbox_result r;

	sh(dir, "setsid sleep 31.43 & (sleep 31.44 &); exit 0", NULL, &r);
	cr_expect(!r.timed_out);
	cr_expect_lt(r.elapsed_seconds, 2.0);
	cr_expect(!process_with("31.43"), "a setsid process survived");
	cr_expect(!process_with("31.44"), "an orphan survived");
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(sandbox, output_is_capped_and_drained)
{
	char *dir = scratch();
	struct sandbox_result r;
	struct sandbox_limits l;

	sandbox_limits_default(&l);
	l.output_bytes = 1000;
	sh(dir, "head -c 50000000 /dev/zero | tr '\\0' x; echo done >&2", &l,
	   &r);
	cr_expect(!r.timed_out, "the job blocked on a full pipe");
	cr_expect(r.output_truncated);
	cr_expect_eq(r.output_length, 1000);
	cr_expect_eq(strlen(r.output), 1000);
	cr_expect(WIFEXITED(r.wait_status) && WEXITSTATUS(r.wait_status) == 0);
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(sandbox, memory_limit)
{
	char *dir = scratch();
	char *bin = build_helper(dir);
	struct sandbox_result r;
	struct sandbox_limits l;

	sandbox_limits_default(&l);
	l.memory_bytes = (size_t)128 << 20;
	helper(dir, bin, "alloc", "1000", &l, &r);
	cr_expect(strstr(r.output, "got 1000 MB") == NULL, "%s", r.output);
	cr_expect(strstr(r.output, "got ") != NULL, "%s", r.output);
	sandbox_result_release(&r);
	free(bin);
	scratch_remove(dir);
}

Test(sandbox, fork_limit)
{
	if (geteuid() != 0)
		cr_skip_test("RLIMIT_NPROC counts all of this user's processes");
	char *dir = scratch();
	char *bin = build_helper(dir);
	struct sandbox_result r;
	struct sandbox_limits l;

	sandbox_limits_default(&l);
	l.processes = 10;
	helper(dir, bin, "fork", "50", &l, &r);
	int forked = -1;
	cr_assert(sscanf(r.output, "forked %d", &forked) == 1, "%s", r.output);
	cr_expect_lt(forked, 10);
	cr_expect_lt(r.elapsed_seconds, 3.0, "the sleeping children were kept");
	sandbox_result_release(&r);
	free(bin);
	scratch_remove(dir);
}

Test(sandbox, runs_as_its_own_uid_with_home_in_the_scratch)
{
	if (geteuid() != 0)
		cr_skip_test("only root changes the uid");
	char *dir = scratch();
	struct sandbox_result r;

	sh(dir, "id -u; echo $HOME; pwd; touch made", NULL, &r);
	unsigned long uid = 0;
	char home[256] = "", cwd[256] = "";
	cr_assert(sscanf(r.output, "%lu %255s %255s", &uid, home, cwd) == 3,
		  "%s", r.output);
	cr_expect_neq(uid, 0);
	cr_expect_str_eq(home, dir);
	cr_expect_str_eq(cwd, dir);
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(isolation, hides_the_project_home_and_root)
{
	if (!isolated())
		cr_skip_test("%s", sandbox_mode());
	char *dir = scratch();
	struct sandbox_result r;
	char cwd[4096];

	cr_assert(getcwd(cwd, sizeof(cwd)) != NULL);
	char *script;
	cr_assert(asprintf(&script, "ls '%s' /home /root 2>/dev/null; "
			   "ls /tmp | grep -v wb-test-sandbox; echo end",
			   cwd) > 0);
	sh(dir, script, NULL, &r);
	cr_expect_str_eq(r.output, "end\n", "visible: %s", r.output);
	sandbox_result_release(&r);
	free(script);
	scratch_remove(dir);
}

Test(isolation, tmp_is_private_and_the_system_read_only)
{
	if (!isolated())
		cr_skip_test("%s", sandbox_mode());
	char *dir = scratch();
	struct sandbox_result r;

	sh(dir, "echo x > /tmp/wb-test-private-file && echo tmp-ok; "
	   "touch /usr/wb-test 2>/dev/null || echo usr-ro; "
	   "touch /etc/wb-test 2>/dev/null || echo etc-ro", NULL, &r);
	cr_expect_str_eq(r.output, "tmp-ok\nusr-ro\netc-ro\n");
	cr_expect(access("/tmp/wb-test-private-file", F_OK) != 0);
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(isolation, dev_read_only_and_shm_sized)
{
	if (!isolated())
		cr_skip_test("%s", sandbox_mode());
	char *dir = scratch();
	struct sandbox_result r;

	/* 5 MiB into /dev/shm stops at its 1 MiB; /dev takes no file. */
	sh(dir, "touch /dev/wb-test 2>/dev/null || echo dev-ro; "
	   "head -c 5242880 /dev/zero > /dev/shm/fill 2>/dev/null; "
	   "wc -c < /dev/shm/fill; echo x > /dev/null && echo null-ok",
	   NULL, &r);
	cr_expect_str_eq(r.output, "dev-ro\n1048576\nnull-ok\n");
	sandbox_result_release(&r);
	scratch_remove(dir);
}

Test(isolation, no_network)
{
	if (!isolated())
		cr_skip_test("%s", sandbox_mode());
	char *dir = scratch();
	char *bin = build_helper(dir);
	struct sandbox_result r;

	helper(dir, bin, "net", "0", NULL, &r);
	cr_expect_str_eq(r.output, "no network\n");
	sandbox_result_release(&r);
	free(bin);
	scratch_remove(dir);
}

Test(isolation, compiler_sees_readable_files_only)
{
	if (!isolated())
		cr_skip_test("%s", sandbox_mode());
	char *dir = scratch(), *other = scratch(), *src, *hdr, *obj, *cmd;
	struct sandbox_result r;

	cr_assert(asprintf(&hdr, "%s/allowed.h", other) > 0);
	cr_assert(asprintf(&src, "%s/s.c", dir) > 0);
	cr_assert(asprintf(&obj, "%s/s.o", dir) > 0);
	cr_assert(asprintf(&cmd, "echo 'int allowed;' > %s; echo '#include "
			   "\"%s\"' > %s", hdr, hdr, src) > 0);
	cr_assert(system(cmd) == 0);
	char *const argv[] = { "/usr/bin/cc", "-c", src, "-o", obj, NULL };
	const char *const readable[] = { hdr, NULL };
	struct sandbox_job job = { .argv = argv, .envp = env, .workdir = dir,
				   .readable = readable };
	sandbox_limits_default(&job.limits);
	cr_assert_eq(sandbox_run(&job, &r), 0);
	cr_expect_eq(r.wait_status, 0, "%s", r.output);
	sandbox_result_release(&r);
	job.readable = NULL;	/* the same include, not granted */
	cr_assert_eq(sandbox_run(&job, &r), 0);
	cr_expect_neq(r.wait_status, 0);
	cr_expect(strstr(r.output, "allowed.h") != NULL, "%s", r.output);
	sandbox_result_release(&r);
	free(hdr);
	free(src);
	free(obj);
	free(cmd);
	scratch_remove(dir);
	scratch_remove(other);
}

Test(fallback, limits_only_still_limits_and_cleans_up)
{
	sandbox_disable_isolation("turned off by the test");
	cr_expect_str_eq(sandbox_mode(), "limits only: turned off by the test");
	char *dir = scratch();
	struct sandbox_result r;
	struct sandbox_limits l;

	sandbox_limits_default(&l);
	l.wall_seconds = 0.5;
	l.output_bytes = 10;
	sh(dir, "echo 0123456789abc; echo $TMPDIR; setsid sleep 31.45 & "
	   "sleep 31.46", &l, &r);
	cr_expect(r.timed_out);
	cr_expect(r.output_truncated);
	cr_expect_str_eq(r.output, "0123456789");
	cr_expect(!process_with("31.46"));
	if (geteuid() == 0)
		cr_expect(!process_with("31.45"), "swept by uid");
	sandbox_result_release(&r);
	scratch_remove(dir);
}
