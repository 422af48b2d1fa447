// SPDX-License-Identifier: GPL-2.0
/*
 * preempt-across-loop: a loop that issues TDX calls while preemption is
 * off (get_cpu, preempt_disable, local_irq_save/disable, spin_lock*,
 * raw_spin_lock*, write_lock*, local_bh_disable).  A firmware call can take
 * long, and a retry loop (TDX_RND_NO_ENTROPY) makes the time unbounded.
 *
 * A loop issues TDX calls when its own expressions or its body (at any
 * depth) call a primitive, a function of this unit that reaches one, or
 * pass one as a function pointer.  Whether preemption is off is decided at
 * the loop keyword, from the markers before it in source order
 * (tdx_preempt_off_at), so a region opened and closed inside the loop body
 * does not count.  Reported at the loop keyword.
 */
#include "../analysis.h"

struct loop_walk {
	struct tdx_rule_ctx *ctx;
	size_t fn;
};

static bool find_tdx_call(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
			  size_t depth, void *data)
{
	struct loop_walk *w = data;
	size_t i;

	(void)path;
	(void)depth;
	if (w->fn == (size_t)-1)
		return false;
	for (i = 0; i < s->nr_calls; i++) {
		int c = s->calls[i];

		if (c >= 0 && (size_t)c < w->ctx->tu->nr_calls &&
		    tdx_call_issues_tdx(w->ctx, w->ctx->tu->calls[c])) {
			w->fn = (size_t)-1;	/* found: stop */
			return false;
		}
	}
	return true;
}

static bool visit(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
		  size_t depth, void *data)
{
	struct loop_walk *w = data;
	struct loop_walk inner = *w;

	(void)path;
	(void)depth;
	if (!tdx_stmt_is_loop(s))
		return true;
	tdx_stmt_walk(s, find_tdx_call, &inner);
	if (inner.fn == (size_t)-1 && tdx_preempt_off_at(w->ctx, w->fn, &s->loc))
		tdx_report(w->ctx, TDX_RULE_preempt_across_loop, s->loc, NULL);
	return true;
}

void tdx_rule_preempt_across_loop(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++) {
		struct loop_walk w = { ctx, i };

		if (tu->funcs[i]->body && tdx_fn_in_scope(ctx, i))
			tdx_stmt_walk(tu->funcs[i]->body, visit, &w);
	}
}
