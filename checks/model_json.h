/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The model as JSON: `tdxcheck --dump-model` and the plugin's dump argument
 * print it, so front ends are tested by comparing dumps; rules are tested on
 * hand-written models loaded back.
 *
 * Layout (every field of model.h under its own name, except loc.handle,
 * which is a front end's private location and differs between engines):
 *   { "main_file": s, "funcs": [fn...], "calls": [call...] }
 *   fn:   { name, loc, is_definition, is_static, returns_void, address_taken,
 *           spelled_unused, attr_loc, vars: [var...], body: stmt|null,
 *           expansions: [{macro, loc}] }
 *   var:  { name, loc, type: {class, struct_tag, fields: [s]}, is_param,
 *           is_static, address_taken, spelled_unused,
 *           stores: [{loc, field, is_init, call, macro}], reads: [{loc, call}] }
 *   call: { caller, callee, via, loc, macro, result_used, void_cast,
 *           returns_void, args: [{kind, name}] }
 *   stmt: { kind, loc, else_loc, last_line, braced, from_macro, is_default,
 *           never_exits, cond_var, cond_call, kids: [stmt|null], calls: [n] }
 *   loc:  { file, line, col }
 * Enumerations are lower-case names: class "scalar", "pointer",
 * "struct_ptr", "struct", "func_ptr", "other"; arg kind "null",
 * "addr_local", "func", "other"; stmt kind "block", "if", "switch", "case",
 * "for", "while", "do", "return", "break", "continue", "goto", "expr",
 * "other"; spelled_unused a list of "always_unused", "maybe_unused",
 * "attribute".
 *
 * For hand-written models the loader is lenient: a missing key takes its
 * default (false, 0, null, -1 for call indexes), a loc may be [line, col]
 * and its file defaults to main_file, a call's caller may be the function's
 * name.  Parameters come first in vars (is_param).
 */
#ifndef TDXCHECK_MODEL_JSON_H
#define TDXCHECK_MODEL_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The model as indented JSON text (malloc'd, NUL-terminated), or NULL. */
char *tdx_model_to_json(const struct tdx_tu *tu);
/* Write it to f with a final newline; 0, or -1 on failure. */
int tdx_model_dump(FILE *f, const struct tdx_tu *tu);

/*
 * A model from JSON text, or NULL with a one-line reason in err (syntax
 * error with line and column, wrong type or value with the path of the
 * offending element, index out of range).  Never crashes on bad input.
 */
struct tdx_tu *tdx_model_from_json(const char *text, char *err, size_t errlen);
/* The same from a file; the reason names the file. */
struct tdx_tu *tdx_model_load_file(const char *path, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_MODEL_JSON_H */
