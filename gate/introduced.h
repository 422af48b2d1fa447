/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which findings a patch causes: those of the post-image that the
 * pre-image does not have, matched by rule, subject, file and the reported
 * line's text with its blanks folded, never by line number (every line
 * below an added one moves).  A finding on a line the patch did not touch
 * is blamed on the added lines that caused it.
 */
#ifndef TDXCHECK_GATE_INTRODUCED_H
#define TDXCHECK_GATE_INTRODUCED_H

#include <stdbool.h>
#include <stddef.h>

#include "change.h"
#include "rules.h"

struct gate_cause {
	const struct gate_change *change;
	const struct gate_added *line;
};

struct gate_blame {
	const struct tdx_finding *fd;		/* into the post-image's findings */
	const struct gate_change *change;	/* the file it is in */
	const struct gate_added *at;		/* the added line it is on, or NULL */
	struct gate_cause *causes;		/* when not on an added line */
	size_t nr_causes;
};

struct gate_blames {
	struct gate_blame *v;
	size_t nr;
};

/*
 * The findings of post the patch causes, given those of pre (the same
 * files before it, named by the post-image's paths).  With added_only, the
 * findings on added lines, whatever the pre-image had (checkpatch's view).
 * A file whose pre-image could not be checked falls back to added_only.
 * The callers of unused-attr-on-used's function and of unused-out-param's
 * are the causes of those; any other finding's are the added lines nearest
 * to it.
 */
void gate_introduced(const struct gate_change *changes, size_t nr_changes,
		     const struct tdx_findings *pre, const struct tdx_findings *post,
		     bool added_only, struct gate_blames *out);
void gate_blames_release(struct gate_blames *b);

#endif /* TDXCHECK_GATE_INTRODUCED_H */
