// SPDX-License-Identifier: GPL-2.0
/* Argument vectors for the commands the driver runs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argv.h"

static void push_owned(struct tdx_argv *a, char *s)
{
	if (a->nr + 2 > a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 16;
		a->v = tdx_xreallocarray(a->v, cap, sizeof(*a->v));
		a->cap = cap;
	}
	a->v[a->nr++] = s;
	a->v[a->nr] = NULL;
}

void tdx_argv_push(struct tdx_argv *a, const char *s)
{
	push_owned(a, tdx_xstrdup(s));
}

void tdx_argv_pushf(struct tdx_argv *a, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = tdx_xvasprintf(fmt, ap);
	va_end(ap);
	push_owned(a, s);
}

void tdx_argv_append(struct tdx_argv *a, const struct tdx_argv *b)
{
	size_t i;

	for (i = 0; i < b->nr; i++)
		tdx_argv_push(a, b->v[i]);
}

void tdx_argv_release(struct tdx_argv *a)
{
	size_t i;

	for (i = 0; i < a->nr; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->nr = a->cap = 0;
}
