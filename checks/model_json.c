// SPDX-License-Identifier: GPL-2.0
/*
 * The model to and from JSON with Jansson.  Dumping writes every field in a
 * fixed key order, so two front ends that saw the same code print the same
 * text.  Loading checks every type and index and reports the first problem
 * with the path of the element ("funcs[1].vars[0].type.class"), because its
 * input is hand-written test models and other programs' output.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_path.h"
#include "model_json.h"

static const char *const class_names[] = {
	[TDX_TYPE_SCALAR] = "scalar", [TDX_TYPE_POINTER] = "pointer",
	[TDX_TYPE_STRUCT_PTR] = "struct_ptr", [TDX_TYPE_STRUCT] = "struct",
	[TDX_TYPE_FUNC_PTR] = "func_ptr", [TDX_TYPE_OTHER] = "other",
};
static const char *const arg_names[] = {
	[TDX_ARG_NULL] = "null", [TDX_ARG_ADDR_LOCAL] = "addr_local",
	[TDX_ARG_FUNC] = "func", [TDX_ARG_PARAM] = "param", [TDX_ARG_OTHER] = "other",
};
static const char *const stmt_names[] = {
	[TDX_STMT_BLOCK] = "block", [TDX_STMT_IF] = "if", [TDX_STMT_SWITCH] = "switch",
	[TDX_STMT_CASE] = "case", [TDX_STMT_FOR] = "for", [TDX_STMT_WHILE] = "while",
	[TDX_STMT_DO] = "do", [TDX_STMT_RETURN] = "return", [TDX_STMT_BREAK] = "break",
	[TDX_STMT_CONTINUE] = "continue", [TDX_STMT_GOTO] = "goto",
	[TDX_STMT_EXPR] = "expr", [TDX_STMT_OTHER] = "other",
};
static const struct {
	unsigned int bit;
	const char *name;
} unused_names[] = {
	{ TDX_UNUSED_ALWAYS, "always_unused" },
	{ TDX_UNUSED_MAYBE, "maybe_unused" },
	{ TDX_UNUSED_ATTR, "attribute" },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Dumping ---------------------------------------------------------------- */

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *dump_loc(const struct tdx_loc *loc)
{
	json_t *o = json_object();

	tdx_json_set_path(o, "file", loc->file);
	json_object_set_new(o, "line", json_integer((json_int_t)loc->line));
	json_object_set_new(o, "col", json_integer((json_int_t)loc->col));
	return o;
}

static json_t *dump_unused(unsigned int bits)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(unused_names); i++)
		if (bits & unused_names[i].bit)
			json_array_append_new(a, json_string(unused_names[i].name));
	return a;
}

static json_t *dump_type(const struct tdx_type *t)
{
	json_t *fields = json_array();
	size_t i;

	for (i = 0; i < t->nr_fields; i++)
		json_array_append_new(fields, str_or_null(t->fields[i]));
	return json_pack("{s:s,s:o,s:o}", "class",
			 (unsigned int)t->class < ARRAY_SIZE(class_names) ?
			 class_names[t->class] : "other",
			 "struct_tag", str_or_null(t->struct_tag), "fields", fields);
}

static json_t *dump_var(const struct tdx_var *v)
{
	json_t *o = json_object(), *stores = json_array(), *reads = json_array();
	size_t i;

	json_object_set_new(o, "name", str_or_null(v->name));
	json_object_set_new(o, "loc", dump_loc(&v->loc));
	json_object_set_new(o, "type", dump_type(&v->type));
	json_object_set_new(o, "is_param", json_boolean(v->is_param));
	json_object_set_new(o, "is_static", json_boolean(v->is_static));
	json_object_set_new(o, "address_taken", json_boolean(v->address_taken));
	json_object_set_new(o, "spelled_unused", dump_unused(v->spelled_unused));
	for (i = 0; i < v->nr_stores; i++) {
		const struct tdx_store *st = v->stores[i];

		json_array_append_new(stores, json_pack("{s:o,s:o,s:b,s:i,s:o}",
			"loc", dump_loc(&st->loc), "field", str_or_null(st->field),
			"is_init", st->is_init, "call", st->call,
			"macro", str_or_null(st->macro)));
	}
	json_object_set_new(o, "stores", stores);
	for (i = 0; i < v->nr_reads; i++)
		json_array_append_new(reads, json_pack("{s:o,s:i}",
			"loc", dump_loc(&v->reads[i]->loc), "call", v->reads[i]->call));
	json_object_set_new(o, "reads", reads);
	return o;
}

