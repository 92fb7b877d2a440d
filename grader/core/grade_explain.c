/*
 * grade_explain.c - what happened to a test or a run, in a student's
 * words: a crash with its likely cause, a timeout, an early exit, a run
 * that left no report.
 */
#define _GNU_SOURCE
#include "grade_explain.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "wb_limits.h"
#include "util/strbuf.h"

/* The likely cause of a crash, in a student's words. */
static const char *crash_cause(int signal)
{
	switch (signal) {
	case SIGFPE:
		return "an integer division by zero?";
	case SIGABRT:
		return "a failed assert(), or memory freed twice?";
	case SIGSEGV:
	case SIGBUS:
		return "a bad pointer, or an index outside an array?";
	case SIGILL:
		return "undefined behaviour the compiler trapped?";
	case SIGSYS:
		return "a system call an exercise may not make: files, "
		       "processes, the network?";
	default:
		return "see the signal's name";
	}
}

/* Turns the suite's outcomes into words. */
void grade_explain_test(struct results_test *test)
{
	char signal[32], *message = NULL;

	switch (test->outcome) {
	case RESULTS_CRASHED:
		message = xstrfmt("crashed with %s (%s)%s%s",
				  run_signal_name(test->signal, signal,
						  sizeof signal),
				  crash_cause(test->signal), *test->message ? "\n" : "", test->message);
		break;
	case RESULTS_TIMED_OUT:
		message = xstrfmt("did not finish in %.0f s (an endless loop, "
				  "or far too slow?)", WB_TIMEOUT_SECONDS);
		break;
	case RESULTS_INCOMPLETE:
		message = xstrfmt("ended the test process early (exit status "
				  "%d): return from the function, never call "
				  "exit() or abort()", test->exit_code);
		break;
	case RESULTS_FAILED:
		if (!*test->message)
			message = xstrfmt("failed (no details given)");
		break;
	default:
		break;
	}
	if (message) {
		results_set_message(test, message);
		free(message);
	}
}

/*
 * Why a judged run left no usable report.  The judge is the grader's own
 * code: only the wall clock (the student's code too slow in many tests at
 * once) is the student's doing.
 */
char *grade_explain_lost_run(const struct run_judged_result *run,
			     const char *file)
{
	const struct sandbox_result *judge = &run->judge;
	char signal[32];

	if (run->start_error)
		return xstrfmt("the grader could not start the tests of %s "
			       "(%s); grade again, and report it if it "
			       "persists", file, strerror(run->start_error));
	if (judge->timed_out)
		return xstrfmt("the tests of %s did not finish in %.0f s all "
			       "together (several endless loops?)", file,
			       RUN_SUITE_SECONDS);
	if (WIFSIGNALED(judge->wait_status))
		return xstrfmt("the grader's test program for %s was killed "
			       "by %s; grade again, and report it if it "
			       "persists", file,
			       run_signal_name(WTERMSIG(judge->wait_status),
					       signal, sizeof signal));
	return xstrfmt("the grader's test program for %s stopped before it "
		       "reported (exit status %d%s); grade again, and report "
		       "it if it persists", file,
		       WIFEXITED(judge->wait_status) ?
		       WEXITSTATUS(judge->wait_status) : -1,
		       run->report_too_long ? ", report too long" : "");
}

