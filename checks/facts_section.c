// SPDX-License-Identifier: GPL-2.0
/*
 * The facts blob of one unit: see facts_section.h for the format.
 *
 * What goes in is chosen as tdx_facts_record() chooses its rows: functions
 * with a body, a spelled unused attribute, an escaping address or static
 * linkage; parameters of global definitions; every call.  A decoded blob is
 * a model holding just those, which tdx_facts_record() stores as it would
 * have stored the original unit.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts_section.h"
#include "xalloc.h"

static const char magic[4] = { 'T', 'D', 'X', 'F' };

/* ---- encoding ---- */

struct buf {
	unsigned char *v;
	size_t len, size;
};

static void put_byte(struct buf *b, unsigned char c)
{
	if (b->len == b->size) {
		b->size = b->size ? 2 * b->size : 4096;
		b->v = tdx_xreallocarray(b->v, b->size, 1);
	}
	b->v[b->len++] = c;
}

static void put_uleb(struct buf *b, uint64_t v)
{
	do {
		unsigned char c = v & 0x7f;

		v >>= 7;
		put_byte(b, c | (v ? 0x80 : 0));
	} while (v);
}

/* Strings by content, numbered from 1 in order of first use. */
struct strtab {
	const char **slot;	/* open addressing, size a power of two */
	unsigned int *index;
	size_t size, nr;
	struct buf text;	/* the strings, NUL-terminated, in index order */
};

