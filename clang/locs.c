// SPDX-License-Identifier: GPL-2.0
/* Locations: see locs.h. */
#include <string.h>

#include "locs.h"

static CXTranslationUnit ctu;
static struct tdx_tu *tu;

void locs_start(CXTranslationUnit t, struct tdx_tu *model)
{
	ctu = t;
	tu = model;
}

/*
 * libclang 14 has no "is this a macro location" query, and its
 * clang_getSpellingLocation() returns the file location (a FIXME in
 * CXSourceLocation.cpp).  A CXSourceLocation carries clang's raw
 * SourceLocation encoding in int_data, whose top bit is
 * SourceLocation::MacroIDBit: set exactly for locations inside a macro
 * expansion, body or argument, as GCC's virtual locations are.
 */
#define CLANG_MACRO_ID_BIT	(1u << 31)

bool loc_in_macro(CXSourceLocation loc)
{
	return (loc.int_data & CLANG_MACRO_ID_BIT) != 0;
}

struct fpos loc_point(CXSourceLocation loc)
{
	struct fpos pos = { NULL, 0 };
	CXFile file = NULL;

	clang_getExpansionLocation(loc, &file, NULL, NULL, &pos.off);
	pos.f = tok_file_get(ctu, file);
	return pos;
}

bool loc_written(CXSourceLocation loc, struct fpos *pos)
{
	CXFile file = NULL;
	unsigned int off = 0;

	pos->f = NULL;
	if (loc_in_macro(loc)) {
		struct fpos point = loc_point(loc);

		/* a macro argument is written in the file; a body token is not */
		clang_getFileLocation(loc, &file, NULL, NULL, &off);
		if (!point.f || off == point.off)
			return false;
	} else {
		clang_getFileLocation(loc, &file, NULL, NULL, &off);
	}
	pos->f = tok_file_get(ctu, file);
	pos->off = off;
	return pos->f != NULL;
}

const char *loc_outer_macro(CXSourceLocation loc)
{
	static char name[256];
	struct fpos p;
	long i;
	size_t n;

	if (!loc_in_macro(loc))
		return NULL;
	p = loc_point(loc);
	if (!p.f)
		return NULL;
	i = tok_index(p.f, p.off);
	if (i < 0 || p.f->v[i].kind != CXToken_Identifier)
		return NULL;
	n = p.f->v[i].end - p.f->v[i].off;
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, p.f->text + p.f->v[i].off, n);
	name[n] = '\0';
	return name;
}

struct tdx_loc loc_model(CXSourceLocation loc)
{
	struct tdx_loc out = { NULL, 0, 0, 0 };
	CXFile file = NULL;
	unsigned int line, col, off;
	CXString name;

	clang_getExpansionLocation(loc, &file, &line, &col, &off);
	if (!file)
		return out;
	name = clang_getFileName(file);
	out = tdx_loc_make(tu, clang_getCString(name), line, col);
	clang_disposeString(name);
	out.handle = off + 1;
	return out;
}

struct tdx_loc loc_tok(const struct tok_file *f, long tok)
{
	struct tdx_loc out = { NULL, 0, 0, 0 };

	if (!f || tok < 0)
		return out;
	out = tdx_loc_make(tu, f->path, f->v[tok].line, f->v[tok].col);
	out.handle = f->v[tok].off + 1;
	return out;
}
