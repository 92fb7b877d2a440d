/*
 * unpack.c - a careful archive reader on top of libarchive.  libarchive's
 * own extraction (archive_write_disk) is not used: it creates links and
 * device nodes and trusts header sizes; here every entry is checked and
 * written by hand below a folder opened once.
 */
#include "unpack.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

const struct unpack_limits unpack_default_limits = {
	.max_files = 64,
	.max_entries = 1024,
	.max_file_bytes = (size_t)4 << 20,
	.max_total_bytes = (size_t)16 << 20,
	.max_skipped_bytes = (size_t)256 << 20,
};

static const char *const extensions[] = { ".tar.gz", ".tgz", ".zip", NULL };

size_t unpack_stem_length(const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; extensions[i]; i++) {
		size_t ext = strlen(extensions[i]);

		if (len > ext && !strcasecmp(name + len - ext, extensions[i]))
			return len - ext;
	}
	return len;
}

bool unpack_is_archive(const char *name)
{
	return unpack_stem_length(name) != strlen(name);
}

struct unpack {
	struct archive *archive;
	const char *name;		/* the archive, for messages */
	const struct unpack_limits *limits;
	int root;			/* the destination folder */
	size_t files, entries, total;
	size_t folders;			/* created */
	size_t skipped_bytes;		/* read through, not written */
	bool (*wanted)(const char *path);	/* NULL: every file */
	struct strbuf *skipped;		/* paths not unpacked, or NULL */
	struct strbuf *error;
};

/* The most bytes of an entry's name, or of libarchive's error, quoted. */
#define QUOTED_BYTES 160

/*
 * Adds text with every byte but printable ASCII shown as '?', cut after
 * QUOTED_BYTES: names in an archive may hold newlines and terminal escape
 * sequences, and a message is one line that is safe to print.
 */
static void add_printable(struct strbuf *sb, const char *text)
{
	size_t i;

	for (i = 0; text[i] && i < QUOTED_BYTES; i++)
		strbuf_addch(sb, text[i] >= 0x20 && text[i] < 0x7f ?
			     text[i] : '?');
	if (text[i])
		strbuf_addstr(sb, "...");
}

static int fail(struct unpack *u, const char *path, const char *what)
{
	add_printable(u->error, u->name);
	strbuf_addstr(u->error, ": entry \"");
	add_printable(u->error, path);
	strbuf_addf(u->error, "\" %s; submit an archive of your exercise "
		    "files only", what);
	return -1;
}

/* fail(), for a limit (format has one %s for it): bytes or a count. */
static int fail_limit(struct unpack *u, const char *path, const char *format,
		      size_t limit, bool bytes)
{
	struct strbuf amount = STRBUF_INIT;
	char *what;

	if (bytes)
		strbuf_add_bytes(&amount, limit);
	else
		strbuf_addf(&amount, "%zu", limit);
	what = xstrfmt(format, amount.buf);
	fail(u, path, what);
	free(what);
	strbuf_release(&amount);
	return -1;
}

/* The archive as a whole cannot be read: libarchive says why. */
static int fail_archive(struct unpack *u, const char *what,
			const char *otherwise)
{
	const char *why = archive_error_string(u->archive);

	add_printable(u->error, u->name);
	strbuf_addf(u->error, " %s (", what);
	add_printable(u->error, why ? why : otherwise);
	strbuf_addstr(u->error, "); pack it again as .zip or .tar.gz");
	return -1;
}

/* Only plain names below the destination: no "/x", no "..". */
static int check_path(struct unpack *u, const char *path)
{
	const char *p = path;

	if (!*path)
		return fail(u, path, "has an empty name");
	if (*path == '/')
		return fail(u, path, "is an absolute path");
	if (strlen(path) > 1024)
		return fail(u, path, "has a name that is too long");
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return fail(u, path, "climbs out with \"..\"");
		p += len;
		p += *p == '/';
	}
	return 0;
}

/*
 * Opens (creating when asked) the folder of the first `len` bytes of path
 * below the root, one component at a time without following links; each
 * folder it creates counts against the limit of entries, so one long name
 * cannot make hundreds.  Returns a descriptor, or -1 with the message set.
 */
static int open_folder(struct unpack *u, const char *path, size_t len)
{
	int fd = dup(u->root);
	size_t at = 0;

	while (fd >= 0 && at < len) {
		size_t n = strcspn(path + at, "/");
		char *name = xstrfmt("%.*s", (int)(n < len - at ? n : len - at),
				     path + at);
		bool full = false;

		if (*name && strcmp(name, ".") != 0) {
			/* At the limit, only folders already made are used. */
			bool room = u->folders < u->limits->max_entries;
			bool made = room && mkdirat(fd, name, 0700) == 0;
			int next = made || !room || errno == EEXIST ?
				   openat(fd, name, O_RDONLY | O_DIRECTORY |
					  O_NOFOLLOW | O_CLOEXEC) : -1;

			full = !room && next < 0 && errno == ENOENT;
			u->folders += made;
			close(fd);
			fd = next;
		}
		free(name);
		if (full)
			return fail_limit(u, path, "makes one folder too many "
					  "(at most %s)",
					  u->limits->max_entries, false);
		at += n + 1;
	}
	if (fd < 0)
		return fail(u, path, "cannot be placed in a folder (a file of "
			    "that name is in the way?)");
	return fd;
}

