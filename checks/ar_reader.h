/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The members of an ar archive held in memory: GNU ar's format, regular and
 * thin ("!<thin>", what kbuild makes of built-in.a and vmlinux.a), whose
 * members are not copied in but named by a path relative to the archive.
 */
#ifndef TDXCHECK_AR_READER_H
#define TDXCHECK_AR_READER_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tdx_ar_member {
	const char *name;		/* NUL-terminated copy, valid during the callback */
	const unsigned char *data;	/* regular archive: the member's bytes; thin: NULL */
	size_t len;
};

/* buf starts with an archive magic; *thin tells which kind. */
bool tdx_ar_is_archive(const unsigned char *buf, size_t len, bool *thin);

/*
 * Call fn for every member but the symbol and name tables, in order; a
 * non-zero return from fn stops the walk and is returned.  Returns 0, or -1
 * with a one-line reason in err for a malformed archive.
 */
int tdx_ar_members(const unsigned char *buf, size_t len,
		   int (*fn)(const struct tdx_ar_member *m, void *ctx), void *ctx,
		   char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_AR_READER_H */
