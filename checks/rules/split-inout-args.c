// SPDX-License-Identifier: GPL-2.0
/*
 * split-inout-args: a TDX call helper that takes register inputs as scalars
 * beside a struct pointer whose fields name those same registers
 * (seamcall(fn, rcx, rdx, r8, r9, ..., struct tdx_module_output *out)): the
 * inputs are a subset of the outputs, so one in/out struct says it all
 * (upstream's struct tdx_module_args).  Also one register struct type
 * passed twice, as "in" and "out".
 *
 * The register inputs are the scalar parameters from the first one named
 * after a field of the struct on; the leading ones (the leaf number fn,
 * which goes to RAX) are not registers of any output struct.  Every
 * register input must be a field: a firmware ABI taking a0..a7 and
 * returning a struct of a0..a3 cannot move to one struct and is silent.
 * The struct passed twice must be the register struct: the function passes
 * one of the two parameters straight to a TDX call.  Two pointers to
 * another type (tdh_mem_page_add(td, gpa, struct page *page, struct page
 * *source, ...), which fills a struct tdx_module_args from them) are not.
 * Known limit: a prototype has no body to show that, so an assembly
 * primitive declared (fn, struct X *in, struct X *out) is not reported.
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

	for (i = 0; name && i < t->nr_fields; i++)
		if (t->fields[i] && !strcmp(t->fields[i], name))
			return true;
	return false;
}

static size_t nr_params(const struct tdx_function *fn)
{
	return fn->nr_params < fn->nr_vars ? fn->nr_params : fn->nr_vars;
}

/* The register inputs (see the header) beside struct parameter i are its fields. */
static bool inputs_in_fields(const struct tdx_function *fn, size_t i)
{
	const struct tdx_type *t = &fn->vars[i]->type;
	bool inputs = false;
	size_t j;

	for (j = 0; j < nr_params(fn); j++) {
		const struct tdx_var *v = fn->vars[j];

		if (j == i || v->type.class != TDX_TYPE_SCALAR)
			continue;
		if (has_field(t, v->name))
			inputs = true;
		else if (inputs)
			return false;
	}
	return inputs;
}

/* Parameter v goes straight into a call that issues TDX calls. */
static bool passed_to_tdx(const struct tdx_rule_ctx *ctx, const struct tdx_var *v)
{
	size_t r;

	for (r = 0; r < v->nr_reads; r++) {
		int c = v->reads[r]->call;

		if (c >= 0 && (size_t)c < ctx->tu->nr_calls &&
		    tdx_call_issues_tdx(ctx, ctx->tu->calls[c]))
			return true;
	}
	return false;
}

static bool same_struct_twice(const struct tdx_rule_ctx *ctx, size_t f)
{
	const struct tdx_function *fn = ctx->tu->funcs[f];
	size_t i, j;

	for (i = 0; i < nr_params(fn); i++) {
		const struct tdx_var *a = fn->vars[i];

		if (a->type.class != TDX_TYPE_STRUCT_PTR || !a->type.struct_tag)
			continue;
		for (j = i + 1; j < nr_params(fn); j++) {
			const struct tdx_var *b = fn->vars[j];

			if (b->type.class != TDX_TYPE_STRUCT_PTR || !b->type.struct_tag ||
			    strcmp(a->type.struct_tag, b->type.struct_tag))
				continue;
			if (passed_to_tdx(ctx, a) || passed_to_tdx(ctx, b))
				return true;
		}
	}
	return false;
}

static bool split(const struct tdx_rule_ctx *ctx, size_t f)
{
	const struct tdx_function *fn = ctx->tu->funcs[f];
	size_t i;

	for (i = 0; i < nr_params(fn); i++)
		if (fn->vars[i]->type.class == TDX_TYPE_STRUCT_PTR && inputs_in_fields(fn, i))
			return true;
	return same_struct_twice(ctx, f);
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
		if (split(ctx, i))
			tdx_report(ctx, TDX_RULE_split_inout_args, fn->loc, fn->name);
	}
}
