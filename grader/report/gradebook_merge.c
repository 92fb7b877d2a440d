/*
 * gradebook_merge.c - shard gradebooks into one (build/grader --merge DIR).
 * A merge holds every row in memory; rows are small and a merge does
 * nothing else.
 */
#include "gradebook.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct merge_row {
	char *student;
	char *record;		/* re-formatted, with its line end */
	unsigned shard;
};

struct merge {
	const char *dir;
	unsigned count;			/* N, 0 until a shard is seen */
	char **files;			/* per K-1: file name or NULL */
	struct merge_row *rows;
	size_t nr, alloc;
	struct strbuf *error;
};

/* "gradebook.shard-K-of-N.csv" exactly; 0 or -1. */
static int shard_name(const char *name, unsigned *k, unsigned *n)
{
	int end = -1;

	if (sscanf(name, "gradebook.shard-%u-of-%u.csv%n", k, n, &end) != 2 ||
	    end < 0 || name[end] || *k < 1 || *k > *n || *n > 100000)
		return -1;
	return 0;
}

static int note_shard(struct merge *m, const char *name)
{
	unsigned k, n;

	if (shard_name(name, &k, &n) != 0)
		return 0;
	if (!m->count) {
		m->count = n;
		m->files = xcalloc(n, sizeof *m->files);
	} else if (n != m->count) {
		strbuf_addf(m->error, "--merge %s: the shards disagree on N "
			    "(%s and a shard of %u); keep the shards of one "
			    "run only", m->dir, name, m->count);
		return -1;
	}
	m->files[k - 1] = xstrdup(name);
	return 0;
}

static int find_shards(struct merge *m)
{
	DIR *handle = opendir(m->dir);
	struct dirent *entry;
	int status = 0;

	if (!handle) {
		strbuf_addf(m->error, "--merge %s: cannot read the folder (%s); "
			    "give the folder holding the shard gradebooks",
			    m->dir, strerror(errno));
		return -1;
	}
	while (status == 0 && (entry = readdir(handle)) != NULL)
		status = note_shard(m, entry->d_name);
	closedir(handle);
	if (status == 0 && !m->count) {
		strbuf_addf(m->error, "--merge %s: no gradebook.shard-K-of-N.csv "
			    "there; run build/grader --batch ... --shard K/N "
			    "--out %s first", m->dir, m->dir);
		return -1;
	}
	for (unsigned k = 0; status == 0 && k < m->count; k++)
		if (!m->files[k]) {
			strbuf_addf(m->error, "--merge %s: shard %u of %u is "
				    "missing (gradebook.shard-%u-of-%u.csv); "
				    "run that shard or copy its file here",
				    m->dir, k + 1, m->count, k + 1, m->count);
			status = -1;
		}
	return status;
}

static void add_row(struct merge *m, const struct gradebook_row *row,
		    unsigned shard)
{
	struct merge_row *r;
	struct strbuf record;

	if (m->nr == m->alloc) {
		m->alloc = m->alloc ? 2 * m->alloc : 64;
		m->rows = xrealloc(m->rows, m->alloc * sizeof *m->rows);
	}
	r = &m->rows[m->nr++];
	strbuf_init(&record);
	gradebook_format_row(row, &record);
	r->student = xstrdup(row->student);
	r->record = strbuf_detach(&record);
	r->shard = shard;
}

static int read_rows(struct merge *m, unsigned k, const char *text,
		     const char *header)
{
	struct gradebook_fields fields;
	struct gradebook_row row;
	const char *cursor = text;
	int status = 0, r;

	if (strncmp(text, header, strlen(header)) != 0) {
		strbuf_addf(m->error, "--merge %s: %s does not start with this "
			    "grader's header; grade every shard with the same "
			    "grader", m->dir, m->files[k]);
		return -1;
	}
	cursor += strlen(header);
	gradebook_fields_init(&fields);
	while (status == 0 && (r = gradebook_parse_record(&cursor, &fields))) {
		if (r < 0 || gradebook_row_parse(&fields, &row) != 0) {
			strbuf_addf(m->error, "--merge %s: %s has a damaged "
				    "row; grade that shard again", m->dir,
				    m->files[k]);
			status = -1;
		} else {
			add_row(m, &row, k + 1);
		}
	}
	gradebook_fields_release(&fields);
	return status;
}

static int read_shards(struct merge *m)
{
	struct strbuf header, text;
	int status = 0;

	strbuf_init(&header);
	strbuf_init(&text);
	gradebook_header(&header);
	for (unsigned k = 0; status == 0 && k < m->count; k++) {
		char *path = xstrfmt("%s/%s", m->dir, m->files[k]);

		strbuf_reset(&text);
		if (!strbuf_read_file(&text, path, GRADEBOOK_READ_BYTES)) {
			strbuf_addf(m->error, "--merge %s: cannot read %s (",
				    m->dir, path);
			strbuf_add_read_error(m->error, GRADEBOOK_READ_BYTES);
			strbuf_addstr(m->error, "); give the folders the "
				      "batch wrote, each with its gradebook");
			status = -1;
		} else {
			status = read_rows(m, k, text.buf, header.buf);
		}
		free(path);
	}
	strbuf_release(&header);
	strbuf_release(&text);
	return status;
}

static int by_student(const void *a, const void *b)
{
	return strcmp(((const struct merge_row *)a)->student,
		      ((const struct merge_row *)b)->student);
}

static int write_merged(struct merge *m, struct strbuf *out)
{
	char *path = gradebook_path(m->dir, 1, 1);
	struct strbuf text;
	int status = 0;

	qsort(m->rows, m->nr, sizeof *m->rows, by_student);
	for (size_t i = 1; i < m->nr; i++)
		if (!strcmp(m->rows[i - 1].student, m->rows[i].student)) {
			strbuf_addf(m->error, "--merge %s: student %s is in "
				    "shard %u and shard %u; merge the shards "
				    "of one run only", m->dir,
				    m->rows[i].student, m->rows[i - 1].shard,
				    m->rows[i].shard);
			free(path);
			return -1;
		}
	strbuf_init(&text);
	gradebook_header(&text);
	for (size_t i = 0; i < m->nr; i++)
		strbuf_addstr(&text, m->rows[i].record);
	if (strbuf_write_file(&text, path) != 0) {
		strbuf_addf(m->error, "--merge %s: cannot write %s (%s)",
			    m->dir, path, strerror(errno));
		status = -1;
	} else {
		strbuf_addf(out, "merged %u shard%s, %zu student%s, into %s\n",
			    m->count, m->count == 1 ? "" : "s", m->nr,
			    m->nr == 1 ? "" : "s", path);
	}
	strbuf_release(&text);
	free(path);
	return status;
}

static void merge_release(struct merge *m)
{
	for (unsigned k = 0; k < m->count; k++)
		free(m->files[k]);
	free(m->files);
	for (size_t i = 0; i < m->nr; i++) {
		free(m->rows[i].student);
		free(m->rows[i].record);
	}
	free(m->rows);
}

int gradebook_merge(const char *dir, struct strbuf *out,
		    struct strbuf *error)
{
	struct merge m = { .dir = dir, .error = error };
	int status;

	status = find_shards(&m);
	if (status == 0)
		status = read_shards(&m);
	if (status == 0)
		status = write_merged(&m, out);
	merge_release(&m);
	return status;
}
