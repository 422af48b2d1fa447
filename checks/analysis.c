// SPDX-License-Identifier: GPL-2.0
/*
 * Facts every rule needs, computed once per unit: primitives, "reaches a
 * primitive" (a fixpoint over the unit's call graph), use of functions,
 * per-function call lists, preemption state by source order, and a
 * statement walker.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "xalloc.h"

bool tdx_is_primitive(const struct tdx_config *cfg, const char *name)
{
	size_t i;

	if (!name)
		return false;
	for (i = 0; i < cfg->nr_primitives; i++)
		if (!fnmatch(cfg->primitives[i], name, 0))
			return true;
	return false;
}

bool tdx_call_is_primitive(const struct tdx_rule_ctx *ctx, const struct tdx_call *call)
{
	return tdx_is_primitive(ctx->cfg, call->callee) ||
	       tdx_is_primitive(ctx->cfg, call->macro);
}

/* Index of the function defined in this unit under that name, else -1. */
static int defined_fn(const struct tdx_tu *tu, const char *name)
{
	int i;

	if (!name)
		return -1;
	i = tdx_function_index(tu, name);
	if (i < 0 || !tu->funcs[i]->is_definition)
		return -1;
	return i;
}

/* A function argument that is a primitive, or a function reaching one. */
static bool arg_is_tdx_func(const struct tdx_rule_ctx *ctx, const struct tdx_arg *arg)
{
	int j;

	if (arg->kind != TDX_ARG_FUNC)
		return false;
	if (tdx_is_primitive(ctx->cfg, arg->name))
		return true;
	j = defined_fn(ctx->tu, arg->name);
	return j >= 0 && ctx->reaches[j];
}

/* The parameter position of name in fn, or -1. */
static int param_pos(const struct tdx_function *fn, const char *name)
{
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < fn->nr_params && i < fn->nr_vars; i++)
		if (fn->vars[i]->name && !strcmp(fn->vars[i]->name, name))
			return (int)i;
	return -1;
}

/*
 * "func(fn, args)" inside a helper whose parameter func some caller fills
 * with a primitive (sc_retry(__seamcall, ...) when sc_retry is not itself
 * named like a primitive): the pointer call issues TDX calls.
 */
static bool via_param_gets_tdx(const struct tdx_rule_ctx *ctx, const struct tdx_call *call)
{
	const struct tdx_tu *tu = ctx->tu;
	const struct tdx_function *fn;
	size_t i;
	int pos;

	if (call->callee || !call->via || call->caller < 0 ||
	    (size_t)call->caller >= tu->nr_funcs)
		return false;
	fn = tu->funcs[call->caller];
	pos = param_pos(fn, call->via);
	if (pos < 0)
		return false;
	for (i = 0; i < tu->nr_calls; i++) {
		const struct tdx_call *c = tu->calls[i];

		if (c->callee && !strcmp(c->callee, fn->name) &&
		    (size_t)pos < c->nr_args && arg_is_tdx_func(ctx, c->args[pos]))
			return true;
	}
	return false;
}

bool tdx_call_names_primitive(const struct tdx_rule_ctx *ctx, const struct tdx_call *call)
{
	size_t i;

	if (tdx_call_is_primitive(ctx, call))
		return true;
	for (i = 0; i < call->nr_args; i++)
		if (call->args[i]->kind == TDX_ARG_FUNC &&
		    tdx_is_primitive(ctx->cfg, call->args[i]->name))
			return true;
	return false;
}

bool tdx_call_issues_tdx(const struct tdx_rule_ctx *ctx, const struct tdx_call *call)
{
	int j;

	if (tdx_call_names_primitive(ctx, call))
		return true;
	j = defined_fn(ctx->tu, call->callee);
	if (j >= 0 && ctx->reaches[j])
		return true;
	return via_param_gets_tdx(ctx, call);
}

static void compute_call_lists(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t *fill, i;

	ctx->call_start = tdx_xcalloc(tu->nr_funcs + 1, sizeof(size_t));
	ctx->call_idx = tdx_xcalloc(tu->nr_calls, sizeof(size_t));
	for (i = 0; i < tu->nr_calls; i++) {
		int c = tu->calls[i]->caller;

		if (c >= 0 && (size_t)c < tu->nr_funcs)
			ctx->call_start[c + 1]++;
	}
	for (i = 0; i < tu->nr_funcs; i++)
		ctx->call_start[i + 1] += ctx->call_start[i];
	fill = tdx_xcalloc(tu->nr_funcs, sizeof(size_t));
	for (i = 0; i < tu->nr_calls; i++) {
		int c = tu->calls[i]->caller;

		if (c >= 0 && (size_t)c < tu->nr_funcs)
			ctx->call_idx[ctx->call_start[c] + fill[c]++] = i;
	}
	free(fill);
}

