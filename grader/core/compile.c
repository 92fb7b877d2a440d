/*
 * compile.c - copying, compiling, checking and linking one exercise file.
 *
 * The student's folder is only ever read: the file is copied (as plain
 * text, never through a symbolic link) into the scratch folder beside the
 * grader's copy of workbook.h, and everything runs there, through the
 * sandbox, since `#include "/path/to/solutions/02_bce.c"` is an attack.
 */
#include "compile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache.h"
#include "compile_cache.h"
#include "run.h"
#include "policy/policy.h"

#define COMPILE_FLAGS_MAX 16
/*
 * -O2 -g costs no more than -O1 here (measured: both about 55 ms); the
 * warnings need the optimiser's data flow.  -save-temps=obj keeps NAME.i
 * beside the object for the source check, without a second compiler run.
 *
 * The warnings are advice, so each must be able to point at a bug.
 * -Wfloat-conversion, not -Wconversion: it keeps what loses a value in
 * these exercises (double to int or size_t truncates, double to float
 * rounds) and drops integer-to-double (`s / n` with size_t n, exact below
 * 2^53), which every mean over n samples does and which is no bug.
 * -Wconversion's integer narrowing (long to int) goes with it; an int
 * index against a size_t n is still -Wsign-compare's (in -Wextra).
 */
static const char *const compile_flags[COMPILE_FLAGS_MAX] = {
	"-std=c11", "-O2", "-g", "-Wall", "-Wextra", "-Wpedantic",
	"-Wshadow", "-Wfloat-conversion",
	"-fdiagnostics-color=never", "-save-temps=obj", "-I.", NULL
};

void compile_result_init(struct compile_result *result)
{
	result->status = RESULTS_FILE_OK;
	strbuf_init(&result->message);
	strbuf_init(&result->warnings);
	result->binary = NULL;
	result->transient = false;
	strbuf_init(&result->key);
}

void compile_result_release(struct compile_result *result)
{
	strbuf_release(&result->message);
	strbuf_release(&result->warnings);
	strbuf_release(&result->key);
	free(result->binary);
	result->binary = NULL;
}

static int fail(struct compile_result *result, enum results_file_status status,
		const char *message)
{
	result->status = status;
	strbuf_addstr(&result->message, message);
	return 0;
}

/* Reads the student's file: a regular file of plain text, or a verdict. */
static int read_source(const struct compile_job *job, struct strbuf *source,
		       struct compile_result *result)
{
	const char *file = job->exercise->file;
	struct stat st;
	char *text;

	if (lstat(job->student_path, &st) != 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			text = xstrfmt("%s cannot be read (%s): check its "
				       "permissions", job->shown,
				       strerror(errno));
			fail(result, RESULTS_FILE_NOT_TEXT, text);
			free(text);
			return -1;
		}
		text = xstrfmt("%s not found: copy exercises/%s into your "
			       "submission and fill it in", job->shown, file);
		fail(result, RESULTS_FILE_MISSING, text);
		free(text);
		return -1;
	}
	if (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)) {
		text = xstrfmt("%s is %s, not a file: put the file itself "
			       "there", job->shown,
			       S_ISLNK(st.st_mode) ? "a symbolic link" :
			       S_ISDIR(st.st_mode) ? "a folder" :
			       "something else");
		fail(result, RESULTS_FILE_NOT_TEXT, text);
		free(text);
		return -1;
	}
	if ((size_t)st.st_size > COMPILE_MAX_SOURCE_BYTES ||
	    !strbuf_read_file(source, job->student_path,
			      COMPILE_MAX_SOURCE_BYTES)) {
		text = xstrfmt("%s is larger than %zu KiB or unreadable: an "
			       "exercise file is a short C source file",
			       job->shown, COMPILE_MAX_SOURCE_BYTES >> 10);
		fail(result, RESULTS_FILE_NOT_TEXT, text);
		free(text);
		return -1;
	}
	if (memchr(source->buf, '\0', source->len)) {
		text = xstrfmt("%s is not a C source file (it contains NUL "
			       "bytes): save it as plain text", job->shown);
		fail(result, RESULTS_FILE_NOT_TEXT, text);
		free(text);
		return -1;
	}
	return 0;
}

static int write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t wrote = write(fd, data + done, len - done);

		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)wrote;
	}
	return close(fd);
}

