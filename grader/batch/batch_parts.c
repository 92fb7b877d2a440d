/*
 * batch_parts.c - a flat LMS download's files of one student, copied.
 */
#include "batch_parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "student_id.h"

/*
 * The copy keeps the original's time: the batch takes the newest as when
 * the student handed in (the late policy), not when it was copied.
 */
static void keep_time(const char *from, const char *to)
{
	struct stat st;
	struct timespec times[2];

	if (stat(from, &st) != 0)
		return;
	times[0] = times[1] = st.st_mtim;
	utimensat(AT_FDCWD, to, times, 0);
}

static int copy_one(const struct batch_part *part, const char *dest,
		    size_t limit, size_t *total, struct strbuf *error)
{
	char *path = xstrfmt("%s/%s", dest, part->name);
	struct strbuf content;
	int status = -1;

	strbuf_init(&content);
	errno = 0;
	if (!strbuf_read_file(&content, part->path, limit)) {
		strbuf_addf(error, "%s: ", part->name);
		if (errno == EFBIG) {
			strbuf_add_read_error(error, limit);
			strbuf_addstr(error, "; hand in only the exercise "
				      "files");
		} else {
			strbuf_addf(error, "cannot read it (%s)",
				    strerror(errno));
		}
	} else if (strbuf_write_file(&content, path) != 0) {
		strbuf_addf(error, "%s: cannot copy it into the scratch "
			    "folder (%s)", part->name, strerror(errno));
	} else {
		keep_time(part->path, path);
		*total += content.len;
		status = 0;
	}
	strbuf_release(&content);
	free(path);
	return status;
}

int batch_parts_copy(const struct batch_entry *entry, const char *dest,
		     const struct unpack_limits *limits,
		     struct strbuf *error)
{
	size_t total = 0, copied = 0;

	for (size_t i = 0; i < entry->nr_parts; i++) {
		const struct batch_part *part = &entry->parts[i];

		if (!student_id_valid(part->name))
			continue;	/* no file can have that name */
		if (++copied > limits->max_files) {
			strbuf_addf(error, "more than %zu files handed in; "
				    "hand in only the exercise files",
				    limits->max_files);
			return -1;
		}
		if (copy_one(part, dest, limits->max_file_bytes, &total,
			     error) != 0)
			return -1;
		if (total > limits->max_total_bytes) {
			strbuf_addstr(error, "the files handed in are larger "
				      "than ");
			strbuf_add_bytes(error, limits->max_total_bytes);
			strbuf_addstr(error, " in all; hand in only the "
				      "exercise files");
			return -1;
		}
	}
	return 0;
}
