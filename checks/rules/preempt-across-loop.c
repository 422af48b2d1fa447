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
 *
 * A function that asserts its caller's region (lockdep_assert_held*(),
 * lockdep_assert_irqs_disabled(), lockdep_assert_preemption_disabled())
 * runs inside it as if it had taken the lock itself; there the loop must
 * call a primitive itself (directly, or as a function pointer argument):
 * a loop over some other work that reaches TDX through a helper for some
 * iterations is a walk the caller's context asks for, not a retry loop
 * (6.12's tdx_kexec_finish() unshares pages through
 * tdx_enc_status_changed() with interrupts off for kexec).
 *
 * Known limits: lockdep_assert_held() on a mutex counts as a region too
 * (the model has no lock types); the markers are counted in source order,
 * not along the control flow.
 */
#include "../analysis.h"

struct loop_walk {
	struct tdx_rule_ctx *ctx;
	size_t fn;
	bool direct;		/* only a primitive called in the loop counts */
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
		const struct tdx_call *call;

		if (c < 0 || (size_t)c >= w->ctx->tu->nr_calls)
			continue;
		call = w->ctx->tu->calls[c];
		if (w->direct ? tdx_call_names_primitive(w->ctx, call) :
				tdx_call_issues_tdx(w->ctx, call)) {
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
	enum tdx_region region;

	(void)path;
	(void)depth;
	if (!tdx_stmt_is_loop(s))
		return true;
	region = tdx_preempt_off_at(w->ctx, w->fn, &s->loc);
	if (region == TDX_REGION_NONE)
		return true;
	inner.direct = region == TDX_REGION_ASSERTED;
	tdx_stmt_walk(s, find_tdx_call, &inner);
	if (inner.fn == (size_t)-1)
		tdx_report(w->ctx, TDX_RULE_preempt_across_loop, s->loc, NULL);
	return true;
}

void tdx_rule_preempt_across_loop(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++) {
		struct loop_walk w = { ctx, i, false };

		if (tu->funcs[i]->body && tdx_fn_in_scope(ctx, i))
			tdx_stmt_walk(tu->funcs[i]->body, visit, &w);
	}
}
