/*
 * batch_entries.c - listing a folder of submissions.
 */
#include "batch_entries.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "digest.h"
#include "unpack.h"

void batch_entries_init(struct batch_entries *entries)
{
	memset(entries, 0, sizeof *entries);
}

static void entry_release(struct batch_entry *entry)
{
	free(entry->id);
	free(entry->path);
}

void batch_entries_release(struct batch_entries *entries)
{
	for (size_t i = 0; i < entries->nr; i++)
		entry_release(&entries->items[i]);
	free(entries->items);
	batch_entries_init(entries);
}

bool batch_entries_safe_id(const char *id)
{
	if (!*id || *id == '.')
		return false;
	for (const char *p = id; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-", *p))
			return false;
	return true;
}

static void push(struct batch_entries *entries, const char *dir,
		 const char *name, bool archive)
{
	struct batch_entry *entry;

	if (entries->nr == entries->alloc) {
		entries->alloc = entries->alloc ? 2 * entries->alloc : 64;
		entries->items = xrealloc(entries->items, entries->alloc *
					  sizeof *entries->items);
	}
	entry = &entries->items[entries->nr++];
	memset(entry, 0, sizeof *entry);
	entry->id = xstrfmt("%.*s", (int)unpack_stem_length(name), name);
	entry->path = xstrfmt("%s/%s", dir, name);
	entry->archive = archive;
	if (!batch_entries_safe_id(entry->id))
		entry->status = "bad-name";
}

/* Adds one entry of the folder, or says why it is skipped. */
static void consider(struct batch_entries *entries, const char *dir,
		     const char *name, dev_t skip_dev, ino_t skip_ino)
{
	char *path = xstrfmt("%s/%s", dir, name);
	struct stat st;

	if (*name == '.')
		fprintf(stderr, "grader: skipping %s: hidden entries are not "
			"students\n", path);
	else if (stat(path, &st) != 0)
		fprintf(stderr, "grader: skipping %s: cannot read it (%s)\n",
			path, strerror(errno));
	else if (S_ISDIR(st.st_mode) && st.st_dev == skip_dev &&
		 st.st_ino == skip_ino)
		fprintf(stderr, "grader: skipping %s: it is the output folder "
			"(--out)\n", path);
	else if (S_ISDIR(st.st_mode))
		push(entries, dir, name, false);
	else if (S_ISREG(st.st_mode) && unpack_is_archive(name))
		push(entries, dir, name, true);
	else
		fprintf(stderr, "grader: skipping %s: not a folder, .zip, "
			".tar.gz or .tgz\n", path);
	free(path);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct batch_entry *)a)->id,
		      ((const struct batch_entry *)b)->id);
}

/* Equal ids are neighbours once sorted: keep the first, marked. */
static void mark_duplicates(struct batch_entries *entries)
{
	size_t kept = 0;

	for (size_t i = 0; i < entries->nr; i++) {
		struct batch_entry *entry = &entries->items[i];

		if (kept && !strcmp(entries->items[kept - 1].id, entry->id)) {
			fprintf(stderr, "grader: %s and %s give the same "
				"student %s: both are marked duplicate; keep "
				"one of them\n", entries->items[kept - 1].path,
				entry->path, entry->id);
			entries->items[kept - 1].status = "duplicate";
			entry_release(entry);
			continue;
		}
		entries->items[kept++] = *entry;
	}
	entries->nr = kept;
}

int batch_entries_list(struct batch_entries *entries, const char *dir,
		       dev_t skip_dev, ino_t skip_ino, struct strbuf *error)
{
	DIR *handle = opendir(dir);
	struct dirent *d;

	if (!handle) {
		strbuf_addf(error, "--batch %s: cannot read the folder (%s); "
			    "give the folder holding one folder or archive "
			    "per student", dir, strerror(errno));
		return -1;
	}
	while ((d = readdir(handle)) != NULL)
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			consider(entries, dir, d->d_name, skip_dev, skip_ino);
	closedir(handle);
	qsort(entries->items, entries->nr, sizeof *entries->items, by_id);
	mark_duplicates(entries);
	return 0;
}

void batch_entries_shard(struct batch_entries *entries, unsigned k,
			 unsigned n)
{
	size_t kept = 0;

	if (n <= 1)
		return;
	for (size_t i = 0; i < entries->nr; i++) {
		if (i % n == k - 1)
			entries->items[kept++] = entries->items[i];
		else
			entry_release(&entries->items[i]);
	}
	entries->nr = kept;
}

void batch_entries_seed(struct batch_entries *entries, const char *secret,
			size_t secret_len)
{
	for (size_t i = 0; i < entries->nr; i++)
		if (batch_entries_safe_id(entries->items[i].id))
			entries->items[i].seed = digest_student_seed(
				secret, secret_len, entries->items[i].id);
}
