/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unified diffs as git format-patch, git diff and diff -u write them: the
 * files a patch touches and, per file, the lines it adds, each with its line
 * in the patch (checkpatch's "#<n>:").  The post-image line a hunk header
 * claims is only a claim: git apply places hunks by context (change.c
 * finds where the lines really are).
 */
#ifndef TDXCHECK_GATE_DIFF_H
#define TDXCHECK_GATE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

struct gate_added {
	unsigned int line;		/* in the post-image (by the hunk header, for a patch's) */
	unsigned long patch_line;	/* in the patch, 1-based */
	const char *text;		/* after the '+', into the patch buffer or a file's text */
	size_t len;			/* without the newline */
};

struct gate_file {
	char *path;		/* post-image path, first component (b/) stripped */
	char *old_path;		/* pre-image path, NULL for a new file */
	bool deleted;		/* +++ /dev/null: nothing to check */
	bool created;		/* a new file: no pre-image */
	bool copied;		/* copy from old_path (else a rename when the paths differ) */
	bool symlink;		/* the post-image is a symbolic link: never followed */
	bool binary;		/* a binary patch: no lines */
	/*
	 * Where its section is in the patch's buffer: from its "diff --git"
	 * (or "--- ") line to the end of its last hunk, and its first "@@"
	 * line (0: no text hunk), so --fix can put other hunks in its place.
	 */
	size_t start, hunks, end;
	struct gate_added *added;
	size_t nr_added, cap_added;
};

struct gate_patch {
	char *buf;		/* the whole patch, owned */
	size_t len;
	unsigned long nr_lines;
	struct gate_file *files;
	size_t nr_files, cap_files;
	bool headerless;	/* parsing failed: no file header at all */
};

/*
 * Read a patch from path ("-": standard input) and parse it.  Returns 0, or
 * -1 with a one-line reason naming path in err (unreadable, not a diff,
 * a hunk that does not add up).
 */
int gate_patch_read(struct gate_patch *p, const char *path, char *err, size_t errlen);
/* The whole of path ("-": standard input) in *buf.  0, or -1 with a reason in err. */
int gate_input_read(const char *path, char **buf, size_t *len, char *err, size_t errlen);
/* Parse buf (len bytes, taken over); name is used in err. */
int gate_patch_parse(struct gate_patch *p, char *buf, size_t len, const char *name,
		     char *err, size_t errlen);
void gate_patch_release(struct gate_patch *p);

/*
 * Does the path stay in its tree, as git's verify_path() wants (not
 * absolute, no empty, ".", ".." or ".git" component)?
 */
bool gate_path_safe(const char *path);

/* Does the path name a C source or header (.c, .h)? */
bool gate_is_c_path(const char *path);

#endif /* TDXCHECK_GATE_DIFF_H */
