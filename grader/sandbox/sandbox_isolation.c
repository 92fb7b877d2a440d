/*
 * sandbox_isolation.c - what a sandboxed job sees: its environment, the
 * bubblewrap command line, the binds staged for it, and the probe that
 * decides once per grader run whether bubblewrap works here.
 *
 * Inside bubblewrap the job sees /usr, /bin, /sbin, /lib*, /etc read-only, a
 * fresh /dev, its own /proc, an empty tmpfs /tmp, its scratch folder
 * (read-write) and the readable paths (read-only), each at its own path, and
 * nothing else: not the project, not /home or /root, not other jobs.  It has
 * no network and its own PID namespace, and dies with the grader.
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define BWRAP "/usr/bin/bwrap"
/* The private tmpfs of /tmp holds up to this much (files written there). */
#define TMP_SIZE "67108864"
/*
 * bwrap's /dev is a tmpfs sized like the host's memory, writable by the
 * job: a sized tmpfs goes over /dev/shm, and /dev itself is then made
 * read-only (its devices still work).
 */
#define SHM_SIZE "1048576"
/* Where the child stages binds, in its own mount namespace. */
#define STAGE_DIR "/tmp"

/* The system, read-only; symbolic links (merged /usr) are recreated. */
static const char *const system_paths[] = {
	"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc",
	NULL,
};

/* ---- a growing, owning vector of strings ------------------------------ */

struct strvec {
	char **v;
	size_t n;
	size_t cap;
	bool failed;		/* an allocation failed; checked once at the end */
};

static void push_owned(struct strvec *sv, char *s)
{
	if (s == NULL || sv->failed) {
		sv->failed = true;
		free(s);
		return;
	}
	if (sv->n + 2 > sv->cap) {
		size_t cap = sv->cap ? 2 * sv->cap : 32;
		char **v = realloc(sv->v, cap * sizeof(*v));
		if (v == NULL) {
			sv->failed = true;
			free(s);
			return;
		}
		sv->v = v;
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

static void push(struct strvec *sv, const char *s)
{
	push_owned(sv, strdup(s));
}

static void push2(struct strvec *sv, const char *a, const char *b)
{
	push(sv, a);
	push(sv, b);
}

static void push3(struct strvec *sv, const char *a, const char *b,
		  const char *c)
{
	push(sv, a);
	push2(sv, b, c);
}

static void strvec_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* ---- environment ------------------------------------------------------ */

/* The caller's environment with HOME and TMPDIR pointed into the scratch. */
static void build_env(struct strvec *env, const struct sandbox_job *job,
		      bool isolated)
{
	for (size_t i = 0; job->envp != NULL && job->envp[i] != NULL; i++)
		if (strncmp(job->envp[i], "HOME=", 5) != 0 &&
		    strncmp(job->envp[i], "TMPDIR=", 7) != 0)
			push(env, job->envp[i]);
	char *home = NULL, *tmp = NULL;
	if (asprintf(&home, "HOME=%s", job->workdir) < 0)
		home = NULL;
	/* Without bubblewrap /tmp is the host's: keep temporary files in. */
	if (asprintf(&tmp, "TMPDIR=%s", isolated ? "/tmp" : job->workdir) < 0)
		tmp = NULL;
	push_owned(env, home);
	push_owned(env, tmp);
}

/* ---- the bubblewrap command line ---------------------------------------- */

static void bind_system(struct strvec *argv)
{
	for (size_t i = 0; system_paths[i] != NULL; i++) {
		struct stat st;
		char target[256];
		ssize_t n;

		if (lstat(system_paths[i], &st) != 0)
			continue;
		if (S_ISLNK(st.st_mode) &&
		    (n = readlink(system_paths[i], target,
				  sizeof(target) - 1)) > 0) {
			target[n] = '\0';
			push3(argv, "--symlink", target, system_paths[i]);
		} else if (S_ISDIR(st.st_mode)) {
			push3(argv, "--ro-bind", system_paths[i],
			      system_paths[i]);
		}
	}
}

static bool inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == 0);
}

/*
 * Records a bind of `path`; returns the source bwrap should bind from: the
 * path itself, or its staging place when the job runs as another uid.
 */
static const char *stage(struct sandbox_plan *plan, const char *path)
{
	struct stat st;
	size_t i = plan->n_stage;

	if (!plan->drop_uid)
		return path;
	if (i == SANDBOX_MAX_BINDS || stat(path, &st) != 0) {
		errno = i == SANDBOX_MAX_BINDS ? E2BIG : errno;
		return NULL;
	}
	plan->stage_from[i] = path;
	plan->stage_is_dir[i] = S_ISDIR(st.st_mode);
	snprintf(plan->stage_to[i], sizeof(plan->stage_to[i]),
		 STAGE_DIR "/wb-stage-%zu", i);
	plan->n_stage++;
	return plan->stage_to[i];
}

static int build_bwrap_argv(struct strvec *argv, struct sandbox_plan *plan)
{
	const struct sandbox_job *job = plan->job;
	const char *src;

	push3(argv, BWRAP, "--unshare-all", "--die-with-parent");
	push(argv, "--new-session");
	bind_system(argv);
	push2(argv, "--dev", "/dev");
	push2(argv, "--size", SHM_SIZE);
	push2(argv, "--tmpfs", "/dev/shm");
	push2(argv, "--remount-ro", "/dev");
	push2(argv, "--proc", "/proc");
	push2(argv, "--size", TMP_SIZE);
	push2(argv, "--tmpfs", "/tmp");
	for (size_t i = 0; job->readable != NULL && job->readable[i]; i++) {
		if (inside(job->readable[i], job->workdir))
			continue;	/* visible, and writable, with it */
		if ((src = stage(plan, job->readable[i])) == NULL)
			return -1;
		push3(argv, "--ro-bind", src, job->readable[i]);
	}
	if ((src = stage(plan, job->workdir)) == NULL)
		return -1;
	push3(argv, "--bind", src, job->workdir);
	push2(argv, "--chdir", job->workdir);
	push(argv, "--");
	for (size_t i = 0; job->argv[i] != NULL; i++)
		push(argv, job->argv[i]);
	return 0;
}

