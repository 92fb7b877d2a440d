/*
 * cache.c - content-keyed entries, written whole or not at all.
 */
#define _GNU_SOURCE
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "workspace.h"
#include "util/digest.h"

#define IDENTITY_FILE "identity"
/* The identity holds a whole source file, at most COMPILE_MAX_SOURCE_BYTES. */
#define MAX_IDENTITY_BYTES ((size_t)2 << 20)
#define MAX_FILE_BYTES ((size_t)64 << 20)

int cache_prepare(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	/* Someone else's folder could hand us binaries they made. */
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 022))
		return -1;
	return 0;
}

char *cache_default_dir(const struct resources *resources)
{
	char *dir;

	if (!resources->root)
		return NULL;
	dir = xstrfmt("%s/cache", resources->root);
	if (cache_prepare(dir) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

void cache_add_file_identity(struct strbuf *identity, const char *label,
			     const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		strbuf_addf(identity, "%s %s missing\n", label, path);
		return;
	}
	strbuf_addf(identity, "%s %s %jd %jd.%09ld %ju\n", label, path,
		    (intmax_t)st.st_size, (intmax_t)st.st_mtim.tv_sec,
		    st.st_mtim.tv_nsec, (uintmax_t)st.st_ino);
}

static char *entry_name(const struct strbuf *identity)
{
	static const char label[] = "cross-entropy-workbook cache 1";
	struct digest_key key;

	digest_key_from_text(&key, label, sizeof label - 1);
	return xstrfmt("%016" PRIx64,
		       digest_siphash(&key, identity->buf, identity->len));
}

static bool same_identity(const char *entry, const struct strbuf *identity)
{
	struct strbuf stored;
	bool same;

	strbuf_init(&stored);
	same = cache_read(entry, IDENTITY_FILE, &stored) &&
	       stored.len == identity->len &&
	       memcmp(stored.buf, identity->buf, identity->len) == 0;
	strbuf_release(&stored);
	return same;
}

char *cache_lookup(const char *dir, const struct strbuf *identity)
{
	char *name = entry_name(identity);
	char *entry = xstrfmt("%s/%s", dir, name);

	free(name);
	if (same_identity(entry, identity)) {
		/* Used now: cache_prune() removes the least recently used. */
		utimensat(AT_FDCWD, entry, NULL, 0);
		return entry;
	}
	free(entry);
	return NULL;
}

bool cache_read(const char *entry, const char *name, struct strbuf *out)
{
	char *path = xstrfmt("%s/%s", entry, name);
	size_t limit = strcmp(name, IDENTITY_FILE) ? MAX_FILE_BYTES :
						      MAX_IDENTITY_BYTES;
	bool ok;

	strbuf_reset(out);
	ok = strbuf_read_file(out, path, limit);
	free(path);
	return ok;
}

static int write_all(const char *path, const void *data, size_t len,
		     mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	const char *p = data;

	if (fd < 0)
		return -1;
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return close(fd);
}

int cache_copy_out(const char *entry, const char *name, const char *to)
{
	struct strbuf data;
	int status = -1;

	strbuf_init(&data);
	if (cache_read(entry, name, &data))
		status = write_all(to, data.buf, data.len, 0755);
	if (status != 0)
		unlink(to);
	strbuf_release(&data);
	return status;
}

void cache_writer_init(struct cache_writer *writer, const char *dir,
		       const struct strbuf *identity)
{
	writer->dir = xstrdup(dir);
	writer->name = entry_name(identity);
	writer->tmp = xstrfmt("%s/tmp-%s-XXXXXX", dir, writer->name);
	if (!mkdtemp(writer->tmp)) {
		free(writer->tmp);
		writer->tmp = NULL;
		return;
	}
	cache_writer_add(writer, IDENTITY_FILE, identity->buf, identity->len);
}

static void writer_fail(struct cache_writer *writer)
{
	if (writer->tmp)
		workspace_remove_tree(writer->tmp);
	free(writer->tmp);
	writer->tmp = NULL;
}

void cache_writer_add(struct cache_writer *writer, const char *name,
		      const void *data, size_t len)
{
	char *path;

	if (!writer->tmp)
		return;
	path = xstrfmt("%s/%s", writer->tmp, name);
	if (write_all(path, data, len, 0600) != 0)
		writer_fail(writer);
	free(path);
}

void cache_writer_add_copy(struct cache_writer *writer, const char *name,
			   const char *from)
{
	struct strbuf data;

	strbuf_init(&data);
	if (writer->tmp && strbuf_read_file(&data, from, MAX_FILE_BYTES))
		cache_writer_add(writer, name, data.buf, data.len);
	else
		writer_fail(writer);
	strbuf_release(&data);
}

/* Whether file `name` is the same in both folders, byte for byte. */
static bool same_file(const char *entry, const char *tmp, const char *name)
{
	struct strbuf theirs, ours;
	bool same;

	strbuf_init(&theirs);
	strbuf_init(&ours);
	same = cache_read(entry, name, &theirs) &&
	       cache_read(tmp, name, &ours) && theirs.len == ours.len &&
	       memcmp(theirs.buf, ours.buf, ours.len) == 0;
	strbuf_release(&theirs);
	strbuf_release(&ours);
	return same;
}

/*
 * Whether the published entry already holds every file of ours, as ours:
 * another grader published the same first.  An entry that only has the
 * names (a file damaged in place) is to be replaced.
 */
static bool entry_complete(const char *entry, const char *tmp)
{
	struct dirent *d;
	DIR *files = opendir(tmp);
	bool complete = files != NULL;

	while (files && complete && (d = readdir(files)))
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			complete = same_file(entry, tmp, d->d_name);
	if (files)
		closedir(files);
	return complete;
}

int cache_writer_commit(struct cache_writer *writer)
{
	char *entry, *trash;
	int status = -1;

	if (!writer->tmp) {
		cache_writer_release(writer);
		return -1;
	}
	entry = xstrfmt("%s/%s", writer->dir, writer->name);
	if (rename(writer->tmp, entry) == 0) {
		status = 0;
	} else if (entry_complete(entry, writer->tmp)) {
		status = 0;	/* another grader published it first */
	} else {
		/* Damaged: moved aside whole (atomic), then ours goes in. */
		trash = xstrfmt("%s.trash", writer->tmp);
		if (rename(entry, trash) == 0)
			workspace_remove_tree(trash);
		if (rename(writer->tmp, entry) == 0)
			status = 0;
		free(trash);
	}
	free(entry);
	cache_writer_release(writer);
	return status;
}

void cache_writer_release(struct cache_writer *writer)
{
	if (writer->tmp) {
		struct stat st;

		if (lstat(writer->tmp, &st) == 0)
			workspace_remove_tree(writer->tmp);
	}
	free(writer->tmp);
	free(writer->dir);
	free(writer->name);
	writer->tmp = writer->dir = writer->name = NULL;
}
