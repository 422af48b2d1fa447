/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Translating the C front end's trees into the neutral model (checks/model.h).
 * Facts only: which calls, stores and reads there are, the statement tree,
 * what the source spells.  Needs gcc_headers.h first.
 */
#ifndef TDXCHECK_PLUGIN_BUILD_MODEL_H
#define TDXCHECK_PLUGIN_BUILD_MODEL_H

#include "model_cxx.h"

/* Start a unit; the previous one, if any, is the caller's to free. */
struct tdx_tu *bm_start(const char *main_file);
/* PLUGIN_FINISH_DECL: prototypes, and functions named in global initialisers. */
void bm_declaration(tree decl);
/*
 * A prototype whose PLUGIN_FINISH_DECL was let pass (before the unit named a
 * primitive), seen again now that its function matters: loc is where that
 * prototype spelled the name (the decl has since taken the definition's).
 */
void bm_prototype_at(tree decl, location_t loc);
/* PLUGIN_PRE_GENERICIZE: a function body, before genericization. */
void bm_definition(tree fndecl);
/*
 * PLUGIN_START_UNIT: from now on every line libcpp lexes a token on is
 * noted (src_note_live_line), so source scans skip #if'd-out text.
 */
void bm_watch_lines(void *gcc_data, void *user_data);

#endif /* TDXCHECK_PLUGIN_BUILD_MODEL_H */