static json_t *dump_stmt(const struct tdx_stmt *s)
{
	json_t *o, *kids, *calls;
	size_t i;

	if (!s)
		return json_null();
	o = json_object();
	kids = json_array();
	calls = json_array();
	json_object_set_new(o, "kind", json_string((unsigned int)s->kind < ARRAY_SIZE(stmt_names) ?
						    stmt_names[s->kind] : "other"));
	json_object_set_new(o, "loc", dump_loc(&s->loc));
	json_object_set_new(o, "else_loc", dump_loc(&s->else_loc));
	json_object_set_new(o, "last_line", json_integer(s->last_line));
	json_object_set_new(o, "braced", json_boolean(s->braced));
	json_object_set_new(o, "from_macro", json_boolean(s->from_macro));
	json_object_set_new(o, "is_default", json_boolean(s->is_default));
	json_object_set_new(o, "never_exits", json_boolean(s->never_exits));
	json_object_set_new(o, "cond_var", str_or_null(s->cond_var));
	json_object_set_new(o, "cond_call", json_integer(s->cond_call));
	for (i = 0; i < s->nr_kids; i++)
		json_array_append_new(kids, dump_stmt(s->kids[i]));
	json_object_set_new(o, "kids", kids);
	for (i = 0; i < s->nr_calls; i++)
		json_array_append_new(calls, json_integer(s->calls[i]));
	json_object_set_new(o, "calls", calls);
	return o;
}

static json_t *dump_function(const struct tdx_function *fn)
{
	json_t *o = json_object(), *vars = json_array(), *xs = json_array();
	size_t i;

	json_object_set_new(o, "name", str_or_null(fn->name));
	json_object_set_new(o, "loc", dump_loc(&fn->loc));
	json_object_set_new(o, "is_definition", json_boolean(fn->is_definition));
	json_object_set_new(o, "is_static", json_boolean(fn->is_static));
	json_object_set_new(o, "returns_void", json_boolean(fn->returns_void));
	json_object_set_new(o, "address_taken", json_boolean(fn->address_taken));
	json_object_set_new(o, "always_inline", json_boolean(fn->always_inline));
	json_object_set_new(o, "spelled_unused", dump_unused(fn->spelled_unused));
	json_object_set_new(o, "attr_loc", dump_loc(&fn->attr_loc));
	for (i = 0; i < fn->nr_vars; i++)
		json_array_append_new(vars, dump_var(fn->vars[i]));
	json_object_set_new(o, "vars", vars);
	json_object_set_new(o, "body", dump_stmt(fn->body));
	for (i = 0; i < fn->nr_expansions; i++)
		json_array_append_new(xs, json_pack("{s:o,s:o}",
			"macro", str_or_null(fn->expansions[i]->macro),
			"loc", dump_loc(&fn->expansions[i]->loc)));
	json_object_set_new(o, "expansions", xs);
	return o;
}

static json_t *dump_call(const struct tdx_call *c)
{
	json_t *o = json_object(), *args = json_array();
	size_t i;

	json_object_set_new(o, "caller", json_integer(c->caller));
	json_object_set_new(o, "callee", str_or_null(c->callee));
	json_object_set_new(o, "via", str_or_null(c->via));
	json_object_set_new(o, "loc", dump_loc(&c->loc));
	json_object_set_new(o, "macro", str_or_null(c->macro));
	json_object_set_new(o, "result_used", json_boolean(c->result_used));
	json_object_set_new(o, "void_cast", json_boolean(c->void_cast));
	json_object_set_new(o, "returns_void", json_boolean(c->returns_void));
	for (i = 0; i < c->nr_args; i++)
		json_array_append_new(args, json_pack("{s:s,s:o}", "kind",
			(unsigned int)c->args[i]->kind < ARRAY_SIZE(arg_names) ?
			arg_names[c->args[i]->kind] : "other",
			"name", str_or_null(c->args[i]->name)));
	json_object_set_new(o, "args", args);
	return o;
}

