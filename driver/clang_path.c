// SPDX-License-Identifier: GPL-2.0
/*
 * Finding tdxcheck-clang relative to the executable, as plugin_path.c finds
 * the plugin: an installed tree, a relocated one and a build tree all work.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argv.h"
#include "clang_path.h"

#define CLANG_FE_NAME "tdxcheck-clang"

char *tdx_clang_find(char *err, size_t errlen)
{
	static const char *const rel[] = { ".", "../clang" };
	const char *env = getenv("TDXCHECK_CLANG");
	char exe[PATH_MAX], cand[2][PATH_MAX + 64];
	char *slash;
	ssize_t n;
	size_t i;

	if (env && env[0]) {
		if (access(env, X_OK)) {
			snprintf(err, errlen, "%s: cannot run the clang front end (TDXCHECK_CLANG)",
				 env);
			return NULL;
		}
		return tdx_xstrdup(env);
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		snprintf(err, errlen, "cannot find %s: /proc/self/exe unreadable", CLANG_FE_NAME);
		return NULL;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(cand[i], sizeof(cand[i]), "%s/%s/%s", exe, rel[i], CLANG_FE_NAME);
		if (!access(cand[i], X_OK)) {
			char real[PATH_MAX];

			return tdx_xstrdup(realpath(cand[i], real) ? real : cand[i]);
		}
	}
	snprintf(err, errlen, "cannot find %s (looked in %s and %s); set TDXCHECK_CLANG",
		 CLANG_FE_NAME, cand[0], cand[1]);
	return NULL;
}
