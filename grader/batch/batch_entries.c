/*
 * batch_entries.c - listing a folder of submissions.
 */
#include "batch_entries.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/catalog.h"
#include "util/digest.h"
#include "util/sanitize.h"
#include "util/unpack.h"

void batch_entries_init(struct batch_entries *entries)
{
	memset(entries, 0, sizeof *entries);
}

static void entry_release(struct batch_entry *entry)
{
	for (size_t i = 0; i < entry->nr_parts; i++) {
		free(entry->parts[i].path);
		free(entry->parts[i].name);
	}
	free(entry->parts);
	free(entry->name);
	free(entry->email);
	free(entry->lms_id);
	free(entry->seed_key);
	free(entry->id);
	free(entry->path);
	free(entry->problem);
}

void batch_entry_add_part(struct batch_entry *entry, const char *path,
			  const char *name)
{
	entry->parts = xrealloc(entry->parts, (entry->nr_parts + 1) *
				sizeof *entry->parts);
	entry->parts[entry->nr_parts].path = xstrdup(path);
	entry->parts[entry->nr_parts++].name = xstrdup(name);
}

const char *batch_entry_seed_key(const struct batch_entry *entry)
{
	if (entry->seed_key)
		return entry->seed_key;
	return entry->email && *entry->email ? entry->email : entry->id;
}

void batch_entries_release(struct batch_entries *entries)
{
	for (size_t i = 0; i < entries->nr; i++)
		entry_release(&entries->items[i]);
	free(entries->items);
	batch_entries_init(entries);
}

/*
 * Archive types students hand in that the grader does not read, longest
 * first so that "alice.tar.xz" is the student "alice".
 */
static const char *const unsupported[] = {
	".tar.bz2", ".tar.zst", ".tar.xz", ".tar.lz", ".tbz2", ".tzst",
	".zipx", ".lzma", ".tar", ".txz", ".tbz", ".bz2", ".zst", ".rar",
	".cab", ".7z", ".xz", ".gz", ".lz", ".Z", NULL,
};

/* The unsupported archive extension name ends in, or NULL. */
static const char *unsupported_extension(const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; unsupported[i]; i++) {
		size_t ext = strlen(unsupported[i]);

		if (len > ext && !strcasecmp(name + len - ext, unsupported[i]))
			return name + len - ext;
	}
	return NULL;
}

static char expected_text[320];

static void make_expected(void)
{
	snprintf(expected_text, sizeof expected_text, "expected one folder, or "
		 "one .zip, .tar.gz or .tgz archive, per student, named by the "
		 "student's id and holding the exercise files (%s)",
		 catalog_file_range());
}

/* What a submission should be: the end of every problem with one. */
static const char *expected(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, make_expected);
	return expected_text;
}

static struct batch_entry *push(struct batch_entries *entries,
				const char *id_text, size_t id_len)
{
	struct batch_entry *entry;

	if (entries->nr == entries->alloc) {
		entries->alloc = entries->alloc ? 2 * entries->alloc : 64;
		entries->items = xrealloc(entries->items, entries->alloc *
					  sizeof *entries->items);
	}
	entry = &entries->items[entries->nr++];
	memset(entry, 0, sizeof *entry);
	entry->id = xstrfmt("%.*s", (int)id_len, id_text);
	return entry;
}

struct batch_entry *batch_entries_push(struct batch_entries *entries,
				       const char *id)
{
	return push(entries, id, strlen(id));
}

/* A regular file: an archive to grade, or a row saying why not. */
static void push_file(struct batch_entries *entries, const char *path,
		      const char *name, const struct stat *st)
{
	const char *ext = unsupported_extension(name);
	struct batch_entry *entry;

	if (unpack_is_archive(name)) {
		entry = push(entries, name, unpack_stem_length(name));
		entry->archive = true;
		if (st->st_size == 0) {
			entry->status = "empty";
			entry->problem = xstrfmt("found %s, an archive of 0 "
						 "bytes; %s", name, expected());
		}
	} else if (ext) {
		entry = push(entries, name, (size_t)(ext - name));
		entry->status = "unsupported-archive";
		entry->problem = xstrfmt("found %s, a %s archive, which the "
					 "grader does not read; %s", name, ext,
					 expected());
	} else {
		entry = push(entries, name, strlen(name));
		entry->status = "loose-file";
		entry->problem = xstrfmt("found the single file %s directly "
					 "in the submissions folder; %s", name,
					 expected());
	}
	entry->path = xstrdup(path);
}

