// SPDX-License-Identifier: GPL-2.0
/*
 * clang's AST, as libclang shows it, translated into the model: the same
 * facts, in the same order, as the GCC plugin (plugin/build_model.c) reads
 * from GENERIC, so that both front ends give the rules the same unit.
 *
 * Where the two compilers' trees differ, this file follows what GCC's C
 * front end makes of the source, because that is what the model means:
 *  - calls are numbered in the order GCC walks them (a call before its
 *    arguments; a for loop's init, then its step, then its condition);
 *  - a compound statement without declarations is no block of its own (GCC
 *    keeps a statement list, or the one statement), except as a body;
 *  - labels are statements of their own, followed by what they label;
 *  - do { } while (0) is its body, not a loop;
 *  - constant expressions (-EIO, TDX_SUCCESS) are folded, so a macro that
 *    only gives a constant leaves no expansion behind.
 * Braces, keywords, the else, ';' and spelled attributes are read from the
 * file's tokens (tokens.c) at the positions the AST gives.
 *
 * libclang 14 gives no operator of a unary or binary expression: see
 * operators.c.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_model.h"
#include "locs.h"
#include "operators.h"
#include "tokens.h"
#include "xalloc.h"

/*
 * How deep statements and expressions may nest: the plugin, in cc1, takes
 * 60,000 ifs; main.c gives the parse, this walk and the rules a stack sized
 * for this depth.
 */
#define MAX_NESTING		100000

static CXTranslationUnit ctu;
static struct tdx_tu *tu;

/* ---- cursors ---- */

struct kids {
	CXCursor *v;
	size_t nr, cap;
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (k->nr == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 8;
		k->v = realloc(k->v, k->cap * sizeof(*k->v));
		if (!k->v) {
			fprintf(stderr, "tdxcheck-clang: out of memory\n");
			exit(2);
		}
	}
	k->v[k->nr++] = c;
	return CXChildVisit_Continue;
}

/* The children of c that are expressions or statements (not type refs). */
static struct kids kids_of(CXCursor c)
{
	struct kids all = { 0 }, out = { 0 };
	size_t i;

	clang_visitChildren(c, collect, &all);
	for (i = 0; i < all.nr; i++) {
		enum CXCursorKind k = clang_getCursorKind(all.v[i]);

		if (clang_isExpression(k) || clang_isStatement(k) || clang_isDeclaration(k))
			collect(all.v[i], c, &out);
	}
	free(all.v);
	return out;
}

static void kids_free(struct kids *k)
{
	free(k->v);
	k->v = NULL;
	k->nr = k->cap = 0;
}

static enum CXCursorKind kind_of(CXCursor c)
{
	return clang_getCursorKind(c);
}

static CXCursor null_cursor(void)
{
	return clang_getNullCursor();
}

static bool is_null(CXCursor c)
{
	return clang_Cursor_isNull(c);
}

/* The only expression child of c, or a null cursor. */
static CXCursor only_kid(CXCursor c)
{
	struct kids k = kids_of(c);
	CXCursor r = k.nr == 1 ? k.v[0] : null_cursor();

	kids_free(&k);
	return r;
}

static CXCursor last_kid(CXCursor c)
{
	struct kids k = kids_of(c);
	CXCursor r = k.nr ? k.v[k.nr - 1] : null_cursor();

	kids_free(&k);
	return r;
}

/* Through implicit conversions and parentheses: what GCC never sees. */
static CXCursor strip_implicit(CXCursor c)
{
	while (!is_null(c) && (kind_of(c) == CXCursor_UnexposedExpr ||
			       kind_of(c) == CXCursor_ParenExpr)) {
		CXCursor k = only_kid(c);

		if (is_null(k))
			break;
		c = k;
	}
	return c;
}

/* Through casts too: GCC's strip_conversions. */
static CXCursor strip_conversions(CXCursor c)
{
	for (;;) {
		c = strip_implicit(c);
		if (is_null(c) || kind_of(c) != CXCursor_CStyleCastExpr)
			return c;
		c = last_kid(c);
	}
}

static char *spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *p = clang_getCString(s);
	char *r = p && *p ? strdup(p) : NULL;

	clang_disposeString(s);
	return r;
}

static CXCursor referenced(CXCursor c)
{
	return clang_getCursorReferenced(c);
}

/* ---- locations and tokens ---- */

/* A location: a token of a file, or a libclang location (then its expansion point). */
struct xloc {
	CXSourceLocation cl;
	struct tok_file *f;
	long tok;
};

static struct xloc xloc_of(CXCursor c)
{
	struct xloc x = { clang_getCursorLocation(c), NULL, -1 };

	return x;
}

static bool xloc_in_macro(struct xloc x)
{
	return x.tok < 0 && loc_in_macro(x.cl);
}

static struct tdx_loc xloc_model(struct xloc x)
{
	return x.tok >= 0 ? loc_tok(x.f, x.tok) : loc_model(x.cl);
}

/* The token at which c begins, when it is written in a file (not a macro body). */
static bool begin_tok(CXCursor c, struct tok_file **f, long *tok)
{
	struct fpos p;

	*f = NULL;
	*tok = -1;
	if (loc_in_macro(clang_getCursorLocation(c)) ||
	    !loc_written(clang_getRangeStart(clang_getCursorExtent(c)), &p))
		return false;
	*f = p.f;
	*tok = tok_index(p.f, p.off);
	return *tok >= 0;
}

/* The first token after c's extent, in c's file; c must not come from a macro. */
static long tok_after(CXCursor c, struct tok_file *f)
{
	CXFile file = NULL;
	unsigned int off = 0;

	clang_getFileLocation(clang_getRangeEnd(clang_getCursorExtent(c)), &file, NULL, NULL,
			      &off);
	if (!file || !clang_File_isEqual(file, f->file))
		return -1;
	return (long)tok_at_or_after(f, off) < (long)f->nr ? (long)tok_at_or_after(f, off) : -1;
}

static void tok_text(const struct tok_file *f, long i, char *buf, size_t size)
{
	size_t n = f->v[i].end - f->v[i].off;

	if (n >= size)
		n = size - 1;
	memcpy(buf, f->text + f->v[i].off, n);
	buf[n] = '\0';
}

/*
 * The operator of a binary expression, and where it is written: from the
 * expression (operators.c), else the token after the left operand.
 */
static void binary_op(CXCursor c, char *op, size_t size, struct xloc *where)
{
	struct kids k;
	struct tok_file *f;
	const char *name;
	bool postfix;
	long t0;

	op[0] = '\0';
	*where = xloc_of(c);
	if (ops_read(c, &name, &postfix, &where->cl)) {
		snprintf(op, size, "%s", name);
		return;
	}
	k = kids_of(c);
	if (k.nr && begin_tok(c, &f, &t0)) {
		long t = tok_after(k.v[0], f);

		if (t >= 0 && f->v[t].kind == CXToken_Punctuation) {
			tok_text(f, t, op, size);
			where->f = f;
			where->tok = t;
		}
	}
	kids_free(&k);
}

/* The operator of a unary expression; *postfix for x++ and x--. */
static void unary_op(CXCursor c, char *op, size_t size, bool *postfix, struct xloc *where)
{
	struct tok_file *f;
	const char *name;
	long t;

	op[0] = '\0';
	*postfix = false;
	*where = xloc_of(c);
	if (ops_read(c, &name, postfix, &where->cl)) {
		snprintf(op, size, "%s", name);
		return;
	}
	if (!begin_tok(c, &f, &t))
		return;
	if (f->v[t].kind == CXToken_Punctuation || f->v[t].kind == CXToken_Keyword) {
		tok_text(f, t, op, size);
	} else {
		long after = tok_after(c, f);

		t = after >= 0 ? tok_step(f, after, -1) : -1;
		if (t < 0)
			return;
		tok_text(f, t, op, size);
		*postfix = true;
	}
	where->f = f;
	where->tok = t;
}

static bool is_comparison(const char *op)
{
	return !strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") ||
	       !strcmp(op, ">") || !strcmp(op, "<=") || !strcmp(op, ">=");
}

/* ---- types ---- */

struct field_names {
	const char **v;
	size_t nr, cap;
};

static enum CXVisitorResult add_field(CXCursor c, CXClientData data);

static void collect_fields(CXType rec, struct field_names *out)
{
	clang_Type_visitFields(rec, add_field, out);
}

static enum CXVisitorResult add_field(CXCursor c, CXClientData data)
{
	struct field_names *out = data;
	char *name = spelling(c);

	if (!name || clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(
			     clang_getCanonicalType(clang_getCursorType(c))))) {
		CXType sub = clang_getCanonicalType(clang_getCursorType(c));

		/* an anonymous struct or union: its members are ours */
		if (sub.kind == CXType_Record && clang_Cursor_isAnonymous(
			    clang_getTypeDeclaration(sub))) {
			free(name);
			collect_fields(sub, out);
			return CXVisit_Continue;
		}
	}
	if (!name)
		return CXVisit_Continue;
	if (out->nr == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 8;
		out->v = realloc(out->v, out->cap * sizeof(*out->v));
		if (!out->v) {
			fprintf(stderr, "tdxcheck-clang: out of memory\n");
			exit(2);
		}
	}
	out->v[out->nr++] = tdx_str(tu, name);
	free(name);
	return CXVisit_Continue;
}

static void set_struct(struct tdx_type *ty, CXType rec)
{
	CXCursor decl = clang_getTypeDeclaration(rec);
	struct field_names names = { 0 };

	if (!clang_Cursor_isAnonymous(decl)) {
		char *tag = spelling(decl);

		ty->struct_tag = tdx_str(tu, tag);
		free(tag);
	}
	if (clang_Type_getSizeOf(rec) == CXTypeLayoutError_Incomplete)
		return;
	collect_fields(rec, &names);
	tdx_type_set_fields(tu, ty, names.v, names.nr);
	free(names.v);
}

