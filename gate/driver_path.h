/* SPDX-License-Identifier: GPL-2.0 */
/* Where the commands the gate runs are: given, from the environment, or next to us. */
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

/*
 * The tdxcheck-refactor that --fix runs: $TDXCHECK_REFACTOR, else the one
 * installed beside this executable, else the build tree's
 * (gate/../cocci/refactor/).  It finds its rules itself, the same way.
 * Returns a malloc'd path, or NULL with a one-line reason in err.
 */
char *gate_refactor_find(char *err, size_t errlen);

#endif /* TDXCHECK_GATE_DRIVER_PATH_H */
