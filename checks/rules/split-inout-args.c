// SPDX-License-Identifier: GPL-2.0
/*
 * split-inout-args: a TDX call helper that takes register inputs as scalars
 * beside a struct pointer whose fields name those same registers
 * (seamcall(fn, rcx, rdx, r8, r9, ..., struct tdx_module_output *out)): the
 * inputs are a subset of the outputs, so one in/out struct says it all
 * (upstream's struct tdx_module_args).  Also one struct type passed twice,
 * as "in" and "out".
 *
 * Judged: primitives and definitions that reach one, whatever the scope
 * (being a TDX call helper is part of the rule: with scope all, copy
 * helpers like copy_siginfo(to, from) are not register helpers), and
 * primitives the unit only declares (an assembly primitive's prototype).
 * Scope all still widens it through the extra primitive patterns.
 * Reported at fn->loc: the definition's name, or the first declaration's
 * name when there is no definition; a header's function only in the units
 * that use it.
 */
#include <string.h>

#include "../analysis.h"

static bool has_field(const struct tdx_type *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nr_fields; i++)
		if (t->fields[i] && !strcmp(t->fields[i], name))
			return true;
	return false;
}

static bool split(const struct tdx_function *fn)
{
	size_t i, j, n = fn->nr_params < fn->nr_vars ? fn->nr_params : fn->nr_vars;

	for (i = 0; i < n; i++) {
		const struct tdx_type *t = &fn->vars[i]->type;

		if (t->class != TDX_TYPE_STRUCT_PTR)
			continue;
		for (j = 0; j < n; j++) {
			const struct tdx_var *v = fn->vars[j];

			if (j == i)
				continue;
			if (v->type.class == TDX_TYPE_SCALAR && v->name &&
			    has_field(t, v->name))
				return true;
			if (j > i && v->type.class == TDX_TYPE_STRUCT_PTR &&
			    t->struct_tag && v->type.struct_tag &&
			    !strcmp(t->struct_tag, v->type.struct_tag))
				return true;
		}
	}
	return false;
}

void tdx_rule_split_inout_args(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *fn = tu->funcs[i];

		if (!ctx->primitive[i] && !(fn->is_definition && tdx_fn_reaches(ctx, i)))
			continue;
		if (!tdx_fn_judged_here(ctx, i))
			continue;
		if (split(fn))
			tdx_report(ctx, TDX_RULE_split_inout_args, fn->loc, fn->name);
	}
}