static bool is_scalar(enum CXTypeKind k)
{
	return (k >= CXType_Bool && k <= CXType_Float128) || k == CXType_Enum ||
	       k == CXType_Half || k == CXType_Float16 || k == CXType_Ibm128;
}

static void set_type(struct tdx_type *ty, CXType type)
{
	CXType t = clang_getCanonicalType(type);

	if (is_scalar(t.kind)) {
		ty->class = TDX_TYPE_SCALAR;
	} else if (t.kind == CXType_Pointer) {
		CXType to = clang_getCanonicalType(clang_getPointeeType(t));

		if (to.kind == CXType_Record) {
			ty->class = TDX_TYPE_STRUCT_PTR;
			set_struct(ty, to);
		} else if (to.kind == CXType_FunctionProto || to.kind == CXType_FunctionNoProto) {
			ty->class = TDX_TYPE_FUNC_PTR;
		} else {
			ty->class = TDX_TYPE_POINTER;
		}
	} else if (t.kind == CXType_Record) {
		ty->class = TDX_TYPE_STRUCT;
		set_struct(ty, t);
	} else {
		ty->class = TDX_TYPE_OTHER;
	}
}

/* ---- spelled attributes ---- */

/* enum tdx_unused_spelling bits of the tokens [from, to) of f. */
static unsigned int unused_spelling(const struct tok_file *f, long from, long to)
{
	unsigned int bits = TDX_UNUSED_NONE;
	long attr_end = -1, i;

	for (i = from; i >= 0 && i < to; i = tok_step(f, i, 1)) {
		if (f->v[i].kind != CXToken_Identifier && f->v[i].kind != CXToken_Keyword)
			continue;
		if (tok_is(f, i, "__always_unused"))
			bits |= TDX_UNUSED_ALWAYS;
		else if (tok_is(f, i, "__maybe_unused"))
			bits |= TDX_UNUSED_MAYBE;
		else if (tok_is(f, i, "__attribute__") || tok_is(f, i, "__attribute"))
			attr_end = tok_match(f, tok_step(f, i, 1));
		else if ((tok_is(f, i, "unused") || tok_is(f, i, "__unused__")) && i < attr_end)
			bits |= TDX_UNUSED_ATTR;
	}
	return bits;
}

static bool tok_punct(const struct tok_file *f, long i, char ch)
{
	return i >= 0 && f->v[i].kind == CXToken_Punctuation &&
	       f->v[i].end - f->v[i].off == 1 && f->text[f->v[i].off] == ch;
}

/*
 * A function declaration whose name is token name: the tokens from the
 * start of the declaration (after the previous ';', '{' or '}' outside
 * brackets) to the name, and after the parameter list up to ';', '{', '='
 * or ','.
 */
static unsigned int function_unused(const struct tok_file *f, long name)
{
	unsigned int bits;
	long i, from = 0, p;
	int depth = 0;

	for (i = tok_step(f, name, -1); i >= 0; i = tok_step(f, i, -1)) {
		if (tok_punct(f, i, ')') || tok_punct(f, i, ']')) {
			depth++;
		} else if (tok_punct(f, i, '(') || tok_punct(f, i, '[')) {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (tok_punct(f, i, ';') || tok_punct(f, i, '{') ||
					  tok_punct(f, i, '}'))) {
			break;
		}
	}
	from = i < 0 ? 0 : tok_step(f, i, 1);
	bits = unused_spelling(f, from, name);
	p = tok_step(f, name, 1);
	if (!tok_punct(f, p, '('))
		return bits;
	p = tok_match(f, p);
	if (p < 0)
		return bits;
	depth = 0;
	for (i = tok_step(f, p, 1); i >= 0; i = tok_step(f, i, 1)) {
		if (tok_punct(f, i, '(') || tok_punct(f, i, '['))
			depth++;
		else if ((tok_punct(f, i, ')') || tok_punct(f, i, ']')) && depth > 0)
			depth--;
		else if (depth == 0 && (tok_punct(f, i, ';') || tok_punct(f, i, '{') ||
					tok_punct(f, i, '=') || tok_punct(f, i, ',')))
			break;
	}
	return bits | unused_spelling(f, tok_step(f, p, 1), i < 0 ? (long)f->nr : i);
}

/* From token i, step to the ',' or unmatched bracket that ends one parameter. */
static long param_edge(const struct tok_file *f, long i, int step)
{
	int depth = 0;

	for (; i >= 0; i = tok_step(f, i, step)) {
		bool open = tok_punct(f, i, '(') || tok_punct(f, i, '[');
		bool close = tok_punct(f, i, ')') || tok_punct(f, i, ']');

		if (step < 0 ? close : open) {
			depth++;
		} else if (step < 0 ? open : close) {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && tok_punct(f, i, ',')) {
			break;
		}
	}
	return i;
}

static unsigned int param_unused(const struct tok_file *f, long name)
{
	long from = param_edge(f, tok_step(f, name, -1), -1);
	long to = param_edge(f, name, 1);

	return unused_spelling(f, from < 0 ? 0 : tok_step(f, from, 1),
			       to < 0 ? (long)f->nr : to);
}

/* The token of a declaration's name, when written in a file. */
static bool name_tok(CXCursor decl, struct tok_file **f, long *tok)
{
	struct fpos p;

	*f = NULL;
	*tok = -1;
	if (loc_in_macro(clang_getCursorLocation(decl)) ||
	    !loc_written(clang_getCursorLocation(decl), &p))
		return false;
	*f = p.f;
	*tok = tok_index(p.f, p.off);
	return *tok >= 0;
}

/* ---- functions and variables ---- */

struct var_ref {
	CXCursor decl;
	struct tdx_var *var;
};

/* The function being translated. */
struct fn_ctx {
	struct tdx_function *fn;
	int fn_idx;
	struct var_ref *vars;
	size_t nr_vars, cap_vars;
	struct tdx_stmt *stmt;		/* receives the calls being walked */
	bool skip_for_init;		/* the next for loop's init is a statement already */
	struct { struct tok_file *f; unsigned int off; } *points;
	size_t nr_points, cap_points;	/* expansion points seen */
	int depth;			/* translate() and walk_expr() calls open */
};

static void add_var_ref(struct fn_ctx *c, CXCursor decl, struct tdx_var *var)
{
	if (c->nr_vars == c->cap_vars) {
		c->cap_vars = c->cap_vars ? 2 * c->cap_vars : 16;
		c->vars = realloc(c->vars, c->cap_vars * sizeof(*c->vars));
		if (!c->vars) {
			fprintf(stderr, "tdxcheck-clang: out of memory\n");
			exit(2);
		}
	}
	c->vars[c->nr_vars].decl = decl;
	c->vars[c->nr_vars++].var = var;
}

static struct tdx_var *var_of(struct fn_ctx *c, CXCursor ref)
{
	CXCursor decl;
	size_t i;

	if (is_null(ref) || kind_of(ref) != CXCursor_DeclRefExpr)
		return NULL;
	decl = referenced(ref);
	if (kind_of(decl) != CXCursor_VarDecl && kind_of(decl) != CXCursor_ParmDecl)
		return NULL;
	for (i = c->nr_vars; i-- > 0;)
		if (clang_equalCursors(c->vars[i].decl, decl))
			return c->vars[i].var;
	return NULL;
}

static struct tdx_var *add_param(struct tdx_function *fn, CXCursor parm)
{
	char *name = spelling(parm);
	struct tdx_var *var = tdx_var_add(tu, fn, name, true);
	struct tok_file *f;
	long t;

	free(name);
	set_type(&var->type, clang_getCursorType(parm));
	var->loc = loc_model(clang_getCursorLocation(parm));
	if (name_tok(parm, &f, &t))
		var->spelled_unused = param_unused(f, t);
	return var;
}

static void add_params(struct tdx_function *fn, CXCursor decl, struct fn_ctx *c)
{
	int i, n = clang_Cursor_getNumArguments(decl);

	for (i = 0; i < n; i++) {
		CXCursor p = clang_Cursor_getArgument(decl, (unsigned int)i);
		struct tdx_var *var = add_param(fn, p);

		if (c)
			add_var_ref(c, p, var);
	}
}

static bool returns_void(CXCursor decl)
{
	return clang_getCanonicalType(clang_getCursorResultType(decl)).kind == CXType_Void;
}

/*
 * A builtin used without a declaration (GCC's DECL_IS_UNDECLARED_BUILTIN):
 * clang declares it implicitly at its first use, so only its name tells.
 */