/* A dangling link, or an entry the grader may not look at. */
static void push_unreadable(struct batch_entries *entries, const char *path,
			    const char *name, int error)
{
	struct batch_entry *entry = push(entries, name,
					 unpack_stem_length(name));

	entry->path = xstrdup(path);
	entry->status = "unreadable";
	entry->problem = xstrfmt("found %s, but the grader cannot read it "
				 "(%s); %s", name, strerror(error),
				 expected());
}

struct batch_entry *batch_entries_add_missing(struct batch_entries *entries,
					      const char *id)
{
	struct batch_entry *entry = push(entries, id, strlen(id));

	entry->status = "missing";
	entry->problem = xstrfmt("the roster lists this student, but the "
				 "submissions hold no entry named %s; %s", id,
				 expected());
	return entry;
}

void batch_entries_consider(struct batch_entries *entries, const char *dir,
			    const char *name, dev_t skip_dev, ino_t skip_ino)
{
	char *path = xstrfmt("%s/%s", dir, name);
	char *shown = sanitize_dup(path);	/* names may hold escapes */
	struct stat st;

	if (*name == '.')
		fprintf(stderr, "grader: skipping %s: hidden entries are not "
			"students\n", shown);
	else if (stat(path, &st) != 0)
		push_unreadable(entries, path, name, errno);
	else if (S_ISDIR(st.st_mode) && st.st_dev == skip_dev &&
		 st.st_ino == skip_ino)
		fprintf(stderr, "grader: skipping %s: it is the output folder "
			"(--out)\n", shown);
	else if (S_ISDIR(st.st_mode))
		push(entries, name, strlen(name))->path = xstrdup(path);
	else
		push_file(entries, path, name, &st);
	free(shown);
	free(path);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct batch_entry *)a)->id,
		      ((const struct batch_entry *)b)->id);
}

static const char *base_name(const struct batch_entry *entry)
{
	const char *slash = strrchr(entry->path, '/');

	return slash ? slash + 1 : entry->path;
}

/* Equal ids are neighbours once sorted: keep the first, marked. */
static void mark_duplicates(struct batch_entries *entries)
{
	size_t kept = 0;

	for (size_t i = 0; i < entries->nr; i++) {
		struct batch_entry *entry = &entries->items[i];
		struct batch_entry *first = kept ? &entries->items[kept - 1] :
					    NULL;

		if (first && !strcmp(first->id, entry->id)) {
			char *a = sanitize_dup(first->path);
			char *b = sanitize_dup(entry->path);

			fprintf(stderr, "grader: %s and %s give the same "
				"student: both are marked duplicate; keep "
				"one of them\n", a, b);
			free(a);
			free(b);
			if (!first->status || strcmp(first->status,
						     "duplicate")) {
				free(first->problem);
				first->problem = xstrfmt("found both %s and "
					"%s for this student; %s",
					base_name(first), base_name(entry),
					expected());
			}
			first->status = "duplicate";
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
			batch_entries_consider(entries, dir, d->d_name,
					       skip_dev, skip_ino);
	closedir(handle);
	return 0;
}

void batch_entries_sort(struct batch_entries *entries)
{
	if (entries->nr)	/* qsort wants a non-NULL array */
		qsort(entries->items, entries->nr, sizeof *entries->items,
		      by_id);
	mark_duplicates(entries);
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
		entries->items[i].seed = digest_student_seed(secret,
			secret_len, batch_entry_seed_key(&entries->items[i]));
}
