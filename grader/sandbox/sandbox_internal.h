/*
 * sandbox_internal.h - shared by sandbox.c (running a job: limits, uid,
 * output, wall clock, sweep) and sandbox_isolation.c (what the job sees:
 * environment, bubblewrap command line, staged binds, the probe).
 */
#ifndef GRADER_SANDBOX_INTERNAL_H
#define GRADER_SANDBOX_INTERNAL_H

#include <stdbool.h>
#include <sys/types.h>

#include "sandbox.h"
#include "util/elapsed.h"

/*
 * When the grader runs as root, a job runs as SANDBOX_UID_BASE + the pid of
 * its first process: a uid no account uses, unique among running jobs.
 */
#define SANDBOX_UID_BASE 0x40000000u

/* The workdir and the readable paths, bound into the sandbox. */
#define SANDBOX_MAX_BINDS 32

struct sandbox_plan {
	const struct sandbox_job *job;
	char **argv;		/* what the child executes (bwrap or the job) */
	char **envp;
	bool isolated;		/* argv runs bubblewrap */
	bool drop_uid;		/* run as SANDBOX_UID_BASE + pid */
	int null_fd;		/* the child's stdin */
	int out_fd;		/* the child's stdout and stderr */
	int error_fd;		/* the child reports a failed exec here */
	/*
	 * bwrap running as the job's uid cannot reach a workdir inside a
	 * 0700 folder of root's; the child (still root) stages each path at
	 * stage_to[i] in a private mount namespace, and bwrap binds it from
	 * there.  n_stage is 0 when nothing needs staging.
	 */
	size_t n_stage;
	const char *stage_from[SANDBOX_MAX_BINDS];
	char stage_to[SANDBOX_MAX_BINDS][32];
	bool stage_is_dir[SANDBOX_MAX_BINDS];
};

/* Whether bubblewrap works here (probed once). */
bool sandbox_isolation_available(void);

/* Fills argv, envp and the staging table; -1 with errno on failure. */
int sandbox_plan_build(struct sandbox_plan *plan,
		       const struct sandbox_job *job, bool isolated,
		       bool drop_uid);
void sandbox_plan_release(struct sandbox_plan *plan);

/* In the child, as root: performs the staged binds.  Async-signal-safe. */
int sandbox_stage_binds(const struct sandbox_plan *plan);

/*
 * In the forked keeper: starts the job, ends it (on its exit or SIGTERM),
 * reaps everything, writes the job's wait status to status_fd.  No return.
 */
void sandbox_keeper(const struct sandbox_plan *plan, int status_fd)
	__attribute__((noreturn));

/* sandbox_run with the isolation decided by the caller (the probe uses it). */
int sandbox_execute(const struct sandbox_job *job, bool isolated,
		    struct sandbox_result *result);

#endif /* GRADER_SANDBOX_INTERNAL_H */