static bool undeclared_builtin(CXCursor decl)
{
	static const char *const prefixes[] = { "__builtin_", "__sync_", "__atomic_" };
	CXString name = clang_getCursorSpelling(decl);
	const char *s = clang_getCString(name);
	bool builtin = false;
	size_t i;

	for (i = 0; s && i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		builtin |= !strncmp(s, prefixes[i], strlen(prefixes[i]));
	clang_disposeString(name);
	return builtin;
}

/*
 * always_inline, semantically: libclang 14 exposes it only as an
 * UnexposedAttr whose tokens lie in the __always_inline macro's definition,
 * but prints it in a declaration's terse pretty-printed form.  Attributes
 * inherited from an earlier declaration are not printed, so every
 * declaration is asked and the answers ORed, as GCC's merged list does.
 */
static void note_always_inline(struct tdx_function *fn, CXCursor decl)
{
	CXPrintingPolicy policy;
	CXString s;
	const char *p;

	if (fn->always_inline || !clang_Cursor_hasAttrs(decl))
		return;
	policy = clang_getCursorPrintingPolicy(decl);
	clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
	s = clang_getCursorPrettyPrinted(decl, policy);
	p = clang_getCString(s);
	fn->always_inline = p && strstr(p, "__attribute__((always_inline))");
	clang_disposeString(s);
	clang_PrintingPolicy_dispose(policy);
}

/* The model's function for a FunctionDecl, created as a declaration. */
static struct tdx_function *fn_for_decl(CXCursor decl)
{
	struct tdx_function *fn;
	char *name;

	if (kind_of(decl) != CXCursor_FunctionDecl || undeclared_builtin(decl))
		return NULL;
	name = spelling(decl);
	if (!name)
		return NULL;
	if (tdx_function_index(tu, name) >= 0) {
		fn = tdx_function_get(tu, name);
		free(name);
		return fn;
	}
	fn = tdx_function_get(tu, name);
	free(name);
	fn->loc = loc_model(clang_getCursorLocation(decl));
	fn->is_static = clang_getCursorLinkage(decl) == CXLinkage_Internal;
	fn->returns_void = returns_void(decl);
	note_always_inline(fn, decl);
	add_params(fn, decl, NULL);
	return fn;
}

static void note_spelled_unused(struct tdx_function *fn, CXCursor decl)
{
	struct tok_file *f;
	long t;
	unsigned int bits;

	if (!name_tok(decl, &f, &t))
		return;
	bits = function_unused(f, t);
	if (!bits)
		return;
	if (!fn->spelled_unused)
		fn->attr_loc = loc_model(clang_getCursorLocation(decl));
	fn->spelled_unused |= bits;
}

static void mark_address_taken(CXCursor decl)
{
	struct tdx_function *fn = fn_for_decl(decl);

	if (fn)
		fn->address_taken = true;
}

static struct tdx_var *add_local(struct fn_ctx *c, CXCursor decl)
{
	struct tdx_var *var;
	char *name;
	size_t i;

	if (kind_of(decl) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(decl) == CX_SC_Extern)
		return NULL;
	for (i = 0; i < c->nr_vars; i++)
		if (clang_equalCursors(c->vars[i].decl, decl))
			return c->vars[i].var;
	name = spelling(decl);
	if (!name)
		return NULL;
	var = tdx_var_add(tu, c->fn, name, false);
	free(name);
	var->loc = loc_model(clang_getCursorLocation(decl));
	var->is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
	set_type(&var->type, clang_getCursorType(decl));
	add_var_ref(c, decl, var);
	return var;
}

/* The variables a compound statement declares (GCC's BIND_EXPR_VARS). */
static bool add_block_vars(struct fn_ctx *c, CXCursor block)
{
	struct kids k = kids_of(block);
	bool any = false;
	size_t i, j;

	for (i = 0; i < k.nr; i++) {
		struct kids d;
		CXCursor s = k.v[i];

		/* a label's statement is in the block too */
		while (kind_of(s) == CXCursor_LabelStmt)
			s = last_kid(s);
		if (kind_of(s) != CXCursor_DeclStmt)
			continue;
		d = kids_of(s);
		for (j = 0; j < d.nr; j++) {
			if (kind_of(d.v[j]) == CXCursor_VarDecl) {
				add_local(c, d.v[j]);
				any = true;
			}
		}
		kids_free(&d);
	}
	kids_free(&k);
	return any;
}

/* ---- expressions ---- */

/*
 * constant_expr() of every operator node, remembered: the walk asks it of
 * each node of an expression and it looks at the whole subtree, which for a
 * chain a + b + c + ... is quadratic without.  Open addressing on the
 * expression a cursor stands for (data[1]; clang_hashCursor() hashes only
 * the enclosing declaration, one value for a whole function body).  An empty
 * slot is kind 0, which no cursor has; the unit's cursors outlive the table.
 */
struct const_memo {
	CXCursor *keys;
	bool *values;
	size_t cap, nr;
};

static struct const_memo const_memo;

static size_t cursor_hash(CXCursor c)
{
	uintptr_t h = (uintptr_t)c.data[1] ^ ((uintptr_t)c.kind << 3);

	h ^= h >> 17;
	h *= (uintptr_t)0x9e3779b97f4a7c15ULL;
	return (size_t)(h ^ h >> 29);
}

static bool same_cursor(CXCursor a, CXCursor b)
{
	return a.kind == b.kind && a.data[0] == b.data[0] && a.data[1] == b.data[1];
}

static bool *memo_slot(CXCursor c, bool *found)
{
	struct const_memo *m = &const_memo;
	size_t i;

	if (2 * (m->nr + 1) > m->cap) {
		struct const_memo grown = { NULL, NULL, m->cap ? 2 * m->cap : 1024, 0 };

		grown.keys = tdx_xcalloc(grown.cap, sizeof(*grown.keys));
		grown.values = tdx_xcalloc(grown.cap, sizeof(*grown.values));
		for (i = 0; i < m->cap; i++) {
			size_t j = cursor_hash(m->keys[i]) & (grown.cap - 1);

			if (!m->keys[i].kind)
				continue;
			while (grown.keys[j].kind)
				j = (j + 1) & (grown.cap - 1);
			grown.keys[j] = m->keys[i];
			grown.values[j] = m->values[i];
			grown.nr++;
		}
		free(m->keys);
		free(m->values);
		*m = grown;
	}
	for (i = cursor_hash(c) & (m->cap - 1); m->keys[i].kind;
	     i = (i + 1) & (m->cap - 1)) {
		if (same_cursor(m->keys[i], c)) {
			*found = true;
			return &m->values[i];
		}
	}
	*found = false;
	m->keys[i] = c;
	m->nr++;
	return &m->values[i];
}

static bool constant_expr_of(CXCursor c, enum CXCursorKind k);

/*
 * An expression that GCC folds to a constant leaves no location, so no
 * macro expansion, behind.
 */
static bool constant_expr(CXCursor c)
{
	enum CXCursorKind k = kind_of(c);
	bool found, *slot;

	switch (k) {
	case CXCursor_UnaryOperator:
	case CXCursor_BinaryOperator:
	case CXCursor_ConditionalOperator:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr:
		break;
	default:
		return constant_expr_of(c, k);	/* a leaf: no subtree to remember */
	}
	slot = memo_slot(c, &found);
	if (!found) {
		bool v = constant_expr_of(c, k);

		/* the table may have grown during the recursion */
		slot = memo_slot(c, &found);
		*slot = v;
	}
	return *slot;
}

static bool constant_expr_of(CXCursor c, enum CXCursorKind k)
{
	struct kids kids;
	bool all = true;
	size_t i;

	switch (k) {
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_UnaryExpr:	/* sizeof, alignof */
		return true;
	case CXCursor_DeclRefExpr:
		return kind_of(referenced(c)) == CXCursor_EnumConstantDecl;
	case CXCursor_CallExpr:
	case CXCursor_StmtExpr:
	case CXCursor_CompoundAssignOperator:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_InitListExpr:
	case CXCursor_CompoundLiteralExpr:
		return false;
	case CXCursor_UnaryOperator:
	case CXCursor_BinaryOperator:
	case CXCursor_ConditionalOperator:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr:
		break;
	default:
		return false;
	}
	kids = kids_of(c);
	if (!kids.nr)
		all = false;
	for (i = 0; i < kids.nr && all; i++)
		all = constant_expr(kids.v[i]);
	kids_free(&kids);
	if (all && k == CXCursor_BinaryOperator) {
		char op[16];
		struct xloc w;

		binary_op(c, op, sizeof(op), &w);
		all = strcmp(op, "=") != 0;
	}
	if (all && k == CXCursor_UnaryOperator) {
		char op[16];
		bool post;
		struct xloc w;

		unary_op(c, op, sizeof(op), &post, &w);
		all = strcmp(op, "++") && strcmp(op, "--") && strcmp(op, "&") &&
		      strcmp(op, "*");
	}
	return all;
}

static void note_expansion(struct fn_ctx *c, struct xloc x)
{
	const char *name;
	struct fpos p;
	size_t i;

	if (!xloc_in_macro(x))
		return;
	name = loc_outer_macro(x.cl);
	p = loc_point(x.cl);
	if (!name || !p.f)
		return;
	for (i = 0; i < c->nr_points; i++)
		if (c->points[i].f == p.f && c->points[i].off == p.off)
			return;
	if (c->nr_points == c->cap_points) {
		c->cap_points = c->cap_points ? 2 * c->cap_points : 16;
		c->points = realloc(c->points, c->cap_points * sizeof(*c->points));
		if (!c->points) {
			fprintf(stderr, "tdxcheck-clang: out of memory\n");
			exit(2);
		}
	}
	c->points[c->nr_points].f = p.f;
	c->points[c->nr_points++].off = p.off;
	tdx_expansion_add(tu, c->fn, name, loc_model(x.cl));
}

static const char *outer_macro_of(CXCursor value)
{
	value = strip_implicit(value);
	/* GCC's constants carry no location, so no macro */
	if (is_null(value) || constant_expr(value))
		return NULL;
	return loc_outer_macro(clang_getCursorLocation(value));
}

static int walk_expr(struct fn_ctx *c, CXCursor t, bool used, int argof, struct xloc ploc);
static void walk_stmt_expr(struct fn_ctx *c, CXCursor s, bool used, struct xloc ploc);

/* A store to lhs at loc; the right-hand side (if any) gave call index call. */
static void record_store(struct fn_ctx *c, CXCursor lhs, struct xloc loc, CXCursor rhs,
			 int call, bool is_init)
{
	char *field = NULL;
	struct tdx_store *st;
	struct tdx_var *var;
	CXCursor base = strip_implicit(lhs);

	for (;;) {
		enum CXCursorKind k = kind_of(base);

		if (k == CXCursor_MemberRefExpr) {
			CXCursor obj = only_kid(base);

			/* p->f: the store is through p, not to a local */
			if (is_null(obj) ||
			    clang_getCanonicalType(clang_getCursorType(obj)).kind == CXType_Pointer)
				break;
			free(field);
			field = spelling(base);
			base = strip_implicit(obj);
		} else if (k == CXCursor_ArraySubscriptExpr) {
			struct kids ak = kids_of(base);

			if (ak.nr == 2) {
				walk_expr(c, ak.v[1], true, -1, loc);
				if (!field)
					field = strdup("[]");
				base = strip_implicit(ak.v[0]);
			}
			kids_free(&ak);
			if (!field)
				break;
			/* p[i] = x is *(p + i) = x: a read of p, no store to a local */
			if (clang_getCanonicalType(clang_getCursorType(base)).kind ==
			    CXType_Pointer) {
				walk_expr(c, base, true, -1, loc);
				free(field);
				return;
			}
		} else {
			break;
		}
	}
	var = var_of(c, base);
	if (!var) {
		walk_expr(c, base, true, -1, loc);
		free(field);
		return;
	}
	st = tdx_store_add(tu, var);
	st->loc = xloc_model(loc);
	st->field = tdx_str(tu, field);
	st->is_init = is_init;
	st->call = call;
	st->macro = is_null(rhs) ? NULL : tdx_str(tu, outer_macro_of(rhs));
	free(field);
}

static void walk_addr(struct fn_ctx *c, CXCursor op, struct xloc loc)
{
	op = strip_implicit(op);
	for (;;) {
		enum CXCursorKind k = kind_of(op);

		if (k == CXCursor_MemberRefExpr) {
			CXCursor obj = only_kid(op);

			if (is_null(obj))
				return;
			if (clang_getCanonicalType(clang_getCursorType(obj)).kind ==
			    CXType_Pointer) {
				walk_expr(c, obj, true, -1, loc);
				return;
			}
			op = strip_implicit(obj);
		} else if (k == CXCursor_ArraySubscriptExpr) {
			struct kids ak = kids_of(op);

			if (ak.nr != 2) {
				kids_free(&ak);
				return;
			}
			walk_expr(c, ak.v[1], true, -1, loc);
			op = strip_implicit(ak.v[0]);
			kids_free(&ak);
			if (clang_getCanonicalType(clang_getCursorType(op)).kind ==
			    CXType_Pointer) {
				walk_expr(c, op, true, -1, loc);
				return;
			}
		} else {
			break;
		}
	}
	if (kind_of(op) == CXCursor_DeclRefExpr) {
		CXCursor d = referenced(op);

		if (kind_of(d) == CXCursor_FunctionDecl) {
			mark_address_taken(d);
		} else {
			struct tdx_var *var = var_of(c, op);

			if (var)
				var->address_taken = true;
		}
		return;
	}
	walk_expr(c, op, true, -1, loc);
}

static bool is_address_of(CXCursor c, CXCursor *operand)
{
	char op[16];
	bool post;
	struct xloc w;

	if (kind_of(c) != CXCursor_UnaryOperator)
		return false;
	unary_op(c, op, sizeof(op), &post, &w);
	if (strcmp(op, "&"))
		return false;
	*operand = strip_implicit(only_kid(c));
	return !is_null(*operand);
}

static void classify_arg(struct fn_ctx *c, struct tdx_call *call, CXCursor arg)
{
	CXCursor s = strip_conversions(arg), op;
	enum tdx_arg_kind kind = TDX_ARG_OTHER;
	char *name = NULL;

	if (kind_of(s) == CXCursor_IntegerLiteral) {
		CXEvalResult r = clang_Cursor_Evaluate(s);

		if (r && clang_EvalResult_getKind(r) == CXEval_Int &&
		    clang_EvalResult_getAsLongLong(r) == 0)
			kind = TDX_ARG_NULL;
		if (r)
			clang_EvalResult_dispose(r);
	} else if (kind_of(s) == CXCursor_DeclRefExpr &&
		   kind_of(referenced(s)) == CXCursor_FunctionDecl) {
		kind = TDX_ARG_FUNC;
		name = spelling(referenced(s));
	} else if (kind_of(s) == CXCursor_DeclRefExpr &&
		   kind_of(referenced(s)) == CXCursor_ParmDecl && var_of(c, s)) {
		kind = TDX_ARG_PARAM;
		name = spelling(referenced(s));
	} else if (is_address_of(s, &op) && kind_of(op) == CXCursor_DeclRefExpr) {
		if (kind_of(referenced(op)) == CXCursor_FunctionDecl) {
			kind = TDX_ARG_FUNC;
			name = spelling(referenced(op));
		} else if (var_of(c, op)) {
			kind = TDX_ARG_ADDR_LOCAL;
			name = spelling(referenced(op));
		}
	}
	tdx_arg_add(tu, call, kind, name);
	free(name);
}

static int walk_call(struct fn_ctx *c, CXCursor t, bool used)
{
	struct kids k = kids_of(t);
	CXCursor fnexpr = k.nr ? k.v[0] : null_cursor(), target = strip_conversions(fnexpr);
	char *callee = NULL, *via = NULL;
	struct xloc loc = xloc_of(t);
	struct tdx_call *call;
	int idx, i, n;

	if (kind_of(target) == CXCursor_DeclRefExpr &&
	    kind_of(referenced(target)) == CXCursor_FunctionDecl) {
		callee = spelling(referenced(target));
		fn_for_decl(referenced(target));
	} else if (!is_null(target)) {
		CXCursor p = target;
		char op[16];
		bool post;
		struct xloc w;

		if (kind_of(p) == CXCursor_UnaryOperator) {
			unary_op(p, op, sizeof(op), &post, &w);
			if (!strcmp(op, "*"))
				p = strip_conversions(only_kid(p));
		}
		if (kind_of(p) == CXCursor_MemberRefExpr)
			via = spelling(p);
		else if (kind_of(p) == CXCursor_DeclRefExpr)
			via = spelling(referenced(p));
	}
	note_expansion(c, loc);
	idx = tdx_call_add(tu, c->fn_idx, callee);
	call = tu->calls[idx];
	call->via = tdx_str(tu, via);
	call->loc = xloc_model(loc);
	call->macro = tdx_str(tu, loc_outer_macro(loc.cl));
	call->result_used = used;
	call->returns_void = clang_getCanonicalType(clang_getCursorType(t)).kind == CXType_Void;
	if (c->stmt)
		tdx_stmt_add_call(tu, c->stmt, idx);
	if (!callee && !is_null(fnexpr))
		walk_expr(c, fnexpr, true, -1, loc);
	n = clang_Cursor_getNumArguments(t);
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(t, (unsigned int)i);

		classify_arg(c, call, arg);
		walk_expr(c, arg, true, idx, loc);
	}
	free(callee);
	free(via);
	kids_free(&k);
	return idx;
}

