// SPDX-License-Identifier: GPL-2.0
/*
 * switch-status-chain: switch (sret) on the status a TDX primitive returned,
 * where every arm returns and some arm nests control flow written in the
 * source (the reviewed "default: if (out) ..."): an if-chain
 * (if (sret == TDX_SUCCESS) return 0; ...) reads better and keeps the error
 * handling flat.  With scope all, any switch is judged.
 *
 * A switch is on a status when its controlling expression is a primitive
 * call, or a variable whose last store before the switch (source order)
 * takes a primitive's result.  An arm "returns" when every path through it
 * returns: its last statement is a return, a block whose last statement
 * returns, or an if/else whose two branches both return; an empty arm
 * falls through to the next one.  A switch from a macro expansion is never
 * judged: the user cannot rewrite it in place.
 *
 * Known limit: with scope all any switch is judged, so a switch over an
 * enum whose arms return (6.12's cc_mkenc() on cc_vendor, the #VE
 * dispatch on ve->exit_reason) is reported though it is a table rather
 * than a status mapping; the default scope asks for a primitive's status
 * (testsuite/kernel/triage-6.12-scope-all.md).
 */
#include "../analysis.h"

static bool value_from_primitive(const struct tdx_rule_ctx *ctx, const struct tdx_store *st)
{
	if (st->macro && tdx_is_primitive(ctx->cfg, st->macro))
		return true;
	if (st->call >= 0 && (size_t)st->call < ctx->tu->nr_calls)
		return tdx_call_is_primitive(ctx, ctx->tu->calls[st->call]);
	return false;
}

static bool on_status(const struct tdx_rule_ctx *ctx, const struct tdx_function *fn,
		      const struct tdx_stmt *sw)
{
	const struct tdx_store *last = NULL;
	const struct tdx_var *v;
	size_t i;

	if (sw->cond_call >= 0 && (size_t)sw->cond_call < ctx->tu->nr_calls &&
	    tdx_call_is_primitive(ctx, ctx->tu->calls[sw->cond_call]))
		return true;
	v = tdx_var_find(fn, sw->cond_var);
	if (!v)
		return false;
	for (i = 0; i < v->nr_stores; i++) {
		const struct tdx_store *st = v->stores[i];

		if (tdx_loc_cmp(&st->loc, &sw->loc) >= 0)
			continue;
		if (!last || tdx_loc_cmp(&last->loc, &st->loc) <= 0)
			last = st;
	}
	return last && value_from_primitive(ctx, last);
}

/* Every path through s ends in a return. */
static bool always_returns(const struct tdx_stmt *s)
{
	if (!s)
		return false;
	switch (s->kind) {
	case TDX_STMT_RETURN:
		return true;
	case TDX_STMT_BLOCK:
		return s->nr_kids && always_returns(s->kids[s->nr_kids - 1]);
	case TDX_STMT_IF:
		return s->nr_kids == 2 && always_returns(s->kids[0]) &&
		       always_returns(s->kids[1]);
	default:
		return false;
	}
}

static bool arm_returns(const struct tdx_stmt *arm)
{
	if (!arm->nr_kids)
		return false;
	return always_returns(arm->kids[arm->nr_kids - 1]);
}

static bool find_nested(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
			size_t depth, void *data)
{
	bool *found = data;

	(void)path;
	if (depth && !s->from_macro &&
	    (s->kind == TDX_STMT_IF || s->kind == TDX_STMT_SWITCH || tdx_stmt_is_loop(s)))
		*found = true;
	return !*found;
}

static bool chain_shaped(const struct tdx_stmt *sw)
{
	bool nested = false;
	size_t i;

	if (!sw->nr_kids)
		return false;
	for (i = 0; i < sw->nr_kids; i++) {
		const struct tdx_stmt *arm = sw->kids[i];

		if (!arm)
			return false;
		/* "case A: case B: return x;" when a front end splits labels */
		if (!arm->nr_kids && i + 1 < sw->nr_kids)
			continue;
		if (!arm_returns(arm))
			return false;
		if (!nested)
			tdx_stmt_walk(arm, find_nested, &nested);
	}
	return nested;
}

struct switch_walk {
	struct tdx_rule_ctx *ctx;
	const struct tdx_function *fn;
};

static bool visit(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
		  size_t depth, void *data)
{
	struct switch_walk *w = data;

	(void)path;
	(void)depth;
	if (s->kind != TDX_STMT_SWITCH || s->from_macro)
		return true;
	if (w->ctx->cfg->scope != TDX_SCOPE_ALL && !on_status(w->ctx, w->fn, s))
		return true;
	if (chain_shaped(s))
		tdx_report(w->ctx, TDX_RULE_switch_status_chain, s->loc, NULL);
	return true;
}

void tdx_rule_switch_status_chain(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++) {
		struct switch_walk w = { ctx, tu->funcs[i] };

		if (tu->funcs[i]->body && tdx_fn_in_scope(ctx, i))
			tdx_stmt_walk(tu->funcs[i]->body, visit, &w);
	}
}
