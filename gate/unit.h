/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How one post-image file is compiled for the driver: a directory and a
 * compiler command, taken from the user's compile_commands.json (-p) or from
 * the flags after "--", and pointed at the post-image wherever it lives.
 */
#ifndef TDXCHECK_GATE_UNIT_H
#define TDXCHECK_GATE_UNIT_H

#include <stddef.h>

#include "argv.h"
#include "compdb.h"

struct gate_unit {
	char *dir;		/* where gcc runs */
	char *file;		/* the post-image, absolute */
	struct tdx_argv args;	/* the command without the compiler */
};

struct gate_unit_ctx {
	const struct tdx_compdb *db;	/* -p, or NULL */
	const struct tdx_argv *flags;	/* the words after "--" (with -p: added last) */
	const char *root;		/* the tree the patch's paths are relative to */
	const char *check_root;		/* where the post-images are (root or scratch) */
	const char *const *c_paths;	/* the patch's .c paths, for a header's flags */
	size_t nr_c_paths;
};

/*
 * The unit for path (relative to the roots).  With a compilation database
 * the entry is the one for root/path, else the one whose file ends in
 * "/path" (a database written for another checkout of the same tree); a
 * header borrows the entry of a .c file of the patch, or of its directory.
 * When the post-image is not where the entry's source is, every -I/-iquote
 * into that tree gets the post-image tree's counterpart first (headers the
 * patch changes) and -iquote names the original's directory (the headers
 * next to it that it does not change).  Returns 0, or -1 with a one-line
 * reason in err.
 */
int gate_unit_make(const struct gate_unit_ctx *ctx, const char *path, struct gate_unit *u,
		   char *err, size_t errlen);
void gate_unit_release(struct gate_unit *u);

/* Write units as a compile_commands.json the driver reads with -p.  0 or -1. */
int gate_units_write(const char *json_path, const struct gate_unit *u, size_t nr);

#endif /* TDXCHECK_GATE_UNIT_H */
