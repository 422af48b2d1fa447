/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C tests' one assertion: CHECK(cond, fmt, ...) reports the failed
 * condition with file, line and a message, counts it and goes on, so one run
 * shows every failure; tdx_test_status() is main()'s exit status.
 */
#ifndef TDXCHECK_TEST_H
#define TDXCHECK_TEST_H

#include <stdio.h>

static int failures;

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: FAIL %s: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		failures++;						\
	}								\
} while (0)

static inline int tdx_test_status(void)
{
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures ? 1 : 0;
}

#endif /* TDXCHECK_TEST_H */