/*
 * libclang 14 shows a variable's initialiser only as a child expression,
 * among typeof() and array size expressions: the initialiser is the last one
 * after the name (raw locations grow in the order of the tokens, inside a
 * macro expansion too), and for an array a braced list or a string.
 */
static CXCursor initializer(CXCursor decl)
{
	struct kids k = kids_of(decl);
	unsigned int name = clang_getCursorLocation(decl).int_data;
	CXCursor init = null_cursor();
	size_t i;

	for (i = 0; i < k.nr; i++)
		if (clang_isExpression(kind_of(k.v[i])) &&
		    clang_getCursorLocation(k.v[i]).int_data > name)
			init = k.v[i];
	kids_free(&k);
	if (!is_null(init) &&
	    clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_ConstantArray &&
	    kind_of(init) != CXCursor_InitListExpr && kind_of(init) != CXCursor_StringLiteral)
		return null_cursor();
	return init;
}

static void walk_decl(struct fn_ctx *c, CXCursor decl, struct xloc loc)
{
	CXCursor init;

	if (kind_of(decl) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(decl) == CX_SC_Extern)
		return;
	add_local(c, decl);
	init = initializer(decl);
	if (is_null(init))
		return;
	{
		struct xloc dl = xloc_of(decl);
		int call = walk_expr(c, init, true, -1, loc);
		struct tdx_var *var = NULL;
		struct tdx_store *st;
		size_t j;

		for (j = 0; j < c->nr_vars; j++)
			if (clang_equalCursors(c->vars[j].decl, decl))
				var = c->vars[j].var;
		if (!var)
			return;
		st = tdx_store_add(tu, var);
		st->loc = xloc_model(dl);
		st->is_init = true;
		st->call = call;
		st->macro = tdx_str(tu, outer_macro_of(init));
	}
}

static void walk_decl_stmt(struct fn_ctx *c, CXCursor s, struct xloc loc)
{
	struct kids k = kids_of(s);
	size_t i;

	for (i = 0; i < k.nr; i++)
		walk_decl(c, k.v[i], loc);
	kids_free(&k);
}

/* Every child, as operands: used, not an argument. */
static void walk_kids(struct fn_ctx *c, CXCursor t, struct xloc loc)
{
	struct kids k = kids_of(t);
	size_t i;

	for (i = 0; i < k.nr; i++)
		walk_expr(c, k.v[i], true, -1, loc);
	kids_free(&k);
}

