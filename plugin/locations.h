/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GCC locations as the model wants them: spelling positions in the user's
 * file, the expansion point for code that a macro produced, and the name of
 * the outermost macro.  Needs gcc_headers.h first.
 */
#ifndef TDXCHECK_PLUGIN_LOCATIONS_H
#define TDXCHECK_PLUGIN_LOCATIONS_H

#include "model_cxx.h"
#include "source_text.h"

/* loc comes from a macro expansion. */
bool loc_in_macro(location_t loc);
/*
 * The outermost macro whose expansion produced loc, and its expansion point
 * in *point (a location outside any macro); NULL and *point = loc when loc is
 * not from a macro.
 */
const char *loc_outer_macro(location_t loc, location_t *point);
/* loc resolved to its outermost expansion point. */
location_t loc_resolve(location_t loc);
/* The model's location for loc (resolved); handle is the resolved location_t. */
struct tdx_loc loc_model(struct tdx_tu *tu, location_t loc);

/* A resolved position in a source file, for the text scans. */
struct src_pos {
	struct src_file *file;	/* NULL when the text is not readable */
	long off;		/* -1 when unknown */
};

/* Where a (non-macro) location is in its file's text. */
struct src_pos loc_src(location_t loc);
/* The model's location of a text position; handle 0 (see loc_for_position). */
struct tdx_loc pos_model(struct tdx_tu *tu, const struct src_pos *pos);

/*
 * A location_t for a position in a file the line map knows, for reporting
 * a position found in the text; UNKNOWN_LOCATION when none decodes to it.
 */
location_t loc_for_position(const char *file, unsigned int line, unsigned int col);

/* The file the compiler was given to read (a .i file's own name). */
const char *loc_input_file(void);

#endif /* TDXCHECK_PLUGIN_LOCATIONS_H */
