/* proc.c - fork/exec/wait for the few external tools the builder uses. */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"

int proc_run(char *const argv[], const char *cwd, struct book_error *err)
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		book_error_set(err, NULL, 0, "cannot fork for %s: %s", argv[0],
			       strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (cwd && chdir(cwd) != 0)
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			book_error_set(err, NULL, 0, "waiting for %s: %s",
				       argv[0], strerror(errno));
			return -1;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		book_error_set(err, NULL, 0, "cannot run %s (is it installed?)",
			       argv[0]);
	else if (WIFEXITED(status))
		book_error_set(err, NULL, 0, "%s failed with exit status %d",
			       argv[0], WEXITSTATUS(status));
	else
		book_error_set(err, NULL, 0, "%s was killed by signal %d",
			       argv[0], WTERMSIG(status));
	return -1;
}

int proc_remove_tree(const char *path, struct book_error *err)
{
	char *argv[] = { "rm", "-rf", "--", (char *)path, NULL };

	return proc_run(argv, NULL, err);
}
