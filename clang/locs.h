/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Locations: what libclang's locations say about macro origin, and the
 * bridge from a cursor to the model's location and to the file's tokens.
 *
 * The model reports code from a macro expansion at its expansion point (the
 * macro's name where the user wrote it), as the GCC front end does.  That
 * point is clang's expansion location; the outermost macro's name is the
 * token written there.
 */
#ifndef TDXCHECK_CLANG_LOCS_H
#define TDXCHECK_CLANG_LOCS_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "model.h"
#include "tokens.h"

/* A position in a file's text: the file's tokens and a byte offset. */
struct fpos {
	struct tok_file *f;
	unsigned int off;
};

void locs_start(CXTranslationUnit tu, struct tdx_tu *model);

/* The location comes from a macro expansion (body or argument). */
bool loc_in_macro(CXSourceLocation loc);
/* The expansion point (the location itself outside macros). */
struct fpos loc_point(CXSourceLocation loc);
/* Where the token at loc is written, when that is in a file (not a macro body). */
bool loc_written(CXSourceLocation loc, struct fpos *pos);
/* The outermost macro loc was expanded from, or NULL outside macros. */
const char *loc_outer_macro(CXSourceLocation loc);
/* The model's location of the expansion point. */
struct tdx_loc loc_model(CXSourceLocation loc);
/* The model's location of a token. */
struct tdx_loc loc_tok(const struct tok_file *f, long tok);

#endif /* TDXCHECK_CLANG_LOCS_H */
