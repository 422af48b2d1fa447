/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The neutral model of one translation unit.
 *
 * Front ends (the GCC plugin, libclang, a JSON dump) translate what a compiler
 * saw into this model; rules judge the model and nothing else.  The model
 * holds facts, not opinions: a front end records that a call's result is
 * dropped, never that a status is ignored.  Source facts that compiler trees
 * lose (braces, how an attribute was spelled, macro origin) are read from the
 * source by the front end and stored here as plain fields.
 *
 * All lines and columns are 1-based spelling positions in the file that the
 * user wrote; for code that comes from a macro expansion they are those of the
 * expansion point, so every engine reports the same line.
 *
 * Every object is allocated in the unit's arena and freed with the unit.
 * Arrays are arrays of pointers so that front ends may keep pointers while
 * they append.
 */
#ifndef TDXCHECK_MODEL_H
#define TDXCHECK_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tdx_loc {
	const char *file;	/* path as the compiler was given it */
	unsigned int line;
	unsigned int col;
	unsigned long handle;	/* the front end's own location (GCC location_t,
				 * clang offset): opaque to rules and reporters,
				 * kept so a front end can report through its
				 * own diagnostics; 0 when unknown */
};

/* How a declaration spells "unused" in its own source text. */
enum tdx_unused_spelling {
	TDX_UNUSED_NONE		= 0,
	TDX_UNUSED_ALWAYS	= 1 << 0,	/* __always_unused */
	TDX_UNUSED_MAYBE	= 1 << 1,	/* __maybe_unused */
	TDX_UNUSED_ATTR		= 1 << 2,	/* __attribute__((unused)) or ((__unused__)) */
};

enum tdx_type_class {
	TDX_TYPE_SCALAR,	/* integer, enum, bool, floating */
	TDX_TYPE_POINTER,	/* pointer to a non-struct, non-function type */
	TDX_TYPE_STRUCT_PTR,	/* pointer to a struct or union */
	TDX_TYPE_STRUCT,	/* a struct or union by value */
	TDX_TYPE_FUNC_PTR,	/* pointer to function */
	TDX_TYPE_OTHER,		/* arrays and anything else */
};

struct tdx_type {
	enum tdx_type_class class;
	const char *struct_tag;		/* STRUCT and STRUCT_PTR: the tag, or NULL */
	const char **fields;		/* STRUCT and STRUCT_PTR: field names in order */
	size_t nr_fields;
};

/* A write to a local variable or to one of its fields. */
struct tdx_store {
	struct tdx_loc loc;
	const char *field;	/* NULL: the whole object ("v = x", an initializer) */
	bool is_init;		/* the declaration's initializer */
	int call;		/* "v = f(...)": index in tu->calls, else -1 */
	const char *macro;	/* "v = get_cpu()": outermost macro of the value, else NULL */
};

/* A read of a variable's value (not its address, not a store to it). */
struct tdx_read {
	struct tdx_loc loc;
	int call;		/* the call it is a direct argument of, else -1 */
};

/* A parameter or a local variable of a function. */
struct tdx_var {
	const char *name;
	struct tdx_loc loc;		/* the name in the declaration */
	struct tdx_type type;
	bool is_param;
	bool is_static;			/* a local declared static */
	bool address_taken;		/* &v appears anywhere */
	unsigned int spelled_unused;	/* enum tdx_unused_spelling */
	struct tdx_store **stores;
	size_t nr_stores;
	struct tdx_read **reads;
	size_t nr_reads;
};

enum tdx_arg_kind {
	TDX_ARG_NULL,		/* a null pointer constant: NULL, 0, (void *)0 */
	TDX_ARG_ADDR_LOCAL,	/* &v for a local variable v of the caller: name = "v" */
	TDX_ARG_FUNC,		/* a function designator: name = the function */
	TDX_ARG_PARAM,		/* one of the caller's parameters, passed on by value
				 * (sc_retry(func, ...) inside a wrapper taking func):
				 * name = the parameter */
	TDX_ARG_OTHER,
};

struct tdx_arg {
	enum tdx_arg_kind kind;
	const char *name;
};

struct tdx_call {
	int caller;		/* index in tu->funcs */
	const char *callee;	/* direct callee; NULL for a call through a pointer */
	const char *via;	/* call through a pointer: the parameter or variable named */
	struct tdx_loc loc;	/* the callee's name (its expansion point in a macro) */
	const char *macro;	/* outermost macro the call was expanded from, or NULL */
	bool result_used;	/* the value is used: assigned, tested, returned, passed */
	bool void_cast;		/* the value is dropped by a cast to void written in
				 * the source: (void)f() */
	bool returns_void;
	struct tdx_arg **args;
	size_t nr_args;
};

/* An expansion of a function-like or object-like macro inside a body. */
struct tdx_expansion {
	const char *macro;	/* the outermost macro, as written in the source */
	struct tdx_loc loc;	/* its expansion point */
};

