/*
 * sandbox.h - running untrusted programs (student code linked into a suite)
 * isolated and limited.
 *
 * sandbox_run starts argv[0] in its own process group with resource limits,
 * inside bubblewrap where it works (no network, read-only system, a private
 * scratch folder, its own PID namespace, dies with the grader) and with limits
 * alone where it does not.  It captures at most limits.output_bytes of the
 * merged stdout and stderr, enforces a wall-clock limit on the whole process
 * group, and leaves no process behind when it returns.
 */
#ifndef GRADER_SANDBOX_H
#define GRADER_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

/* Descriptors one job may be handed (sandbox_job.pass_fds). */
#define SANDBOX_MAX_PASS_FDS 4

struct sandbox_limits {
	double wall_seconds;	/* whole process group, then SIGKILL */
	double cpu_seconds;	/* RLIMIT_CPU */
	size_t memory_bytes;	/* RLIMIT_AS */
	size_t file_bytes;	/* RLIMIT_FSIZE */
	unsigned processes;	/* RLIMIT_NPROC (binding only for non-root) */
	size_t output_bytes;	/* captured output beyond this is dropped */
};

/*
 * Sensible limits for one exercise suite: the suite's tests, each with its
 * own per-test limit (WB_TIMEOUT_SECONDS), a forked worker each.
 */
#define SANDBOX_DEFAULT_SECONDS 20.0
#define SANDBOX_DEFAULT_MEMORY_BYTES ((size_t)1 << 30)
#define SANDBOX_DEFAULT_FILE_BYTES ((size_t)16 << 20)
/* bwrap itself takes two; Criterion forks a worker per test. */
#define SANDBOX_DEFAULT_PROCESSES 64
#define SANDBOX_DEFAULT_OUTPUT_BYTES ((size_t)64 << 10)
void sandbox_limits_default(struct sandbox_limits *limits);

/*
 * Paths (argv[0], workdir, readable) must be absolute.  The program sees
 * them at the same paths.  When the grader runs as root the program runs as
 * an unprivileged uid of its own and workdir (with the regular files in it)
 * is handed to that uid; with bubblewrap the paths need not be reachable by
 * that uid, with limits only they must be (folders on the way: o+x).
 * HOME is set to workdir and TMPDIR to the program's /tmp (bubblewrap) or to
 * workdir (limits only), whatever envp says.
 */
struct sandbox_job {
	char *const *argv;	/* argv[0]: absolute path of the program */
	char *const *envp;	/* the complete environment of the program */
	const char *workdir;	/* writable scratch folder, the program's cwd */
	/* Files the program must be able to read (its binary). */
	const char *const *readable;
	struct sandbox_limits limits;
	/*
	 * Descriptors the program gets as 3, 4, ... (a socket to its peer, a
	 * report file the caller opened).  sandbox_run takes them over: it
	 * closes the caller's copies as soon as the program has started, so
	 * a peer sees end of file when the program ends.  Every other
	 * descriptor is closed in the program.
	 */
	int pass_fds[SANDBOX_MAX_PASS_FDS];
	size_t n_pass_fds;
};

struct sandbox_result {
	int wait_status;	/* as from waitpid */
	bool timed_out;		/* the wall-clock limit killed it */
	bool output_truncated;
	char *output;		/* NUL-terminated, malloc'd */
	size_t output_length;
	double elapsed_seconds;
};

void sandbox_result_init(struct sandbox_result *result);
void sandbox_result_release(struct sandbox_result *result);

/*
 * Returns 0 when the program was started and waited for (whatever it did),
 * -1 when it could not be started (errno set).
 */
int sandbox_run(const struct sandbox_job *job, struct sandbox_result *result);

/*
 * Whether bubblewrap isolation is in use ("bubblewrap") or only limits
 * ("limits only: <why>"), for the report's one-line notice.
 */
const char *sandbox_mode(void);

/*
 * Skips the probe and runs every later job with limits only; sandbox_mode()
 * then says "limits only: <why>".  For tests of the fallback, and for a
 * grader option that turns isolation off.
 */
void sandbox_disable_isolation(const char *why);

#endif /* GRADER_SANDBOX_H */
