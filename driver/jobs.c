// SPDX-License-Identifier: GPL-2.0
/* Child processes: fork, exec, wait; stderr capture and progress. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

static bool progress_shown;

void tdx_progress_clear(void)
{
	if (progress_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		progress_shown = false;
	}
}

static void progress(size_t done, size_t total, const char *name)
{
	fprintf(stderr, "\r\033[Ktdxcheck: [%zu/%zu] %s", done, total, name);
	fflush(stderr);
	progress_shown = true;
}

/* In the child: exec, or report why not on the (captured) stderr. */
static void __attribute__((noreturn)) exec_child(char *const argv[], const char *dir,
						   const char *err_path)
{
	if (err_path) {
		int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

		if (fd < 0 || dup2(fd, STDERR_FILENO) < 0)
			_exit(126);
	}
	if (dir && chdir(dir)) {
		fprintf(stderr, "tdxcheck: %s: %s\n", dir, strerror(errno));
		_exit(126);
	}
	execvp(argv[0], argv);
	fprintf(stderr, "tdxcheck: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int tdx_wait_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 255;
}

int tdx_run_wait(char *const argv[], const char *dir)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		exec_child(argv, dir, NULL);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return tdx_wait_code(status);
}

int tdx_jobs_run(struct tdx_job *const *jobs, size_t nr, unsigned int parallel,
		 tdx_job_done done, void *data)
{
	bool show = nr > 1 && isatty(STDERR_FILENO);
	size_t next = 0, running = 0, finished = 0, i;
	int ret = 0;

	if (!parallel)
		parallel = 1;
	while (finished < nr) {
		while (ret == 0 && next < nr && running < parallel) {
			struct tdx_job *job = jobs[next++];

			fflush(NULL);
			job->pid = fork();
			if (job->pid < 0) {
				tdx_progress_clear();
				fprintf(stderr, "tdxcheck: fork: %s\n", strerror(errno));
				ret = -1;
				finished += nr - next + 1;	/* never started */
				next = nr;
				break;
			}
			if (job->pid == 0)
				exec_child(job->argv.v, job->dir, job->err_path);
			running++;
		}
		if (!running)
			break;

		int status;
		pid_t pid = waitpid(-1, &status, 0);

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < next; i++) {
			if (jobs[i]->pid != pid)
				continue;
			jobs[i]->status = status;
			jobs[i]->pid = 0;
			running--;
			finished++;
			if (show)
				tdx_progress_clear();
			done(jobs[i], data);
			if (show && finished < nr)
				progress(finished, nr, jobs[i]->name);
			break;
		}
	}
	if (show)
		tdx_progress_clear();
	return ret;
}

void tdx_replay(const char *path)
{
	char buf[8192];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	tdx_progress_clear();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(f);
	fflush(stderr);
}
