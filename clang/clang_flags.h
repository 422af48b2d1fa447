/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The compiler flags libclang gets: the ones the driver kept (kbuild's, or a
 * compile_commands.json entry's), without what only GCC knows, plus -w.
 */
#ifndef TDXCHECK_CLANG_FLAGS_H
#define TDXCHECK_CLANG_FLAGS_H

#include <stddef.h>

struct clang_args {
	char **v;
	size_t nr;
};

void clang_args_build(struct clang_args *out, const char *const *args, int nr);
void clang_args_release(struct clang_args *out);

#endif /* TDXCHECK_CLANG_FLAGS_H */
