/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cross-file facts carried inside the object file, for builds whose compiles
 * run on other hosts (distcc, icecream) that cannot write the user's
 * database.  The plugin key facts-section writes one blob per unit into the
 * non-allocated section TDX_FACTS_SECTION; `tdxcheck report` reads it back.
 *
 * The blob holds exactly what tdx_facts_record() would store for the unit
 * (functions, parameters of global definitions, call sites and argument
 * kinds), so a report from objects and one from a database agree.
 *
 * Format, version 1 (all integers unsigned LEB128):
 *   "TDXF" version(1 byte) payload-length payload
 *   payload: nr-strings, then each string NUL-terminated (string 0 is "none",
 *            the first stored string is 1); unit-key; nr-functions, then per
 *            function: name file line col flags spelled-unused attr-file
 *            attr-line attr-col nr-params nr-param-rows, then per row: name
 *            file line col type-class spelled-unused; nr-calls, then per call:
 *            caller callee via file line col result-used nr-args, then per
 *            argument: kind name.
 * Strings are string-table indexes.  Blobs concatenate (ld -r joins the
 * sections of its inputs): each is one unit.
 */
#ifndef TDXCHECK_FACTS_SECTION_H
#define TDXCHECK_FACTS_SECTION_H

#include <stddef.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TDX_FACTS_SECTION	".tdxcheck.facts"
#define TDX_FACTS_VERSION	1

/*
 * The blob for tu, in a buffer the caller frees.  unit_key names the unit as
 * tdx_facts_record() would (the main file, made absolute when it exists).
 */
unsigned char *tdx_facts_encode(const struct tdx_tu *tu, const char *unit_key, size_t *len);

/*
 * Decode the blob at buf (len bytes available; more blobs may follow) into
 * a new unit, its main_file the unit key.  *used is the blob's length.
 * Returns the unit, or NULL with a one-line reason in err; *version is the
 * blob's version when the header could be read, else 0.
 */
struct tdx_tu *tdx_facts_decode(const unsigned char *buf, size_t len, size_t *used,
				unsigned int *version, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_FACTS_SECTION_H */
