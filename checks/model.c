// SPDX-License-Identifier: GPL-2.0
/*
 * Building the model: an arena per translation unit, and appenders for the
 * pointer arrays.  Front ends call these; nothing here judges anything.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "xalloc.h"

#define ARENA_CHUNK	(64 * 1024)

struct tdx_arena_chunk {
	struct tdx_arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct tdx_arena {
	struct tdx_arena_chunk *chunks;
	/* name -> index + 1 in tu->funcs; open addressing, power-of-two size */
	unsigned int *fn_index;
	size_t fn_index_size;
};

void *tdx_alloc(struct tdx_tu *tu, size_t size)
{
	struct tdx_arena *arena = tu->arena;
	struct tdx_arena_chunk *c = arena->chunks;
	size_t align = sizeof(max_align_t);
	void *p;

	size = (size + align - 1) & ~(align - 1);
	if (!c || c->size - c->used < size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;

		c = tdx_xmalloc(sizeof(*c) + cap);
		c->size = cap;
		c->used = 0;
		c->next = arena->chunks;
		arena->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

const char *tdx_str(struct tdx_tu *tu, const char *s)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = tdx_alloc(tu, len);
	memcpy(copy, s, len);
	return copy;
}

/*
 * Grow an arena-backed array of pointers by one slot.  Arrays double, so the
 * old storage is simply abandoned to the arena.
 */
static void append_ptr(struct tdx_tu *tu, void ***array, size_t *nr, void *item)
{
	size_t n = *nr;

	if ((n & (n - 1)) == 0) {
		size_t cap = n ? 2 * n : 4;
		void **grown = tdx_alloc(tu, cap * sizeof(void *));

		if (n)
			memcpy(grown, *array, n * sizeof(void *));
		*array = grown;
	}
	(*array)[n] = item;
	*nr = n + 1;
}

#define APPEND(tu, arr, nr, item) \
	append_ptr((tu), (void ***)&(arr), &(nr), (item))

struct tdx_tu *tdx_tu_new(const char *main_file)
{
	struct tdx_arena *arena = tdx_xmalloc(sizeof(*arena));
	struct tdx_tu boot = { .arena = arena };
	struct tdx_tu *tu;

	arena->chunks = NULL;
	arena->fn_index = NULL;
	arena->fn_index_size = 0;
	tu = tdx_alloc(&boot, sizeof(*tu));
	tu->arena = arena;
	tu->main_file = tdx_str(tu, main_file);
	return tu;
}

void tdx_tu_free(struct tdx_tu *tu)
{
	struct tdx_arena *arena;
	struct tdx_arena_chunk *c, *next;

	if (!tu)
		return;
	arena = tu->arena;
	for (c = arena->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(arena->fn_index);
	free(arena);
}

/*
 * "a/b/../c" and "a/./c" written as "a/c".  GCC names a header by the path
 * it was first included through (arch/x86/kvm/vmx/../pmu.h), clang by
 * another: a report, and the set of findings the engines are compared on,
 * must not depend on that.  Lexical only, as the compiler's own spelling
 * was; a leading "../" stays.  Returns file itself when there is nothing to
 * do, else buf.
 */
static const char *lexical_path(const char *file, char *buf, size_t size)
{
	size_t n = 0, floor = 0;	/* buf[0, floor) stays: "/" and leading "../" */
	const char *p = file;

	if ((!strstr(file, "/./") && !strstr(file, "/../")) || strlen(file) + 2 >= size)
		return file;
	if (*p == '/') {
		buf[n++] = '/';
		floor = 1;
		p++;
	}
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 0 || (len == 1 && p[0] == '.')) {
			/* "//" or "./" */
		} else if (len == 2 && !strncmp(p, "..", 2) && n > floor) {
			/* buf ends in "component/": drop both */
			n--;
			while (n > floor && buf[n - 1] != '/')
				n--;
		} else {
			memcpy(buf + n, p, len);
			n += len;
			buf[n++] = '/';
			if (len == 2 && !strncmp(p, "..", 2))
				floor = n;
		}
		p = end ? end + 1 : p + len;
	}
	if (n > 1 && buf[n - 1] == '/')
		n--;
	buf[n] = '\0';
	return buf;
}

struct tdx_loc tdx_loc_make(struct tdx_tu *tu, const char *file,
			    unsigned int line, unsigned int col)
{
	struct tdx_loc loc = { .line = line, .col = col };
	char buf[4096];

	/* the main file keeps the name it was given */
	if (file && tu->main_file && !strcmp(file, tu->main_file)) {
		loc.file = tu->main_file;
		return loc;
	}
	if (file)
		file = lexical_path(file, buf, sizeof(buf));
	/* Consecutive locations are nearly always in the same file. */
	if (file && tu->nr_funcs && tu->funcs[tu->nr_funcs - 1]->loc.file &&
	    !strcmp(tu->funcs[tu->nr_funcs - 1]->loc.file, file))
		loc.file = tu->funcs[tu->nr_funcs - 1]->loc.file;
	else if (file && tu->main_file && !strcmp(file, tu->main_file))
		loc.file = tu->main_file;
	else
		loc.file = tdx_str(tu, file);
	return loc;
}

