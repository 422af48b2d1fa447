// SPDX-License-Identifier: GPL-2.0
/*
 * One temporary directory per run (checks/tmpdir.c, shared with tdxcheck,
 * which removes it at exit and on every fatal signal).  The user's tree is
 * only ever read: everything the gate writes (a copy of a file to patch,
 * the driver's compile_commands.json and reports) goes here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scratch.h"
#include "tmpdir.h"
#include "xalloc.h"

const char *gate_scratch_make(void)
{
	const char *dir;
	char *tried;

	dir = tdx_tmpdir_make("tdxcheck-gate", &tried);
	if (!dir) {
		fprintf(stderr, "tdxcheck-gate: %s: cannot create a temporary directory: %s\n",
			tried ? tried : "$TMPDIR", strerror(errno));
		exit(2);
	}
	return dir;
}

char *gate_scratch_path(const char *name)
{
	return tdx_xasprintf("%s/%s", gate_scratch_make(), name);
}

int gate_mkdirs_for(const char *path)
{
	char *d = strdup(path), *s;

	if (!d)
		return -1;
	for (s = strchr(d + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(d, 0755) && errno != EEXIST) {
			free(d);
			return -1;
		}
		*s = '/';
	}
	free(d);
	return 0;
}

int gate_copy_file(const char *src, const char *dst)
{
	char buf[65536];
	ssize_t n;
	int in, out, ret = 0;

	if (gate_mkdirs_for(dst))
		return -1;
	in = open(src, O_RDONLY);
	if (in < 0)
		return -1;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, (size_t)n) != n) {
			ret = -1;
			break;
		}
	}
	if (n < 0)
		ret = -1;
	close(in);
	if (close(out))
		ret = -1;
	return ret;
}
