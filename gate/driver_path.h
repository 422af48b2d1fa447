/* SPDX-License-Identifier: GPL-2.0 */
/* Where the tdxcheck command is: given, from the environment, or next to us. */
#ifndef TDXCHECK_GATE_DRIVER_PATH_H
#define TDXCHECK_GATE_DRIVER_PATH_H

#include <stddef.h>

/*
 * The tdxcheck to run: explicit (--tdxcheck=PATH) when not NULL, else
 * $TDXCHECK_DRIVER, else the one installed beside this executable, else the
 * build tree's (gate/../driver/).  Returns a malloc'd path, or NULL with a
 * one-line reason in err.
 */
char *gate_driver_find(const char *explicit_path, char *err, size_t errlen);

#endif /* TDXCHECK_GATE_DRIVER_PATH_H */