size_t tdx_fn_calls(const struct tdx_rule_ctx *ctx, size_t fn, const size_t **idx)
{
	*idx = ctx->call_idx + ctx->call_start[fn];
	return ctx->call_start[fn + 1] - ctx->call_start[fn];
}

/* Iterate "reaches" to a fixpoint: a chain of static helpers of any depth. */
static void compute_reaches(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	bool changed = true;
	size_t i, k;

	while (changed) {
		changed = false;
		for (i = 0; i < tu->nr_funcs; i++) {
			const size_t *idx;
			size_t n;

			if (ctx->reaches[i] || !tu->funcs[i]->is_definition)
				continue;
			n = tdx_fn_calls(ctx, i, &idx);
			for (k = 0; k < n; k++) {
				if (tdx_call_issues_tdx(ctx, tu->calls[idx[k]])) {
					ctx->reaches[i] = true;
					changed = true;
					break;
				}
			}
		}
	}
}

static void compute_used(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i, k;
	int j;

	for (i = 0; i < tu->nr_funcs; i++)
		ctx->used[i] = tu->funcs[i]->address_taken;
	for (i = 0; i < tu->nr_calls; i++) {
		const struct tdx_call *c = tu->calls[i];

		/* A function that only calls itself is not used by anyone. */
		j = c->callee ? tdx_function_index(tu, c->callee) : -1;
		if (j >= 0 && j != c->caller)
			ctx->used[j] = true;
		for (k = 0; k < c->nr_args; k++) {
			if (c->args[k]->kind != TDX_ARG_FUNC || !c->args[k]->name)
				continue;
			j = tdx_function_index(tu, c->args[k]->name);
			if (j >= 0)
				ctx->used[j] = true;
		}
	}
}

void tdx_ctx_init(struct tdx_rule_ctx *ctx, const struct tdx_tu *tu,
		  const struct tdx_config *cfg, struct tdx_findings *out)
{
	size_t i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->tu = tu;
	ctx->cfg = cfg;
	ctx->out = out;
	ctx->primitive = tdx_xcalloc(tu->nr_funcs, sizeof(bool));
	ctx->reaches = tdx_xcalloc(tu->nr_funcs, sizeof(bool));
	ctx->used = tdx_xcalloc(tu->nr_funcs, sizeof(bool));
	for (i = 0; i < tu->nr_funcs; i++)
		ctx->primitive[i] = tdx_is_primitive(cfg, tu->funcs[i]->name);
	compute_call_lists(ctx);
	compute_reaches(ctx);
	compute_used(ctx);
}

void tdx_ctx_release(struct tdx_rule_ctx *ctx)
{
	free(ctx->primitive);
	free(ctx->reaches);
	free(ctx->used);
	free(ctx->call_start);
	free(ctx->call_idx);
	memset(ctx, 0, sizeof(*ctx));
}

bool tdx_fn_reaches(const struct tdx_rule_ctx *ctx, size_t fn)
{
	return fn < ctx->tu->nr_funcs && ctx->reaches[fn];
}

bool tdx_fn_judged_here(const struct tdx_rule_ctx *ctx, size_t fn)
{
	const struct tdx_tu *tu = ctx->tu;
	const char *file = tu->funcs[fn]->loc.file;

	if (!tu->main_file || !file || !strcmp(file, tu->main_file))
		return true;
	return ctx->used[fn];
}

bool tdx_fn_in_scope(const struct tdx_rule_ctx *ctx, size_t fn)
{
	if (fn >= ctx->tu->nr_funcs || !tdx_fn_judged_here(ctx, fn))
		return false;
	return ctx->cfg->scope == TDX_SCOPE_ALL || ctx->primitive[fn] || ctx->reaches[fn];
}

static bool type_has_field(const struct tdx_type *t, const char *name)
{
	size_t i;

	for (i = 0; name && i < t->nr_fields; i++)
		if (t->fields[i] && !strcmp(t->fields[i], name))
			return true;
	return false;
}

