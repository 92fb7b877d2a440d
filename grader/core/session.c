/*
 * session.c - one folder, every selected exercise file.
 */
#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unfinished.h"
#include "util/elapsed.h"

void session_init(struct session *session)
{
	memset(session, 0, sizeof *session);
	workspace_init(&session->workspace);
	discovery_init(&session->discovery);
	strbuf_init(&session->notes);
}

void session_release(struct session *session)
{
	for (size_t i = 0; i < session->count; i++) {
		results_release(&session->items[i].results);
		free((char *)session->items[i].task.workdir);
	}
	for (size_t i = 0; i < CATALOG_EXERCISES; i++)
		free(session->shown[i]);
	workspace_release(&session->workspace);
	discovery_release(&session->discovery);
	strbuf_release(&session->notes);
	session_init(session);
}

static const char *shown_dir(const struct session_config *config)
{
	return config->shown_dir ? config->shown_dir :
	       discover_shown_root(config->dir);
}

/* Each file's name in reports: below the shown folder, if any. */
static void name_files(struct session *session,
		       const struct session_config *config)
{
	const char *dir = shown_dir(config);

	for (size_t i = 0; i < catalog_count(); i++) {
		const char *file = session->discovery.files[i] ?
				   session->discovery.files[i] :
				   catalog_exercise_at(i)->file;

		free(session->shown[i]);
		session->shown[i] = *dir ? xstrfmt("%s/%s", dir, file) :
				    xstrdup(file);
	}
}

int session_discover(struct session *session,
		     const struct session_config *config, struct strbuf *error)
{
	const char *line = config->skipped;

	discovery_release(&session->discovery);
	strbuf_reset(&session->notes);
	if (discover_exercises(&session->discovery, config->dir, error) != 0)
		return -1;
	while (line && *line) {
		size_t len = strcspn(line, "\n");
		char *path = xstrfmt("%.*s", (int)len, line);

		discovery_add_other(&session->discovery, path);
		free(path);
		line += len + (line[len] == '\n');
	}
	discovery_notes(&session->discovery, &session->notes);
	name_files(session, config);
	session->discovered = true;
	return 0;
}

const unsigned *session_select_all(void)
{
	static unsigned all[CATALOG_EXERCISES];

	for (size_t i = 0; i < catalog_count(); i++) {
		all[i] = 0;
		for (unsigned f = 0; catalog_exercise_at(i)->functions[f]; f++)
			all[i] |= 1u << f;
	}
	return all;
}

static int add_item(struct session *session,
		    const struct session_config *config, size_t index,
		    struct strbuf *error)
{
	const struct catalog_exercise *e = catalog_exercise_at(index);
	struct jobs_item *item = &session->items[session->count];
	unsigned all = session_select_all()[index];

	memset(item, 0, sizeof *item);
	results_init(&item->results);
	item->task.resources = config->resources;
	item->task.exercise = e;
	item->task.dir = config->dir;
	item->task.file = session->discovery.files[index];
	item->task.shown = session->shown[index];
	item->task.seed = config->seed;
	item->task.selected = config->selected[index];
	item->task.whole = config->selected[index] == all;
	item->task.hidden = config->hidden;
	item->task.seed_chosen = config->seed_chosen;
	item->task.cache_dir = config->cache_dir;
	item->task.workdir = workspace_subfolder(&session->workspace, e->name);
	session->count++;
	if (!item->task.workdir) {
		strbuf_addf(error, "cannot create a scratch folder in %s (%s); "
			    "set TMPDIR to a writable folder",
			    session->workspace.path, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The files the grader itself failed on, graded once more in fresh
 * scratch folders: a worker killed by the machine's load, a tool that
 * could not start, are not the student's doing and rarely happen twice.
 */
static int retry_internal(struct session *session,
			  const struct session_config *config,
			  struct strbuf *error)
{
	struct jobs_item again[CATALOG_EXERCISES];
	size_t where[CATALOG_EXERCISES], n = 0;
	int status;

	for (size_t i = 0; i < session->count; i++) {
		struct jobs_item *item = &session->items[i];
		char *name;

		if (item->results.file_status != RESULTS_FILE_INTERNAL)
			continue;
		name = xstrfmt("%s.again", item->task.exercise->name);
		again[n] = *item;
		again[n].task.workdir = workspace_subfolder(
			&session->workspace, name);
		free(name);
		if (!again[n].task.workdir)
			continue;	/* the first verdict stands */
		results_init(&again[n].results);
		where[n++] = i;
	}
	status = n ? jobs_run(again, n, config->jobs, error) : 0;
	for (size_t k = 0; k < n; k++) {
		struct jobs_item *item = &session->items[where[k]];

		free((char *)item->task.workdir);
		item->task.workdir = again[k].task.workdir;
		if (status == 0) {
			results_release(&item->results);
			item->results = again[k].results;
		} else {
			results_release(&again[k].results);
		}
	}
	return status;
}

int session_grade(struct session *session,
		  const struct session_config *config, struct strbuf *error)
{
	double started = elapsed_now();

	if (!session->workspace.path &&
	    workspace_create(&session->workspace, error) != 0)
		return -1;
	if (!session->discovered && session_discover(session, config,
						     error) != 0)
		return -1;
	for (size_t i = 0; i < catalog_count(); i++)
		if (config->selected[i] &&
		    add_item(session, config, i, error) != 0)
			return -1;
	if (jobs_run(session->items, session->count, config->jobs, error) != 0 ||
	    retry_internal(session, config, error) != 0)
		return -1;
	summary_init(&session->summary, shown_dir(config), config->seed);
	session->summary.shown = session->shown;
	session->summary.notes = session->notes.len ? session->notes.buf :
				 NULL;
	for (size_t i = 0; i < session->count; i++)
		results_sort(&session->items[i].results,
			     session->items[i].task.exercise->functions);
	for (size_t i = 0; i < session->count; i++)
		summary_add(&session->summary, session->items[i].task.exercise,
			    &session->items[i].results);
	unfinished_find(config->dir, config->selected,
			&session->summary.ungraded);
	session->elapsed_seconds = elapsed_now() - started;
	session->summary.elapsed_seconds = session->elapsed_seconds;
	return 0;
}