static size_t hash_name(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void index_insert(struct tdx_arena *arena, const char *name,
			 unsigned int slot_value)
{
	size_t mask = arena->fn_index_size - 1;
	size_t i = hash_name(name) & mask;

	while (arena->fn_index[i])
		i = (i + 1) & mask;
	arena->fn_index[i] = slot_value;
}

/* Keep the table at most half full; rebuilt from tu->funcs when it grows. */
static void index_reserve(struct tdx_tu *tu)
{
	struct tdx_arena *arena = tu->arena;
	size_t i;

	if (2 * (tu->nr_funcs + 1) <= arena->fn_index_size)
		return;
	free(arena->fn_index);
	arena->fn_index_size = arena->fn_index_size ? 2 * arena->fn_index_size : 256;
	arena->fn_index = tdx_xcalloc(arena->fn_index_size, sizeof(unsigned int));
	for (i = 0; i < tu->nr_funcs; i++)
		index_insert(arena, tu->funcs[i]->name, (unsigned int)i + 1);
}

int tdx_function_index(const struct tdx_tu *tu, const char *name)
{
	const struct tdx_arena *arena = tu->arena;
	size_t mask, i;

	if (!arena->fn_index_size)
		return -1;
	mask = arena->fn_index_size - 1;
	for (i = hash_name(name) & mask; arena->fn_index[i]; i = (i + 1) & mask) {
		unsigned int idx = arena->fn_index[i] - 1;

		if (!strcmp(tu->funcs[idx]->name, name))
			return (int)idx;
	}
	return -1;
}

struct tdx_function *tdx_function_get(struct tdx_tu *tu, const char *name)
{
	int i = tdx_function_index(tu, name);
	struct tdx_function *fn;

	if (i >= 0)
		return tu->funcs[i];
	fn = tdx_alloc(tu, sizeof(*fn));
	fn->name = tdx_str(tu, name);
	index_reserve(tu);
	APPEND(tu, tu->funcs, tu->nr_funcs, fn);
	index_insert(tu->arena, fn->name, (unsigned int)tu->nr_funcs);
	return fn;
}

struct tdx_var *tdx_var_add(struct tdx_tu *tu, struct tdx_function *fn,
			    const char *name, bool is_param)
{
	struct tdx_var *var = tdx_alloc(tu, sizeof(*var));

	var->name = tdx_str(tu, name);
	var->is_param = is_param;
	APPEND(tu, fn->vars, fn->nr_vars, var);
	if (is_param)
		fn->nr_params++;
	return var;
}

struct tdx_var *tdx_var_find(const struct tdx_function *fn, const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < fn->nr_vars; i++)
		if (fn->vars[i]->name && !strcmp(fn->vars[i]->name, name))
			return fn->vars[i];
	return NULL;
}

void tdx_type_set_fields(struct tdx_tu *tu, struct tdx_type *type,
			 const char *const *fields, size_t nr)
{
	size_t i;

	type->fields = tdx_alloc(tu, (nr ? nr : 1) * sizeof(char *));
	for (i = 0; i < nr; i++)
		type->fields[i] = tdx_str(tu, fields[i]);
	type->nr_fields = nr;
}

struct tdx_store *tdx_store_add(struct tdx_tu *tu, struct tdx_var *var)
{
	struct tdx_store *st = tdx_alloc(tu, sizeof(*st));

	st->call = -1;
	APPEND(tu, var->stores, var->nr_stores, st);
	return st;
}

struct tdx_read *tdx_read_add(struct tdx_tu *tu, struct tdx_var *var)
{
	struct tdx_read *rd = tdx_alloc(tu, sizeof(*rd));

	rd->call = -1;
	APPEND(tu, var->reads, var->nr_reads, rd);
	return rd;
}

int tdx_call_add(struct tdx_tu *tu, int caller, const char *callee)
{
	struct tdx_call *call = tdx_alloc(tu, sizeof(*call));

	call->caller = caller;
	call->callee = tdx_str(tu, callee);
	APPEND(tu, tu->calls, tu->nr_calls, call);
	return (int)tu->nr_calls - 1;
}

struct tdx_arg *tdx_arg_add(struct tdx_tu *tu, struct tdx_call *call,
			    enum tdx_arg_kind kind, const char *name)
{
	struct tdx_arg *arg = tdx_alloc(tu, sizeof(*arg));

	arg->kind = kind;
	arg->name = tdx_str(tu, name);
	APPEND(tu, call->args, call->nr_args, arg);
	return arg;
}

struct tdx_expansion *tdx_expansion_add(struct tdx_tu *tu,
					struct tdx_function *fn,
					const char *macro, struct tdx_loc loc)
{
	struct tdx_expansion *x = tdx_alloc(tu, sizeof(*x));

	x->macro = tdx_str(tu, macro);
	x->loc = loc;
	APPEND(tu, fn->expansions, fn->nr_expansions, x);
	return x;
}

struct tdx_stmt *tdx_stmt_new(struct tdx_tu *tu, enum tdx_stmt_kind kind)
{
	struct tdx_stmt *st = tdx_alloc(tu, sizeof(*st));

	st->kind = kind;
	st->cond_call = -1;
	return st;
}

void tdx_stmt_add_kid(struct tdx_tu *tu, struct tdx_stmt *parent,
		      struct tdx_stmt *kid)
{
	APPEND(tu, parent->kids, parent->nr_kids, kid);
}

void tdx_stmt_add_call(struct tdx_tu *tu, struct tdx_stmt *stmt, int call)
{
	size_t n = stmt->nr_calls;

	if ((n & (n - 1)) == 0) {
		size_t cap = n ? 2 * n : 4;
		int *grown = tdx_alloc(tu, cap * sizeof(int));

		if (n)
			memcpy(grown, stmt->calls, n * sizeof(int));
		stmt->calls = grown;
	}
	stmt->calls[n] = call;
	stmt->nr_calls = n + 1;
}