/* The operand lists of an asm statement: outputs are stores. */
static void walk_asm(struct fn_ctx *c, CXCursor t, struct xloc loc)
{
	struct kids k = kids_of(t);
	int nr_out = ops_asm_outputs(t);
	struct tok_file *f;
	long i, first;
	size_t j, e = 0;

	if (nr_out < 0 && begin_tok(t, &f, &first)) {
		/* the operands between the first and the second ':' */
		long open = tok_step(f, first, 1), close;
		int depth = 0, colons = 0;

		while (tok_is(f, open, "volatile") || tok_is(f, open, "__volatile__") ||
		       tok_is(f, open, "goto") || tok_is(f, open, "inline"))
			open = tok_step(f, open, 1);
		close = tok_match(f, open);
		nr_out = 0;
		for (i = tok_step(f, open, 1); i >= 0 && i < close && colons < 2;
		     i = tok_step(f, i, 1)) {
			if (tok_punct(f, i, '(') || tok_punct(f, i, '['))
				depth++;
			else if (tok_punct(f, i, ')') || tok_punct(f, i, ']'))
				depth--;
			else if (depth == 0 && tok_punct(f, i, ':'))
				colons++;
			else if (depth == 0 && colons == 1 && f->v[i].kind == CXToken_Literal &&
				 f->text[f->v[i].off] == '"')
				nr_out++;
		}
	}
	for (j = 0; j < k.nr; j++) {
		if (!clang_isExpression(kind_of(k.v[j])))
			continue;
		if ((int)e++ < nr_out)
			record_store(c, k.v[j], loc, null_cursor(), -1, false);
		else
			walk_expr(c, k.v[j], true, -1, loc);
	}
	kids_free(&k);
}

/*
 * Walk an expression (or, inside a statement expression, a statement) for
 * calls, stores, reads and macro expansions.  used: its value is used.
 * argof: it is a direct argument of that call.  Returns the index of the
 * call t is (through conversions), else -1.
 */
static int walk_expr_at(struct fn_ctx *c, CXCursor t, bool used, int argof, struct xloc ploc)
{
	enum CXCursorKind k;
	struct xloc loc = ploc;

	if (is_null(t))
		return -1;
	k = kind_of(t);
	switch (k) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = referenced(t);
		struct tdx_var *var;

		if (kind_of(d) == CXCursor_FunctionDecl) {
			mark_address_taken(d);
			return -1;
		}
		var = var_of(c, t);
		if (var) {
			struct tdx_read *rd = tdx_read_add(tu, var);

			rd->loc = xloc_model(loc);
			rd->call = argof;
		}
		return -1;
	}
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_UnaryExpr:	/* sizeof and alignof are folded */
		return -1;
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr: {
		struct kids kk = kids_of(t);
		int r = -1;
		size_t i;

		if (kk.nr == 1)
			r = walk_expr(c, kk.v[0], used, argof, loc);
		else
			for (i = 0; i < kk.nr; i++)
				walk_expr(c, kk.v[i], true, -1, loc);
		kids_free(&kk);
		return r;
	}
	case CXCursor_CStyleCastExpr:
		if (!constant_expr(t))
			note_expansion(c, xloc_of(t));
		if (clang_getCanonicalType(clang_getCursorType(t)).kind == CXType_Void) {
			CXCursor v = last_kid(t);
			CXEvalResult r = is_null(v) ? NULL : clang_Cursor_Evaluate(v);

			int call;

			used = false;	/* (void)f(): the value is dropped */
			if (r) {
				/* (void)(&a == &b) in typecheck(): GCC folds it away */
				clang_EvalResult_dispose(r);
				return -1;
			}
			call = walk_expr(c, last_kid(t), used, argof, loc);
			if (call >= 0)
				tu->calls[call]->void_cast = true;
			return call;
		}
		return walk_expr(c, last_kid(t), used, argof, loc);
	case CXCursor_CallExpr:
		return walk_call(c, t, used);
	case CXCursor_BinaryOperator: {
		struct kids kk = kids_of(t);
		char op[16];
		int r = -1;

		binary_op(t, op, sizeof(op), &loc);
		if (!constant_expr(t))
			note_expansion(c, loc);
		if (kk.nr != 2) {
			walk_kids(c, t, loc);
		} else if (!strcmp(op, "=")) {
			int call = walk_expr(c, kk.v[1], true, -1, loc);

			record_store(c, kk.v[0], loc, kk.v[1], call, false);
		} else if (!strcmp(op, ",")) {
			walk_expr(c, kk.v[0], false, -1, loc);
			r = walk_expr(c, kk.v[1], used, argof, loc);
		} else {
			walk_expr(c, kk.v[0], true, -1, loc);
			walk_expr(c, kk.v[1], true, -1, loc);
		}
		kids_free(&kk);
		return r;
	}
	case CXCursor_CompoundAssignOperator: {
		struct kids kk = kids_of(t);
		char op[16];

		binary_op(t, op, sizeof(op), &loc);
		note_expansion(c, loc);
		if (kk.nr == 2) {
			/* GCC: lhs = lhs OP rhs */
			walk_expr(c, kk.v[0], true, -1, loc);
			walk_expr(c, kk.v[1], true, -1, loc);
			record_store(c, kk.v[0], loc, null_cursor(), -1, false);
		}
		kids_free(&kk);
		return -1;
	}
	case CXCursor_UnaryOperator: {
		char op[16];
		bool post;
		CXCursor operand = only_kid(t);

		unary_op(t, op, sizeof(op), &post, &loc);
		if (!constant_expr(t))
			note_expansion(c, loc);
		if (!strcmp(op, "&")) {
			walk_addr(c, operand, loc);
		} else if (!strcmp(op, "++") || !strcmp(op, "--")) {
			walk_expr(c, operand, true, -1, loc);
			record_store(c, operand, loc, null_cursor(), -1, false);
		} else if (!strcmp(op, "__extension__")) {
			return walk_expr(c, operand, used, argof, loc);
		} else {
			walk_expr(c, operand, true, -1, loc);
		}
		return -1;
	}
	case CXCursor_ConditionalOperator: {
		struct kids kk = kids_of(t);
		size_t i;

		if (!constant_expr(t))
			note_expansion(c, xloc_of(t));
		for (i = 0; i < kk.nr; i++)
			walk_expr(c, kk.v[i], i == 0 || used, -1, loc);
		kids_free(&kk);
		return -1;
	}
	case CXCursor_MemberRefExpr: {
		CXCursor obj = only_kid(t);
		bool arrow = !is_null(obj) &&
			clang_getCanonicalType(clang_getCursorType(obj)).kind == CXType_Pointer;

		loc = xloc_of(t);
		note_expansion(c, loc);
		walk_expr(c, obj, true, arrow ? -1 : argof, loc);
		return -1;
	}
	case CXCursor_ArraySubscriptExpr:
		note_expansion(c, xloc_of(t));
		walk_kids(c, t, loc);
		return -1;
	case CXCursor_StmtExpr: {
		CXCursor body = only_kid(t);

		note_expansion(c, xloc_of(t));
		if (!is_null(body))
			walk_stmt_expr(c, body, used, loc);
		return -1;
	}
	case CXCursor_DeclStmt:
		walk_decl_stmt(c, t, loc);
		return -1;
	case CXCursor_CompoundStmt:
		walk_stmt_expr(c, t, false, loc);
		return -1;
	case CXCursor_GCCAsmStmt:
		walk_asm(c, t, loc);
		return -1;
	case CXCursor_LabelStmt:
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		/* the labelled statement */
		return walk_expr(c, last_kid(t), false, -1, loc);
	case CXCursor_IfStmt: {
		struct kids kk = kids_of(t);
		size_t i;

		for (i = 0; i < kk.nr; i++)
			walk_expr(c, kk.v[i], i == 0, -1, loc);
		kids_free(&kk);
		return -1;
	}
	case CXCursor_ForStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_SwitchStmt:
	case CXCursor_ReturnStmt:
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
		walk_kids(c, t, loc);
		return -1;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
	case CXCursor_NullStmt:
		return -1;
	case CXCursor_TypeRef:
		return -1;
	default:
		break;
	}
	if (!constant_expr(t))
		note_expansion(c, xloc_of(t));
	walk_kids(c, t, loc);
	return -1;
}

/* A statement expression's block: its variables, then its statements. */
static void walk_stmt_expr(struct fn_ctx *c, CXCursor s, bool used, struct xloc ploc)
{
	struct kids k;
	size_t i;

	if (kind_of(s) != CXCursor_CompoundStmt) {
		walk_expr(c, s, used, -1, ploc);
		return;
	}
	add_block_vars(c, s);
	k = kids_of(s);
	/* GCC keeps the last value in a temporary, used or not */
	(void)used;
	for (i = 0; i < k.nr; i++)
		walk_expr(c, k.v[i], i + 1 == k.nr && clang_isExpression(kind_of(k.v[i])), -1,
			  ploc);
	kids_free(&k);
}

/* ---- statements ---- */

/* Where a statement ends in the text: a token of a file. */
struct send {
	struct tok_file *f;
	long tok;
};

static struct tdx_stmt *translate(struct fn_ctx *c, CXCursor t, struct tok_file *sf,
				  long start, struct send *end);
static struct xloc gcc_expr_loc(CXCursor t);
static struct tdx_stmt *simple_stmt(struct fn_ctx *c, enum tdx_stmt_kind kind, struct xloc x,
				    CXCursor t, struct tok_file *sf, long start,
				    struct send *end);

static struct tdx_stmt *stmt_at(struct fn_ctx *c, enum tdx_stmt_kind kind, struct xloc x)
{
	struct tdx_stmt *st = tdx_stmt_new(tu, kind);

	st->from_macro = xloc_in_macro(x);
	st->loc = xloc_model(x);
	st->last_line = st->loc.line;
	note_expansion(c, x);
	return st;
}

static void stmt_move(struct tdx_stmt *st, struct tok_file *f, long tok)
{
	if (f && tok >= 0 && !st->from_macro)
		st->loc = loc_tok(f, tok);
}

static void set_end(struct tdx_stmt *st, struct send *end, struct tok_file *f, long tok)
{
	end->f = f;
	end->tok = tok;
	if (f && tok >= 0) {
		unsigned int line = f->v[tok].line;

		if (line > st->last_line || !st->from_macro)
			st->last_line = line;
	}
}

