/*
 * adjust_students.c - the students of an adjustments file: sections of one
 * student merged (the file grows through a term), and looked up by id.
 */
#include "adjust.h"

#include <stdlib.h>
#include <string.h>

static int by_id_then_line(const void *a, const void *b)
{
	const struct adjust_student *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void move_into(struct adjust_student *to, struct adjust_student *from)
{
	for (size_t i = 0; i < from->nr_changes; i++) {
		if (to->nr_changes == to->alloc_changes) {
			to->alloc_changes = 2 * to->alloc_changes + 4;
			to->changes = xrealloc(to->changes, to->alloc_changes *
					       sizeof *to->changes);
		}
		to->changes[to->nr_changes++] = from->changes[i];
	}
	for (size_t i = 0; i < from->nr_comments; i++) {
		if (to->nr_comments == to->alloc_comments) {
			to->alloc_comments = 2 * to->alloc_comments + 4;
			to->comments = xrealloc(to->comments,
						to->alloc_comments *
						sizeof *to->comments);
		}
		to->comments[to->nr_comments++] = from->comments[i];
	}
	from->nr_changes = from->nr_comments = 0;
	if (from->has_extension) {
		to->has_extension = true;
		to->extension = from->extension;
	}
	adjust_student_release(from);
}

int adjust_students_merge(struct adjust_file *file, unsigned *line)
{
	size_t kept = 0;

	if (file->nr)
		qsort(file->students, file->nr, sizeof *file->students,
		      by_id_then_line);
	for (size_t i = 0; i < file->nr; i++) {
		struct adjust_student *s = &file->students[i];
		struct adjust_student *prev = kept ? &file->students[kept - 1] :
					      NULL;

		if (prev && !strcmp(prev->id, s->id)) {
			if (prev->has_extension && s->has_extension) {
				/* Keep every live entry for the release. */
				*line = s->line;
				memmove(&file->students[kept], s,
					(file->nr - i) * sizeof *s);
				file->nr = kept + (file->nr - i);
				return -1;
			}
			move_into(prev, s);
			continue;
		}
		file->students[kept++] = *s;
	}
	file->nr = kept;
	return 0;
}

static int compare_id(const void *key, const void *item)
{
	return strcmp(key, ((const struct adjust_student *)item)->id);
}

const struct adjust_student *adjust_find(const struct adjust_file *file,
					 const char *id)
{
	if (!file->nr)
		return NULL;
	return bsearch(id, file->students, file->nr, sizeof *file->students,
		       compare_id);
}
