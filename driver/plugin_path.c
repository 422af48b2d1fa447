// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the plugin relative to the executable, so that an installed tree
 * and a build tree both work without configuration and a relocated prefix
 * (DESTDIR, a copied /opt tree) still finds its own plugin.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argv.h"
#include "plugin_path.h"

#ifndef TDX_PLUGIN_NAME
#define TDX_PLUGIN_NAME "tdxcheck_plugin.so"
#endif
/* From the directory of the installed tdxcheck to the plugin's (CMake). */
#ifndef TDX_PLUGIN_INSTALL_REL
#define TDX_PLUGIN_INSTALL_REL "../lib/tdxcheck"
#endif
/* From driver/ in the build tree to plugin/. */
#ifndef TDX_PLUGIN_BUILD_REL
#define TDX_PLUGIN_BUILD_REL "../plugin"
#endif

static char *usable(const char *path)
{
	char real[PATH_MAX];

	if (access(path, R_OK))
		return NULL;
	return tdx_xstrdup(realpath(path, real) ? real : path);
}

char *tdx_plugin_find(const char *explicit_path, char *err, size_t errlen)
{
	static const char *const rel[] = { TDX_PLUGIN_INSTALL_REL, TDX_PLUGIN_BUILD_REL };
	const char *env = getenv("TDXCHECK_PLUGIN");
	char exe[PATH_MAX], cand[2][PATH_MAX + 64];
	char *slash, *found;
	ssize_t n;
	size_t i;

	if (explicit_path || (env && env[0])) {
		const char *p = explicit_path ? explicit_path : env;

		found = usable(p);
		if (!found)
			snprintf(err, errlen, "%s: cannot read plugin: %s", p, strerror(errno));
		return found;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		snprintf(err, errlen, "cannot find the plugin: /proc/self/exe: %s",
			 strerror(errno));
		return NULL;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(cand[i], sizeof(cand[i]), "%s/%s/%s", exe, rel[i], TDX_PLUGIN_NAME);
		found = usable(cand[i]);
		if (found)
			return found;
	}
	snprintf(err, errlen, "cannot find %s (looked in %s and %s); use --plugin=PATH or "
		 "TDXCHECK_PLUGIN", TDX_PLUGIN_NAME, cand[0], cand[1]);
	return NULL;
}