static size_t hash_str(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void strtab_grow(struct strtab *t)
{
	const char **old = t->slot;
	unsigned int *old_index = t->index;
	size_t old_size = t->size, i;

	t->size = t->size ? 2 * t->size : 256;
	t->slot = tdx_xcalloc(t->size, sizeof(*t->slot));
	t->index = tdx_xcalloc(t->size, sizeof(*t->index));
	for (i = 0; i < old_size; i++) {
		size_t k;

		if (!old[i])
			continue;
		for (k = hash_str(old[i]) & (t->size - 1); t->slot[k]; k = (k + 1) & (t->size - 1))
			;
		t->slot[k] = old[i];
		t->index[k] = old_index[i];
	}
	free(old);
	free(old_index);
}

static unsigned int strtab_get(struct strtab *t, const char *s)
{
	size_t k;

	if (!s)
		return 0;
	if (2 * (t->nr + 1) > t->size)
		strtab_grow(t);
	for (k = hash_str(s) & (t->size - 1); t->slot[k]; k = (k + 1) & (t->size - 1))
		if (!strcmp(t->slot[k], s))
			return t->index[k];
	t->slot[k] = s;
	t->nr++;
	t->index[k] = (unsigned int)t->nr;
	do
		put_byte(&t->text, (unsigned char)*s);
	while (*s++);
	return t->index[k];
}

static void strtab_release(struct strtab *t)
{
	free(t->slot);
	free(t->index);
	free(t->text.v);
}

/* The functions tdx_facts_record() keeps; see write_function() in facts.c. */
static bool kept(const struct tdx_function *fn)
{
	return fn->is_definition || fn->spelled_unused || fn->address_taken || fn->is_static;
}

static size_t param_rows(const struct tdx_function *fn)
{
	if (!fn->is_definition || fn->is_static)
		return 0;
	return fn->nr_params < fn->nr_vars ? fn->nr_params : fn->nr_vars;
}

static void put_str(struct buf *b, struct strtab *t, const char *s)
{
	put_uleb(b, strtab_get(t, s));
}

static void put_loc(struct buf *b, struct strtab *t, const struct tdx_loc *loc)
{
	put_str(b, t, loc->file);
	put_uleb(b, loc->line);
	put_uleb(b, loc->col);
}

static void encode_function(struct buf *b, struct strtab *t, const struct tdx_function *fn)
{
	size_t i, rows = param_rows(fn);

	put_str(b, t, fn->name);
	put_loc(b, t, &fn->loc);
	put_uleb(b, (fn->is_definition ? 1 : 0) | (fn->is_static ? 2 : 0) |
		    (fn->address_taken ? 4 : 0));
	put_uleb(b, fn->spelled_unused);
	put_loc(b, t, &fn->attr_loc);
	put_uleb(b, fn->nr_params);
	put_uleb(b, rows);
	for (i = 0; i < rows; i++) {
		const struct tdx_var *v = fn->vars[i];

		put_str(b, t, v->name);
		put_loc(b, t, &v->loc);
		put_uleb(b, v->type.class);
		put_uleb(b, v->spelled_unused);
	}
}

static void encode_call(struct buf *b, struct strtab *t, const struct tdx_tu *tu,
			const struct tdx_call *c)
{
	size_t i;

	put_str(b, t, c->caller >= 0 && (size_t)c->caller < tu->nr_funcs ?
		      tu->funcs[c->caller]->name : NULL);
	put_str(b, t, c->callee);
	put_str(b, t, c->via);
	put_loc(b, t, &c->loc);
	put_uleb(b, c->result_used);
	put_uleb(b, c->nr_args);
	for (i = 0; i < c->nr_args; i++) {
		put_uleb(b, c->args[i]->kind);
		put_str(b, t, c->args[i]->name);
	}
}

unsigned char *tdx_facts_encode(const struct tdx_tu *tu, const char *unit_key, size_t *len)
{
	struct strtab t = { 0 };
	struct buf body = { 0 }, out = { 0 };
	size_t i, nr = 0;

	/* The records first, so the string table knows every string. */
	put_str(&body, &t, unit_key);
	for (i = 0; i < tu->nr_funcs; i++)
		nr += kept(tu->funcs[i]);
	put_uleb(&body, nr);
	for (i = 0; i < tu->nr_funcs; i++)
		if (kept(tu->funcs[i]))
			encode_function(&body, &t, tu->funcs[i]);
	put_uleb(&body, tu->nr_calls);
	for (i = 0; i < tu->nr_calls; i++)
		encode_call(&body, &t, tu, tu->calls[i]);

	for (i = 0; i < sizeof(magic); i++)
		put_byte(&out, (unsigned char)magic[i]);
	put_byte(&out, TDX_FACTS_VERSION);
	{
		struct buf count = { 0 };

		put_uleb(&count, t.nr);
		put_uleb(&out, count.len + t.text.len + body.len);
		for (i = 0; i < count.len; i++)
			put_byte(&out, count.v[i]);
		free(count.v);
	}
	for (i = 0; i < t.text.len; i++)
		put_byte(&out, t.text.v[i]);
	for (i = 0; i < body.len; i++)
		put_byte(&out, body.v[i]);
	free(body.v);
	strtab_release(&t);
	*len = out.len;
	return out.v;
}

/* ---- decoding ---- */

struct reader {
	const unsigned char *p, *end;
	const char **strings;	/* strings[0] is NULL */
	uint64_t nr_strings;
	bool bad;
};

static uint64_t get_uleb(struct reader *r)
{
	uint64_t v = 0;
	unsigned int shift = 0;

	while (!r->bad) {
		unsigned char c;

		if (r->p >= r->end || shift > 63) {
			r->bad = true;
			break;
		}
		c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
		shift += 7;
	}
	return 0;
}

static unsigned int get_uint(struct reader *r)
{
	uint64_t v = get_uleb(r);

	if (v > UINT32_MAX)
		r->bad = true;
	return (unsigned int)v;
}

static const char *get_str(struct reader *r)
{
	uint64_t i = get_uleb(r);

	if (i > r->nr_strings) {
		r->bad = true;
		return NULL;
	}
	return r->strings[i];
}

static struct tdx_loc get_loc(struct reader *r, struct tdx_tu *tu)
{
	struct tdx_loc loc = { 0 };

	loc.file = tdx_str(tu, get_str(r));
	loc.line = get_uint(r);
	loc.col = get_uint(r);
	return loc;
}

/* A count of records of at least min_size bytes each that can still follow. */
static size_t get_count(struct reader *r, size_t min_size)
{
	uint64_t n = get_uleb(r);

	if (n > (uint64_t)(r->end - r->p) / min_size)
		r->bad = true;
	return r->bad ? 0 : (size_t)n;
}

static void decode_function(struct reader *r, struct tdx_tu *tu)
{
	const char *name = get_str(r);
	struct tdx_function *fn;
	unsigned int flags;
	size_t i, rows;

	if (!name) {
		r->bad = true;
		return;
	}
	fn = tdx_function_get(tu, name);
	fn->loc = get_loc(r, tu);
	flags = get_uint(r);
	fn->is_definition = flags & 1;
	fn->is_static = flags & 2;
	fn->address_taken = flags & 4;
	fn->spelled_unused = get_uint(r);
	fn->attr_loc = get_loc(r, tu);
	fn->nr_params = get_uint(r);
	rows = get_count(r, 6);
	for (i = 0; i < rows && !r->bad; i++) {
		/* tdx_var_add() counts parameters: nr_params is set after. */
		struct tdx_var *v = tdx_var_add(tu, fn, get_str(r), true);

		v->loc = get_loc(r, tu);
		v->type.class = get_uint(r);
		if (v->type.class > TDX_TYPE_OTHER)
			r->bad = true;
		v->spelled_unused = get_uint(r);
	}
	fn->nr_params -= rows;
}

static void decode_call(struct reader *r, struct tdx_tu *tu)
{
	const char *caller = get_str(r), *callee = get_str(r);
	struct tdx_call *c;
	size_t i, nr;
	int from = -1, idx;

	/* Callers have bodies, so they were among the functions. */
	if (caller) {
		tdx_function_get(tu, caller);
		from = tdx_function_index(tu, caller);
	}
	idx = tdx_call_add(tu, from, callee);
	c = tu->calls[idx];
	c->via = tdx_str(tu, get_str(r));
	c->loc = get_loc(r, tu);
	c->result_used = get_uint(r);
	nr = get_count(r, 2);
	for (i = 0; i < nr && !r->bad; i++) {
		unsigned int kind = get_uint(r);

		if (kind > TDX_ARG_OTHER)
			r->bad = true;
		tdx_arg_add(tu, c, (enum tdx_arg_kind)kind, get_str(r));
	}
}

struct tdx_tu *tdx_facts_decode(const unsigned char *buf, size_t len, size_t *used,
				unsigned int *version, char *err, size_t errlen)
{
	struct reader r = { 0 };
	struct tdx_tu *tu = NULL;
	uint64_t payload;
	const char *key;
	size_t i, nr;

	*version = 0;
	if (len < sizeof(magic) + 1 || memcmp(buf, magic, sizeof(magic))) {
		snprintf(err, errlen, "not a tdxcheck facts section");
		return NULL;
	}
	*version = buf[sizeof(magic)];
	if (*version != TDX_FACTS_VERSION) {
		snprintf(err, errlen, "facts section version %u, this tdxcheck reads version %d",
			 *version, TDX_FACTS_VERSION);
		return NULL;
	}
	r.p = buf + sizeof(magic) + 1;
	r.end = buf + len;
	payload = get_uleb(&r);
	if (r.bad || payload > (uint64_t)(r.end - r.p)) {
		snprintf(err, errlen, "truncated facts section");
		return NULL;
	}
	r.end = r.p + payload;
	*used = (size_t)(r.end - buf);

	r.nr_strings = get_count(&r, 1);
	r.strings = tdx_xcalloc((size_t)r.nr_strings + 1, sizeof(*r.strings));
	for (i = 1; i <= r.nr_strings && !r.bad; i++) {
		const unsigned char *nul = memchr(r.p, '\0', (size_t)(r.end - r.p));

		if (!nul) {
			r.bad = true;
			break;
		}
		r.strings[i] = (const char *)r.p;
		r.p = nul + 1;
	}
	key = r.bad ? NULL : get_str(&r);
	if (!r.bad) {
		tu = tdx_tu_new(key);
		nr = get_count(&r, 11);
		for (i = 0; i < nr && !r.bad; i++)
			decode_function(&r, tu);
		nr = get_count(&r, 8);
		for (i = 0; i < nr && !r.bad; i++)
			decode_call(&r, tu);
		if (r.p != r.end)
			r.bad = true;
	}
	free(r.strings);
	if (r.bad) {
		snprintf(err, errlen, "corrupt facts section");
		if (tu)
			tdx_tu_free(tu);
		return NULL;
	}
	return tu;
}
