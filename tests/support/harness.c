/*
 * harness.c - running the grader and inspecting what it did.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *harness_grader(void)
{
	const char *path = getenv("WB_GRADER");

	return path && *path ? path : "build/grader";
}

static char *read_fd(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t got;

	lseek(fd, 0, SEEK_SET);
	while (buf && (got = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)got;
		if (cap - len < 2) {
			char *grown = realloc(buf, cap *= 2);

			if (!grown)
				free(buf);
			buf = grown;
		}
	}
	if (buf)
		buf[len] = '\0';
	return buf;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Our children, found through /proc; killed when kill is set. */
static int our_children(bool kill_them)
{
	DIR *proc = opendir("/proc");
	struct dirent *entry;
	char path[300], line[256];
	long self = (long)getpid();
	int count = 0;

	while (proc && (entry = readdir(proc))) {
		FILE *status;
		long ppid = -1;

		if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/status", entry->d_name);
		status = fopen(path, "r");
		while (status && fgets(line, sizeof line, status))
			if (sscanf(line, "PPid: %ld", &ppid) == 1)
				break;
		if (status)
			fclose(status);
		if (ppid != self)
			continue;
		count++;
		if (kill_them)
			kill((pid_t)atol(entry->d_name), SIGKILL);
	}
	if (proc)
		closedir(proc);
	return count;
}

/*
 * Orphans of the grader were reparented to us (a subreaper).  Those still
 * running a second after it ended are counted, killed and reaped.
 */
static int collect_orphans(void)
{
	int count;

	for (int tries = 0; tries < 20; tries++) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (our_children(false) == 0)
			return 0;
		usleep(50000);
	}
	count = our_children(true);
	while (waitpid(-1, NULL, 0) > 0)
		;
	return count;
}

void harness_grade(struct harness_run *run, const char *const *args,
		   const char *const *env)
{
	const char *argv[64] = { harness_grader() };
	const char *envp[32] = { "PATH=/usr/local/bin:/usr/bin:/bin",
				 "LANG=C.UTF-8" };
	FILE *out = tmpfile(), *err = tmpfile();
	size_t n = 1, m = 2;
	double start = now();
	int status = 0;
	pid_t pid;

	memset(run, 0, sizeof *run);
	for (; args && *args && n < 63; args++)
		argv[n++] = *args;
	static char *passed[] = { "ASAN_OPTIONS", "UBSAN_OPTIONS",
				  "LSAN_OPTIONS" };

	for (size_t i = 0; i < 3; i++) {
		const char *value = getenv(passed[i]);
		static char entries[3][512];

		if (value) {
			snprintf(entries[i], sizeof entries[i], "%s=%s",
				 passed[i], value);
			envp[m++] = entries[i];
		}
	}
	for (; env && *env && m < 31; env++)
		envp[m++] = *env;
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		dup2(fileno(out), STDOUT_FILENO);
		dup2(fileno(err), STDERR_FILENO);
		execve(argv[0], (char *const *)argv, (char *const *)envp);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	run->seconds = now() - start;
	run->status = WIFEXITED(status) ? WEXITSTATUS(status) :
		      128 + WTERMSIG(status);
	run->leftover = collect_orphans();
	run->out = read_fd(fileno(out));
	run->err = read_fd(fileno(err));
	fclose(out);
	fclose(err);
}

void harness_run_release(struct harness_run *run)
{
	free(run->out);
	free(run->err);
	memset(run, 0, sizeof *run);
}

char *harness_tempdir(void)
{
	char *path = strdup("/tmp/wb-test-XXXXXX");

	if (!path || !mkdtemp(path))
		abort();
	return path;
}

char *harness_join(const char *dir, const char *name)
{
	char *path;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	return path;
}

static int remove_entry(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void harness_remove(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *harness_read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	char *text;

	if (fd < 0)
		return NULL;
	text = read_fd(fd);
	close(fd);
	return text;
}

char *harness_read_text(const char *path)
{
	char *text = harness_read_file(path);

	if (!text && !(text = strdup("")))
		abort();
	return text;
}

/* A test cannot go on without its input files: any failure ends it. */
void harness_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		abort();
}

char *harness_scratch;

void harness_scratch_make(void)
{
	harness_scratch = harness_tempdir();
}

void harness_scratch_remove(void)
{
	harness_remove(harness_scratch);
	free(harness_scratch);
	harness_scratch = NULL;
}

char *harness_scratch_write(const char *name, const void *data, size_t len)
{
	char *path = harness_join(harness_scratch, name);

	harness_write_file(path, data, len);
	return path;
}

void harness_write_text(const char *dir, const char *name, const char *text)
{
	char *path = harness_join(dir, name);

	harness_write_file(path, text, strlen(text));
	free(path);
}

void harness_copy_file(const char *src, const char *dst)
{
	char *text = harness_read_file(src);

	if (!text)
		abort();
	harness_write_file(dst, text, strlen(text));
	free(text);
}

void harness_copy_into(const char *src, const char *dir, const char *name)
{
	char *dst = harness_join(dir, name);

	harness_copy_file(src, dst);
	free(dst);
}

void harness_copy_files(const char *src, const char *dst)
{
	DIR *dir = opendir(src);
	struct dirent *entry;

	while (dir && (entry = readdir(dir))) {
		char from[4096], to[4096];
		struct stat st;

		snprintf(from, sizeof from, "%s/%s", src, entry->d_name);
		snprintf(to, sizeof to, "%s/%s", dst, entry->d_name);
		if (lstat(from, &st) == 0 && S_ISREG(st.st_mode))
			harness_copy_file(from, to);
	}
	if (dir)
		closedir(dir);
}

static char *snapshot_text;
static size_t snapshot_len;

static uint64_t hash_file(const char *path)
{
	uint64_t hash = UINT64_C(0xcbf29ce484222325);
	FILE *f = fopen(path, "rb");
	int c;

	while (f && (c = fgetc(f)) != EOF)
		hash = (hash ^ (unsigned char)c) * UINT64_C(0x100000001b3);
	if (f)
		fclose(f);
	return hash;
}

static int add_entry(const char *path, const struct stat *st, int type,
		     struct FTW *ftw)
{
	char line[4400];
	int len;

	(void)ftw;
	len = snprintf(line, sizeof line, "%s %d %lld %o %lld.%09ld %llx\n",
		       path, type, (long long)st->st_size, st->st_mode,
		       (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
		       type == FTW_F ? (unsigned long long)hash_file(path) :
				       0ULL);
	snapshot_text = realloc(snapshot_text, snapshot_len + (size_t)len + 1);
	memcpy(snapshot_text + snapshot_len, line, (size_t)len + 1);
	snapshot_len += (size_t)len;
	return 0;
}

char *harness_snapshot(const char *dir)
{
	snapshot_text = strdup("");
	snapshot_len = 0;
	nftw(dir, add_entry, 16, FTW_PHYS);
	return snapshot_text;
}

size_t harness_count_entries(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *entry;
	size_t count = 0;

	while (dir && (entry = readdir(dir)))
		if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, ".."))
			count++;
	if (dir)
		closedir(dir);
	return count;
}

size_t harness_lines(const char *text)
{
	size_t count = 0;

	for (; text && *text; text++)
		count += *text == '\n';
	return count;
}

bool harness_has_escape(const char *text)
{
	return text && strchr(text, '\033') != NULL;
}