static json_t *dump_tu(const struct tdx_tu *tu)
{
	json_t *root = json_object(), *funcs = json_array(), *calls = json_array();
	size_t i;

	tdx_json_set_path(root, "main_file", tu->main_file);
	for (i = 0; i < tu->nr_funcs; i++)
		json_array_append_new(funcs, dump_function(tu->funcs[i]));
	json_object_set_new(root, "funcs", funcs);
	for (i = 0; i < tu->nr_calls; i++)
		json_array_append_new(calls, dump_call(tu->calls[i]));
	json_object_set_new(root, "calls", calls);
	return root;
}

char *tdx_model_to_json(const struct tdx_tu *tu)
{
	json_t *root = dump_tu(tu);
	char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	json_decref(root);
	return text;
}

int tdx_model_dump(FILE *f, const struct tdx_tu *tu)
{
	char *text = tdx_model_to_json(tu);
	int ret;

	if (!text)
		return -1;
	ret = fputs(text, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;
	free(text);
	return ret;
}

/* Loading ---------------------------------------------------------------- */

struct loader {
	struct tdx_tu *tu;
	char path[256];
	size_t plen;
	char *err;
	size_t errlen;
	bool failed;
};

static size_t push(struct loader *ld, const char *fmt, ...)
{
	size_t old = ld->plen;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(ld->path + old, sizeof(ld->path) - old, fmt, ap);
	va_end(ap);
	if (n > 0)
		ld->plen = old + (size_t)n < sizeof(ld->path) ? old + (size_t)n :
			   sizeof(ld->path) - 1;
	return old;
}

static void pop(struct loader *ld, size_t old)
{
	ld->plen = old;
	ld->path[old] = '\0';
}

static bool fail(struct loader *ld, const char *key, const char *what)
{
	if (!ld->failed && ld->err && ld->errlen)
		snprintf(ld->err, ld->errlen, "%s%s%s: %s", ld->plen ? ld->path : "",
			 ld->plen && key ? "." : "", key ? key : (ld->plen ? "" : "model"), what);
	ld->failed = true;
	return false;
}

static bool get_bool(struct loader *ld, json_t *o, const char *key, bool *out)
{
	json_t *v = json_object_get(o, key);

	*out = false;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_boolean(v))
		return fail(ld, key, "expected true or false");
	*out = json_is_true(v);
	return true;
}

static bool get_int(struct loader *ld, json_t *o, const char *key, long long min,
		    long long max, long long def, long long *out)
{
	json_t *v = json_object_get(o, key);

	*out = def;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_integer(v))
		return fail(ld, key, "expected an integer");
	*out = json_integer_value(v);
	if (*out < min || *out > max)
		return fail(ld, key, "integer out of range");
	return true;
}

static bool get_str(struct loader *ld, json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v))
		return fail(ld, key, "expected a string or null");
	*out = tdx_str(ld->tu, json_string_value(v));
	return true;
}

/* An array (missing or null: empty), or fails. */
static bool get_array(struct loader *ld, json_t *o, const char *key, json_t **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_array(v))
		return fail(ld, key, "expected an array");
	*out = v;
	return true;
}

static bool get_enum(struct loader *ld, json_t *o, const char *key,
		     const char *const *names, size_t nr, int def, int *out)
{
	json_t *v = json_object_get(o, key);
	size_t i;

	*out = def;
	if (!v || json_is_null(v))
		return true;
	if (json_is_string(v)) {
		for (i = 0; i < nr; i++) {
			if (names[i] && !strcmp(names[i], json_string_value(v))) {
				*out = (int)i;
				return true;
			}
		}
	}
	return fail(ld, key, "unknown value");
}

