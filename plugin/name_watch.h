/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Has the unit named a TDX primitive yet?  GCC's identifier table learns
 * every identifier the preprocessor lexes, macro names and the spellings
 * macros expand to included, before the parser sees any declaration that
 * uses it; watching what is added to it answers the question for the whole
 * unit so far, at the cost of one prefix comparison per new identifier.
 * Needs gcc_headers.h first.
 */
#ifndef TDXCHECK_PLUGIN_NAME_WATCH_H
#define TDXCHECK_PLUGIN_NAME_WATCH_H

#include "rules.h"

/* Start watching for cfg's primitive patterns (cfg must outlive the watch). */
void nw_start(const struct tdx_config *cfg);
/* An identifier lexed so far matches a primitive pattern; stops the watch once true. */
bool nw_named(void);
/* Stop watching (end of the unit). */
void nw_stop(void);

#endif /* TDXCHECK_PLUGIN_NAME_WATCH_H */
