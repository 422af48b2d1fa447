// SPDX-License-Identifier: GPL-2.0
/*
 * Locations: macro unwinding through the line map, and the bridge between a
 * location_t and a position in the source text.
 */
#include "gcc_headers.h"
#include "locations.h"

bool loc_in_macro(location_t loc)
{
	if (loc <= BUILTINS_LOCATION)
		return false;
	return linemap_location_from_macro_expansion_p(line_table,
						       get_pure_location(line_table, loc));
}

const char *loc_outer_macro(location_t loc, location_t *point)
{
	const char *name = NULL;
	int guard = 0;

	loc = get_pure_location(line_table, loc);
	/*
	 * A macro used in another macro's definition or argument has its
	 * expansion point inside that macro's expansion: unwind until the
	 * point is in the file, the last name seen is the outermost macro.
	 */
	while (loc > BUILTINS_LOCATION && guard++ < 1000 &&
	       linemap_location_from_macro_expansion_p(line_table, loc)) {
		const line_map *map = linemap_lookup(line_table, loc);
		const line_map_macro *mmap;

		if (!map || !linemap_macro_expansion_map_p(map))
			break;
		mmap = linemap_check_macro(map);
		name = linemap_map_get_macro_name(mmap);
		loc = get_pure_location(line_table,
					MACRO_MAP_EXPANSION_POINT_LOCATION(mmap));
	}
	if (point)
		*point = loc;
	return name;
}

location_t loc_resolve(location_t loc)
{
	location_t point;

	loc_outer_macro(loc, &point);
	return point;
}

struct tdx_loc loc_model(struct tdx_tu *tu, location_t loc)
{
	struct tdx_loc out = { NULL, 0, 0, 0 };
	expanded_location x;

	if (loc <= BUILTINS_LOCATION)
		return out;
	loc = loc_resolve(loc);
	x = expand_location(loc);
	if (!x.file)
		return out;
	out = tdx_loc_make(tu, x.file, x.line, x.column);
	out.handle = loc;
	return out;
}

struct src_pos loc_src(location_t loc)
{
	struct src_pos pos = { NULL, -1 };
	expanded_location x;

	if (loc <= BUILTINS_LOCATION || loc_in_macro(loc))
		return pos;
	x = expand_location(loc);
	if (!x.file)
		return pos;
	pos.file = src_get(x.file);
	if (pos.file)
		pos.off = src_offset(pos.file, x.line, x.column);
	return pos;
}

struct tdx_loc pos_model(struct tdx_tu *tu, const struct src_pos *pos)
{
	struct tdx_loc out = { NULL, 0, 0, 0 };
	unsigned int line, col;

	if (!pos->file || pos->off < 0)
		return out;
	line = src_line_of(pos->file, pos->off);
	col = src_col_of(pos->file, pos->off);
	/* The handle is found when needed, by loc_for_position(). */
	return tdx_loc_make(tu, pos->file->path, line, col);
}

location_t loc_for_position(const char *file, unsigned int line, unsigned int col)
{
	location_t best = UNKNOWN_LOCATION;
	linenum_type best_start = 0;
	unsigned int i, n = LINEMAPS_ORDINARY_USED(line_table);

	/*
	 * A text position that no tree carried (an else keyword): find the
	 * ordinary map of that file which covers the line, compute the
	 * location inside it, and keep it only if it decodes back exactly.
	 */
	for (i = 0; i < n; i++) {
		const line_map_ordinary *map = LINEMAPS_ORDINARY_MAP_AT(line_table, i);
		const char *name = ORDINARY_MAP_FILE_NAME(map);
		linenum_type start = ORDINARY_MAP_STARTING_LINE_NUMBER(map);
		expanded_location x;
		location_t loc;

		if (!name || strcmp(name, file) || start > line || start < best_start)
			continue;
		if (col >= (1u << (map->m_column_and_range_bits - map->m_range_bits)))
			continue;
		loc = linemap_position_for_line_and_column(line_table, map, line, col);
		if (loc >= LINEMAPS_MACRO_LOWEST_LOCATION(line_table))
			continue;
		x = expand_location(loc);
		if (x.file && !strcmp(x.file, file) && (unsigned int)x.line == line &&
		    (unsigned int)x.column == col) {
			best = loc;
			best_start = start;
		}
	}
	return best;
}

/*
 * Not main_input_filename nor the first line map: for preprocessed input
 * both carry the name from its first line marker.
 */
const char *loc_input_file(void)
{
	return num_in_fnames ? in_fnames[0] : NULL;
}
