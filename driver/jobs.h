/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running the compiler: one child per file, at most N at once (-j), each
 * child's stderr captured to a file so that parallel diagnostics do not
 * interleave, and a progress line when stderr is a terminal.
 */
#ifndef TDXCHECK_DRIVER_JOBS_H
#define TDXCHECK_DRIVER_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "argv.h"

struct tdx_job {
	const char *name;	/* for messages: the source file */
	const char *dir;	/* chdir here first, or NULL */
	struct tdx_argv argv;	/* argv[0] is looked up in PATH */
	char *err_path;		/* the child's stderr goes here */
	pid_t pid;
	int status;		/* wait status once finished */
};

typedef void (*tdx_job_done)(struct tdx_job *job, void *data);

/*
 * Run every job, at most parallel at once; done() is called in the parent
 * as each one finishes (in completion order).  Returns 0, or -1 when a
 * child could not be forked (the message is printed).
 */
int tdx_jobs_run(struct tdx_job *const *jobs, size_t nr, unsigned int parallel,
		 tdx_job_done done, void *data);

/* Erase the progress line before printing anything else on stderr. */
void tdx_progress_clear(void);

/*
 * Run argv (stdout and stderr inherited) in dir and wait.  Returns the
 * exit status, 128 + signal, or -1 when it could not be run (errno set).
 */
int tdx_run_wait(char *const argv[], const char *dir);

/* A wait status as a shell would show it: the exit code, or 128 + signal. */
int tdx_wait_code(int status);

/* Copy the file's bytes to stderr (a child's captured diagnostics). */
void tdx_replay(const char *path);

#endif /* TDXCHECK_DRIVER_JOBS_H */