static void no_end(struct send *end)
{
	end->f = NULL;
	end->tok = -1;
}

/* The first token after the ')' that closes the header opened at paren. */
static long body_after_header(struct tok_file *f, long paren)
{
	if (!f || !tok_punct(f, paren, '('))
		return -1;
	paren = tok_match(f, paren);
	return paren < 0 ? -1 : tok_step(f, paren, 1);
}

/*
 * The statements of a compound statement, as kids of st (labels flattened);
 * *end: where the last one ends.
 */
static void add_block_kids(struct fn_ctx *c, struct tdx_stmt *st, CXCursor block, bool take_loc,
			   struct send *end)
{
	struct kids k = kids_of(block);
	struct send kid_end;
	size_t i;

	no_end(end);
	for (i = 0; i < k.nr; i++) {
		CXCursor s = k.v[i];
		struct tdx_stmt *kid;

		while (kind_of(s) == CXCursor_LabelStmt) {
			tdx_stmt_add_kid(tu, st, stmt_at(c, TDX_STMT_OTHER, xloc_of(s)));
			s = last_kid(s);
		}
		kid = translate(c, s, NULL, -1, &kid_end);
		if (!kid)
			continue;
		*end = kid_end;
		if (!st->nr_kids && take_loc)
			st->loc = kid->loc;
		tdx_stmt_add_kid(tu, st, kid);
		if (kid->last_line > st->last_line && kid->loc.file == st->loc.file)
			st->last_line = kid->last_line;
	}
	kids_free(&k);
}

/*
 * A compound statement that is not a body.  GCC keeps a block (with its
 * braces) only when it declares variables; otherwise its statements, or
 * the one statement.
 */
static struct tdx_stmt *translate_block(struct fn_ctx *c, CXCursor t, struct send *end)
{
	bool decls = add_block_vars(c, t);
	struct tok_file *f;
	long open;
	struct tdx_stmt *st;
	struct send kid_end;

	no_end(end);
	if (decls) {
		st = stmt_at(c, TDX_STMT_BLOCK, xloc_of(t));
		if (begin_tok(t, &f, &open) && tok_punct(f, open, '{')) {
			st->braced = true;
			add_block_kids(c, st, t, false, &kid_end);
			set_end(st, end, f, tok_match(f, open));
			return st;
		}
		add_block_kids(c, st, t, false, end);
		return st;
	}
	st = tdx_stmt_new(tu, TDX_STMT_BLOCK);
	add_block_kids(c, st, t, true, end);
	if (!st->nr_kids)
		return NULL;
	if (st->nr_kids == 1)
		return st->kids[0];
	return st;
}

/*
 * The body of if/else/for/while/do starting at token start of f (-1 when
 * unknown): braced when the text there is '{'.
 */
static struct tdx_stmt *translate_body(struct fn_ctx *c, CXCursor t, struct tok_file *f,
				       long start, struct send *end)
{
	struct tdx_stmt *st;

	no_end(end);
	if (f && start >= 0 && tok_punct(f, start, '{') &&
	    kind_of(t) == CXCursor_CompoundStmt) {
		add_block_vars(c, t);
		struct send kid_end;

		st = tdx_stmt_new(tu, TDX_STMT_BLOCK);
		add_block_kids(c, st, t, false, &kid_end);
		st->braced = true;
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, tok_match(f, start));
		return st;
	}
	st = translate(c, t, f, start, end);
	if (st && f && start >= 0 && !st->from_macro &&
	    (st->kind == TDX_STMT_EXPR || st->kind == TDX_STMT_RETURN ||
	     st->kind == TDX_STMT_BREAK || st->kind == TDX_STMT_CONTINUE ||
	     st->kind == TDX_STMT_GOTO)) {
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, tok_stmt_end(f, start));
	}
	if (!st) {
		/* an empty statement ';' */
		st = tdx_stmt_new(tu, TDX_STMT_OTHER);
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		if (f && start >= 0)
			set_end(st, end, f, start);
	}
	return st;
}

static const char *cond_var(struct fn_ctx *c, CXCursor cond)
{
	CXCursor t = strip_conversions(cond);
	struct tdx_var *var = NULL;
	char op[16];
	bool post;
	struct xloc w;

	if (kind_of(t) == CXCursor_UnaryOperator) {
		unary_op(t, op, sizeof(op), &post, &w);
		if (!strcmp(op, "!"))
			t = strip_conversions(only_kid(t));
	}
	if (kind_of(t) == CXCursor_BinaryOperator) {
		binary_op(t, op, sizeof(op), &w);
		if (is_comparison(op)) {
			struct kids k = kids_of(t);

			if (k.nr == 2) {
				var = var_of(c, strip_conversions(k.v[0]));
				if (!var)
					var = var_of(c, strip_conversions(k.v[1]));
			}
			kids_free(&k);
		}
	} else {
		var = var_of(c, t);
	}
	return var ? var->name : NULL;
}

/* Does t leave the loop it is the body of: break (not a nested one), return, goto? */
static bool leaves(CXCursor t, bool nested)
{
	enum CXCursorKind k = kind_of(t);
	struct kids kk;
	bool r = false;
	size_t i;

	switch (k) {
	case CXCursor_BreakStmt:
		return !nested;
	case CXCursor_ReturnStmt:
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
		return true;
	case CXCursor_ForStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_SwitchStmt:
		nested = true;
		break;
	default:
		break;
	}
	kk = kids_of(t);
	for (i = 0; i < kk.nr && !r; i++)
		r = leaves(kk.v[i], nested);
	kids_free(&kk);
	return r;
}

static bool int_constant(CXCursor cond, long long *value)
{
	CXCursor s = strip_conversions(cond);
	CXEvalResult r;
	bool ok = false;

	if (!constant_expr(s))
		return false;
	r = clang_Cursor_Evaluate(s);
	if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
		*value = clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	if (r)
		clang_EvalResult_dispose(r);
	return ok;
}

static bool constant_true(CXCursor cond)
{
	long long v;

	return is_null(cond) || (int_constant(cond, &v) && v != 0);
}

static struct tdx_stmt *translate_if(struct fn_ctx *c, CXCursor t, struct send *end)
{
	struct kids k = kids_of(t);
	struct tdx_stmt *st = stmt_at(c, TDX_STMT_IF, xloc_of(t));
	struct tdx_stmt *then_st, *else_st = NULL;
	struct tok_file *f = NULL;
	struct send then_end, else_end;
	long kw = -1, body = -1;
	CXCursor cond, then_c, else_c = null_cursor();
	size_t n = k.nr;

	no_end(end);
	if (n < 2) {
		kids_free(&k);
		return st;
	}
	/* C has neither init statements nor condition variables: cond, then, [else] */
	cond = k.v[0];
	then_c = k.v[1];
	if (n >= 3)
		else_c = k.v[2];
	if (begin_tok(t, &f, &kw) && tok_is(f, kw, "if"))
		body = body_after_header(f, tok_step(f, kw, 1));
	if (body < 0)
		f = NULL;
	else
		stmt_move(st, f, kw);
	c->stmt = st;
	st->cond_call = walk_expr(c, cond, true, -1, xloc_of(cond));
	/* GCC tests a call's value against 0 unless it is a _Bool already */
	if (st->cond_call >= 0 &&
	    clang_getCanonicalType(clang_getCursorType(strip_implicit(cond))).kind != CXType_Bool)
		st->cond_call = -1;
	st->cond_var = cond_var(c, cond);
	c->stmt = NULL;
	then_st = translate_body(c, then_c, f, body, &then_end);
	tdx_stmt_add_kid(tu, st, then_st);
	set_end(st, end, then_end.f, then_end.tok);
	if (!is_null(else_c)) {
		long else_kw, else_body = -1;

		if (f && then_end.f == f && then_end.tok >= 0) {
			else_kw = tok_step(f, then_end.tok, 1);
			if (tok_is(f, else_kw, "else")) {
				st->else_loc = loc_tok(f, else_kw);
				else_body = tok_step(f, else_kw, 1);
			}
		}
		else_st = translate_body(c, else_c, else_body >= 0 ? f : NULL, else_body,
					 &else_end);
		set_end(st, end, else_end.f, else_end.tok);
	}
	tdx_stmt_add_kid(tu, st, else_st);
	kids_free(&k);
	return st;
}

/*
 * A loop from a macro (for_each_cpu(cpu, mask) body): the body written
 * after the invocation starts after its ')'.
 */
static struct tok_file *loop_macro_body(CXCursor loop, CXCursor body, long *body_tok)
{
	struct fpos p;
	long i;

	*body_tok = -1;
	if (!loc_in_macro(clang_getCursorLocation(loop)) ||
	    loc_in_macro(clang_getCursorLocation(body)))
		return NULL;
	p = loc_point(clang_getCursorLocation(loop));
	if (!p.f)
		return NULL;
	i = tok_index(p.f, p.off);
	if (i < 0)
		return NULL;
	*body_tok = body_after_header(p.f, tok_step(p.f, i, 1));
	return *body_tok >= 0 ? p.f : NULL;
}

/* The statement of a macro invocation ends at the ';' after it. */
static void end_at_invocation(struct tdx_stmt *st, struct send *end, CXCursor t)
{
	struct fpos p = loc_point(clang_getCursorLocation(t));

	if (p.f) {
		long i = tok_index(p.f, p.off);

		if (i >= 0)
			set_end(st, end, p.f, tok_stmt_end(p.f, i));
	}
}

/*
 * libclang gives a for loop only the parts that are there: tell them apart
 * by their place between the header's two ';'.
 */
