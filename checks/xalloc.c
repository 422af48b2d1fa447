// SPDX-License-Identifier: GPL-2.0
/* Allocation that exits 2 with one line instead of returning NULL. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void tdx_out_of_memory(void)
{
	fprintf(stderr, "tdxcheck: out of memory\n");
	exit(2);
}

void *tdx_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		tdx_out_of_memory();
	return p;
}

void *tdx_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		tdx_out_of_memory();
	return p;
}

void *tdx_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		tdx_out_of_memory();
	p = realloc(p, n && size ? n * size : 1);
	if (!p)
		tdx_out_of_memory();
	return p;
}

char *tdx_xstrdup(const char *s)
{
	return tdx_xstrndup(s, strlen(s));
}

char *tdx_xstrndup(const char *s, size_t n)
{
	char *p = tdx_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
