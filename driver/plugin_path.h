/* SPDX-License-Identifier: GPL-2.0 */
/* Where the GCC plugin is: given, from the environment, or next to us. */
#ifndef TDXCHECK_DRIVER_PLUGIN_PATH_H
#define TDXCHECK_DRIVER_PLUGIN_PATH_H

#include <stddef.h>

/*
 * The plugin to load: explicit (--plugin=PATH) when not NULL, else
 * $TDXCHECK_PLUGIN, else the installed layout relative to this executable
 * (bin/../<libdir>/tdxcheck/), else the build tree's (driver/../plugin/).
 * Returns a malloc'd path, or NULL with a one-line reason in err.
 */
char *tdx_plugin_find(const char *explicit_path, char *err, size_t errlen);

#endif /* TDXCHECK_DRIVER_PLUGIN_PATH_H */
