// SPDX-License-Identifier: GPL-2.0
/*
 * unused-attr-on-used: __always_unused or __attribute__((unused)) spelled
 * on a function or parameter that is used.  The attribute then only hides
 * the warnings it exists to keep quiet, and tells the reader something
 * false.  __maybe_unused is not judged (tdx_claims_unused() says why).  The implicit unused of the kernel's
 * inline never reaches spelled_unused (front ends read the spelling).
 *
 * Function: used = called from another function of the unit, passed as a
 * function or address taken; reported at the declaration carrying the
 * attribute (attr_loc).  Parameter: read or address taken; reported at the
 * parameter's name.
 */
#include "../analysis.h"

void tdx_rule_unused_attr_on_used(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i, k;

	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *fn = tu->funcs[i];

		if (!tdx_fn_in_scope(ctx, i))
			continue;
		if (tdx_claims_unused(fn->spelled_unused) && ctx->used[i])
			tdx_report(ctx, TDX_RULE_unused_attr_on_used,
				   fn->attr_loc.line ? fn->attr_loc : fn->loc, fn->name);
		if (!fn->is_definition)
			continue;
		for (k = 0; k < fn->nr_params && k < fn->nr_vars; k++) {
			const struct tdx_var *v = fn->vars[k];

			if (tdx_claims_unused(v->spelled_unused) &&
			    (v->nr_reads || v->address_taken))
				tdx_report(ctx, TDX_RULE_unused_attr_on_used, v->loc, v->name);
		}
	}
}
