// SPDX-License-Identifier: GPL-2.0
/*
 * The clang front end's model of facts/source-facts.c, asserted fact by
 * fact: braces, else keyword, statements from macros, spelled attributes,
 * do-while (a loop) and do-while(0) (a block), the for loop's keyword,
 * label statements, and the store local_irq_save() makes inside its macro.
 *
 * Usage: test-facts MODEL.json (tdxcheck-clang --tdx-dump-model of the file)
 */
#include <string.h>

#include "model.h"
#include "model_json.h"
#include "../../checks/tests/tdx_test.h"

static const struct tdx_function *fn(const struct tdx_tu *tu, const char *name)
{
	int i = tdx_function_index(tu, name);

	return i < 0 ? NULL : tu->funcs[i];
}

static void check_attr(const struct tdx_tu *tu)
{
	const struct tdx_function *f = fn(tu, "facts_attr");

	CHECK(f, "facts_attr is in the model");
	if (!f)
		return;
	CHECK(f->spelled_unused == TDX_UNUSED_ALWAYS, "function spells __always_unused: %u",
	      f->spelled_unused);
	CHECK(f->attr_loc.line == 18 && f->attr_loc.col == 28, "attr_loc %u:%u",
	      f->attr_loc.line, f->attr_loc.col);
	CHECK(f->is_static && f->is_definition, "static definition");
	CHECK(f->nr_params == 2, "two parameters: %zu", f->nr_params);
	if (f->nr_params == 2) {
		CHECK(f->vars[0]->spelled_unused == TDX_UNUSED_MAYBE, "a: __maybe_unused");
		CHECK(f->vars[1]->spelled_unused == TDX_UNUSED_ATTR,
		      "b: __attribute__((unused)) after the name");
		CHECK(f->vars[1]->loc.line == 19, "b on line 19: %u", f->vars[1]->loc.line);
	}
}

static const struct tdx_stmt *kid(const struct tdx_stmt *s, size_t i)
{
	return s && i < s->nr_kids ? s->kids[i] : NULL;
}

static void check_body(const struct tdx_tu *tu)
{
	const struct tdx_function *f = fn(tu, "facts_body");
	const struct tdx_stmt *b, *s, *t;
	const struct tdx_var *flags = NULL;
	size_t i;

	CHECK(f && f->body, "facts_body has a body");
	if (!f || !f->body)
		return;
	b = f->body;
	CHECK(b->braced && b->loc.line == 25 && b->last_line == 49, "body braced 25..49: %u..%u",
	      b->loc.line, b->last_line);
	/* kids: args init, ret init, if, if, do, TDX_CHECK, irq_save, for, restore, label, return */
	CHECK(b->nr_kids == 11, "eleven statements: %zu", b->nr_kids);

	s = kid(b, 2);
	CHECK(s && s->kind == TDX_STMT_IF && s->loc.line == 30 && s->loc.col == 2, "if at 30:2");
	if (s) {
		CHECK(s->else_loc.line == 32 && s->else_loc.col == 2, "else at 32:2, not %u:%u",
		      s->else_loc.line, s->else_loc.col);
		CHECK(kid(s, 0) && !kid(s, 0)->braced && kid(s, 0)->kind == TDX_STMT_EXPR,
		      "unbraced then");
		CHECK(s->last_line == 33, "if ends with the else body: %u", s->last_line);
	}
	s = kid(b, 3);
	CHECK(s && s->kind == TDX_STMT_IF && s->loc.line == 34, "second if at 34");
	t = kid(s, 0);
	CHECK(t && t->kind == TDX_STMT_BLOCK && t->braced && t->loc.line == 34 &&
	      t->last_line == 36, "braced then 34..36");
	CHECK(s && s->else_loc.line == 36 && s->else_loc.col == 4, "'} else' at 36:4");
	t = kid(s, 1);
	CHECK(t && t->kind == TDX_STMT_IF && t->else_loc.line == 0, "else if, no else");
	t = kid(t, 0);
	CHECK(t && t->kind == TDX_STMT_EXPR && !t->braced && t->loc.line == 37 &&
	      t->last_line == 38 && t->from_macro, "pr_err body from a macro, 37..38");

	s = kid(b, 4);
	CHECK(s && s->kind == TDX_STMT_DO && s->loc.line == 39 && s->last_line == 41,
	      "do-while is a loop 39..41");
	CHECK(kid(s, 0) && kid(s, 0)->braced, "do body braced");

	s = kid(b, 5);
	CHECK(s && s->kind == TDX_STMT_IF && s->from_macro && s->loc.line == 42 &&
	      s->loc.col == 2, "do-while(0) of TDX_CHECK is its if, from the macro");

	s = kid(b, 7);
	CHECK(s && s->kind == TDX_STMT_FOR && s->loc.line == 44 && s->loc.col == 2,
	      "for at its keyword");
	CHECK(s && s->last_line == 45 && kid(s, 0) && !kid(s, 0)->braced, "for body 45");

	s = kid(b, 9);
	CHECK(s && s->kind == TDX_STMT_OTHER && s->loc.line == 47, "label out: at 47");
	s = kid(b, 10);
	CHECK(s && s->kind == TDX_STMT_RETURN && s->nr_calls == 2, "return with two calls");

	for (i = 0; i < f->nr_vars; i++)
		if (!strcmp(f->vars[i]->name, "flags"))
			flags = f->vars[i];
	CHECK(flags && flags->nr_stores == 1 && flags->stores[0]->loc.line == 43,
	      "local_irq_save() stores flags in its macro body, at the expansion");
	if (flags && flags->nr_stores)
		CHECK(flags->stores[0]->call >= 0 &&
		      !strcmp(tu->calls[flags->stores[0]->call]->callee, "arch_local_irq_save"),
		      "the store's value is the call");
	CHECK(f->nr_expansions >= 4, "expansions recorded: %zu", f->nr_expansions);
}

int main(int argc, char **argv)
{
	char err[512];
	struct tdx_tu *tu;

	if (argc != 2) {
		fprintf(stderr, "usage: test-facts MODEL.json\n");
		return 2;
	}
	tu = tdx_model_load_file(argv[1], err, sizeof(err));
	if (!tu) {
		fprintf(stderr, "test-facts: %s: %s\n", argv[1], err);
		return 2;
	}
	check_attr(tu);
	check_body(tu);
	tdx_tu_free(tu);
	return tdx_test_status();
}