/* Copies the source (read by the caller) and the grader's workbook.h. */
static int stage_source(const struct compile_job *job,
			const struct strbuf *source,
			struct compile_result *result)
{
	struct strbuf header;
	char *copy = xstrfmt("%s/%s", job->workdir, job->exercise->file);
	char *header_copy = xstrfmt("%s/workbook.h", job->workdir);
	int status = -1;

	strbuf_init(&header);
	if (!strbuf_read_file(&header, job->resources->header,
			      COMPILE_MAX_SOURCE_BYTES)) {
		strbuf_addf(&result->message, "cannot read the grader's "
			    "contract header %s (", job->resources->header);
		strbuf_add_read_error(&result->message,
				      COMPILE_MAX_SOURCE_BYTES);
		strbuf_addstr(&result->message, "); run make grader");
	} else if (write_file(copy, source->buf, source->len) != 0 ||
		   write_file(header_copy, header.buf, header.len) != 0) {
		strbuf_addf(&result->message, "cannot copy %s into the "
			    "scratch folder %s (%s); check that TMPDIR "
			    "has space", job->shown, job->workdir,
			    strerror(errno));
	} else {
		status = 0;
	}
	strbuf_release(&header);
	free(copy);
	free(header_copy);
	return status;
}

static bool succeeded(const struct sandbox_result *run)
{
	return !run->timed_out && WIFEXITED(run->wait_status) &&
	       WEXITSTATUS(run->wait_status) == 0;
}

static int compile_object(const struct compile_job *job, const char *object,
			  struct compile_result *result)
{
	char *argv[COMPILE_FLAGS_MAX + 8];
	const char *readable[] = { job->resources->cc, NULL };
	struct sandbox_result run;
	size_t n = 0;
	int status = 0;

	argv[n++] = job->resources->cc;
	for (size_t i = 0; compile_flags[i]; i++)
		argv[n++] = (char *)compile_flags[i];
	argv[n++] = "-c";
	argv[n++] = (char *)job->exercise->file;
	argv[n++] = "-o";
	argv[n++] = (char *)object;
	argv[n] = NULL;
	sandbox_result_init(&run);
	if (run_tool(argv, job->workdir, readable, &run) != 0) {
		strbuf_addf(&result->message, "cannot run the C compiler %s "
			    "(%s); install gcc (sh scripts/install-deps.sh)",
			    job->resources->cc, strerror(errno));
		status = -1;
	} else if (run.timed_out) {
		result->transient = true;	/* may be the machine's load */
		result->status = RESULTS_FILE_COMPILE_ERROR;
		strbuf_addf(&result->message, "the compiler did not finish in "
			    "%.0f s: simplify the file (huge macros or "
			    "includes?)", RUN_TOOL_SECONDS);
	} else if (!succeeded(&run)) {
		result->status = RESULTS_FILE_COMPILE_ERROR;
		strbuf_addf(&result->message, "%s does not compile; fix the "
			    "errors below:\n%s", job->exercise->file,
			    run.output ? run.output : "");
	} else if (run.output_length) {
		strbuf_add(&result->warnings, run.output, run.output_length);
	}
	sandbox_result_release(&run);
	return status;
}

/*
 * Inline assembly escapes the symbol check, so the preprocessed source that
 * -save-temps=obj left beside the object (NAME.o -> NAME.i) is checked too.
 * Returns -1 with verdict->message set when the source is rejected.
 */
static int check_source(const char *object, struct policy_verdict *verdict)
{
	size_t length = strlen(object);
	char *preprocessed = xstrfmt("%.*si", (int)(length - 1), object);
	int status = 0;

	if (policy_check_source(preprocessed, verdict) != 0) {
		snprintf(verdict->message, sizeof verdict->message,
			 "the grader could not read the preprocessed file; "
			 "grade again, and report it if it persists");
		status = -1;
	} else if (!verdict->allowed) {
		verdict->message[sizeof verdict->message - 1] = '\0';
		status = -1;
	}
	free(preprocessed);
	return status;
}

static int check_policy(const struct compile_job *job, const char *object,
			struct compile_result *result)
{
	struct policy_verdict verdict;

