// SPDX-License-Identifier: GPL-2.0
/*
 * Child processes.  Only fork and exec: no shell ever sees a path or a
 * revision the user gave, so nothing in them is interpreted.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"

static void redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0644);

	if (f < 0 || dup2(f, fd) < 0)
		_exit(127);
	close(f);
}

int gate_run(const struct gate_cmd *c)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		if (c->dir && chdir(c->dir))
			_exit(127);
		redirect(c->in ? c->in : "/dev/null", 0, O_RDONLY);
		if (c->out)
			redirect(c->out, 1, O_WRONLY | O_CREAT | O_TRUNC);
		if (c->err)
			redirect(c->err, 2, O_WRONLY | O_CREAT | O_TRUNC);
		if (c->ceiling)
			setenv("GIT_CEILING_DIRECTORIES", c->ceiling, 1);
		execvp(c->argv[0], (char *const *)c->argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

char *gate_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 4096, got;
	char *buf;

	if (!f)
		return NULL;
	buf = malloc(cap + 1);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(buf, 2 * cap + 1);

			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int gate_run_capture(struct gate_cmd *c, const char *tmp_path, char **out)
{
	size_t len;
	int code;

	*out = NULL;
	c->out = tmp_path;
	code = gate_run(c);
	c->out = NULL;
	if (code)
		return code;
	*out = gate_read_file(tmp_path, &len);
	if (!*out)
		return -1;
	while (len && (*out)[len - 1] == '\n')
		(*out)[--len] = '\0';
	return 0;
}

char *gate_diff_files(const char *a, const char *b, int context, const char *tmp_path,
		      const char **why)
{
	char unified[32];
	const char *const argv[] = {
		"git", "diff", "--no-index", "--no-color", "--no-ext-diff", "--no-textconv",
		"--text", unified, "--", a ? a : "/dev/null", b ? b : "/dev/null", NULL };
	struct gate_cmd c = { .argv = argv, .out = tmp_path, .err = "/dev/null" };
	char *text;
	int code;

	snprintf(unified, sizeof(unified), "--unified=%d", context);
	code = gate_run(&c);
	/* git diff --no-index exits 1 when the files differ */
	text = code == 0 || code == 1 ? gate_read_file(tmp_path, NULL) : NULL;
	unlink(tmp_path);
	if (!text)
		*why = code == 127 || code < 0 ? "did not run" : "failed";
	return text;
}
