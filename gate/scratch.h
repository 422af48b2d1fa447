/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's private directory: the patch read from stdin, post-images of
 * patches not applied in the tree, compile_commands.json for the driver and
 * its reports.  Removed at exit and on every fatal signal (SIGPIPE too).
 */
#ifndef TDXCHECK_GATE_SCRATCH_H
#define TDXCHECK_GATE_SCRATCH_H

/* Create it under $TMPDIR (default /tmp); returns its path, exits 2 on failure. */
const char *gate_scratch_make(void);
/* A path inside it: "<scratch>/<name>", malloc'd. */
char *gate_scratch_path(const char *name);

/* mkdir -p of the directories above path.  0 or -1 (errno). */
int gate_mkdirs_for(const char *path);
/* Copy a regular file, creating dst's directories.  0 or -1 (errno). */
int gate_copy_file(const char *src, const char *dst);

#endif /* TDXCHECK_GATE_SCRATCH_H */
