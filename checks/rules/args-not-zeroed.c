// SPDX-License-Identifier: GPL-2.0
/*
 * args-not-zeroed: &args of a local struct passed to a TDX primitive while
 * some of its fields may be uninitialised: the primitive loads every
 * register of the struct, so stack bytes leak to the TDX module or the VMM
 * and stale values come back in registers the caller did not set.
 *
 * The struct counts as initialised before the call (source order) when it
 * has an initializer ("= {}", designated initialisers), is static, is
 * assigned whole, is cleared or copied into with memset()/memzero_explicit()/
 * memcpy(), is passed by address to any other call first (that callee may
 * fill it: no guess), or
 * when field stores before the call cover every field of its type.
 * Reported at the primitive call, naming the variable.
 *
 * Only structs the callee reads are judged: not one passed where the
 * callee's prototype (seen in this unit) takes an output struct beside
 * scalar register inputs (6.1's __tdx_module_call(fn, rcx, rdx, r8, r9,
 * struct tdx_module_output *out)), which the call only writes.  Known
 * limit: a prototype without parameter names, or none in the unit, cannot
 * show that, and such a struct is judged.
 */
#include <string.h>

#include "../analysis.h"

/* Library calls whose first argument is the only one they write. */
static bool is_mem_writer(const char *name)
{
	static const char *const names[] = {
		"memset", "__builtin_memset", "memzero_explicit",
		"memcpy", "__builtin_memcpy", "memmove",
	};
	size_t i;

	for (i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static bool before(const struct tdx_loc *a, const struct tdx_loc *b)
{
	return tdx_loc_cmp(a, b) < 0;
}

/*
 * Another call before this one takes &v where it may write it: memset()
 * and friends through their first argument; any other callee through any
 * argument (it may fill the struct: no guessing).  An earlier primitive
 * call with &v was judged itself.
 */
static bool passed_before(const struct tdx_rule_ctx *ctx, size_t fn,
			  const struct tdx_call *call, const char *var)
{
	const size_t *idx;
	size_t n = tdx_fn_calls(ctx, fn, &idx), i, a;

	for (i = 0; i < n; i++) {
		const struct tdx_call *c = ctx->tu->calls[idx[i]];
		bool mem = is_mem_writer(c->callee) || is_mem_writer(c->macro);

		if (c == call || !before(&c->loc, &call->loc))
			continue;
		for (a = 0; a < c->nr_args; a++) {
			const struct tdx_arg *arg = c->args[a];

			if (arg->kind == TDX_ARG_ADDR_LOCAL && arg->name &&
			    !strcmp(arg->name, var) && (!mem || a == 0))
				return true;
		}
	}
	return false;
}

static bool fields_covered(const struct tdx_var *v, const struct tdx_call *call)
{
	size_t f, s;

	if (!v->type.nr_fields)
		return false;
	for (f = 0; f < v->type.nr_fields; f++) {
		bool stored = false;

		for (s = 0; s < v->nr_stores && !stored; s++) {
			const struct tdx_store *st = v->stores[s];

			stored = st->field && v->type.fields[f] &&
				 !strcmp(st->field, v->type.fields[f]) &&
				 before(&st->loc, &call->loc);
		}
		if (!stored)
			return false;
	}
	return true;
}

static bool initialised(const struct tdx_rule_ctx *ctx, size_t fn,
			const struct tdx_var *v, const struct tdx_call *call)
{
	size_t s;

	if (v->is_static)
		return true;
	for (s = 0; s < v->nr_stores; s++) {
		const struct tdx_store *st = v->stores[s];

		if (st->is_init || (!st->field && before(&st->loc, &call->loc)))
			return true;
	}
	return passed_before(ctx, fn, call, v->name) || fields_covered(v, call);
}

/* The callee's argument a is an output-only struct (see the header). */
static bool output_only(const struct tdx_tu *tu, const struct tdx_call *call, size_t a)
{
	int callee = call->callee ? tdx_function_index(tu, call->callee) : -1;

	return callee >= 0 && tdx_param_is_split_output(tu->funcs[callee], a);
}

void tdx_rule_args_not_zeroed(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i, a;

	for (i = 0; i < tu->nr_calls; i++) {
		const struct tdx_call *call = tu->calls[i];
		const struct tdx_function *fn;

		if (call->caller < 0 || (size_t)call->caller >= tu->nr_funcs ||
		    !tdx_call_is_primitive(ctx, call))
			continue;
		fn = tu->funcs[call->caller];
		if (!tdx_fn_in_scope(ctx, (size_t)call->caller))
			continue;
		for (a = 0; a < call->nr_args; a++) {
			const struct tdx_arg *arg = call->args[a];
			const struct tdx_var *v;

			if (arg->kind != TDX_ARG_ADDR_LOCAL)
				continue;
			v = tdx_var_find(fn, arg->name);
			if (!v || v->is_param || v->type.class != TDX_TYPE_STRUCT ||
			    output_only(tu, call, a))
				continue;
			if (!initialised(ctx, (size_t)call->caller, v, call))
				tdx_report(ctx, TDX_RULE_args_not_zeroed, call->loc, v->name);
		}
	}
}