static void for_parts(CXCursor t, const struct kids *kk, CXCursor *init, CXCursor *cond,
		      CXCursor *inc)
{
	long semi1 = -1, semi2 = -1, close = -1, kw = -1;
	struct tok_file *f = NULL;
	size_t i;

	*init = *cond = *inc = null_cursor();
	if (begin_tok(t, &f, &kw) && tok_is(f, kw, "for")) {
		long open = tok_step(f, kw, 1), j;
		int depth = 0;

		close = tok_match(f, open);
		for (j = tok_step(f, open, 1); j >= 0 && j < close; j = tok_step(f, j, 1)) {
			if (tok_punct(f, j, '(') || tok_punct(f, j, '[') || tok_punct(f, j, '{'))
				depth++;
			else if (tok_punct(f, j, ')') || tok_punct(f, j, ']') ||
				 tok_punct(f, j, '}'))
				depth--;
			else if (depth == 0 && tok_punct(f, j, ';'))
				semi1 < 0 ? (semi1 = j) : (semi2 = j);
		}
	}
	for (i = 0; i + 1 < kk->nr; i++) {
		struct tok_file *pf;
		long pt;
		long pos = begin_tok(kk->v[i], &pf, &pt) && pf == f ? pt : -1;

		if (semi1 >= 0 && semi2 >= 0 && pos >= 0) {
			if (pos < semi1)
				*init = kk->v[i];
			else if (pos < semi2)
				*cond = kk->v[i];
			else
				*inc = kk->v[i];
		} else if (kk->nr == 4) {
			*(i == 0 ? init : i == 1 ? cond : inc) = kk->v[i];
		} else if (i == 0 && kk->nr == 2) {
			*cond = kk->v[i];	/* a guess: for (; cond; ) */
		}
	}
}

static struct tdx_stmt *translate_loop(struct fn_ctx *c, CXCursor t, struct send *end)
{
	enum CXCursorKind k = kind_of(t);
	struct kids kk = kids_of(t);
	struct tok_file *f = NULL;
	struct tdx_stmt *st, *body_st, *init_st = NULL;
	struct send body_end;
	CXCursor cond = null_cursor(), body, init = null_cursor(), inc = null_cursor();
	long kw = -1, body_tok = -1;
	bool have_kw;

	no_end(end);
	if (!kk.nr) {
		kids_free(&kk);
		return NULL;
	}
	have_kw = begin_tok(t, &f, &kw);
	if (k == CXCursor_ForStmt) {
		body = kk.v[kk.nr - 1];
		for_parts(t, &kk, &init, &cond, &inc);
		if (have_kw && tok_is(f, kw, "for"))
			body_tok = body_after_header(f, tok_step(f, kw, 1));
		else
			kw = -1;
	} else if (k == CXCursor_WhileStmt) {
		cond = kk.v[0];
		body = kk.v[kk.nr - 1];
		if (have_kw && tok_is(f, kw, "while"))
			body_tok = body_after_header(f, tok_step(f, kw, 1));
		else
			kw = -1;
	} else {
		body = kk.v[0];
		cond = kk.nr > 1 ? kk.v[kk.nr - 1] : null_cursor();
		if (have_kw && tok_is(f, kw, "do"))
			body_tok = tok_step(f, kw, 1);
		else
			kw = -1;
		{
			long long v;

			if (int_constant(cond, &v) && v == 0) {
				/* do { } while (0) runs once: a block, not a loop */
				note_expansion(c, xloc_of(t));
				kids_free(&kk);
				if (kw < 0)
					return translate(c, body, NULL, -1, end);
				return translate_body(c, body, f, body_tok, end);
			}
		}
	}
	if (kw < 0)
		f = loop_macro_body(t, body, &body_tok);
	if (k == CXCursor_ForStmt && !is_null(init) && c->skip_for_init) {
		c->skip_for_init = false;
	} else if (k == CXCursor_ForStmt && !is_null(init)) {
		/* GCC puts 'for (i = 0;' before the loop: its calls come first */
		init_st = tdx_stmt_new(tu, TDX_STMT_EXPR);
		c->stmt = init_st;
		walk_expr(c, init, false, -1, xloc_of(init));
		c->stmt = NULL;
	}
	st = stmt_at(c, k == CXCursor_ForStmt ? TDX_STMT_FOR :
		     k == CXCursor_WhileStmt ? TDX_STMT_WHILE : TDX_STMT_DO, xloc_of(t));
	stmt_move(st, f, kw);
	c->stmt = st;
	if (!is_null(inc))
		walk_expr(c, inc, false, -1, xloc_of(inc));
	if (!is_null(cond))
		walk_expr(c, cond, true, -1, xloc_of(cond));
	st->cond_var = is_null(cond) ? NULL : cond_var(c, cond);
	c->stmt = NULL;
	if (init_st) {
		size_t j;

		for (j = 0; j < init_st->nr_calls; j++)
			tdx_stmt_add_call(tu, st, init_st->calls[j]);
	}
	st->never_exits = constant_true(cond) && !leaves(body, false);
	body_st = translate_body(c, body, f, body_tok, &body_end);
	tdx_stmt_add_kid(tu, st, body_st);
	set_end(st, end, body_end.f, body_end.tok);
	if (k == CXCursor_DoStmt && body_end.f && body_end.tok >= 0) {
		/* do body while (cond); */
		struct tok_file *bf = body_end.f;
		long w = tok_step(bf, body_end.tok, 1);

		if (tok_is(bf, w, "while")) {
			long paren = tok_step(bf, w, 1);
			long semi = tok_step(bf, tok_match(bf, paren), 1);

			if (tok_punct(bf, semi, ';'))
				set_end(st, end, bf, semi);
		}
	}
	if (st->from_macro && end->tok < 0)
		end_at_invocation(st, end, t);
	kids_free(&kk);
	return st;
}

static struct tdx_stmt *translate_switch(struct fn_ctx *c, CXCursor t, struct send *end)
{
	struct kids k = kids_of(t), body_kids = { 0 };
	struct tdx_stmt *st = stmt_at(c, TDX_STMT_SWITCH, xloc_of(t));
	struct tdx_stmt *arm = NULL;
	struct tok_file *f;
	struct send kid_end;
	CXCursor cond, body;
	long kw;
	size_t i;

	no_end(end);
	if (k.nr < 2) {
		kids_free(&k);
		return st;
	}
	cond = k.v[k.nr - 2];
	body = k.v[k.nr - 1];
	if (begin_tok(t, &f, &kw) && tok_is(f, kw, "switch")) {
		long open = body_after_header(f, tok_step(f, kw, 1));

		if (tok_punct(f, open, '{'))
			set_end(st, end, f, tok_match(f, open));
	}
	c->stmt = st;
	st->cond_call = walk_expr(c, cond, true, -1, xloc_of(cond));
	st->cond_var = cond_var(c, cond);
	c->stmt = NULL;
	if (kind_of(body) == CXCursor_CompoundStmt) {
		add_block_vars(c, body);
		body_kids = kids_of(body);
	} else {
		collect(body, t, &body_kids);
	}
	for (i = 0; i < body_kids.nr; i++) {
		CXCursor s = body_kids.v[i];
		struct tdx_stmt *kid;

		for (;;) {
			enum CXCursorKind sk = kind_of(s);

			if (sk == CXCursor_CaseStmt || sk == CXCursor_DefaultStmt) {
				if (!arm || arm->nr_kids) {
					arm = stmt_at(c, TDX_STMT_CASE, xloc_of(s));
					tdx_stmt_add_kid(tu, st, arm);
				}
				if (sk == CXCursor_DefaultStmt)
					arm->is_default = true;
			} else if (sk == CXCursor_LabelStmt && arm) {
				tdx_stmt_add_kid(tu, arm, stmt_at(c, TDX_STMT_OTHER, xloc_of(s)));
			} else {
				break;
			}
			s = last_kid(s);
		}
		if (!arm) {
			walk_expr(c, s, false, -1, xloc_of(s));	/* unreachable */
			continue;
		}
		if (kind_of(s) == CXCursor_ForStmt) {
			/* in an arm, GCC's 'for (i = 0;' stays a statement before the loop */
			struct kids fk = kids_of(s);
			CXCursor init, fc, fi;

			for_parts(s, &fk, &init, &fc, &fi);
			if (!is_null(init) && kind_of(init) != CXCursor_DeclStmt) {
				kid = simple_stmt(c, TDX_STMT_EXPR, gcc_expr_loc(init), init, NULL, -1,
						  &kid_end);
				c->stmt = kid;
				walk_expr(c, init, false, -1, xloc_of(init));
				c->stmt = NULL;
				tdx_stmt_add_kid(tu, arm, kid);
				c->skip_for_init = true;
			}
			kids_free(&fk);
		}
		kid = translate(c, s, NULL, -1, &kid_end);
		if (!kid)
			continue;
		tdx_stmt_add_kid(tu, arm, kid);
		if (kid->last_line > arm->last_line)
			arm->last_line = kid->last_line;
	}
	kids_free(&body_kids);
	if (st->from_macro && end->tok < 0)
		end_at_invocation(st, end, t);
	kids_free(&k);
	return st;
}

/*
 * A simple statement (expression, return, break, ...) at x: its first token
 * is start when known, else the one the AST gives; it ends at its ';'.
 */
static struct tdx_stmt *simple_stmt(struct fn_ctx *c, enum tdx_stmt_kind kind, struct xloc x,
				    CXCursor t, struct tok_file *sf, long start,
				    struct send *end)
{
	struct tdx_stmt *st = stmt_at(c, kind, x);
	struct tok_file *f;
	long first;