/* ---- the plan ------------------------------------------------------------ */

static bool absolute_paths(const struct sandbox_job *job)
{
	if (job->argv == NULL || job->argv[0] == NULL ||
	    job->argv[0][0] != '/' || job->workdir == NULL ||
	    job->workdir[0] != '/')
		return false;
	for (size_t i = 0; job->readable != NULL && job->readable[i]; i++)
		if (job->readable[i][0] != '/')
			return false;
	return true;
}

int sandbox_plan_build(struct sandbox_plan *plan,
		       const struct sandbox_job *job, bool isolated,
		       bool drop_uid)
{
	struct strvec argv = { 0 }, env = { 0 };

	memset(plan, 0, sizeof(*plan));
	plan->null_fd = plan->out_fd = plan->error_fd = -1;
	plan->job = job;
	plan->isolated = isolated;
	plan->drop_uid = drop_uid;
	if (!absolute_paths(job)) {
		errno = EINVAL;
		return -1;
	}
	build_env(&env, job, isolated);
	if (isolated && build_bwrap_argv(&argv, plan) != 0)
		argv.failed = true;
	for (size_t i = 0; !isolated && job->argv[i] != NULL; i++)
		push(&argv, job->argv[i]);
	plan->argv = argv.v;
	plan->envp = env.v;
	if (argv.failed || env.failed) {
		int error = errno ? errno : ENOMEM;
		sandbox_plan_release(plan);
		errno = error;
		return -1;
	}
	return 0;
}

void sandbox_plan_release(struct sandbox_plan *plan)
{
	strvec_free(plan->argv);
	strvec_free(plan->envp);
	plan->argv = plan->envp = NULL;
}

/* ---- staging, in the child ---------------------------------------------- */

static int make_mount_point(const char *path, bool is_dir)
{
	if (is_dir)
		return mkdir(path, 0755);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	return fd < 0 ? -1 : close(fd);
}

/*
 * Clones each path's mount tree first (the tmpfs over STAGE_DIR may hide
 * them), then attaches the clones inside that tmpfs, where any uid can
 * reach them.  Only this child's mount namespace changes.
 */
int sandbox_stage_binds(const struct sandbox_plan *plan)
{
	int trees[SANDBOX_MAX_BINDS];

	if (plan->n_stage == 0)
		return 0;
	if (unshare(CLONE_NEWNS) != 0 ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return -1;
	for (size_t i = 0; i < plan->n_stage; i++) {
		trees[i] = open_tree(AT_FDCWD, plan->stage_from[i],
				     OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC |
				     AT_RECURSIVE);
		if (trees[i] < 0)
			return -1;
	}
	if (mount("wb-stage", STAGE_DIR, "tmpfs", MS_NOSUID | MS_NODEV,
		  "mode=0755") != 0)
		return -1;
	for (size_t i = 0; i < plan->n_stage; i++)
		if (make_mount_point(plan->stage_to[i], plan->stage_is_dir[i]) ||
		    move_mount(trees[i], "", AT_FDCWD, plan->stage_to[i],
			       MOVE_MOUNT_F_EMPTY_PATH) != 0)
			return -1;
	return 0;
}

/* ---- the probe ---------------------------------------------------------- */

static struct {
	bool done;
	bool available;
	char mode[256];
} probe;

/* The first line of what bwrap said, for the notice. */
static void note_failure(const char *what, const struct sandbox_result *r)
{
	const char *out = r->output != NULL ? r->output : "";
	int n = (int)strcspn(out, "\n");

	snprintf(probe.mode, sizeof(probe.mode), "limits only: %s%s%.*s%s",
		 what, n ? " (" : "", n > 160 ? 160 : n, out, n ? ")" : "");
}

static void run_probe(void)
{
	char dir[] = "/tmp/wb-probe-XXXXXX";
	char *const argv[] = { "/bin/true", NULL };
	char *const envp[] = { "PATH=/usr/bin:/bin", NULL };
	struct sandbox_job job = { .argv = argv, .envp = envp, .workdir = dir };
	struct sandbox_result r;

	sandbox_limits_default(&job.limits);
	job.limits.wall_seconds = 10.0;
	sandbox_result_init(&r);
	if (access(BWRAP, X_OK) != 0) {
		note_failure("bubblewrap (" BWRAP ") is not installed", &r);
	} else if (mkdtemp(dir) == NULL) {
		note_failure("no temporary folder to try bubblewrap in", &r);
	} else {
		int rc = sandbox_execute(&job, true, &r);
		probe.available = rc == 0 && WIFEXITED(r.wait_status) &&
				  WEXITSTATUS(r.wait_status) == 0;
		if (!probe.available)
			note_failure("bubblewrap does not start here", &r);
		if (rmdir(dir) != 0)
			perror(dir);
	}
	if (probe.available)
		snprintf(probe.mode, sizeof(probe.mode), "bubblewrap");
	sandbox_result_release(&r);
}

bool sandbox_isolation_available(void)
{
	if (!probe.done) {
		probe.done = true;
		run_probe();
	}
	return probe.available;
}

const char *sandbox_mode(void)
{
	sandbox_isolation_available();
	return probe.mode;
}

void sandbox_disable_isolation(const char *why)
{
	probe.done = true;
	probe.available = false;
	snprintf(probe.mode, sizeof(probe.mode), "limits only: %s", why);
}