static bool get_loc(struct loader *ld, json_t *o, const char *key, struct tdx_loc *loc)
{
	json_t *v = json_object_get(o, key);
	const char *file = ld->tu->main_file;
	long long line = 0, col = 0;

	memset(loc, 0, sizeof(*loc));
	if (!v || json_is_null(v))
		return true;
	if (json_is_array(v)) {
		json_t *l = json_array_get(v, 0), *c = json_array_get(v, 1);

		if (json_array_size(v) != 2 || !json_is_integer(l) || !json_is_integer(c))
			return fail(ld, key, "expected [line, col]");
		line = json_integer_value(l);
		col = json_integer_value(c);
	} else if (json_is_object(v)) {
		size_t old = push(ld, ".%s", key);
		/* A missing file is the main file; an explicit null stays null. */
		bool ok = (!json_object_get(v, "file") || get_str(ld, v, "file", &file)) &&
			  get_int(ld, v, "line", 0, UINT_MAX, 0, &line) &&
			  get_int(ld, v, "col", 0, UINT_MAX, 0, &col);

		if (ok && json_object_get(v, "file_bytes")) {
			char *bytes = tdx_json_get_path(v, "file");

			ok = bytes || fail(ld, "file_bytes", "expected bytes and %XX escapes");
			if (ok)
				file = tdx_str(ld->tu, bytes);
			free(bytes);
		}
		pop(ld, old);
		if (!ok)
			return false;
	} else {
		return fail(ld, key, "expected a location");
	}
	if (line < 0 || line > UINT_MAX || col < 0 || col > UINT_MAX)
		return fail(ld, key, "line or column out of range");
	*loc = tdx_loc_make(ld->tu, file, (unsigned int)line, (unsigned int)col);
	return true;
}

static bool get_unused(struct loader *ld, json_t *o, const char *key, unsigned int *out)
{
	json_t *v = json_object_get(o, key), *item;
	size_t i, k;

	*out = 0;
	if (!v || json_is_null(v))
		return true;
	if (json_is_integer(v)) {
		json_int_t n = json_integer_value(v);

		if (n < 0 || n > 7)
			return fail(ld, key, "integer out of range");
		*out = (unsigned int)n;
		return true;
	}
	if (!json_is_array(v))
		return fail(ld, key, "expected a list of spellings");
	json_array_foreach(v, i, item) {
		bool known = false;

		for (k = 0; k < ARRAY_SIZE(unused_names); k++) {
			if (json_is_string(item) &&
			    !strcmp(json_string_value(item), unused_names[k].name)) {
				*out |= unused_names[k].bit;
				known = true;
			}
		}
		if (!known)
			return fail(ld, key, "unknown spelling (always_unused, maybe_unused, attribute)");
	}
	return true;
}

static bool want_object(struct loader *ld, json_t *v)
{
	return json_is_object(v) ? true : fail(ld, NULL, "expected an object");
}

static bool load_type(struct loader *ld, json_t *o, struct tdx_type *t)
{
	json_t *v = json_object_get(o, "type"), *fields, *item;
	size_t old, i;
	int cls;
	bool ok;

	if (!v || json_is_null(v))
		return true;
	old = push(ld, ".type");
	ok = want_object(ld, v) &&
	     get_enum(ld, v, "class", class_names, ARRAY_SIZE(class_names),
		      TDX_TYPE_SCALAR, &cls) &&
	     get_str(ld, v, "struct_tag", &t->struct_tag) &&
	     get_array(ld, v, "fields", &fields);
	if (ok) {
		t->class = (enum tdx_type_class)cls;
		if (fields) {
			size_t n = json_array_size(fields);
			const char **names = tdx_alloc(ld->tu, (n ? n : 1) * sizeof(char *));

			json_array_foreach(fields, i, item) {
				if (!json_is_string(item)) {
					ok = fail(ld, "fields", "expected strings");
					break;
				}
				names[i] = json_string_value(item);
			}
			if (ok)
				tdx_type_set_fields(ld->tu, t, names, n);
		}
	}
	pop(ld, old);
	return ok;
}

