/*
 * lms_gradescope.c - listing Gradescope's "Export Submissions" of a
 * programming assignment: a folder per submission (submission_123456/)
 * and submission_metadata.yml saying whose each one is.
 */
#include "lms_internal.h"
#include "lms.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "adjust.h"
#include "student_id.h"

static const char metadata_name[] = "submission_metadata.yml";

static const struct lms_submission *find(const struct lms_metadata *metadata,
					 const char *folder)
{
	for (size_t i = 0; i < metadata->nr; i++)
		if (!strcmp(metadata->items[i].folder, folder))
			return &metadata->items[i];
	return NULL;
}

/* The row's id: the SID, else the email, else the folder's name. */
static const char *submitter_id(const struct lms_submitter *who,
				const char *folder)
{
	if (student_id_valid(who->sid))
		return who->sid;
	if (student_id_valid(who->email))
		return who->email;
	return folder;
}

/*
 * One row per student of the submission, each graded with the seed of
 * the first one: run_autograder seeds a group's submission by
 * users[0].email, and the batch gives the same inputs.
 */
static void add_submission(struct batch_entries *entries, const char *path,
			   const struct lms_submission *submission)
{
	const char *first_email = submission->submitters[0].email;
	struct batch_time submitted = { .known = false };
	int offset;

	/* The late policy's time: Gradescope's, not the files' (unpacked). */
	if (submission->created_at)
		submitted.known = adjust_parse_time(submission->created_at,
						    &submitted.seconds,
						    &offset) == 0;
	for (size_t i = 0; i < submission->nr; i++) {
		const struct lms_submitter *who = &submission->submitters[i];
		struct batch_entry *entry = batch_entries_push(entries,
			submitter_id(who, submission->folder));

		entry->path = xstrdup(path);
		entry->name = xstrdup(who->name);
		entry->email = xstrdup(who->email);
		entry->lms_id = xstrdup(who->sid);
		if (*first_email)
			entry->seed_key = xstrdup(first_email);
		entry->submitted = submitted;
	}
}

static bool is_folder(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Listed in the metadata, with no folder: a row that says so. */
static void add_absent(struct batch_entries *entries,
		       const struct lms_submission *submission)
{
	for (size_t i = 0; i < submission->nr; i++) {
		const struct lms_submitter *who = &submission->submitters[i];
		struct batch_entry *entry = batch_entries_push(entries,
			submitter_id(who, submission->folder));

		entry->name = xstrdup(who->name);
		entry->email = xstrdup(who->email);
		entry->lms_id = xstrdup(who->sid);
		entry->status = "missing";
		entry->problem = xstrfmt("%s lists the submission %s for this "
			"student, but the export holds no folder of that "
			"name; download the export again, or grade the "
			"student's files with --student", metadata_name,
			submission->folder);
	}
}

static void list_folder(struct batch_entries *entries, const char *dir,
			const struct lms_names *names,
			const struct lms_metadata *metadata, dev_t skip_dev,
			ino_t skip_ino)
{
	for (size_t i = 0; i < names->nr; i++) {
		const char *name = names->items[i];
		char *path = xstrfmt("%s/%s", dir, name);
		const struct lms_submission *submission = find(metadata, name);

		if (!strcmp(name, metadata_name))
			;	/* not a student */
		else if (submission && submission->nr && is_folder(path))
			add_submission(entries, path, submission);
		else
			batch_entries_consider(entries, dir, name, skip_dev,
					       skip_ino);
		free(path);
	}
	for (size_t i = 0; i < metadata->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, metadata->items[i].folder);

		if (!student_id_valid(metadata->items[i].folder) ||
		    !is_folder(path))
			add_absent(entries, &metadata->items[i]);
		free(path);
	}
}

int lms_gradescope_list(struct batch_entries *entries, const char *dir,
			dev_t skip_dev, ino_t skip_ino, struct strbuf *error)
{
	char *path = xstrfmt("%s/%s", dir, metadata_name);
	struct lms_metadata metadata;
	struct lms_names names;
	struct strbuf text;
	int status = -1;

	strbuf_init(&text);
	if (!strbuf_read_file(&text, path, LMS_METADATA_MAX_BYTES)) {
		strbuf_addf(error, "--from gradescope: cannot read %s (", path);
		strbuf_add_read_error(error, LMS_METADATA_MAX_BYTES);
		strbuf_addf(error, "); give the folder of Gradescope's Export "
			    "Submissions, unzipped, which holds %s",
			    metadata_name);
	} else if (lms_read_names(dir, &names, error) == 0) {
		lms_metadata_parse(&metadata, text.buf, text.len);
		list_folder(entries, dir, &names, &metadata, skip_dev,
			    skip_ino);
		lms_metadata_release(&metadata);
		lms_names_release(&names);
		status = 0;
	}
	strbuf_release(&text);
	free(path);
	return status;
}
