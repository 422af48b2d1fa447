/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one private temporary directory of a tdxcheck or tdxcheck-gate run:
 * created under $TMPDIR (default /tmp) and removed with everything in it at
 * exit and on every signal that ends the process (SIGPIPE included, so that
 * "tdxcheck-gate ... | head -1" leaves nothing behind).  Only SIGKILL can
 * leave it.
 */
#ifndef TDXCHECK_TMPDIR_H
#define TDXCHECK_TMPDIR_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Create "<TMPDIR>/<prefix>.XXXXXX" once per process (later calls return the
 * same directory).  Returns its path, owned by this module, or NULL with
 * errno set; then *tried holds the template that failed (malloc'd) when
 * tried is not NULL.
 */
const char *tdx_tmpdir_make(const char *prefix, char **tried);

/* The directory made by tdx_tmpdir_make(), or NULL. */
const char *tdx_tmpdir(void);

/* Remove it now (it is not made again). */
void tdx_tmpdir_remove(void);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_TMPDIR_H */
