// SPDX-License-Identifier: GPL-2.0
/* Files that ship with us, found relative to the running executable. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "companion.h"
#include "xalloc.h"

static char *usable(const char *path, int mode)
{
	char real[PATH_MAX];

	if (access(path, mode))
		return NULL;
	return tdx_xstrdup(realpath(path, real) ? real : path);
}

char *tdx_companion_find(const struct tdx_companion *c, const char *explicit_path,
			 char *err, size_t errlen)
{
	const char *env = getenv(c->env);
	char exe[PATH_MAX], cand[2][PATH_MAX + 64];
	char *slash, *found;
	ssize_t n;
	size_t i;

	if (explicit_path || (env && env[0])) {
		const char *p = explicit_path ? explicit_path : env;

		found = usable(p, c->mode);
		if (!found)
			snprintf(err, errlen, "%s: cannot use %s: %s", p, c->what, strerror(errno));
		return found;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		snprintf(err, errlen, "cannot find %s: /proc/self/exe: %s", c->what,
			 strerror(errno));
		return NULL;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (i = 0; i < 2; i++) {
		snprintf(cand[i], sizeof(cand[i]), "%s/%s/%s", exe, c->rel[i], c->name);
		found = usable(cand[i], c->mode);
		if (found)
			return found;
	}
	snprintf(err, errlen, "cannot find %s (looked for %s and %s); use %s%s%s", c->what,
		 cand[0], cand[1], c->option ? c->option : "", c->option ? " or " : "", c->env);
	return NULL;
}
