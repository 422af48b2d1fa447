/* SPDX-License-Identifier: GPL-2.0 */
/* Running git and tdxcheck: fork, exec, wait, with redirections. */
#ifndef TDXCHECK_GATE_RUN_H
#define TDXCHECK_GATE_RUN_H

struct gate_cmd {
	const char *const *argv;	/* NULL-terminated, argv[0] looked up in PATH */
	const char *dir;		/* working directory, NULL: ours */
	const char *in;			/* standard input from this file, NULL: /dev/null */
	const char *out;		/* standard output to this file, NULL: ours */
	const char *err;		/* standard error to this file, NULL: ours */
	const char *ceiling;		/* GIT_CEILING_DIRECTORIES for the child, or NULL */
};

/* Exit status of the command, 128+N when killed by signal N, -1 when it could not start. */
int gate_run(const struct gate_cmd *c);

/*
 * Run c with standard output to a file and return that output (NUL
 * terminated, trailing newlines removed) in *out when it exits 0; else
 * *out is NULL.  Returns the exit status as gate_run().
 */
int gate_run_capture(struct gate_cmd *c, const char *tmp_path, char **out);

/* The whole file as a NUL-terminated string, NULL if unreadable. */
char *gate_read_file(const char *path, size_t *len);

/*
 * git diff --no-index --text with context lines of context, from a to b
 * (NULL: /dev/null), its output passing through the file tmp_path (removed
 * after): the diff ("" when the files are the same), or NULL with *why
 * saying whether git "did not run" or "failed".
 */
char *gate_diff_files(const char *a, const char *b, int context, const char *tmp_path,
		      const char **why);

#endif /* TDXCHECK_GATE_RUN_H */
