/*
 * cache_prune.c - keeping a cache folder (cache.h) to a size, least
 * recently used entries first.
 */
#define _GNU_SOURCE
#include "cache.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "workspace.h"

/* A writer's folder this old belongs to a grader that died. */
enum { ABANDONED_SECONDS = 86400 };

struct item {
	char *name;
	struct timespec used;		/* the entry folder's mtime */
	unsigned long long bytes;
};

struct listing {
	struct item *items;
	size_t nr, alloc;
	unsigned long long total;
};

/* The bytes of the files of an entry (entries are one level deep). */
static unsigned long long entry_bytes(const char *path)
{
	DIR *handle = opendir(path);
	unsigned long long bytes = 0;
	struct dirent *d;
	struct stat st;

	while (handle && (d = readdir(handle)) != NULL) {
		char *file = xstrfmt("%s/%s", path, d->d_name);

		if (lstat(file, &st) == 0 && S_ISREG(st.st_mode))
			bytes += (unsigned long long)st.st_size;
		free(file);
	}
	if (handle)
		closedir(handle);
	return bytes;
}

/* Whether the folder name belongs to a writer still at work. */
static bool in_progress(const char *name, const struct stat *st)
{
	if (strncmp(name, "tmp-", 4) != 0)
		return false;
	return time(NULL) - st->st_mtim.tv_sec < ABANDONED_SECONDS;
}

static void add_item(struct listing *list, const char *dir, const char *name)
{
	char *path = xstrfmt("%s/%s", dir, name);
	struct item *item;
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    in_progress(name, &st)) {
		free(path);
		return;
	}
	if (list->nr == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 64;
		list->items = xrealloc(list->items, list->alloc *
				       sizeof *list->items);
	}
	item = &list->items[list->nr++];
	item->name = xstrdup(name);
	item->used = st.st_mtim;
	item->bytes = entry_bytes(path);
	list->total += item->bytes;
	free(path);
}

static int oldest_first(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->used.tv_sec != y->used.tv_sec)
		return x->used.tv_sec < y->used.tv_sec ? -1 : 1;
	if (x->used.tv_nsec != y->used.tv_nsec)
		return x->used.tv_nsec < y->used.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Moves the entry aside (atomic), then deletes it; 0 or -1. */
static int remove_entry(const char *dir, const char *name)
{
	char *path = xstrfmt("%s/%s", dir, name);
	char *aside = xstrfmt("%s/tmp-pruned-%s-%ld", dir, name, (long)getpid());
	int status = rename(path, aside);

	if (status == 0)
		workspace_remove_tree(aside);
	free(aside);
	free(path);
	return status;
}

void cache_prune(const char *dir, unsigned long long max_bytes,
		 struct cache_prune_result *result)
{
	struct listing list = { 0 };
	DIR *handle = opendir(dir);
	struct dirent *d;

	memset(result, 0, sizeof *result);
	while (handle && (d = readdir(handle)) != NULL)
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			add_item(&list, dir, d->d_name);
	if (handle)
		closedir(handle);
	if (list.nr)
		qsort(list.items, list.nr, sizeof *list.items, oldest_first);
	for (size_t i = 0; i < list.nr; i++) {
		if (list.total > max_bytes &&
		    remove_entry(dir, list.items[i].name) == 0) {
			list.total -= list.items[i].bytes;
			result->freed += list.items[i].bytes;
			result->removed++;
		}
		free(list.items[i].name);
	}
	result->kept = list.total;
	free(list.items);
}