static bool load_var(struct loader *ld, json_t *o, struct tdx_function *fn)
{
	json_t *stores, *reads, *item;
	struct tdx_var *v;
	const char *name;
	bool is_param;
	size_t i;

	if (!want_object(ld, o) || !get_str(ld, o, "name", &name) ||
	    !get_bool(ld, o, "is_param", &is_param))
		return false;
	if (is_param && fn->nr_params != fn->nr_vars)
		return fail(ld, "is_param", "parameters must come before locals");
	v = tdx_var_add(ld->tu, fn, name, is_param);
	if (!get_loc(ld, o, "loc", &v->loc) || !load_type(ld, o, &v->type) ||
	    !get_bool(ld, o, "is_static", &v->is_static) ||
	    !get_bool(ld, o, "address_taken", &v->address_taken) ||
	    !get_unused(ld, o, "spelled_unused", &v->spelled_unused) ||
	    !get_array(ld, o, "stores", &stores) || !get_array(ld, o, "reads", &reads))
		return false;
	json_array_foreach(stores, i, item) {
		size_t old = push(ld, ".stores[%zu]", i);
		struct tdx_store *st = tdx_store_add(ld->tu, v);
		long long call = -1;
		bool ok = want_object(ld, item) && get_loc(ld, item, "loc", &st->loc) &&
			  get_str(ld, item, "field", &st->field) &&
			  get_bool(ld, item, "is_init", &st->is_init) &&
			  get_int(ld, item, "call", -1, INT_MAX, -1, &call) &&
			  get_str(ld, item, "macro", &st->macro);

		st->call = (int)call;
		pop(ld, old);
		if (!ok)
			return false;
	}
	json_array_foreach(reads, i, item) {
		size_t old = push(ld, ".reads[%zu]", i);
		struct tdx_read *rd = tdx_read_add(ld->tu, v);
		long long call = -1;
		bool ok = want_object(ld, item) && get_loc(ld, item, "loc", &rd->loc) &&
			  get_int(ld, item, "call", -1, INT_MAX, -1, &call);

		rd->call = (int)call;
		pop(ld, old);
		if (!ok)
			return false;
	}
	return true;
}

static bool load_stmt(struct loader *ld, json_t *o, struct tdx_stmt **out)
{
	json_t *kids, *calls, *item;
	struct tdx_stmt *s;
	long long n;
	size_t i;
	int kind;

	*out = NULL;
	if (json_is_null(o))
		return true;
	if (!want_object(ld, o) ||
	    !get_enum(ld, o, "kind", stmt_names, ARRAY_SIZE(stmt_names), -1, &kind))
		return false;
	if (kind < 0)
		return fail(ld, "kind", "missing");
	s = tdx_stmt_new(ld->tu, (enum tdx_stmt_kind)kind);
	*out = s;
	if (!get_loc(ld, o, "loc", &s->loc) || !get_loc(ld, o, "else_loc", &s->else_loc) ||
	    !get_int(ld, o, "last_line", 0, UINT_MAX, s->loc.line, &n))
		return false;
	s->last_line = (unsigned int)n;
	if (!get_bool(ld, o, "braced", &s->braced) ||
	    !get_bool(ld, o, "from_macro", &s->from_macro) ||
	    !get_bool(ld, o, "is_default", &s->is_default) ||
	    !get_bool(ld, o, "never_exits", &s->never_exits) ||
	    !get_str(ld, o, "cond_var", &s->cond_var) ||
	    !get_int(ld, o, "cond_call", -1, INT_MAX, -1, &n))
		return false;
	s->cond_call = (int)n;
	if (!get_array(ld, o, "kids", &kids) || !get_array(ld, o, "calls", &calls))
		return false;
	json_array_foreach(kids, i, item) {
		size_t old = push(ld, ".kids[%zu]", i);
		struct tdx_stmt *kid;
		bool ok = load_stmt(ld, item, &kid);

		pop(ld, old);
		if (!ok)
			return false;
		tdx_stmt_add_kid(ld->tu, s, kid);
	}
	json_array_foreach(calls, i, item) {
		if (!json_is_integer(item) || json_integer_value(item) < 0 ||
		    json_integer_value(item) > INT_MAX)
			return fail(ld, "calls", "expected call indexes");
		tdx_stmt_add_call(ld->tu, s, (int)json_integer_value(item));
	}
	return true;
}

