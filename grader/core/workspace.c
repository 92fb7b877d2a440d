/*
 * workspace.c - scratch folders.
 */
#define _XOPEN_SOURCE 700
#include "workspace.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void workspace_init(struct workspace *workspace)
{
	workspace->path = NULL;
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

void workspace_remove_tree(const char *path)
{
	/* The sandbox may leave folders without write permission. */
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

void workspace_release(struct workspace *workspace)
{
	if (workspace->path)
		workspace_remove_tree(workspace->path);
	free(workspace->path);
	workspace->path = NULL;
}

int workspace_create(struct workspace *workspace, struct strbuf *error)
{
	const char *tmp = getenv("TMPDIR");
	char *template;

	if (!tmp || *tmp != '/')
		tmp = "/tmp";
	template = xstrfmt("%s/wb-grader-XXXXXX", tmp);
	if (!mkdtemp(template)) {
		strbuf_addf(error, "cannot create a scratch folder in %s (%s); "
			    "set TMPDIR to a writable folder", tmp,
			    strerror(errno));
		free(template);
		return -1;
	}
	/*
	 * Others may pass through, not list: without bubblewrap a job runs
	 * as a uid of its own in its subfolder, and must reach it.
	 */
	if (chmod(template, 0711) != 0) {
		strbuf_addf(error, "cannot set the permissions of %s (%s)",
			    template, strerror(errno));
		workspace_remove_tree(template);
		free(template);
		return -1;
	}
	workspace->path = template;
	return 0;
}

char *workspace_subfolder(const struct workspace *workspace,
			  const char *name)
{
	char *path = xstrfmt("%s/%s", workspace->path, name);

	if (mkdir(path, 0700) != 0) {
		free(path);
		return NULL;
	}
	return path;
}
