// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the plugin relative to the executable, so that an installed tree
 * and a build tree both work without configuration and a relocated prefix
 * (DESTDIR, a copied /opt tree) still finds its own plugin.
 */
#include <unistd.h>

#include "companion.h"
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

char *tdx_plugin_find(const char *explicit_path, char *err, size_t errlen)
{
	static const struct tdx_companion plugin = {
		.name = TDX_PLUGIN_NAME,
		.what = "the plugin",
		.env = "TDXCHECK_PLUGIN",
		.option = "--plugin=PATH",
		.mode = R_OK,
		.rel = { TDX_PLUGIN_INSTALL_REL, TDX_PLUGIN_BUILD_REL },
	};

	return tdx_companion_find(&plugin, explicit_path, err, errlen);
}
