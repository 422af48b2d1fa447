// SPDX-License-Identifier: GPL-2.0
/*
 * indirect-primitive-call: a function that calls through one of its
 * function-pointer parameters, directly or by passing it on to a function
 * of the unit that does, while some call in the unit binds that parameter
 * to a TDX primitive, and that is not __always_inline.
 *
 * 6.7's sc_retry(sc_func_t func, u64 fn, struct tdx_module_args *args) and
 * sc_retry_prerr() were plain static inline: the kernel's inline is only a
 * hint, and where the compiler kept them out of line "func(fn, args)"
 * became an indirect call to an assembly function (a retpoline, an IBT/CFI
 * target, a call from noinstr code).  Upstream made both __always_inline in
 * 2025; only then does every call site name the primitive directly.
 *
 * Both halves are fixpoints over the unit's calls, per (function,
 * parameter): "calls through" starts at a call via the parameter and
 * spreads to a caller that passes its own parameter on in that position;
 * "bound to a primitive" starts at a call passing a primitive there and
 * spreads to the callee a bound parameter is passed on to.  So both 6.7
 * wrappers are reported: sc_retry_prerr() passes func on to sc_retry(),
 * which calls it, and sc_retry() receives __seamcall through
 * sc_retry_prerr().  A wrapper that never receives a primitive (a generic
 * call_twice(op, x)) is silent whatever its inlining.
 *
 * No scope test beyond that: the binding to a primitive is what makes a
 * wrapper TDX code, and a header's wrapper is judged only in the units
 * whose calls bind it.  Reported at the wrapper's name.
 */
#include <stdlib.h>
#include <string.h>

#include "../analysis.h"
#include "../xalloc.h"

struct ipc {
	const struct tdx_tu *tu;
	size_t *first;		/* fn i's parameters: slots first[i] .. first[i + 1] */
	bool *through;		/* per slot: the function calls through it */
	bool *bound;		/* per slot: some call binds it to a primitive */
};

/* The parameter slot of fn's parameter named name, if a function pointer. */
static long fp_param_slot(const struct ipc *s, size_t fn, const char *name)
{
	const struct tdx_function *f = s->tu->funcs[fn];
	size_t k, n = f->nr_params < f->nr_vars ? f->nr_params : f->nr_vars;

	if (!name)
		return -1;
	for (k = 0; k < n; k++)
		if (f->vars[k]->name && !strcmp(f->vars[k]->name, name))
			return f->vars[k]->type.class == TDX_TYPE_FUNC_PTR ?
			       (long)(s->first[fn] + k) : -1;
	return -1;
}

/* The slot of position pos of the function defined under name, else -1. */
static long callee_slot(const struct ipc *s, const char *name, size_t pos)
{
	int j = name ? tdx_function_index(s->tu, name) : -1;
	const struct tdx_function *g;

	if (j < 0)
		return -1;
	g = s->tu->funcs[j];
	if (!g->is_definition || pos >= g->nr_params || pos >= g->nr_vars ||
	    g->vars[pos]->type.class != TDX_TYPE_FUNC_PTR)
		return -1;
	return (long)(s->first[j] + pos);
}

static void seed(struct ipc *s, const struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = s->tu;
	size_t i, a;
	long slot;

	for (i = 0; i < tu->nr_calls; i++) {
		const struct tdx_call *c = tu->calls[i];

		if (c->caller < 0 || (size_t)c->caller >= tu->nr_funcs)
			continue;
		if (!c->callee) {
			slot = fp_param_slot(s, (size_t)c->caller, c->via);
			if (slot >= 0)
				s->through[slot] = true;
			continue;
		}
		for (a = 0; a < c->nr_args; a++) {
			if (c->args[a]->kind != TDX_ARG_FUNC ||
			    !tdx_is_primitive(ctx->cfg, c->args[a]->name))
				continue;
			slot = callee_slot(s, c->callee, a);
			if (slot >= 0)
				s->bound[slot] = true;
		}
	}
}

/* Spread both facts along calls that pass a parameter on; true if any changed. */
static bool spread(struct ipc *s)
{
	const struct tdx_tu *tu = s->tu;
	bool changed = false;
	size_t i, a;

	for (i = 0; i < tu->nr_calls; i++) {
		const struct tdx_call *c = tu->calls[i];

		if (!c->callee || c->caller < 0 || (size_t)c->caller >= tu->nr_funcs)
			continue;
		for (a = 0; a < c->nr_args; a++) {
			long from, to;

			if (c->args[a]->kind != TDX_ARG_PARAM)
				continue;
			from = fp_param_slot(s, (size_t)c->caller, c->args[a]->name);
			to = callee_slot(s, c->callee, a);
			if (from < 0 || to < 0)
				continue;
			if (s->through[to] && !s->through[from]) {
				s->through[from] = true;
				changed = true;
			}
			if (s->bound[from] && !s->bound[to]) {
				s->bound[to] = true;
				changed = true;
			}
		}
	}
	return changed;
}

void tdx_rule_indirect_primitive_call(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	struct ipc s = { .tu = tu };
	size_t i, k;

	s.first = tdx_xcalloc(tu->nr_funcs + 1, sizeof(*s.first));
	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *f = tu->funcs[i];

		s.first[i + 1] = s.first[i] +
				 (f->nr_params < f->nr_vars ? f->nr_params : f->nr_vars);
	}
	s.through = tdx_xcalloc(s.first[tu->nr_funcs] + 1, sizeof(bool));
	s.bound = tdx_xcalloc(s.first[tu->nr_funcs] + 1, sizeof(bool));
	seed(&s, ctx);
	while (spread(&s))
		;
	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *f = tu->funcs[i];

		if (!f->is_definition || f->always_inline)
			continue;
		for (k = s.first[i]; k < s.first[i + 1]; k++) {
			if (s.through[k] && s.bound[k]) {
				tdx_report(ctx, TDX_RULE_indirect_primitive_call, f->loc, f->name);
				break;
			}
		}
	}
	free(s.first);
	free(s.through);
	free(s.bound);
}
