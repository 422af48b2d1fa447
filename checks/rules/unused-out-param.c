// SPDX-License-Identifier: GPL-2.0
/*
 * unused-out-param: a pointer parameter that every caller passes as NULL
 * (u64 *seamcall_ret in the reviewed helper): a second return channel that
 * nobody uses.
 *
 * In one unit this is decided only for static functions defined in the
 * main file whose address is not taken: every caller is then in view.  A
 * static inline function of a header has callers in every unit including
 * it, so one unit's calls prove nothing.  Non-static functions
 * need the callers of the whole build (facts.c).  At least one direct call
 * is required; a call with fewer arguments than parameters (an old-style
 * declaration) proves nothing, so the parameter is not reported.
 */
#include <string.h>

#include "../analysis.h"

void tdx_rule_unused_out_param(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i, k, c;

	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *fn = tu->funcs[i];
		size_t n = fn->nr_params < fn->nr_vars ? fn->nr_params : fn->nr_vars;

		if (!fn->is_definition || !fn->is_static || fn->address_taken ||
		    !fn->loc.file || !tu->main_file || strcmp(fn->loc.file, tu->main_file) ||
		    !tdx_fn_in_scope(ctx, i))
			continue;
		for (k = 0; k < n; k++) {
			const struct tdx_var *v = fn->vars[k];
			size_t calls = 0;
			bool all_null = true;

			if (v->type.class != TDX_TYPE_POINTER &&
			    v->type.class != TDX_TYPE_STRUCT_PTR)
				continue;
			for (c = 0; c < tu->nr_calls && all_null; c++) {
				const struct tdx_call *call = tu->calls[c];
				size_t a;

				/* Passed as a function: callers we cannot see. */
				for (a = 0; a < call->nr_args; a++)
					if (call->args[a]->kind == TDX_ARG_FUNC &&
					    call->args[a]->name &&
					    !strcmp(call->args[a]->name, fn->name))
						all_null = false;
				if (!call->callee || strcmp(call->callee, fn->name))
					continue;
				calls++;
				if (k >= call->nr_args || call->args[k]->kind != TDX_ARG_NULL)
					all_null = false;
			}
			if (calls && all_null)
				tdx_report(ctx, TDX_RULE_unused_out_param, v->loc, v->name);
		}
	}
}
