// SPDX-License-Identifier: GPL-2.0
/*
 * get-cpu-for-print: "cpu = get_cpu();" whose value is only ever printed.
 * get_cpu() disables preemption until put_cpu(), here across the TDX call,
 * only so that an error message names a stable CPU; raw_smp_processor_id()
 * (or no CPU number at all) does that without the side effect.
 *
 * A local is judged when one of its stores takes get_cpu() (the macro, or a
 * call of a function of that name) and it is read at least once, each read
 * being a direct argument of a print call: printk and the _printk/_dev_*
 * functions, or a call expanded from pr_*, dev_* or printk* macros.
 * Reported at each get_cpu() store.
 */
#include <fnmatch.h>
#include <string.h>

#include "../analysis.h"

static const char *const print_funcs[] = {
	"printk", "_printk", "vprintk*", "printk_*", "dev_printk*", "_dev_*",
	"__dev_printk",
};
static const char *const print_macros[] = { "pr_*", "dev_*", "printk*", "_printk*" };

static bool match(const char *name, const char *const *pats, size_t n)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!fnmatch(pats[i], name, 0))
			return true;
	return false;
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static bool is_print(const struct tdx_call *call)
{
	return match(call->callee, print_funcs, ARRAY_SIZE(print_funcs)) ||
	       match(call->macro, print_macros, ARRAY_SIZE(print_macros));
}

static bool from_get_cpu(const struct tdx_tu *tu, const struct tdx_store *st)
{
	if (st->macro && !strcmp(st->macro, "get_cpu"))
		return true;
	return st->call >= 0 && (size_t)st->call < tu->nr_calls &&
	       tu->calls[st->call]->callee && !strcmp(tu->calls[st->call]->callee, "get_cpu");
}

static bool only_printed(const struct tdx_tu *tu, const struct tdx_var *v)
{
	size_t r;

	if (!v->nr_reads || v->address_taken)
		return false;
	for (r = 0; r < v->nr_reads; r++) {
		int c = v->reads[r]->call;

		if (c < 0 || (size_t)c >= tu->nr_calls || !is_print(tu->calls[c]))
			return false;
	}
	return true;
}

void tdx_rule_get_cpu_for_print(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i, k, s;

	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *fn = tu->funcs[i];

		if (!fn->body || !tdx_fn_in_scope(ctx, i))
			continue;
		for (k = fn->nr_params; k < fn->nr_vars; k++) {
			const struct tdx_var *v = fn->vars[k];

			if (v->is_param || !only_printed(tu, v))
				continue;
			for (s = 0; s < v->nr_stores; s++)
				if (from_get_cpu(tu, v->stores[s]))
					tdx_report(ctx, TDX_RULE_get_cpu_for_print,
						   v->stores[s]->loc, v->name);
		}
	}
}
