/*
 * lms_entries.c - listing Canvas and Moodle downloads (Gradescope's
 * export: lms_gradescope.c).
 */
#include "lms_entries.h"
#include "lms_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/unpack.h"

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lms_read_names(const char *dir, struct lms_names *names,
		   struct strbuf *error)
{
	DIR *handle = opendir(dir);
	struct dirent *d;
	size_t alloc = 0;

	memset(names, 0, sizeof *names);
	if (!handle) {
		strbuf_addf(error, "--batch %s: cannot read the folder (%s); "
			    "give the folder of the LMS's download, unzipped",
			    dir, strerror(errno));
		return -1;
	}
	while ((d = readdir(handle)) != NULL) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (names->nr == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			names->items = xrealloc(names->items,
						alloc * sizeof *names->items);
		}
		names->items[names->nr++] = xstrdup(d->d_name);
	}
	closedir(handle);
	/* Readdir's order differs between file systems; ours does not. */
	if (names->nr)
		qsort(names->items, names->nr, sizeof *names->items, by_text);
	return 0;
}

void lms_names_release(struct lms_names *names)
{
	for (size_t i = 0; i < names->nr; i++)
		free(names->items[i]);
	free(names->items);
	memset(names, 0, sizeof *names);
}

/* The entry already made for this LMS id, or a new one. */
static struct batch_entry *group(struct batch_entries *entries, size_t from,
				 const char *lms_id, const char *name)
{
	struct batch_entry *entry;

	for (size_t i = from; i < entries->nr; i++)
		if (entries->items[i].lms_id &&
		    !strcmp(entries->items[i].lms_id, lms_id))
			return &entries->items[i];
	entry = batch_entries_push(entries, lms_id);
	entry->lms_id = xstrdup(lms_id);
	entry->name = xstrdup(name);
	return entry;
}

/* A later file of the same name replaces an earlier one. */
static void add_part(struct batch_entry *entry, const char *path,
		     const char *name)
{
	for (size_t i = 0; i < entry->nr_parts; i++)
		if (!strcmp(entry->parts[i].name, name)) {
			free(entry->parts[i].path);
			entry->parts[i].path = xstrdup(path);
			return;
		}
	batch_entry_add_part(entry, path, name);
}

static void drop_parts(struct batch_entry *entry)
{
	for (size_t i = 0; i < entry->nr_parts; i++) {
		free(entry->parts[i].path);
		free(entry->parts[i].name);
	}
	free(entry->parts);
	entry->parts = NULL;
	entry->nr_parts = 0;
}

/*
 * A group's files: one archive is graded as an archive (as an entry
 * alice.zip is), anything else as a folder holding the files.
 */
