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
#include <sys/stat.h>
#include <unistd.h>

const struct unpack_limits unpack_default_limits = {
	.max_files = 64,
	.max_entries = 256,
	.max_file_bytes = (size_t)4 << 20,
	.max_total_bytes = (size_t)16 << 20,
};

static const char *const extensions[] = { ".tar.gz", ".tgz", ".zip", NULL };

size_t unpack_stem_length(const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; extensions[i]; i++) {
		size_t ext = strlen(extensions[i]);

		if (len > ext && !strcmp(name + len - ext, extensions[i]))
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
	struct strbuf *error;
};

static int fail(struct unpack *u, const char *path, const char *what)
{
	strbuf_addf(u->error, "%s: entry \"%s\" %s; submit an archive of "
		    "your exercise files only", u->name, path, what);
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
 * below the root, one component at a time without following links.
 * Returns a descriptor, or -1.
 */
static int open_folder(struct unpack *u, const char *path, size_t len)
{
	int fd = dup(u->root);
	size_t at = 0;

	while (fd >= 0 && at < len) {
		size_t n = strcspn(path + at, "/");
		char *name = xstrfmt("%.*s", (int)(n < len - at ? n : len - at),
				     path + at);
		int next = -1;

		if (*name && strcmp(name, ".") != 0) {
			if (mkdirat(fd, name, 0700) != 0 && errno != EEXIST) {
				free(name);
				close(fd);
				return -1;
			}
			next = openat(fd, name, O_RDONLY | O_DIRECTORY |
				      O_NOFOLLOW | O_CLOEXEC);
			close(fd);
			fd = next;
		}
		free(name);
		at += n + 1;
	}
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
			return fail(u, path, "is larger than the limit of 4 MiB");
		if (u->total > u->limits->max_total_bytes)
			return fail(u, path, "takes the archive past the limit "
				    "of 16 MiB in all");
		if (write(out, buffer, (size_t)got) != got)
			return fail(u, path, "could not be written (disk full?)");
	}
	if (got < 0)
		return fail(u, path, "is damaged (the archive is corrupt)");
	return 0;
}

static int extract_file(struct unpack *u, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int folder, out, status;

	if (++u->files > u->limits->max_files)
		return fail(u, path, "is one file too many (at most 64)");
	if (!*base)
		return fail(u, path, "is a file without a name");
	folder = open_folder(u, path, slash ? (size_t)(slash - path) : 0);
	if (folder < 0)
		return fail(u, path, "cannot be placed in its folder");
	out = openat(folder, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		     O_CLOEXEC, 0600);
	close(folder);
	if (out < 0)
		return fail(u, path, errno == EEXIST ? "appears twice" :
				     "cannot be created");
	status = copy_data(u, path, out);
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
		return fail(u, path, "is one entry too many");
	if (archive_entry_filetype(entry) == AE_IFREG)
		return extract_file(u, path);
	fd = open_folder(u, path, strlen(path));
	if (fd < 0)
		return fail(u, path, "cannot be created as a folder");
	close(fd);
	return 0;
}

static int read_entries(struct unpack *u)
{
	struct archive_entry *entry;
	int r;

	while ((r = archive_read_next_header(u->archive, &entry)) !=
	       ARCHIVE_EOF) {
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			strbuf_addf(u->error, "%s cannot be read (%s); pack "
				    "it again as .zip or .tar.gz", u->name,
				    archive_error_string(u->archive) ?
				    archive_error_string(u->archive) :
				    "not an archive");
			return -1;
		}
		if (extract_entry(u, entry) != 0)
			return -1;
	}
	return 0;
}

int unpack_archive(const char *archive, const char *dest,
		   const struct unpack_limits *limits, struct strbuf *error)
{
	const char *slash = strrchr(archive, '/');
	struct unpack u = {
		.name = slash ? slash + 1 : archive,
		.limits = limits,
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
		strbuf_addf(error, "%s cannot be opened as an archive (%s); "
			    "pack it again as .zip or .tar.gz", u.name,
			    archive_error_string(u.archive) ?
			    archive_error_string(u.archive) : "unknown format");
	else
		status = read_entries(&u);
	archive_read_free(u.archive);
	close(u.root);
	return status;
}
