/*
 * discover.c - walking a submission for its exercise files.
 */
#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void discovery_init(struct discovery *discovery)
{
	memset(discovery, 0, sizeof *discovery);
}

static void free_list(char **items, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		free(items[i]);
	free(items);
}

void discovery_release(struct discovery *discovery)
{
	for (size_t i = 0; i < CATALOG_EXERCISES; i++)
		free(discovery->files[i]);
	free_list(discovery->copies, discovery->copies_nr);
	free_list(discovery->others, discovery->others_nr);
	discovery_init(discovery);
}

static void push(char ***items, size_t *nr, size_t *alloc, char *path)
{
	if (*nr == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 16;
		*items = xrealloc(*items, *alloc * sizeof **items);
	}
	(*items)[(*nr)++] = path;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The catalog index of an exercise file's exact name, or -1. */
static int exercise_index(const char *path)
{
	const char *base = base_of(path);

	for (size_t i = 0; i < catalog_count(); i++)
		if (!strcmp(base, catalog_exercise_at(i)->file))
			return (int)i;
	return -1;
}

bool discover_is_exercise_path(const char *path)
{
	return exercise_index(path) >= 0;
}

static bool ignored(const char *name);

/* Whether a component of path is hidden or __MACOSX. */
static bool ignored_path(const char *path)
{
	for (const char *p = path; *p; p += strcspn(p, "/"), p += *p == '/') {
		char *name = xstrfmt("%.*s", (int)strcspn(p, "/"), p);
		bool skip = ignored(name);

		free(name);
		if (skip)
			return true;
	}
	return false;
}

void discovery_add_other(struct discovery *discovery, const char *path)
{
	if (ignored_path(path))
		return;
	push(&discovery->others, &discovery->others_nr,
	     &discovery->others_alloc, xstrdup(path));
}

/* The shallowest copy wins, then the first in byte order. */
static void add_exercise(struct discovery *d, size_t index, char *path,
			 size_t depth)
{
	char *kept = d->files[index];

	if (!kept) {
		d->files[index] = path;
		d->depth[index] = depth;
		d->found++;
		return;
	}
	if (depth < d->depth[index] ||
	    (depth == d->depth[index] && strcmp(path, kept) < 0)) {
		d->files[index] = path;
		d->depth[index] = depth;
		path = kept;
	}
	push(&d->copies, &d->copies_nr, &d->copies_alloc, path);
}

struct walk {
	struct discovery *discovery;
	const char *root;
	size_t entries;
};

static bool ignored(const char *name)
{
	return name[0] == '.' || !strcmp(name, "__MACOSX");
}

static void walk_folder(struct walk *w, const char *below, size_t depth);

/* One entry of a folder: below is its path under the root. */
static void walk_entry(struct walk *w, char *below, size_t depth)
{
	char *path = xstrfmt("%s/%s", w->root, below);
	struct stat st;
	int index;

	if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode)) {
		free(below);
	} else if (S_ISDIR(st.st_mode)) {
		if (depth < DISCOVER_MAX_DEPTH)
			walk_folder(w, below, depth + 1);
		else
			w->discovery->cut_short = true;
		free(below);
	} else if (S_ISREG(st.st_mode) && (index = exercise_index(below)) >= 0) {
		add_exercise(w->discovery, (size_t)index, below, depth);
	} else {
		push(&w->discovery->others, &w->discovery->others_nr,
		     &w->discovery->others_alloc, below);
	}
	free(path);
}

/* below: "" for the root itself. */
static void walk_folder(struct walk *w, const char *below, size_t depth)
{
	char *path = *below ? xstrfmt("%s/%s", w->root, below) :
			      xstrdup(w->root);
	DIR *handle = opendir(path);
	struct dirent *d;

	free(path);
	if (!handle)
		return;
	while ((d = readdir(handle)) != NULL) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..") ||
		    ignored(d->d_name))
			continue;
		if (++w->entries > DISCOVER_MAX_ENTRIES) {
			w->discovery->cut_short = true;
			break;
		}
		walk_entry(w, *below ? xstrfmt("%s/%s", below, d->d_name) :
				       xstrdup(d->d_name), depth);
	}
	closedir(handle);
}

int discover_exercises(struct discovery *discovery, const char *root,
		       struct strbuf *error)
{
	struct walk w = { .discovery = discovery, .root = root };
	DIR *handle = opendir(root);

	if (!handle) {
		strbuf_addf(error, "cannot read the folder %s (%s)", root,
			    strerror(errno));
		return -1;
	}
	closedir(handle);
	walk_folder(&w, "", 0);
	return 0;
}

const char *discover_shown_root(const char *dir)
{
	return dir && *dir != '/' && strcmp(dir, ".") ? dir : "";
}

bool discovery_newest_mtime(const struct discovery *discovery,
			    const char *root, int64_t *seconds)
{
	struct stat st;
	bool any = false;

	for (size_t i = 0; i < catalog_count(); i++) {
		char *path;

		if (!discovery->files[i])
			continue;
		path = xstrfmt("%s/%s", root, discovery->files[i]);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (!any || st.st_mtim.tv_sec > *seconds)) {
			*seconds = st.st_mtim.tv_sec;
			any = true;
		}
		free(path);
	}
	return any;
}