bool tdx_param_is_split_output(const struct tdx_function *fn, size_t p)
{
	size_t n = fn->nr_params < fn->nr_vars ? fn->nr_params : fn->nr_vars, j;
	const struct tdx_type *t;

	if (p >= n || fn->vars[p]->type.class != TDX_TYPE_STRUCT_PTR)
		return false;
	t = &fn->vars[p]->type;
	for (j = 0; j < n; j++)
		if (j != p && fn->vars[j]->type.class == TDX_TYPE_SCALAR &&
		    type_has_field(t, fn->vars[j]->name))
			return true;
	return false;
}

int tdx_loc_cmp(const struct tdx_loc *a, const struct tdx_loc *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/* Statement walker ------------------------------------------------------ */

struct walk {
	tdx_stmt_visit visit;
	void *data;
	const struct tdx_stmt **path;
	size_t depth, cap;
};

static void walk_rec(struct walk *w, const struct tdx_stmt *s)
{
	size_t i;

	if (!w->visit(s, w->path, w->depth, w->data) || !s->nr_kids)
		return;
	if (w->depth == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 32;
		w->path = tdx_xreallocarray(w->path, cap, sizeof(*w->path));
		w->cap = cap;
	}
	w->path[w->depth++] = s;
	for (i = 0; i < s->nr_kids; i++)
		if (s->kids[i])
			walk_rec(w, s->kids[i]);
	w->depth--;
}

void tdx_stmt_walk(const struct tdx_stmt *root, tdx_stmt_visit visit, void *data)
{
	struct walk w = { .visit = visit, .data = data };

	if (!root)
		return;
	walk_rec(&w, root);
	free(w.path);
}

/* Preemption regions ---------------------------------------------------- */

/*
 * Markers by the name written in the source: the outermost macro, or the
 * callee of a call not coming from a macro (spin_lock() is an inline
 * function, spin_lock_irqsave() a macro).  Conditional acquisitions
 * (*_trylock*) and initialisers are not regions.
 *
 * A lockdep assertion says the caller opened the region: the code after it
 * runs inside it as if the function had taken the lock itself, and nothing
 * in the function ends it.  lockdep_assert_held*() cannot tell a spinlock
 * from a mutex (the model has no lock types): a mutex asserted held counts
 * too, a known limit named in checks/rules/preempt-across-loop.c.
 */
static const char *const disable_markers[] = {
	"get_cpu", "preempt_disable*", "local_irq_save", "local_irq_disable",
	"spin_lock*", "raw_spin_lock*", "write_lock*", "local_bh_disable",
};
static const char *const assert_markers[] = {
	"lockdep_assert_held*", "lockdep_assert_irqs_disabled",
	"lockdep_assert_preemption_disabled",
};
static const char *const enable_markers[] = {
	"put_cpu", "preempt_enable*", "local_irq_restore", "local_irq_enable",
	"spin_unlock*", "raw_spin_unlock*", "write_unlock*", "local_bh_enable",
};

static bool matches_any(const char *name, const char *const *pats, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!fnmatch(pats[i], name, 0))
			return true;
	return false;
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* +1 disables, +2 asserts the caller disabled, -1 enables, 0 neither. */
static int marker_effect(const char *name)
{
	size_t n;

	if (!name)
		return 0;
	n = strlen(name);
	if (strstr(name, "trylock") || (n > 5 && !strcmp(name + n - 5, "_init")))
		return 0;
	if (matches_any(name, disable_markers, ARRAY_SIZE(disable_markers)))
		return 1;
	if (matches_any(name, assert_markers, ARRAY_SIZE(assert_markers)))
		return 2;
	if (matches_any(name, enable_markers, ARRAY_SIZE(enable_markers)))
		return -1;
	return 0;
}

struct marker {
	struct tdx_loc loc;
	int effect;
};

static int marker_cmp(const void *a, const void *b)
{
	return tdx_loc_cmp(&((const struct marker *)a)->loc,
			   &((const struct marker *)b)->loc);
}

static bool expansion_at(const struct tdx_function *f, const struct tdx_loc *loc,
			 const char *name)
{
	size_t i;

	for (i = 0; i < f->nr_expansions; i++)
		if (!tdx_loc_cmp(&f->expansions[i]->loc, loc) &&
		    !strcmp(f->expansions[i]->macro, name))
			return true;
	return false;
}

/*
 * Branches that leave the function ("if (err) { spin_unlock(); return; }"):
 * a marker inside one only matters for positions inside it.  Without this
 * the unlock on an error path would end the region for the code after it.
 */
struct exit_ranges {
	struct { unsigned int first, last; } *v;
	size_t nr, cap;
};

static bool leaves(const struct tdx_stmt *s)
{
	while (s && s->kind == TDX_STMT_BLOCK)
		s = s->nr_kids ? s->kids[s->nr_kids - 1] : NULL;
	return s && (s->kind == TDX_STMT_RETURN || s->kind == TDX_STMT_GOTO);
}

static void add_range(struct exit_ranges *r, const struct tdx_stmt *s)
{
	if (r->nr == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 8;
		r->v = tdx_xreallocarray(r->v, cap, sizeof(*r->v));
		r->cap = cap;
	}
	r->v[r->nr].first = s->loc.line;
	r->v[r->nr].last = s->last_line > s->loc.line ? s->last_line : s->loc.line;
	r->nr++;
}

static bool collect_exits(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
			  size_t depth, void *data)
{
	size_t i;

	(void)path;
	(void)depth;
	if (s->kind != TDX_STMT_IF)
		return true;
	for (i = 0; i < s->nr_kids && i < 2; i++)
		if (s->kids[i] && leaves(s->kids[i]))
			add_range(data, s->kids[i]);
	return true;
}

static bool in_range(const struct exit_ranges *r, size_t i, unsigned int line)
{
	return line >= r->v[i].first && line <= r->v[i].last;
}

/* The marker at m is confined to an exiting branch that does not hold at. */
static bool confined_away(const struct exit_ranges *r, unsigned int m, unsigned int at)
{
	size_t i;

	for (i = 0; i < r->nr; i++)
		if (in_range(r, i, m) && !in_range(r, i, at))
			return true;
	return false;
}

enum tdx_region tdx_preempt_off_at(const struct tdx_rule_ctx *ctx, size_t fn,
				    const struct tdx_loc *at)
{
	struct exit_ranges exits = { 0 };
	const struct tdx_tu *tu = ctx->tu;
	const struct tdx_function *f = tu->funcs[fn];
	struct marker *m;
	const size_t *idx;
	size_t nr_calls, n = 0, i;
	int depth = 0;
	bool asserted = false;

	nr_calls = tdx_fn_calls(ctx, fn, &idx);
	m = tdx_xcalloc(f->nr_expansions + nr_calls, sizeof(*m));
	for (i = 0; i < f->nr_expansions; i++) {
		int e = marker_effect(f->expansions[i]->macro);

		if (e) {
			m[n].loc = f->expansions[i]->loc;
			m[n++].effect = e;
		}
	}
	for (i = 0; i < nr_calls; i++) {
		const struct tdx_call *c = tu->calls[idx[i]];
		int e;

		if (c->macro || !c->callee)
			continue;
		e = marker_effect(c->callee);
		/* A macro of the same name expanding to the function: once. */
		if (e && !expansion_at(f, &c->loc, c->callee)) {
			m[n].loc = c->loc;
			m[n++].effect = e;
		}
	}
	qsort(m, n, sizeof(*m), marker_cmp);
	tdx_stmt_walk(f->body, collect_exits, &exits);
	for (i = 0; i < n && tdx_loc_cmp(&m[i].loc, at) < 0; i++) {
		if (confined_away(&exits, m[i].loc.line, at->line))
			continue;
		if (m[i].effect == 2) {
			asserted = true;	/* nothing in the function ends it */
			continue;
		}
		depth += m[i].effect;
		if (depth < 0)
			depth = 0;
	}
	free(exits.v);
	free(m);
	if (depth > 0)
		return TDX_REGION_TAKEN;
	return asserted ? TDX_REGION_ASSERTED : TDX_REGION_NONE;
}

/* Findings --------------------------------------------------------------- */

void tdx_report(struct tdx_rule_ctx *ctx, enum tdx_rule_id rule,
		struct tdx_loc loc, const char *subject)
{
	struct tdx_finding *fd = tdx_findings_push(ctx->out);
	size_t sublen;
	int len;

	fd->rule = rule;
	fd->loc = loc;
	/*
	 * The message and a copy of the subject share one allocation owned by
	 * the list, so findings outlive the unit they came from.
	 */
	len = snprintf(NULL, 0, tdx_rules[rule].message, subject ? subject : "?");
	sublen = subject ? strlen(subject) + 1 : 0;
	fd->message = tdx_xmalloc((size_t)len + 1 + sublen);
	snprintf(fd->message, (size_t)len + 1, tdx_rules[rule].message,
		 subject ? subject : "?");
	fd->subject = NULL;
	if (subject) {
		memcpy(fd->message + len + 1, subject, sublen);
		fd->subject = fd->message + len + 1;
	}
}
