/*
 * batch_run.c - forking, watching and stopping the student workers.
 */
#include "batch_run.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch_state.h"
#include "util/elapsed.h"

static volatile sig_atomic_t stop_signal;

static void on_signal(int signal)
{
	stop_signal = signal;
}

static void catch_signals(bool on)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction action;

	memset(&action, 0, sizeof action);
	action.sa_handler = on ? on_signal : SIG_DFL;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
		sigaction(signals[i], &action, NULL);
}

static double wall_clock_limit(void)
{
	const char *text = getenv("WB_BATCH_TIMEOUT");
	double limit = text ? atof(text) : 0.0;

	return limit > 0.0 ? limit : BATCH_RUN_SECONDS;
}

struct slot {
	pid_t pid;		/* 0: free */
	size_t job;
	double started;
	bool timed_out;
	bool retried;		/* this is the job's second try */
};

struct pool {
	const struct batch_context *context;
	const struct batch_job *jobs;
	size_t count, next;
	struct slot *slots;
	unsigned parallel, running;
	double limit;
	struct batch_progress *progress;
};

int batch_run_read_row(const struct batch_context *context,
		       const struct batch_job *job, struct strbuf *record,
		       struct gradebook_fields *fields,
		       struct gradebook_row *row, struct batch_time *submitted)
{
	struct batch_time ignored;
	const char *cursor;

	if (!batch_state_read(context->state_dir, job->entry->id,
			      job->fingerprint, record,
			      submitted ? submitted : &ignored))
		return -1;
	cursor = record->buf;
	if (gradebook_parse_record(&cursor, fields) != 1 ||
	    gradebook_row_parse(fields, row) != 0)
		return -1;
	return 0;
}

static void __attribute__((noreturn)) worker(struct pool *pool, size_t job)
{
	catch_signals(false);
	setpgid(0, 0);
	exit(batch_worker_run(pool->context, pool->jobs[job].entry,
			      pool->jobs[job].fingerprint));
}

static int start_job(struct pool *pool, struct slot *slot, size_t job)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0)
		worker(pool, job);
	if (pid < 0)
		return -1;
	setpgid(pid, pid);	/* also here: no race with a kill */
	slot->pid = pid;
	slot->job = job;
	slot->started = elapsed_now();
	slot->timed_out = false;
	pool->running++;
	return 0;
}

static int start(struct pool *pool, struct slot *slot)
{
	if (start_job(pool, slot, pool->next) != 0)
		return -1;
	slot->retried = false;
	pool->next++;
	return 0;
}

/* Why a worker gave no result, for the student's page (batch_worker.h). */
static char *failure_text(const struct slot *slot, int wait_status,
			  double limit)
{
	char *why, *text;

	if (slot->timed_out)
		why = xstrfmt("its worker ran past the grader's own limit of "
			      "%.0f s per student, which the tests' own time "
			      "limits keep far from", limit);
	else if (WIFSIGNALED(wait_status))
		why = xstrfmt("its worker ended by signal %d",
			      WTERMSIG(wait_status));
	else
		why = xstrfmt("its worker failed with exit status %d",
			      WIFEXITED(wait_status) ?
			      WEXITSTATUS(wait_status) : -1);
	text = batch_worker_grader_failed(why);
	free(why);
	return text;
}

static bool failed(const struct slot *slot, int wait_status)
{
	return !WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0 ||
	       slot->timed_out;
}

