/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which units can have a finding at all.  In the default scope a unit whose
 * code and macro definitions, after its includes and conditionals, name no
 * TDX primitive has none, and most of a kernel names none.  Preprocessing costs
 * a fraction of the full parse the plugin needs (and of sparse), so each
 * unit is preprocessed first, as many at once as the checks would run, and
 * only the units that name a primitive are checked.
 */
#ifndef TDXCHECK_DRIVER_PREFILTER_H
#define TDXCHECK_DRIVER_PREFILTER_H

#include <stddef.h>

#include "jobs.h"
#include "rules.h"

/*
 * jobs are the checks (compiler, its flags, -fsyntax-only, the plugin and
 * its keys, the file last).  Each one's compiler is run on its file with
 * the same flags and -E -fdirectives-only -P into out[i] (removed after
 * reading), at most
 * parallel at once.  The jobs whose unit names a primitive (or whose
 * preprocessing failed: the check will say why) are moved to the front of
 * jobs, in order; returns their number, or -1 when a child could not be
 * forked (the message is printed).
 */
long tdx_prefilter(struct tdx_job **jobs, const char *const *out, size_t nr,
		   unsigned int parallel, const struct tdx_config *cfg);

/* The scan itself: text[0..len) holds an identifier matching a pattern of cfg. */
bool tdx_prefilter_text(const char *text, size_t len, const struct tdx_config *cfg);

#endif /* TDXCHECK_DRIVER_PREFILTER_H */