enum tdx_stmt_kind {
	TDX_STMT_BLOCK,		/* kids: the statements */
	TDX_STMT_IF,		/* kids[0]: then; kids[1]: else or NULL (nr_kids is 2) */
	TDX_STMT_SWITCH,	/* kids: TDX_STMT_CASE arms in source order */
	TDX_STMT_CASE,		/* one arm: its labels' statements up to the next arm */
	TDX_STMT_FOR,		/* kids[0]: body */
	TDX_STMT_WHILE,		/* kids[0]: body */
	TDX_STMT_DO,		/* kids[0]: body */
	TDX_STMT_RETURN,
	TDX_STMT_BREAK,
	TDX_STMT_CONTINUE,
	TDX_STMT_GOTO,
	TDX_STMT_EXPR,		/* an expression statement or a declaration with initializer */
	TDX_STMT_OTHER,		/* labels, asm, empty statements */
};

struct tdx_stmt {
	enum tdx_stmt_kind kind;
	struct tdx_loc loc;		/* the keyword, or the first token */
	struct tdx_loc else_loc;	/* IF with an else: the else keyword */
	unsigned int last_line;		/* the line of the statement's last token */
	bool braced;			/* BLOCK: written with braces in the source */
	bool from_macro;		/* the statement comes from a macro expansion */
	bool is_default;		/* CASE: the arm holds the default label */
	bool never_exits;		/* loops: constant-true condition and no break,
					 * return or goto that leaves the loop */
	const char *cond_var;		/* IF, SWITCH, loops: the controlling expression
					 * is this variable (or compares it), else NULL */
	int cond_call;			/* SWITCH: the controlling expression is this
					 * call (index in tu->calls), else -1 */
	struct tdx_stmt **kids;
	size_t nr_kids;
	int *calls;			/* calls in this statement's own expressions,
					 * not in its kids: indexes in tu->calls */
	size_t nr_calls;
};

struct tdx_function {
	const char *name;
	struct tdx_loc loc;		/* the name in the definition, else the first
					 * declaration seen */
	bool is_definition;		/* this unit has the body */
	bool is_static;
	bool returns_void;
	bool address_taken;		/* used other than as a direct callee */
	bool always_inline;		/* some declaration carries the always_inline
					 * attribute (kernel __always_inline); plain
					 * inline, a hint, does not set it */
	unsigned int spelled_unused;	/* enum tdx_unused_spelling */
	struct tdx_loc attr_loc;	/* the name in the declaration carrying it */
	struct tdx_var **vars;		/* parameters first, in order, then locals */
	size_t nr_vars;
	size_t nr_params;
	struct tdx_stmt *body;		/* NULL without a definition */
	struct tdx_expansion **expansions;
	size_t nr_expansions;
};

struct tdx_tu {
	const char *main_file;
	struct tdx_function **funcs;
	size_t nr_funcs;
	struct tdx_call **calls;
	size_t nr_calls;
	struct tdx_arena *arena;
};

/* Building a model: what front ends call.  Strings are copied. */
struct tdx_tu *tdx_tu_new(const char *main_file);
void tdx_tu_free(struct tdx_tu *tu);
const char *tdx_str(struct tdx_tu *tu, const char *s);
void *tdx_alloc(struct tdx_tu *tu, size_t size);	/* zeroed */
struct tdx_loc tdx_loc_make(struct tdx_tu *tu, const char *file,
			    unsigned int line, unsigned int col);

/* The function of that name, created (as a declaration) when absent. */
struct tdx_function *tdx_function_get(struct tdx_tu *tu, const char *name);
int tdx_function_index(const struct tdx_tu *tu, const char *name);
struct tdx_var *tdx_var_add(struct tdx_tu *tu, struct tdx_function *fn,
			    const char *name, bool is_param);
struct tdx_var *tdx_var_find(const struct tdx_function *fn, const char *name);
void tdx_type_set_fields(struct tdx_tu *tu, struct tdx_type *type,
			 const char *const *fields, size_t nr);
struct tdx_store *tdx_store_add(struct tdx_tu *tu, struct tdx_var *var);
struct tdx_read *tdx_read_add(struct tdx_tu *tu, struct tdx_var *var);
/* Returns the new call's index in tu->calls. */
int tdx_call_add(struct tdx_tu *tu, int caller, const char *callee);
struct tdx_arg *tdx_arg_add(struct tdx_tu *tu, struct tdx_call *call,
			    enum tdx_arg_kind kind, const char *name);
struct tdx_expansion *tdx_expansion_add(struct tdx_tu *tu,
					struct tdx_function *fn,
					const char *macro, struct tdx_loc loc);
struct tdx_stmt *tdx_stmt_new(struct tdx_tu *tu, enum tdx_stmt_kind kind);
void tdx_stmt_add_kid(struct tdx_tu *tu, struct tdx_stmt *parent,
		      struct tdx_stmt *kid);
void tdx_stmt_add_call(struct tdx_tu *tu, struct tdx_stmt *stmt, int call);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_MODEL_H */