	no_end(end);
	if (st->from_macro) {
		end_at_invocation(st, end, t);
		return st;
	}
	if (!begin_tok(t, &f, &first)) {
		struct fpos p;

		if (!loc_written(clang_getCursorLocation(t), &p))
			return st;
		f = p.f;
		first = tok_index(f, p.off);
		if (first < 0)
			return st;
	}
	if (start < 0 || sf != f)
		start = first;
	stmt_move(st, f, start);
	set_end(st, end, f, tok_stmt_end(f, start));
	return st;
}

/* a ? b : c: GCC's location is the '?', the token after the condition. */
static void question_loc(CXCursor t, struct xloc *x)
{
	struct kids k = kids_of(t);
	CXFile file = NULL;
	unsigned int off;

	if (k.nr == 3) {
		clang_getFileLocation(clang_getRangeEnd(clang_getCursorExtent(k.v[0])), &file,
				      NULL, NULL, &off);
		if (file) {
			struct tok_file *f = tok_file_get(ctu, file);
			long i = f ? (long)tok_at_or_after(f, off) : -1;

			if (f && i < (long)f->nr && tok_punct(f, i, '?')) {
				x->f = f;
				x->tok = i;
			}
		}
	}
	kids_free(&k);
}

/*
 * The location GCC gives a statement's expression: its operator or its
 * call; a constant or a variable has none in GENERIC, so the parser uses
 * its first token (which may come from a macro: "return TDX_ERROR;").
 */
static struct xloc gcc_expr_loc(CXCursor t)
{
	CXCursor s = strip_implicit(t);
	struct xloc x = xloc_of(s);
	enum CXCursorKind k = kind_of(s);
	char op[16];
	bool post;

	if (constant_expr(s) || k == CXCursor_DeclRefExpr)
		x.cl = clang_getRangeStart(clang_getCursorExtent(t));
	else if (k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator)
		binary_op(s, op, sizeof(op), &x);
	else if (k == CXCursor_UnaryOperator)
		unary_op(s, op, sizeof(op), &post, &x);
	else if (k == CXCursor_ConditionalOperator)
		question_loc(s, &x);
	return x;
}

/*
 * One statement.  start: the token of its first word in sf when the caller
 * knows it (an unbraced body), else -1.  NULL for what is no statement of
 * the model (a declaration without initialiser, an empty statement).
 */
static struct tdx_stmt *translate_at(struct fn_ctx *c, CXCursor t, struct tok_file *sf,
				     long start, struct send *end)
{
	struct tdx_stmt *st;
	enum CXCursorKind k = kind_of(t);

	no_end(end);
	if (is_null(t))
		return NULL;
	switch (k) {
	case CXCursor_CompoundStmt:
		return translate_block(c, t, end);
	case CXCursor_IfStmt:
		return translate_if(c, t, end);
	case CXCursor_ForStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
		return translate_loop(c, t, end);
	case CXCursor_SwitchStmt:
		return translate_switch(c, t, end);
	case CXCursor_ReturnStmt: {
		CXCursor value = only_kid(t);

		st = simple_stmt(c, TDX_STMT_RETURN,
				 is_null(value) ? xloc_of(t) : gcc_expr_loc(value), t, sf, start, end);
		c->stmt = st;
		if (!is_null(value))
			walk_expr(c, value, true, -1, xloc_of(value));
		c->stmt = NULL;
		return st;
	}
	case CXCursor_BreakStmt:
		return simple_stmt(c, TDX_STMT_BREAK, xloc_of(t), t, sf, start, end);
	case CXCursor_ContinueStmt:
		return simple_stmt(c, TDX_STMT_CONTINUE, xloc_of(t), t, sf, start, end);
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
		st = simple_stmt(c, TDX_STMT_GOTO, xloc_of(t), t, sf, start, end);
		c->stmt = st;
		walk_kids(c, t, xloc_of(t));
		c->stmt = NULL;
		return st;
	case CXCursor_NullStmt:
		return NULL;
	case CXCursor_LabelStmt:
		return stmt_at(c, TDX_STMT_OTHER, xloc_of(t));
	case CXCursor_GCCAsmStmt:
		st = simple_stmt(c, TDX_STMT_OTHER, xloc_of(t), t, sf, start, end);
		c->stmt = st;
		walk_asm(c, t, xloc_of(t));
		c->stmt = NULL;
		return st;
	case CXCursor_DeclStmt: {
		struct kids d = kids_of(t);
		struct tdx_stmt *last = NULL;
		size_t i;

		/* one statement per initialised automatic variable, as GCC's DECL_EXPRs */
		for (i = 0; i < d.nr; i++) {
			CXCursor decl = d.v[i];
			bool init;

			if (kind_of(decl) != CXCursor_VarDecl ||
			    clang_Cursor_getStorageClass(decl) == CX_SC_Static ||
			    clang_Cursor_getStorageClass(decl) == CX_SC_Extern) {
				walk_decl(c, decl, xloc_of(decl));
				continue;
			}
			init = !is_null(initializer(decl));
			if (!init) {
				add_local(c, decl);
				continue;
			}
			if (last)
				break;	/* the model keeps the first; rare */
			last = simple_stmt(c, TDX_STMT_EXPR, xloc_of(decl), t, sf, start, end);
			c->stmt = last;
			walk_decl(c, decl, xloc_of(decl));
			c->stmt = NULL;
		}
		for (; i < d.nr; i++) {
			c->stmt = last;
			walk_decl(c, d.v[i], xloc_of(d.v[i]));
			c->stmt = NULL;
		}
		kids_free(&d);
		return last;
	}
	default:
		break;
	}
	if (!clang_isExpression(k))
		return NULL;
	st = simple_stmt(c, TDX_STMT_EXPR, gcc_expr_loc(t), t, sf, start, end);
	c->stmt = st;
	walk_expr(c, t, false, -1, xloc_of(t));
	c->stmt = NULL;
	return st;
}

/*
 * The walk recurses once per level of statement or expression nesting (an
 * if in an if, a + b + c ...).  Past MAX_NESTING levels it stops with one
 * line rather than overflow the stack it was given (main.c).
 */
static void too_deep(CXCursor t)
{
	unsigned int line;

	clang_getSpellingLocation(clang_getCursorLocation(t), NULL, &line, NULL, NULL);
	fprintf(stderr, "tdxcheck-clang: %s:%u: nested more than %d levels deep; not checked\n",
		tu->main_file, line, MAX_NESTING);
	exit(2);
}

static int walk_expr(struct fn_ctx *c, CXCursor t, bool used, int argof, struct xloc ploc)
{
	int ret;

	if (++c->depth > MAX_NESTING)
		too_deep(t);
	ret = walk_expr_at(c, t, used, argof, ploc);
	c->depth--;
	return ret;
}

static struct tdx_stmt *translate(struct fn_ctx *c, CXCursor t, struct tok_file *sf,
				  long start, struct send *end)
{
	struct tdx_stmt *st;

	if (++c->depth > MAX_NESTING)
		too_deep(t);
	st = translate_at(c, t, sf, start, end);
	c->depth--;
	return st;
}

static void translate_function(CXCursor decl)
{
	struct tdx_function *fn = fn_for_decl(decl);
	struct fn_ctx c;
	struct send end;
	CXCursor body;

	if (!fn)
		return;
	body = last_kid(decl);
	if (is_null(body) || kind_of(body) != CXCursor_CompoundStmt)
		return;
	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.fn_idx = tdx_function_index(tu, fn->name);
	fn->is_definition = true;
	fn->loc = loc_model(clang_getCursorLocation(decl));
	fn->is_static = clang_getCursorLinkage(decl) == CXLinkage_Internal;
	fn->returns_void = returns_void(decl);
	/* The definition's parameters replace those of a prototype. */
	fn->vars = NULL;
	fn->nr_vars = fn->nr_params = 0;
	fn->expansions = NULL;
	fn->nr_expansions = 0;
	add_params(fn, decl, &c);
	note_spelled_unused(fn, decl);
	note_always_inline(fn, decl);
	{
		struct tok_file *f;
		long open;

		add_block_vars(&c, body);
		fn->body = stmt_at(&c, TDX_STMT_BLOCK, xloc_of(body));
		if (begin_tok(body, &f, &open) && tok_punct(f, open, '{')) {
			fn->body->braced = true;
			add_block_kids(&c, fn->body, body, false, &end);
			set_end(fn->body, &end, f, tok_match(f, open));
		} else {
			add_block_kids(&c, fn->body, body, false, &end);
		}
	}
	free(c.vars);
	free(c.points);
}

/* ---- the unit ---- */

static enum CXChildVisitResult find_fn_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	(void)data;
	if (kind_of(c) == CXCursor_DeclRefExpr &&
	    kind_of(referenced(c)) == CXCursor_FunctionDecl)
		mark_address_taken(referenced(c));
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent, CXClientData data)
{
	enum CXCursorKind k = kind_of(c);

	(void)parent;
	(void)data;
	if (k == CXCursor_FunctionDecl) {
		if (clang_isCursorDefinition(c)) {
			translate_function(c);
		} else {
			struct tdx_function *fn = fn_for_decl(c);

			if (fn) {
				note_spelled_unused(fn, c);
				note_always_inline(fn, c);
			}
		}
	} else if (k == CXCursor_VarDecl) {
		/* Functions in file-scope initialisers (ops tables) have their address taken. */
		clang_visitChildren(c, find_fn_refs, NULL);
	}
	return CXChildVisit_Continue;
}

struct tdx_tu *bm_build(CXTranslationUnit t, const char *main_file)
{
	free(const_memo.keys);
	free(const_memo.values);
	memset(&const_memo, 0, sizeof(const_memo));
	ctu = t;
	tu = tdx_tu_new(main_file);
	locs_start(t, tu);
	clang_visitChildren(clang_getTranslationUnitCursor(t), top_level, NULL);
	return tu;
}