	memset(&verdict, 0, sizeof verdict);
	if (check_source(object, &verdict) != 0)
		return fail(result, RESULTS_FILE_REJECTED, verdict.message);
	if (policy_check_object(object, job->exercise->functions,
				&verdict) != 0)
		return fail(result, RESULTS_FILE_LINK_ERROR,
			    "the compiled file is not a readable object file; "
			    "compile it yourself with `make check` to see why");
	if (!verdict.allowed) {
		verdict.message[sizeof verdict.message - 1] = '\0';
		return fail(result, RESULTS_FILE_REJECTED,
			    *verdict.message ? verdict.message :
			    "the file defines or calls something an exercise "
			    "file may not");
	}
	return 0;
}

/*
 * The runner: the student's object, the call loop (runner.o), libc and
 * libm, and nothing else -- no Criterion, no suite, no reference.  Linked
 * dynamically (a tenth of a static link's time) and without symbols.
 */
static int link_runner(const struct compile_job *job, const char *object,
		       struct compile_result *result)
{
	char *binary = xstrfmt("%s/%s.runner", job->workdir, job->exercise->name);
	char *argv[] = { job->resources->cc, job->resources->runner,
			 (char *)object, "-s", "-lm", "-o", binary, NULL };
	const char *readable[] = { job->resources->cc, job->resources->runner,
				   NULL };
	struct sandbox_result run;
	int status = 0;

	sandbox_result_init(&run);
	if (run_tool(argv, job->workdir, readable, &run) != 0) {
		strbuf_addf(&result->message, "cannot run the linker %s (%s); "
			    "install gcc (sh scripts/install-deps.sh)",
			    job->resources->cc, strerror(errno));
		status = -1;
	} else if (!succeeded(&run)) {
		result->status = RESULTS_FILE_LINK_ERROR;
		strbuf_addf(&result->message, "%s compiles but does not link "
			    "into a program with its test loop:\n%s",
			    job->exercise->file, run.output ? run.output : "");
	} else {
		result->binary = binary;
		binary = NULL;
	}
	sandbox_result_release(&run);
	free(binary);
	return status;
}

/* What the verdict and the binary follow from; the key of the cache. */
static void identity_of(const struct compile_job *job,
			const struct strbuf *source, struct strbuf *identity)
{
	const struct resources *r = job->resources;

	strbuf_addf(identity, "wb-compile 2\nexercise %s\nflags",
		    job->exercise->name);
	for (size_t i = 0; compile_flags[i]; i++)
		strbuf_addf(identity, " %s", compile_flags[i]);
	strbuf_addch(identity, '\n');
	/* The grader itself: a new build may compile or judge otherwise. */
	cache_add_file_identity(identity, "grader", "/proc/self/exe");
	cache_add_file_identity(identity, "cc", r->cc);
	cache_add_file_identity(identity, "runner", r->runner);
	cache_add_file_identity(identity, "header", r->header);
	strbuf_addf(identity, "source %zu\n", source->len);
	strbuf_add(identity, source->buf, source->len);
}

/* Compiles, checks and links a staged source. */
static int build(const struct compile_job *job,
		 const struct strbuf *source, struct compile_result *result)
{
	char *object = xstrfmt("%s/%s.o", job->workdir, job->exercise->name);
	int status = -1;

	if (stage_source(job, source, result) == 0 &&
	    (status = compile_object(job, object, result)) == 0 &&
	    result->status == RESULTS_FILE_OK &&
	    (status = check_policy(job, object, result)) == 0 &&
	    result->status == RESULTS_FILE_OK)
		status = link_runner(job, object, result);
	free(object);
	return status;
}

int compile_exercise(const struct compile_job *job,
		     struct compile_result *result)
{
	struct strbuf source, identity;
	int status = 0;

	strbuf_init(&source);
	strbuf_init(&identity);
	if (read_source(job, &source, result) != 0) {
		/* a verdict about the file: nothing to cache or build */
	} else if (!job->cache_dir) {
		status = build(job, &source, result);
	} else {
		identity_of(job, &source, &identity);
		if (compile_cache_fetch(job, &identity, result) != 0) {
			status = build(job, &source, result);
			if (status == 0 && !result->transient)
				compile_cache_store(job, &identity, result);
		}
		if (status == 0 && !result->transient)
			strbuf_add(&result->key, identity.buf, identity.len);
	}
	strbuf_release(&source);
	strbuf_release(&identity);
	return status;
}
