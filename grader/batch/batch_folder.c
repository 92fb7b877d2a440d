/*
 * batch_folder.c - whether a submission holds any file at all.
 */
#include "batch_folder.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/strbuf.h"

static bool ignored(const char *name)
{
	return name[0] == '.' || !strcmp(name, "__MACOSX");
}

static bool empty_below(const char *dir, int depth)
{
	DIR *handle = opendir(dir);
	struct dirent *d;
	bool empty = true;
	struct stat st;

	if (!handle)
		return false;	/* unreadable: let grading say so */
	while (empty && (d = readdir(handle)) != NULL) {
		char *path;

		if (ignored(d->d_name))
			continue;
		path = xstrfmt("%s/%s", dir, d->d_name);
		if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			empty = false;
		else if (depth < BATCH_FOLDER_DEPTH)
			empty = empty_below(path, depth + 1);
		free(path);
	}
	closedir(handle);
	return empty;
}

bool batch_folder_is_empty(const char *dir)
{
	return empty_below(dir, 0);
}