static bool load_function(struct loader *ld, json_t *o)
{
	json_t *vars, *xs, *item;
	struct tdx_function *fn;
	const char *name;
	size_t i, nr = ld->tu->nr_funcs;

	if (!want_object(ld, o) || !get_str(ld, o, "name", &name))
		return false;
	if (!name || !*name)
		return fail(ld, "name", "missing");
	fn = tdx_function_get(ld->tu, name);
	if (ld->tu->nr_funcs == nr)
		return fail(ld, "name", "duplicate function");
	if (!get_loc(ld, o, "loc", &fn->loc) ||
	    !get_bool(ld, o, "is_definition", &fn->is_definition) ||
	    !get_bool(ld, o, "is_static", &fn->is_static) ||
	    !get_bool(ld, o, "returns_void", &fn->returns_void) ||
	    !get_bool(ld, o, "address_taken", &fn->address_taken) ||
	    !get_bool(ld, o, "always_inline", &fn->always_inline) ||
	    !get_unused(ld, o, "spelled_unused", &fn->spelled_unused) ||
	    !get_loc(ld, o, "attr_loc", &fn->attr_loc) ||
	    !get_array(ld, o, "vars", &vars) || !get_array(ld, o, "expansions", &xs))
		return false;
	json_array_foreach(vars, i, item) {
		size_t old = push(ld, ".vars[%zu]", i);
		bool ok = load_var(ld, item, fn);

		pop(ld, old);
		if (!ok)
			return false;
	}
	if (json_object_get(o, "body")) {
		size_t old = push(ld, ".body");
		bool ok = load_stmt(ld, json_object_get(o, "body"), &fn->body);

		pop(ld, old);
		if (!ok)
			return false;
	}
	json_array_foreach(xs, i, item) {
		size_t old = push(ld, ".expansions[%zu]", i);
		const char *macro;
		struct tdx_loc loc;
		bool ok = want_object(ld, item) && get_str(ld, item, "macro", &macro) &&
			  get_loc(ld, item, "loc", &loc);

		if (ok && !macro)
			ok = fail(ld, "macro", "missing");
		if (ok)
			tdx_expansion_add(ld->tu, fn, macro, loc);
		pop(ld, old);
		if (!ok)
			return false;
	}
	return true;
}

static bool load_call(struct loader *ld, json_t *o)
{
	json_t *args, *item, *caller;
	struct tdx_call *c;
	const char *callee;
	long long idx;
	size_t i;
	int ci;

	if (!want_object(ld, o) || !get_str(ld, o, "callee", &callee))
		return false;
	caller = json_object_get(o, "caller");
	if (json_is_string(caller)) {
		idx = tdx_function_index(ld->tu, json_string_value(caller));
		if (idx < 0)
			return fail(ld, "caller", "no such function");
	} else if (!get_int(ld, o, "caller", 0, (long long)ld->tu->nr_funcs - 1, -1, &idx)) {
		return false;
	} else if (idx < 0) {
		return fail(ld, "caller", "missing");
	}
	/* Not calls[tdx_call_add()]: the append may move the array. */
	ci = tdx_call_add(ld->tu, (int)idx, NULL);
	c = ld->tu->calls[ci];
	c->callee = callee;
	if (!get_str(ld, o, "via", &c->via) || !get_loc(ld, o, "loc", &c->loc) ||
	    !get_str(ld, o, "macro", &c->macro) ||
	    !get_bool(ld, o, "result_used", &c->result_used) ||
	    !get_bool(ld, o, "void_cast", &c->void_cast) ||
	    !get_bool(ld, o, "returns_void", &c->returns_void) ||
	    !get_array(ld, o, "args", &args))
		return false;
	json_array_foreach(args, i, item) {
		size_t old = push(ld, ".args[%zu]", i);
		const char *name;
		int kind;
		bool ok = want_object(ld, item) &&
			  get_enum(ld, item, "kind", arg_names, ARRAY_SIZE(arg_names),
				   TDX_ARG_OTHER, &kind) &&
			  get_str(ld, item, "name", &name);

		if (ok)
			tdx_arg_add(ld->tu, c, (enum tdx_arg_kind)kind, name);
		pop(ld, old);
		if (!ok)
			return false;
	}
	return true;
}

/* Every index into tu->calls must name a call: rules trust them. */
static bool check_call_index(struct loader *ld, int idx, const char *what)
{
	if (idx < -1 || (idx >= 0 && (size_t)idx >= ld->tu->nr_calls))
		return fail(ld, what, "call index out of range");
	return true;
}

