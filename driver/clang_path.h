/* SPDX-License-Identifier: GPL-2.0 */
/* Where the libclang front end (tdxcheck-clang) is: from the environment, or next to us. */
#ifndef TDXCHECK_DRIVER_CLANG_PATH_H
#define TDXCHECK_DRIVER_CLANG_PATH_H

#include <stddef.h>

/*
 * $TDXCHECK_CLANG, else tdxcheck-clang beside this executable (installed:
 * both in bin/), else the build tree's (driver/../clang/).  Returns a
 * malloc'd path, or NULL with a one-line reason in err.
 */
char *tdx_clang_find(char *err, size_t errlen);

#endif /* TDXCHECK_DRIVER_CLANG_PATH_H */
