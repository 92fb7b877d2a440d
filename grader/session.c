/*
 * session.c - one folder, every selected exercise file.
 */
#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "elapsed.h"
#include "unfinished.h"

void session_init(struct session *session)
{
	memset(session, 0, sizeof *session);
	workspace_init(&session->workspace);
}

void session_release(struct session *session)
{
	for (size_t i = 0; i < session->count; i++) {
		results_release(&session->items[i].results);
		free((char *)session->items[i].task.workdir);
	}
	workspace_release(&session->workspace);
	session_init(session);
}

const unsigned *session_select_all(void)
{
	static unsigned all[OPTIONS_MAX_EXERCISES];

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

int session_grade(struct session *session,
		  const struct session_config *config, struct strbuf *error)
{
	double started = elapsed_now();

	if (!session->workspace.path &&
	    workspace_create(&session->workspace, error) != 0)
		return -1;
	for (size_t i = 0; i < catalog_count(); i++)
		if (config->selected[i] &&
		    add_item(session, config, i, error) != 0)
			return -1;
	if (jobs_run(session->items, session->count, config->jobs, error) != 0)
		return -1;
	summary_init(&session->summary, config->dir, config->seed);
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
