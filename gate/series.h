/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's inputs as checkpatch takes them: each commit of -g's ranges,
 * each patch file, each mail of a format-patch mailbox, checked on its own
 * and in order.
 */
#ifndef TDXCHECK_GATE_SERIES_H
#define TDXCHECK_GATE_SERIES_H

#include "session.h"

/*
 * -g: every commit of the ranges, each against its own post-image (the
 * files it touches as the commit has them, the rest from the work tree).
 * Returns the exit status: 0 all clean, 1 findings, 2 bad input.
 */
int gate_series_git(struct gate_session *s);

/*
 * Patch files and mails.  One patch: checked in the work tree when it is
 * applied there, else in a scratch copy.  Several: applied one after the
 * other in one scratch copy (each on top of the ones before it), starting
 * from the work tree, or from the work tree with the whole series taken
 * back out when the series is applied there.  Returns the exit status.
 */
int gate_series_patches(struct gate_session *s);

#endif /* TDXCHECK_GATE_SERIES_H */
