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

char *tdx_xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	int len;
	char *p;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (len < 0)
		tdx_out_of_memory();	/* longer than INT_MAX */
	p = tdx_xmalloc((size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *tdx_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = tdx_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