static void finish(struct pool *pool, struct slot *slot, int wait_status)
{
	const struct batch_job *job = &pool->jobs[slot->job];
	struct gradebook_fields fields;
	struct gradebook_row row;
	struct strbuf record;

	pool->running--;
	slot->pid = 0;
	/* The grader's own failure (load, a timeout): once more first. */
	if (failed(slot, wait_status) && !slot->retried && !stop_signal) {
		fprintf(stderr, "grader: %s: the worker %s; grading this "
			"student once more\n", job->entry->id, slot->timed_out ?
			"timed out" : "failed");
		slot->retried = true;
		if (start_job(pool, slot, slot->job) == 0)
			return;
	}
	strbuf_init(&record);
	gradebook_fields_init(&fields);
	if (failed(slot, wait_status)) {
		char *problem = failure_text(slot, wait_status, pool->limit);

		batch_worker_record_problem(pool->context, job->entry,
					    job->fingerprint, "error", problem);
		free(problem);
	}
	if (batch_run_read_row(pool->context, job, &record, &fields, &row,
			       NULL) != 0) {
		memset(&row, 0, sizeof row);
		row.student = job->entry->id;
		row.status = "error";
	}
	batch_progress_finished(pool->progress, &row);
	gradebook_fields_release(&fields);
	strbuf_release(&record);
}

static struct slot *slot_of(struct pool *pool, pid_t pid)
{
	for (unsigned i = 0; i < pool->parallel; i++)
		if (pool->slots[i].pid == pid)
			return &pool->slots[i];
	return NULL;
}

static void check_clocks(struct pool *pool)
{
	double t = elapsed_now();

	for (unsigned i = 0; i < pool->parallel; i++) {
		struct slot *slot = &pool->slots[i];

		if (slot->pid > 0 && !slot->timed_out &&
		    t - slot->started > pool->limit) {
			slot->timed_out = true;
			kill(-slot->pid, SIGKILL);
		}
	}
}

/* One round: start what may start, reap what ended, or wait a little. */
static int step(struct pool *pool)
{
	static const struct timespec pause = { 0, 50 * 1000 * 1000 };
	struct slot *slot;
	int wait_status;
	pid_t pid;

	for (unsigned i = 0; i < pool->parallel && pool->next < pool->count;
	     i++)
		if (pool->slots[i].pid == 0 && start(pool, &pool->slots[i]))
			return -1;
	pid = waitpid(-1, &wait_status, WNOHANG);
	if (pid > 0 && (slot = slot_of(pool, pid)) != NULL) {
		finish(pool, slot, wait_status);
		return 0;
	}
	check_clocks(pool);
	batch_progress_tick(pool->progress);
	nanosleep(&pause, NULL);
	return 0;
}

/* Ends every worker's process group: politely, then for good. */
static void stop_all(struct pool *pool)
{
	double deadline = elapsed_now() + 5.0;

	for (unsigned i = 0; i < pool->parallel; i++)
		if (pool->slots[i].pid > 0)
			kill(-pool->slots[i].pid, SIGTERM);
	while (pool->running > 0) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);
		struct slot *slot = pid > 0 ? slot_of(pool, pid) : NULL;

		if (slot) {
			kill(-slot->pid, SIGKILL);
			slot->pid = 0;
			pool->running--;
		} else if (pid < 0 && errno == ECHILD) {
			break;
		} else if (elapsed_now() > deadline) {
			for (unsigned i = 0; i < pool->parallel; i++)
				if (pool->slots[i].pid > 0)
					kill(-pool->slots[i].pid, SIGKILL);
			deadline = elapsed_now() + 60.0;
		} else {
			usleep(20000);
		}
	}
}

int batch_run_workers(const struct batch_context *context,
		      const struct batch_job *jobs, size_t count,
		      unsigned parallel, struct batch_progress *progress)
{
	struct pool pool = {
		.context = context,
		.jobs = jobs,
		.count = count,
		.parallel = parallel ? parallel : 1,
		.limit = wall_clock_limit(),
		.progress = progress,
	};
	int status = 0;

	pool.slots = xcalloc(pool.parallel, sizeof *pool.slots);
	stop_signal = 0;
	catch_signals(true);
	while (!stop_signal && (pool.next < count || pool.running > 0)) {
		if (step(&pool) != 0) {
			fprintf(stderr, "grader: cannot start a worker process "
				"(%s); try a smaller -j\n", strerror(errno));
			usleep(200000);
		}
	}
	if (stop_signal) {
		status = stop_signal;
		stop_all(&pool);
	}
	catch_signals(false);
	free(pool.slots);
	return status;
}
