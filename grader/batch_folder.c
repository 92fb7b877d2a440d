/*
 * batch_folder.c - finding the exercise files of a submission.
 */
#include "batch_folder.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "strbuf.h"

bool batch_folder_has_exercises(const char *dir)
{
	struct stat st;
	bool any = false;

	for (size_t i = 0; i < catalog_count() && !any; i++) {
		char *path = xstrfmt("%s/%s", dir, catalog_exercise_at(i)->file);

		any = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
		free(path);
	}
	return any;
}

bool batch_folder_newest_mtime(const char *dir, int64_t *seconds)
{
	struct stat st;
	bool any = false;

	for (size_t i = 0; i < catalog_count(); i++) {
		char *path = xstrfmt("%s/%s", dir, catalog_exercise_at(i)->file);

		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (!any || st.st_mtim.tv_sec > *seconds)) {
			*seconds = st.st_mtim.tv_sec;
			any = true;
		}
		free(path);
	}
	return any;
}

static bool ignored(const char *name)
{
	return name[0] == '.' || !strcmp(name, "__MACOSX");
}

/* The only visible subfolder of dir (malloc'd), or NULL. */
static char *only_subfolder(const char *dir)
{
	DIR *handle = opendir(dir);
	struct dirent *d;
	char *found = NULL;
	int count = 0;
	struct stat st;

	if (!handle)
		return NULL;
	while ((d = readdir(handle)) != NULL) {
		char *path;

		if (ignored(d->d_name))
			continue;
		path = xstrfmt("%s/%s", dir, d->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    count++ == 0) {
			found = path;
			continue;
		}
		free(path);
	}
	closedir(handle);
	if (count != 1) {
		free(found);
		return NULL;
	}
	return found;
}

char *batch_folder_locate(const char *dir)
{
	char *sub;

	if (batch_folder_has_exercises(dir))
		return xstrdup(dir);
	sub = only_subfolder(dir);
	if (sub && batch_folder_has_exercises(sub))
		return sub;
	free(sub);
	return NULL;
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
