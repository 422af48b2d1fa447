// SPDX-License-Identifier: GPL-2.0
/*
 * Finding tdxcheck relative to the gate's own executable, as tdxcheck finds
 * its plugin: an installed prefix, a relocated one and a build tree all
 * work without configuration, and never a different tdxcheck from PATH.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver_path.h"

/* From gate/ in the build tree to driver/ (CMake). */
#ifndef TDX_DRIVER_BUILD_REL
#define TDX_DRIVER_BUILD_REL "../driver"
#endif

static char *usable(const char *path)
{
	char real[PATH_MAX];

	if (access(path, X_OK))
		return NULL;
	return strdup(realpath(path, real) ? real : path);
}

char *gate_driver_find(const char *explicit_path, char *err, size_t errlen)
{
	static const char *const rel[] = { ".", TDX_DRIVER_BUILD_REL };
	const char *env = getenv("TDXCHECK_DRIVER");
	char exe[PATH_MAX], cand[2][PATH_MAX + 64];
	char *slash, *found;
	ssize_t n;
	size_t i;

	if (explicit_path || (env && env[0])) {
		const char *p = explicit_path ? explicit_path : env;

		found = usable(p);
		if (!found)
			snprintf(err, errlen, "%s: cannot run tdxcheck: %s", p, strerror(errno));
		return found;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		snprintf(err, errlen, "cannot find tdxcheck: /proc/self/exe: %s", strerror(errno));
		return NULL;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(cand[i], sizeof(cand[i]), "%s/%s/tdxcheck", exe, rel[i]);
		found = usable(cand[i]);
		if (found)
			return found;
	}
	snprintf(err, errlen, "cannot find tdxcheck (looked for %s and %s); use --tdxcheck=PATH "
		 "or TDXCHECK_DRIVER", cand[0], cand[1]);
	return NULL;
}