static bool check_stmt(struct loader *ld, const struct tdx_stmt *s)
{
	size_t i;

	if (!s)
		return true;
	if (!check_call_index(ld, s->cond_call, "cond_call"))
		return false;
	for (i = 0; i < s->nr_calls; i++)
		if (!check_call_index(ld, s->calls[i], "calls"))
			return false;
	for (i = 0; i < s->nr_kids; i++)
		if (!check_stmt(ld, s->kids[i]))
			return false;
	return true;
}

static bool check_indexes(struct loader *ld)
{
	size_t f, v, k;

	for (f = 0; f < ld->tu->nr_funcs; f++) {
		const struct tdx_function *fn = ld->tu->funcs[f];
		size_t old = push(ld, "funcs[%zu]", f);

		for (v = 0; v < fn->nr_vars; v++) {
			for (k = 0; k < fn->vars[v]->nr_stores; k++)
				if (!check_call_index(ld, fn->vars[v]->stores[k]->call, "stores.call"))
					return false;
			for (k = 0; k < fn->vars[v]->nr_reads; k++)
				if (!check_call_index(ld, fn->vars[v]->reads[k]->call, "reads.call"))
					return false;
		}
		if (!check_stmt(ld, fn->body))
			return false;
		pop(ld, old);
	}
	return true;
}

struct tdx_tu *tdx_model_from_json(const char *text, char *err, size_t errlen)
{
	struct loader ld = { .err = err, .errlen = errlen };
	json_t *root, *funcs, *calls, *item;
	json_error_t jerr;
	char *main_file_bytes;
	size_t i;

	if (err && errlen)
		err[0] = '\0';
	root = json_loads(text ? text : "", JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		if (err && errlen)
			snprintf(err, errlen, "line %d, column %d: %s", jerr.line,
				 jerr.column, jerr.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		if (err && errlen)
			snprintf(err, errlen, "model: expected an object");
		json_decref(root);
		return NULL;
	}
	item = json_object_get(root, "main_file");
	if (!json_is_string(item)) {
		if (err && errlen)
			snprintf(err, errlen, "main_file: expected a string");
		json_decref(root);
		return NULL;
	}
	main_file_bytes = tdx_json_get_path(root, "main_file");
	if (!main_file_bytes) {
		if (err && errlen)
			snprintf(err, errlen, "main_file_bytes: expected bytes and %%XX escapes");
		json_decref(root);
		return NULL;
	}
	ld.tu = tdx_tu_new(main_file_bytes);
	free(main_file_bytes);
	if (!ld.failed && get_array(&ld, root, "funcs", &funcs)) {
		json_array_foreach(funcs, i, item) {
			size_t old = push(&ld, "funcs[%zu]", i);
			bool ok = load_function(&ld, item);

			pop(&ld, old);
			if (!ok)
				break;
		}
	}
	if (!ld.failed && get_array(&ld, root, "calls", &calls)) {
		json_array_foreach(calls, i, item) {
			size_t old = push(&ld, "calls[%zu]", i);
			bool ok = load_call(&ld, item);

			pop(&ld, old);
			if (!ok)
				break;
		}
	}
	if (!ld.failed)
		check_indexes(&ld);
	json_decref(root);
	if (ld.failed) {
		tdx_tu_free(ld.tu);
		return NULL;
	}
	return ld.tu;
}

struct tdx_tu *tdx_model_load_file(const char *path, char *err, size_t errlen)
{
	char *text = NULL, msg[256];
	size_t len = 0, cap = 0, n;
	struct tdx_tu *tu;
	FILE *f = fopen(path, "r");

	if (!f) {
		if (err && errlen)
			snprintf(err, errlen, "%s: cannot open", path);
		return NULL;
	}
	do {
		if (len + 4096 + 1 > cap) {
			char *grown;

			cap = 2 * (len + 4096 + 1);
			grown = realloc(text, cap);
			if (!grown) {
				free(text);
				fclose(f);
				if (err && errlen)
					snprintf(err, errlen, "%s: out of memory", path);
				return NULL;
			}
			text = grown;
		}
		n = fread(text + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	fclose(f);
	text[len] = '\0';
	tu = tdx_model_from_json(text, msg, sizeof(msg));
	free(text);
	if (!tu && err && errlen)
		snprintf(err, errlen, "%s: %s", path, msg);
	return tu;
}
