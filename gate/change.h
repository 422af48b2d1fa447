/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a patch did to one file, read from the files rather than from the
 * patch: git apply places hunks by their context, so a hunk header's line
 * numbers may be off, and one file may be patched by several sections.
 * The lines added are those of a diff between the pre-image and the
 * post-image git apply wrote.
 */
#ifndef TDXCHECK_GATE_CHANGE_H
#define TDXCHECK_GATE_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"

/* A file's text split in lines. */
struct gate_text {
	char *buf;
	size_t len;
	const char **line;	/* line[i] is line i + 1 */
	size_t *line_len;	/* without the newline */
	unsigned int nr;
};

struct gate_change {
	size_t file;		/* its section in the patch (the first, for a path patched twice) */
	const char *path;	/* the patch's (post-image) path */
	char *pre_file;		/* the pre-image, NULL for a new file */
	char *post_file;	/* the post-image */
	struct gate_text pre, post;
	struct gate_added *added;	/* lines of post added, text into post, sorted */
	size_t nr_added;
	bool pre_checked;	/* tdxcheck checked the pre-image */
};

/*
 * Read c->pre_file and c->post_file and find the lines added between them
 * (git diff --no-index), each with the line of p that adds it when the
 * same text is added in a section of p for c->path (else the first added
 * line's).  Returns 0, or -1 with a one-line reason in err.
 */
int gate_change_read(struct gate_change *c, const struct gate_patch *p, char *err,
		     size_t errlen);
void gate_change_release(struct gate_change *c);

/* Line n (1-based) of t, or NULL. */
const char *gate_text_line(const struct gate_text *t, unsigned int n, size_t *len);

/* The added line of c at post-image line, or NULL. */
const struct gate_added *gate_change_added(const struct gate_change *c, unsigned int line);

#endif /* TDXCHECK_GATE_CHANGE_H */
