/*
 * resources.c - finding the grader's own files and the C compiler.
 */
#include "resources.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REBUILD_HINT "run `make build-all` to build the grader's files"

void resources_init(struct resources *resources)
{
	memset(resources, 0, sizeof *resources);
}

void resources_release(struct resources *resources)
{
	free(resources->root);
	free(resources->header);
	free(resources->runner);
	free(resources->cc);
	resources_init(resources);
}

static char *own_folder(void)
{
	char path[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", path, sizeof path - 1);
	char *slash;

	if (len <= 0)
		return NULL;
	path[len] = '\0';
	slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(*path ? path : "/");
}

/* root/relative, resolved (symbolic links followed), or NULL. */
static char *find_file(const char *root, const char *relative,
		       struct strbuf *error)
{
	char *joined = xstrfmt("%s/%s", root, relative);
	char *resolved = realpath(joined, NULL);

	if (!resolved || access(resolved, R_OK) != 0) {
		strbuf_addf(error, "missing %s: %s", joined, REBUILD_HINT);
		free(resolved);
		resolved = NULL;
	}
	free(joined);
	return resolved;
}

char *resources_find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *saveptr = NULL, *found = NULL;

	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &saveptr); dir && !found;
	     dir = strtok_r(NULL, ":", &saveptr)) {
		char *candidate;

		if (*dir != '/')
			continue; /* relative PATH entries depend on the cwd */
		candidate = xstrfmt("%s/%s", dir, name);
		if (access(candidate, X_OK) == 0)
			found = realpath(candidate, NULL);
		free(candidate);
	}
	free(copy);
	return found;
}

char *resources_beside(const char *relative, struct strbuf *error)
{
	char *root = own_folder();
	char *found;

	if (!root) {
		strbuf_addf(error, "cannot find the grader's own folder "
			    "(/proc/self/exe: %s)", strerror(errno));
		return NULL;
	}
	found = find_file(root, relative, error);
	free(root);
	return found;
}

void resources_use_hidden(struct resources *resources, bool hidden)
{
	resources->hidden = hidden;
}

/* Where the chosen build of the suites lives, relative to the root. */
static const char *suite_folder(const struct resources *resources)
{
	return resources->hidden ? "suites/hidden" : "suites";
}

int resources_locate(struct resources *resources, struct strbuf *error)
{
	resources->root = own_folder();
	if (!resources->root) {
		strbuf_addf(error, "cannot find the grader's own folder "
			    "(/proc/self/exe: %s); run it on Linux with /proc "
			    "mounted", strerror(errno));
		return -1;
	}
	if (!(resources->header = find_file(resources->root,
					    "include/workbook.h", error)) ||
	    !(resources->runner = find_file(resources->root,
					    "runner/runner.o", error)))
		return -1;
	resources->cc = resources_find_program("cc");
	if (!resources->cc) {
		strbuf_addstr(error, "no C compiler: `cc` is not on PATH; "
			      "install gcc (sh scripts/install-deps.sh)");
		return -1;
	}
	return 0;
}

int resources_check_suite(const struct resources *resources,
			  const struct catalog_exercise *exercise,
			  struct strbuf *error)
{
	char *relative = xstrfmt("%s/%s.judge", suite_folder(resources),
				 exercise->name);
	char *found = find_file(resources->root, relative, error);

	int status = found ? 0 : -1;

	free(relative);
	free(found);
	return status;
}

static char *suite_file(const struct resources *resources,
			const struct catalog_exercise *exercise,
			const char *suffix)
{
	char *joined = xstrfmt("%s/%s/%s%s", resources->root,
			       suite_folder(resources), exercise->name, suffix);
	char *resolved = realpath(joined, NULL);

	if (!resolved)
		return joined;
	free(joined);
	return resolved;
}

char *resources_suite_judge(const struct resources *resources,
			    const struct catalog_exercise *exercise)
{
	return suite_file(resources, exercise, ".judge");
}
