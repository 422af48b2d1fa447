/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation that cannot fail: a checker out of memory has nothing sensible
 * left to report, so it says so in one line and exits 2 (bad input or
 * trouble), as everywhere else in tdxcheck.
 */
#ifndef TDXCHECK_XALLOC_H
#define TDXCHECK_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void tdx_out_of_memory(void) __attribute__((noreturn));
void *tdx_xmalloc(size_t size);
void *tdx_xcalloc(size_t n, size_t size);
/* realloc of an array of n elements of size bytes, overflow checked */
void *tdx_xreallocarray(void *p, size_t n, size_t size);
char *tdx_xstrdup(const char *s);
char *tdx_xstrndup(const char *s, size_t n);
/* a formatted string in a buffer of its own */
char *tdx_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *tdx_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_XALLOC_H */
