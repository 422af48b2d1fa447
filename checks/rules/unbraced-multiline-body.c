// SPDX-License-Identifier: GPL-2.0
/*
 * unbraced-multiline-body: an if/else/for/while/do body that is one
 * statement spread over several lines without braces (the tip tree rule:
 * braces around multi-line bodies, even when C does not need them).
 *
 * Judged: then and else bodies of an if, loop bodies.  An else body that is
 * itself an if ("else if") is not a body but the next link of the chain; its
 * own then body is judged.  Statements a macro expands to are not judged:
 * the user did not write their shape.  Reported at the keyword: the if for
 * a then body, the else keyword (else_loc) for an else body, the loop
 * keyword for a loop body.
 */
#include "../analysis.h"

/*
 * An unbraced block is the front end's, not the source's: GCC wraps a
 * statement in one when a macro in it declares temporaries (6.12's
 * boot_cpu_has() in `else if (boot_cpu_has(X))`).  What was written is the
 * statement inside.
 */
static const struct tdx_stmt *as_written(const struct tdx_stmt *s)
{
	while (s && s->kind == TDX_STMT_BLOCK && !s->braced && s->nr_kids == 1)
		s = s->kids[0];
	return s;
}

static bool multiline_unbraced(const struct tdx_stmt *body)
{
	if (!body)
		return false;
	if (body->kind == TDX_STMT_BLOCK && body->braced)
		return false;
	return body->last_line > body->loc.line;
}

static bool visit(const struct tdx_stmt *s, const struct tdx_stmt *const *path,
		  size_t depth, void *data)
{
	struct tdx_rule_ctx *ctx = data;

	(void)path;
	(void)depth;
	if (s->from_macro)
		return true;
	if (s->kind == TDX_STMT_IF) {
		const struct tdx_stmt *els = as_written(s->nr_kids > 1 ? s->kids[1] : NULL);

		if (s->nr_kids && multiline_unbraced(s->kids[0]))
			tdx_report(ctx, TDX_RULE_unbraced_multiline_body, s->loc, NULL);
		if (els && els->kind != TDX_STMT_IF && multiline_unbraced(els))
			tdx_report(ctx, TDX_RULE_unbraced_multiline_body,
				   s->else_loc.line ? s->else_loc : els->loc, NULL);
	} else if (tdx_stmt_is_loop(s)) {
		if (s->nr_kids && multiline_unbraced(s->kids[0]))
			tdx_report(ctx, TDX_RULE_unbraced_multiline_body, s->loc, NULL);
	}
	return true;
}

void tdx_rule_unbraced_multiline_body(struct tdx_rule_ctx *ctx)
{
	const struct tdx_tu *tu = ctx->tu;
	size_t i;

	for (i = 0; i < tu->nr_funcs; i++)
		if (tu->funcs[i]->body && tdx_fn_in_scope(ctx, i))
			tdx_stmt_walk(tu->funcs[i]->body, visit, ctx);
}
