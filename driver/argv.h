/* SPDX-License-Identifier: GPL-2.0 */
/* A growable, NULL-terminated argument vector of owned strings. */
#ifndef TDXCHECK_DRIVER_ARGV_H
#define TDXCHECK_DRIVER_ARGV_H

#include <stddef.h>

struct tdx_argv {
	char **v;		/* v[nr] is NULL once anything was pushed */
	size_t nr, cap;
};

void tdx_argv_push(struct tdx_argv *a, const char *s);
void tdx_argv_pushf(struct tdx_argv *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tdx_argv_append(struct tdx_argv *a, const struct tdx_argv *b);
void tdx_argv_release(struct tdx_argv *a);

/* tdx_xmalloc(), tdx_xstrdup(): allocation that cannot fail (checks/) */
#include "xalloc.h"

#endif /* TDXCHECK_DRIVER_ARGV_H */
