/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One run of the gate over its inputs (patches, mails, commits): what they
 * share (tdxcheck, the compilation database, the tree) and checking one
 * input's post-image with checkpatch's framing when there are several.
 */
#ifndef TDXCHECK_GATE_SESSION_H
#define TDXCHECK_GATE_SESSION_H

#include <stdbool.h>

#include "compdb.h"
#include "diff.h"
#include "options.h"
#include "rules.h"

struct gate_fix;

struct gate_session {
	const struct gate_opts *o;
	char *tdxcheck;
	struct tdx_compdb db;		/* loaded when o->compdb */
	char *top;			/* the git work tree, or NULL */
	const char *root;		/* the tree the patches' paths are relative to */
	bool framed;			/* several inputs: each named before its report */
	struct tdx_findings json;	/* --format=json: every input's, printed at the end */
	struct gate_fix *fix;		/* --fix, else NULL */
	bool input_ends;		/* the next check is the last patch of its input */
};

/*
 * Check one input: p, whose files are under pre_root before it and under
 * post_root after it, reported as name (file_arg: the input as given, for
 * --emacs).  Returns 0 clean, 1 findings, 2 when it could not be checked
 * (after a one-line error on stderr).  With --fix, the patch's fixes are
 * made, and when s->input_ends the input's fixes file is written and noted.
 */
int gate_session_check(struct gate_session *s, const struct gate_patch *p,
		       const char *pre_root, const char *post_root, const char *name,
		       const char *file_arg);

/*
 * A regular file of the tree at root, never a symbolic link nor a path
 * that leads out of it (malloc'd), or NULL.
 */
char *gate_tree_file(const char *root, const char *path);

/* With --format=json, print the findings of every input.  0, or 2 on a write error. */
int gate_session_finish(struct gate_session *s);

#endif /* TDXCHECK_GATE_SESSION_H */
