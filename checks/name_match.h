/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Does an identifier match a TDX primitive pattern?  The question the
 * prefilters ask of every identifier of a unit (tens of thousands), so it
 * has to be cheap: each pattern's literal head (the characters before its
 * first wildcard) is compared first, and fnmatch(3) runs only on names that
 * pass.  The answer is the same as tdx_is_primitive()'s.
 */
#ifndef TDXCHECK_NAME_MATCH_H
#define TDXCHECK_NAME_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tdx_name_match {
	const char *const *patterns;	/* the config's, not copied */
	size_t *head_len;		/* literal characters before a wildcard */
	size_t nr;
};

/* The config must outlive the matcher. */
void tdx_name_match_init(struct tdx_name_match *m, const struct tdx_config *cfg);
void tdx_name_match_release(struct tdx_name_match *m);
/* name[0..len) (not necessarily NUL-terminated) matches one of the patterns. */
bool tdx_name_match(const struct tdx_name_match *m, const char *name, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_NAME_MATCH_H */
