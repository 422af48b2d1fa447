/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compile_commands.json, as the kernel's scripts/clang-tools/
 * gen_compile_commands.py and CMake write it: entries with "directory",
 * "file" and "command" (one shell-quoted string) or "arguments" (a list).
 */
#ifndef TDXCHECK_DRIVER_COMPDB_H
#define TDXCHECK_DRIVER_COMPDB_H

#include <stddef.h>

#include "argv.h"

struct tdx_compdb_entry {
	char *directory;	/* where the compile ran */
	char *file;		/* absolute path of the source */
	struct tdx_argv args;	/* the command without the compiler (argv[0]) */
};

struct tdx_compdb {
	char *path;		/* the file read */
	struct tdx_compdb_entry *v;
	size_t nr;
};

/*
 * Read path, a compile_commands.json or a directory holding one.  Returns
 * 0, or -1 with a one-line reason naming the file in err.
 */
int tdx_compdb_load(const char *path, struct tdx_compdb *db, char *err, size_t errlen);
void tdx_compdb_release(struct tdx_compdb *db);

/* The entry for file (any spelling that resolves to the same path), or NULL. */
const struct tdx_compdb_entry *tdx_compdb_find(const struct tdx_compdb *db,
					       const char *file);

/* dir/file, or file when it is absolute or dir is empty (malloc'd) */
char *tdx_path_join(const char *dir, const char *file);
/* realpath when the file exists, else the path as written (malloc'd) */
char *tdx_path_canonical(const char *path);

/* Split a POSIX shell command line into words; -1 on an unclosed quote. */
int tdx_shell_split(const char *cmd, struct tdx_argv *out);

#endif /* TDXCHECK_DRIVER_COMPDB_H */