static void settle_parts(struct batch_entry *entry)
{
	if (entry->nr_parts == 1 && unpack_is_archive(entry->parts[0].name)) {
		free(entry->path);
		entry->path = xstrdup(entry->parts[0].path);
		entry->archive = true;
		drop_parts(entry);
	} else if (entry->nr_parts) {
		free(entry->path);
		entry->path = xstrdup(entry->parts[0].path);
	}
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_folder(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A Canvas file, in order of attachment id (later uploads last). */
struct canvas_file {
	struct lms_canvas_name name;
	const char *entry;
};

static int by_attachment(const void *a, const void *b)
{
	const struct canvas_file *x = a, *y = b;

	if (x->name.attachment != y->name.attachment)
		return x->name.attachment < y->name.attachment ? -1 : 1;
	return strcmp(x->entry, y->entry);
}

static void list_canvas(struct batch_entries *entries, const char *dir,
			const struct lms_names *names, dev_t skip_dev,
			ino_t skip_ino)
{
	struct canvas_file *files = xcalloc(names->nr + 1, sizeof *files);
	size_t n = 0, from = entries->nr;

	for (size_t i = 0; i < names->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, names->items[i]);

		if (names->items[i][0] != '.' && is_file(path) &&
		    lms_canvas_parse(names->items[i], &files[n].name) == 0)
			files[n++].entry = names->items[i];
		else
			batch_entries_consider(entries, dir, names->items[i],
					       skip_dev, skip_ino);
		free(path);
	}
	if (n)
		qsort(files, n, sizeof *files, by_attachment);
	for (size_t i = 0; i < n; i++) {
		struct batch_entry *entry = group(entries, from,
			files[i].name.user, files[i].name.login);
		char *path = xstrfmt("%s/%s", dir, files[i].entry);

		entry->late |= files[i].name.late;
		add_part(entry, path, files[i].name.file);
		free(path);
		lms_canvas_name_release(&files[i].name);
	}
	for (size_t i = from; i < entries->nr; i++)
		settle_parts(&entries->items[i]);
	free(files);
}

/* The only visible entry of dir, when it is an archive (malloc'd). */
static char *lone_archive(const char *dir)
{
	struct lms_names names;
	struct strbuf ignored;
	char *found = NULL;
	size_t visible = 0;

	strbuf_init(&ignored);
	if (lms_read_names(dir, &names, &ignored) == 0) {
		for (size_t i = 0; i < names.nr; i++) {
			if (names.items[i][0] == '.' ||
			    !strcmp(names.items[i], "__MACOSX"))
				continue;
			if (!visible++ && unpack_is_archive(names.items[i]))
				found = xstrfmt("%s/%s", dir, names.items[i]);
		}
	}
	lms_names_release(&names);
	strbuf_release(&ignored);
	if (visible != 1) {
		free(found);
		return NULL;
	}
	return found;
}

/* A participant's folder: the file plugin's wins over others. */
static void moodle_folder(struct batch_entry *entry, const char *path,
			  const struct lms_moodle_name *name)
{
	if (entry->path && strcmp(name->plugin, "file"))
		return;
	free(entry->path);
	entry->path = xstrdup(path);
}

/* Folders win over flat files; a lone archive is graded as one. */
static void settle_moodle(struct batch_entry *entry)
{
	char *archive;

	if (!entry->path) {
		settle_parts(entry);
		return;
	}
	drop_parts(entry);
	archive = lone_archive(entry->path);
	if (archive) {
		free(entry->path);
		entry->path = archive;
		entry->archive = true;
	}
}

static void list_moodle(struct batch_entries *entries, const char *dir,
			const struct lms_names *names, dev_t skip_dev,
			ino_t skip_ino)
{
	size_t from = entries->nr;

	for (size_t i = 0; i < names->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, names->items[i]);
		struct lms_moodle_name name = { 0 };
		bool parsed = names->items[i][0] != '.' &&
			      lms_moodle_parse(names->items[i], &name) == 0;
		bool folder = is_folder(path);

		/* A folder's name ends in '_', a file's in its own name. */
		if (parsed && (folder ? !*name.file :
			       *name.file && is_file(path))) {
			struct batch_entry *entry = group(entries, from,
				name.participant, name.full_name);

			if (folder)
				moodle_folder(entry, path, &name);
			else
				add_part(entry, path, name.file);
		} else {
			batch_entries_consider(entries, dir, names->items[i],
					       skip_dev, skip_ino);
		}
		lms_moodle_name_release(&name);
		free(path);
	}
	for (size_t i = from; i < entries->nr; i++)
		settle_moodle(&entries->items[i]);
}

int lms_entries_list(struct batch_entries *entries, enum lms_kind kind,
		     const char *dir, dev_t skip_dev, ino_t skip_ino,
		     struct strbuf *error)
{
	struct lms_names names;

	if (kind == LMS_NONE)
		return batch_entries_list(entries, dir, skip_dev, skip_ino,
					  error);
	if (kind == LMS_GRADESCOPE)
		return lms_gradescope_list(entries, dir, skip_dev, skip_ino,
					   error);
	if (lms_read_names(dir, &names, error) != 0)
		return -1;
	if (kind == LMS_CANVAS)
		list_canvas(entries, dir, &names, skip_dev, skip_ino);
	else
		list_moodle(entries, dir, &names, skip_dev, skip_ino);
	lms_names_release(&names);
	return 0;
}
