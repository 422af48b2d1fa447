// SPDX-License-Identifier: GPL-2.0
/*
 * status-ignored: a direct call of a TDX primitive whose returned status is
 * dropped.  The firmware reports failure only there.
 *
 * Not reported: primitives returning void; a status cast to void in the
 * source, "(void)__tdx_hypercall(&args);", the kernel's way to say ignored
 * on purpose; calls inside a loop that never exits (tdx_panic()'s
 * "while (1) __tdx_hypercall(&args);" retries for ever on purpose).  A
 * call from a macro is reported at the expansion point (its loc).  Judged
 * in in-scope functions (every caller of a primitive reaches it, so in
 * practice everywhere).
 */
#include "../analysis.h"

static bool in_endless_loop(const struct tdx_stmt *const *path, size_t depth)
{
	size_t i;

	for (i = 0; i < depth; i++)
		if (tdx_stmt_is_loop(path[i]) && path[i]->never_exits)
			return true;
	return false;
}

static bool visit(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
		  size_t depth, void *data)
{
	struct tdx_rule_ctx *ctx = data;
	size_t i;

	for (i = 0; i < s->nr_calls; i++) {
		int c = s->calls[i];
		const struct tdx_call *call;

		if (c < 0 || (size_t)c >= ctx->tu->nr_calls)
			continue;
		call = ctx->tu->calls[c];
		if (!call->callee || call->returns_void || call->result_used ||
		    call->void_cast || !tdx_call_is_primitive(ctx, call))
			continue;
		/* The loop's own condition counts as inside it too. */
		if (in_endless_loop(path, depth) ||
		    (tdx_stmt_is_loop(s) && s->never_exits))
			continue;
		/* Name what the user wrote: seamcall() rather than sc_retry(). */
		tdx_report(ctx, TDX_RULE_status_ignored, call->loc,
			   tdx_is_primitive(ctx->cfg, call->macro) ? call->macro : call->callee);
	}
	return true;
}

void tdx_rule_status_ignored(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++)
		if (tu->funcs[i]->body && tdx_fn_in_scope(ctx, i))
			tdx_stmt_walk(tu->funcs[i]->body, visit, ctx);
}