static int copy_data(struct unpack *u, const char *path, int out)
{
	char buffer[16384];
	size_t written = 0;
	la_ssize_t got;

	while ((got = archive_read_data(u->archive, buffer, sizeof buffer)) > 0) {
		written += (size_t)got;
		u->total += (size_t)got;
		if (written > u->limits->max_file_bytes)
			return fail_limit(u, path, "is larger than the limit "
					  "of %s", u->limits->max_file_bytes,
					  true);
		if (u->total > u->limits->max_total_bytes)
			return fail_limit(u, path, "takes the archive past the "
					  "limit of %s in all",
					  u->limits->max_total_bytes, true);
		if (write(out, buffer, (size_t)got) != got)
			return fail(u, path, "could not be written (disk full?)");
	}
	if (got < 0)
		return fail(u, path, "is damaged (the archive is corrupt)");
	return 0;
}

/* A file not wanted: read through (a bomb stops at the limit), noted. */
static int skip_file(struct unpack *u, const char *path)
{
	char buffer[16384];
	la_ssize_t got;

	while ((got = archive_read_data(u->archive, buffer, sizeof buffer)) > 0) {
		u->skipped_bytes += (size_t)got;
		if (u->skipped_bytes > u->limits->max_skipped_bytes)
			return fail_limit(u, path, "takes the files that are "
					  "not graded past the limit of %s in "
					  "all", u->limits->max_skipped_bytes,
					  true);
	}
	if (got < 0)
		return fail(u, path, "is damaged (the archive is corrupt)");
	if (u->skipped) {
		add_printable(u->skipped, path);
		strbuf_addch(u->skipped, '\n');
	}
	return 0;
}

/*
 * The file keeps the time the archive gives it: the batch takes the
 * newest as the time the student handed in (the late policy).
 */
static void keep_time(int out, struct archive_entry *entry)
{
	struct timespec times[2];

	if (!archive_entry_mtime_is_set(entry))
		return;
	times[0].tv_sec = times[1].tv_sec = archive_entry_mtime(entry);
	times[0].tv_nsec = times[1].tv_nsec = 0;
	futimens(out, times);
}

static int extract_file(struct unpack *u, const char *path,
			struct archive_entry *entry)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int folder, out, status;

	if (++u->files > u->limits->max_files)
		return fail_limit(u, path, "is one file too many (at most %s)",
				  u->limits->max_files, false);
	if (!*base)
		return fail(u, path, "is a file without a name");
	folder = open_folder(u, path, slash ? (size_t)(slash - path) : 0);
	if (folder < 0)
		return -1;
	out = openat(folder, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		     O_CLOEXEC, 0600);
	close(folder);
	if (out < 0)
		return fail(u, path, errno == EEXIST ? "appears twice" :
				     "cannot be created");
	status = copy_data(u, path, out);
	if (status == 0)
		keep_time(out, entry);
	if (close(out) != 0 && status == 0)
		status = fail(u, path, "could not be written (disk full?)");
	return status;
}

static const char *kind_of(struct archive_entry *entry)
{
	if (archive_entry_hardlink(entry))
		return "is a hard link";
	switch (archive_entry_filetype(entry)) {
	case AE_IFREG:
		return NULL;
	case AE_IFDIR:
		return NULL;
	case AE_IFLNK:
		return "is a symbolic link";
	default:
		return "is a device, fifo or socket";
	}
}

static int extract_entry(struct unpack *u, struct archive_entry *entry)
{
	const char *path = archive_entry_pathname(entry);
	const char *kind;
	int fd;

	if (!path)
		return fail(u, "?", "has a name that cannot be read");
	if (check_path(u, path) != 0)
		return -1;
	if ((kind = kind_of(entry)) != NULL ||
	    (archive_entry_symlink(entry) && (kind = "is a symbolic link")))
		return fail(u, path, kind);
	if (++u->entries > u->limits->max_entries)
		return fail_limit(u, path, "is one entry too many (at most %s)",
				  u->limits->max_entries, false);
	if (archive_entry_filetype(entry) == AE_IFREG)
		return !u->wanted || u->wanted(path) ?
		       extract_file(u, path, entry) : skip_file(u, path);
	if (u->wanted)
		return 0;	/* folders come with the files wanted */
	fd = open_folder(u, path, strlen(path));
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int read_entries(struct unpack *u)
{
	struct archive_entry *entry;
	int r;

	while ((r = archive_read_next_header(u->archive, &entry)) !=
	       ARCHIVE_EOF) {
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
			return fail_archive(u, "cannot be read",
					    "not an archive");
		if (extract_entry(u, entry) != 0)
			return -1;
	}
	return 0;
}

int unpack_archive(const char *archive, const char *dest,
		   const struct unpack_limits *limits, struct strbuf *error)
{
	return unpack_archive_wanted(archive, dest, limits, NULL, NULL, error);
}

int unpack_archive_wanted(const char *archive, const char *dest,
			  const struct unpack_limits *limits,
			  bool (*wanted)(const char *path),
			  struct strbuf *skipped, struct strbuf *error)
{
	const char *slash = strrchr(archive, '/');
	struct unpack u = {
		.name = slash ? slash + 1 : archive,
		.limits = limits,
		.wanted = wanted,
		.skipped = skipped,
		.error = error,
	};
	int status = -1;

	u.root = open(dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (u.root < 0) {
		strbuf_addf(error, "cannot open the scratch folder %s (%s); "
			    "set TMPDIR to a writable folder", dest,
			    strerror(errno));
		return -1;
	}
	/* gzip only: libarchive's other filters may run external programs. */
	u.archive = archive_read_new();
	archive_read_support_filter_gzip(u.archive);
	archive_read_support_format_tar(u.archive);
	archive_read_support_format_zip(u.archive);
	if (archive_read_open_filename(u.archive, archive, 16384) != ARCHIVE_OK)
		fail_archive(&u, "cannot be opened as an archive",
			     "unknown format");
	else
		status = read_entries(&u);
	archive_read_free(u.archive);
	close(u.root);
	return status;
}
