/*
 * workspace.h - the grader's private scratch folder under $TMPDIR (one per
 * run, a subfolder per exercise file), removed with everything in it.
 * Nothing is ever written into the student's folder.
 */
#ifndef GRADER_WORKSPACE_H
#define GRADER_WORKSPACE_H

#include "util/strbuf.h"

struct workspace {
	char *path;		/* NULL until created */
};

void workspace_init(struct workspace *workspace);
/* Removes the folder and everything in it. */
void workspace_release(struct workspace *workspace);

/* 0, or -1 with a one-line message. */
int workspace_create(struct workspace *workspace, struct strbuf *error);
/* Creates path/name and returns it (malloc'd), or NULL. */
char *workspace_subfolder(const struct workspace *workspace,
			  const char *name);

/* Removes a folder tree without following symbolic links. */
void workspace_remove_tree(const char *path);

#endif /* GRADER_WORKSPACE_H */
