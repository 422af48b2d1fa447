// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the analysis core.
 *
 *   test_checks rules MODEL.json     run the rules on a hand-written model and
 *                                    compare (rule, line) with its "expect"
 *   test_checks roundtrip MODEL.json load(dump(load(x))) equals load(x)
 *   test_checks api                  catalogue, config, model built through the
 *                                    API round-trips field by field, bad JSON
 *   test_checks suppress DIR         suppression comments on real files in DIR
 *   test_checks report DIR           exact gcc/checkpatch output, JSON, SARIF
 *
 * A model file may carry, beside the model, "config": {"scope", "primitives",
 * "select", "ignore"} and "expect": [["rule", line], ...] (empty: silent).
 * Exit 0 on success, 1 with a line per failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model_json.h"
#include "report.h"
#include "rules.h"
#include "suppress.h"

#include "tdx_test.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

/* rules ------------------------------------------------------------------ */

static int apply_config(struct tdx_config *cfg, json_t *c)
{
	json_t *v, *item;
	size_t i;
	char bad[64];

	if (!c)
		return 0;
	v = json_object_get(c, "scope");
	if (v && tdx_config_set_scope(cfg, json_string_value(v)))
		return -1;
	json_array_foreach(json_object_get(c, "primitives"), i, item)
		tdx_config_add_primitives(cfg, json_string_value(item));
	v = json_object_get(c, "select");
	if (v && tdx_config_select(cfg, json_string_value(v), true, bad, sizeof(bad)))
		return -1;
	v = json_object_get(c, "ignore");
	if (v && tdx_config_select(cfg, json_string_value(v), false, bad, sizeof(bad)))
		return -1;
	return 0;
}

static int test_rules(const char *path)
{
	char *text = slurp(path), err[256];
	struct tdx_findings out = { 0 };
	struct tdx_config cfg;
	struct tdx_tu *tu;
	json_t *root, *expect, *item;
	json_error_t jerr;
	bool *matched;
	size_t i, k, nexp;

	if (!text) {
		fprintf(stderr, "%s: cannot read\n", path);
		return 1;
	}
	root = json_loads(text, 0, &jerr);
	tu = tdx_model_from_json(text, err, sizeof(err));
	free(text);
	if (!root || !tu) {
		fprintf(stderr, "%s: %s\n", path, root ? err : jerr.text);
		return 1;
	}
	expect = json_object_get(root, "expect");
	if (!json_is_array(expect)) {
		fprintf(stderr, "%s: no \"expect\" list\n", path);
		return 1;
	}
	tdx_config_init(&cfg);
	if (apply_config(&cfg, json_object_get(root, "config"))) {
		fprintf(stderr, "%s: bad config\n", path);
		return 1;
	}
	tdx_check_tu(tu, &cfg, &out);

	nexp = json_array_size(expect);
	matched = calloc(out.nr + 1, sizeof(bool));
	json_array_foreach(expect, i, item) {
		const char *rule = json_string_value(json_array_get(item, 0));
		json_int_t line = json_integer_value(json_array_get(item, 1));
		bool found = false;

		CHECK(rule && tdx_rule_lookup(rule) >= 0, "%s: expect[%zu]: bad rule", path, i);
		for (k = 0; k < out.nr && !found; k++) {
			if (!matched[k] && rule && !strcmp(tdx_rules[out.v[k].rule].name, rule) &&
			    out.v[k].loc.line == line) {
				matched[k] = found = true;
			}
		}
		CHECK(found, "%s: missing %s at line %lld", path, rule ? rule : "?",
		      (long long)line);
	}
	for (k = 0; k < out.nr; k++)
		CHECK(matched[k], "%s: unexpected %s at line %u (%s)", path,
		      tdx_rules[out.v[k].rule].name, out.v[k].loc.line, out.v[k].message);
	(void)nexp;
	free(matched);
	tdx_findings_release(&out);
	tdx_config_release(&cfg);
	tdx_tu_free(tu);
	json_decref(root);
	return failures ? 1 : 0;
}

/* model equality, field by field ----------------------------------------- */

static bool str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool loc_eq(const struct tdx_loc *a, const struct tdx_loc *b)
{
	return str_eq(a->file, b->file) && a->line == b->line && a->col == b->col;
}

static bool stmt_eq(const struct tdx_stmt *a, const struct tdx_stmt *b)
{
	size_t i;

	if (!a || !b)
		return a == b;
	if (a->kind != b->kind || !loc_eq(&a->loc, &b->loc) ||
	    !loc_eq(&a->else_loc, &b->else_loc) || a->last_line != b->last_line ||
	    a->braced != b->braced || a->from_macro != b->from_macro ||
	    a->is_default != b->is_default || a->never_exits != b->never_exits ||
	    !str_eq(a->cond_var, b->cond_var) || a->cond_call != b->cond_call ||
	    a->nr_kids != b->nr_kids || a->nr_calls != b->nr_calls)
		return false;
	for (i = 0; i < a->nr_calls; i++)
		if (a->calls[i] != b->calls[i])
			return false;
	for (i = 0; i < a->nr_kids; i++)
		if (!stmt_eq(a->kids[i], b->kids[i]))
			return false;
	return true;
}

static bool var_eq(const struct tdx_var *a, const struct tdx_var *b)
{
	size_t i;

	if (!str_eq(a->name, b->name) || !loc_eq(&a->loc, &b->loc) ||
	    a->type.class != b->type.class || !str_eq(a->type.struct_tag, b->type.struct_tag) ||
	    a->type.nr_fields != b->type.nr_fields || a->is_param != b->is_param ||
	    a->is_static != b->is_static || a->address_taken != b->address_taken ||
	    a->spelled_unused != b->spelled_unused || a->nr_stores != b->nr_stores ||
	    a->nr_reads != b->nr_reads)
		return false;
	for (i = 0; i < a->type.nr_fields; i++)
		if (!str_eq(a->type.fields[i], b->type.fields[i]))
			return false;
	for (i = 0; i < a->nr_stores; i++) {
		const struct tdx_store *x = a->stores[i], *y = b->stores[i];

		if (!loc_eq(&x->loc, &y->loc) || !str_eq(x->field, y->field) ||
		    x->is_init != y->is_init || x->call != y->call || !str_eq(x->macro, y->macro))
			return false;
	}
	for (i = 0; i < a->nr_reads; i++)
		if (!loc_eq(&a->reads[i]->loc, &b->reads[i]->loc) ||
		    a->reads[i]->call != b->reads[i]->call)
			return false;
	return true;
}

static bool tu_eq(const struct tdx_tu *a, const struct tdx_tu *b)
{
	size_t i, k;

	if (!str_eq(a->main_file, b->main_file) || a->nr_funcs != b->nr_funcs ||
	    a->nr_calls != b->nr_calls)
		return false;
	for (i = 0; i < a->nr_funcs; i++) {
		const struct tdx_function *x = a->funcs[i], *y = b->funcs[i];

		if (!str_eq(x->name, y->name) || !loc_eq(&x->loc, &y->loc) ||
		    x->is_definition != y->is_definition || x->is_static != y->is_static ||
		    x->returns_void != y->returns_void || x->address_taken != y->address_taken ||
		    x->always_inline != y->always_inline ||
		    x->spelled_unused != y->spelled_unused || !loc_eq(&x->attr_loc, &y->attr_loc) ||
		    x->nr_vars != y->nr_vars || x->nr_params != y->nr_params ||
		    x->nr_expansions != y->nr_expansions || !stmt_eq(x->body, y->body))
			return false;
		for (k = 0; k < x->nr_vars; k++)
			if (!var_eq(x->vars[k], y->vars[k]))
				return false;
		for (k = 0; k < x->nr_expansions; k++)
			if (!str_eq(x->expansions[k]->macro, y->expansions[k]->macro) ||
			    !loc_eq(&x->expansions[k]->loc, &y->expansions[k]->loc))
				return false;
	}
	for (i = 0; i < a->nr_calls; i++) {
		const struct tdx_call *x = a->calls[i], *y = b->calls[i];

		if (x->caller != y->caller || !str_eq(x->callee, y->callee) ||
		    !str_eq(x->via, y->via) || !loc_eq(&x->loc, &y->loc) ||
		    !str_eq(x->macro, y->macro) || x->result_used != y->result_used ||
		    x->void_cast != y->void_cast ||
		    x->returns_void != y->returns_void || x->nr_args != y->nr_args)
			return false;
		for (k = 0; k < x->nr_args; k++)
			if (x->args[k]->kind != y->args[k]->kind ||
			    !str_eq(x->args[k]->name, y->args[k]->name))
				return false;
	}
	return true;
}

static int test_roundtrip(const char *path)
{
	char err[256], *d1, *d2;
	struct tdx_tu *a = tdx_model_load_file(path, err, sizeof(err)), *b;

	if (!a) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	d1 = tdx_model_to_json(a);
	b = tdx_model_from_json(d1, err, sizeof(err));
	CHECK(b, "%s: reloading the dump: %s", path, err);
	if (b) {
		CHECK(tu_eq(a, b), "%s: load(dump(m)) differs from m", path);
		d2 = tdx_model_to_json(b);
		CHECK(d2 && !strcmp(d1, d2), "%s: dump(load(dump(m))) differs from dump(m)", path);
		free(d2);
		tdx_tu_free(b);
	}
	free(d1);
	tdx_tu_free(a);
	return failures ? 1 : 0;
}

/* api -------------------------------------------------------------------- */

/* A model with every field set to something other than its default. */
static struct tdx_tu *full_model(void)
{
	static const char *const fields[] = { "rcx", "rdx" };
	struct tdx_tu *tu = tdx_tu_new("a.c");
	struct tdx_function *f = tdx_function_get(tu, "seamcall");
	struct tdx_function *g = tdx_function_get(tu, "caller");
	struct tdx_var *p, *l;
	struct tdx_store *st;
	struct tdx_read *rd;
	struct tdx_stmt *body, *sw, *arm, *ret;
	struct tdx_call *call;
	int c;

	f->loc = tdx_loc_make(tu, "a.h", 3, 12);
	f->is_static = f->returns_void = f->address_taken = f->always_inline = true;
	f->spelled_unused = TDX_UNUSED_ALWAYS | TDX_UNUSED_ATTR;
	f->attr_loc = tdx_loc_make(tu, "a.h", 3, 12);
	p = tdx_var_add(tu, f, "out", true);
	p->loc = tdx_loc_make(tu, "a.h", 4, 30);
	p->type.class = TDX_TYPE_STRUCT_PTR;
	p->type.struct_tag = tdx_str(tu, "tdx_module_output");
	tdx_type_set_fields(tu, &p->type, fields, 2);
	p->spelled_unused = TDX_UNUSED_MAYBE;

	g->is_definition = true;
	g->loc = tdx_loc_make(tu, "a.c", 10, 5);
	l = tdx_var_add(tu, g, "sret", false);
	l->loc = tdx_loc_make(tu, "a.c", 12, 6);
	l->is_static = l->address_taken = true;
	c = tdx_call_add(tu, 1, "seamcall");
	call = tu->calls[c];
	call->via = tdx_str(tu, "fnp");
	call->loc = tdx_loc_make(tu, "a.c", 13, 9);
	call->macro = tdx_str(tu, "SEAMCALL");
	call->result_used = call->returns_void = true;
	tdx_arg_add(tu, call, TDX_ARG_NULL, NULL);
	tdx_arg_add(tu, call, TDX_ARG_ADDR_LOCAL, "args");
	tdx_arg_add(tu, call, TDX_ARG_FUNC, "__seamcall");
	tdx_arg_add(tu, call, TDX_ARG_PARAM, "func");
	tdx_arg_add(tu, call, TDX_ARG_OTHER, NULL);
	st = tdx_store_add(tu, l);
	st->loc = call->loc;
	st->field = tdx_str(tu, "rcx");
	st->is_init = true;
	st->call = c;
	st->macro = tdx_str(tu, "get_cpu");
	rd = tdx_read_add(tu, l);
	rd->loc = tdx_loc_make(tu, "a.c", 14, 10);
	rd->call = c;
	tdx_expansion_add(tu, g, "get_cpu", tdx_loc_make(tu, "a.c", 11, 8));

	body = tdx_stmt_new(tu, TDX_STMT_BLOCK);
	body->loc = tdx_loc_make(tu, "a.c", 11, 1);
	body->last_line = 20;
	body->braced = true;
	sw = tdx_stmt_new(tu, TDX_STMT_SWITCH);
	sw->loc = tdx_loc_make(tu, "a.c", 14, 2);
	sw->else_loc = tdx_loc_make(tu, "a.c", 15, 3);
	sw->from_macro = sw->never_exits = true;
	sw->cond_var = tdx_str(tu, "sret");
	sw->cond_call = c;
	tdx_stmt_add_call(tu, sw, c);
	arm = tdx_stmt_new(tu, TDX_STMT_CASE);
	arm->is_default = true;
	ret = tdx_stmt_new(tu, TDX_STMT_RETURN);
	tdx_stmt_add_kid(tu, arm, ret);
	tdx_stmt_add_kid(tu, arm, NULL);
	tdx_stmt_add_kid(tu, sw, arm);
	tdx_stmt_add_kid(tu, body, sw);
	g->body = body;
	return tu;
}

static const char *load_err(const char *json)
{
	static char err[256];
	struct tdx_tu *tu = tdx_model_from_json(json, err, sizeof(err));

	if (tu) {
		tdx_tu_free(tu);
		return "(loaded)";
	}
	return err;
}

static void test_bad_json(void)
{
	static const struct {
		const char *json, *err;
	} cases[] = {
		{ "", "line 1, column 0: '[' or '{' expected near end of file" },
		{ "[]", "model: expected an object" },
		{ "{\"funcs\": []}", "main_file: expected a string" },
		{ "{\"main_file\": \"a.c\", \"funcs\": 3}", "funcs: expected an array" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{}]}", "funcs[0].name: missing" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\"}, {\"name\": \"f\"}]}",
		  "funcs[1].name: duplicate function" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"vars\": "
		  "[{\"name\": \"x\", \"type\": {\"class\": \"blob\"}}]}]}",
		  "funcs[0].vars[0].type.class: unknown value" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"loc\": [1]}]}",
		  "funcs[0].loc: expected [line, col]" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"loc\": {\"line\": -2}}]}",
		  "funcs[0].loc.line: integer out of range" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"body\": "
		  "{\"kind\": \"block\", \"kids\": [{\"kind\": \"expr\", \"calls\": [0]}]}}]}",
		  "funcs[0].calls: call index out of range" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"body\": "
		  "{\"kind\": \"loop\"}}]}", "funcs[0].body.kind: unknown value" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\"}], \"calls\": "
		  "[{\"caller\": 1, \"callee\": \"g\"}]}", "calls[0].caller: integer out of range" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\"}], \"calls\": "
		  "[{\"caller\": \"h\"}]}", "calls[0].caller: no such function" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\"}], \"calls\": "
		  "[{\"caller\": 0, \"args\": [{\"kind\": \"addr\"}]}]}",
		  "calls[0].args[0].kind: unknown value" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"vars\": "
		  "[{\"name\": \"l\"}, {\"name\": \"p\", \"is_param\": true}]}]}",
		  "funcs[0].vars[1].is_param: parameters must come before locals" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"spelled_unused\": "
		  "[\"often\"]}]}",
		  "funcs[0].spelled_unused: unknown spelling (always_unused, maybe_unused, attribute)" },
		{ "{\"main_file\": \"a.c\", \"funcs\": [{\"name\": \"f\", \"is_static\": 1}]}",
		  "funcs[0].is_static: expected true or false" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = load_err(cases[i].json);

		CHECK(!strcmp(got, cases[i].err), "bad json %zu: got \"%s\", want \"%s\"",
		      i, got, cases[i].err);
	}
	CHECK(!tdx_model_load_file("/nonexistent/m.json", NULL, 0), "missing file loads");
	{
		char err[128];

		tdx_model_load_file("/nonexistent/m.json", err, sizeof(err));
		CHECK(!strcmp(err, "/nonexistent/m.json: cannot open"), "missing file: %s", err);
	}
}

static void test_catalogue_config(void)
{
	struct tdx_config cfg;
	char bad[32] = "";
	int i;

	CHECK(!strcmp(tdx_rules[TDX_RULE_split_inout_args].name, "split-inout-args"), "name");
	CHECK(!strcmp(tdx_rules[TDX_RULE_split_inout_args].type, "TDX_SPLIT_INOUT_ARGS"), "type");
	CHECK(!strcmp(tdx_rules[TDX_RULE_get_cpu_for_print].type, "TDX_GET_CPU_FOR_PRINT"),
	      "type");
	for (i = 0; i < TDX_NR_RULES; i++) {
		CHECK(tdx_rule_lookup(tdx_rules[i].name) == i, "lookup %s", tdx_rules[i].name);
		CHECK(tdx_rule_lookup(tdx_rules[i].type) == i, "lookup %s", tdx_rules[i].type);
	}
	CHECK(tdx_rule_lookup("tdx-status-ignored") == TDX_RULE_status_ignored, "tdx- prefix");
	CHECK(tdx_rule_lookup("status_ignored") == -1, "underscores are not a name");
	CHECK(tdx_rule_lookup("no-such-rule") == -1, "unknown");

	tdx_config_init(&cfg);
	CHECK(cfg.scope == TDX_SCOPE_TDX && cfg.nr_primitives == 8, "defaults");
	for (i = 0; i < TDX_NR_RULES; i++)
		CHECK(cfg.enabled[i], "rule %d on by default", i);
	CHECK(tdx_config_select(&cfg, "status-ignored, TDX_ARGS_NOT_ZEROED", true,
				bad, sizeof(bad)) == 0, "select");
	for (i = 0; i < TDX_NR_RULES; i++)
		CHECK(cfg.enabled[i] == (i == TDX_RULE_status_ignored ||
					 i == TDX_RULE_args_not_zeroed), "select %d", i);
	CHECK(tdx_config_select(&cfg, "status-ignored,bogus", false, bad, sizeof(bad)) == -1 &&
	      !strcmp(bad, "bogus"), "bad name reported: %s", bad);
	CHECK(cfg.enabled[TDX_RULE_status_ignored], "failed select changes nothing");
	CHECK(tdx_config_select(&cfg, "all", true, bad, sizeof(bad)) == 0, "all");
	CHECK(tdx_config_select(&cfg, "preempt-across-loop", false, bad, sizeof(bad)) == 0 &&
	      !cfg.enabled[TDX_RULE_preempt_across_loop] && cfg.enabled[TDX_RULE_status_ignored],
	      "ignore");
	CHECK(tdx_config_set_scope(&cfg, "all") == 0 && cfg.scope == TDX_SCOPE_ALL, "scope");
	CHECK(tdx_config_set_scope(&cfg, "some") == -1, "bad scope");
	tdx_config_add_primitives(&cfg, "sun4v_*, hv_do_hypercall*,,sun4v_*");
	CHECK(cfg.nr_primitives == 10 && !strcmp(cfg.primitives[9], "hv_do_hypercall*"),
	      "extra primitives");
	tdx_config_release(&cfg);
}

static int test_api(void)
{
	struct tdx_tu *a = full_model(), *b;
	char err[256], *d1, *d2;

	test_catalogue_config();
	d1 = tdx_model_to_json(a);
	b = tdx_model_from_json(d1, err, sizeof(err));
	CHECK(b, "reload full model: %s", err);
	if (b) {
		CHECK(tu_eq(a, b), "full model: load(dump(m)) differs from m");
		d2 = tdx_model_to_json(b);
		CHECK(!strcmp(d1, d2), "full model: dump text not stable");
		free(d2);
		tdx_tu_free(b);
	}
	/* The comparison itself must see a difference. */
	a->calls[0]->args[1]->kind = TDX_ARG_OTHER;
	b = tdx_model_from_json(d1, err, sizeof(err));
	CHECK(b && !tu_eq(a, b), "tu_eq misses a changed argument kind");
	tdx_tu_free(b);
	free(d1);
	tdx_tu_free(a);
	test_bad_json();
	return failures ? 1 : 0;
}

/* suppress and report ---------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static struct tdx_finding finding(enum tdx_rule_id rule, const char *file,
				  unsigned int line, unsigned int col, const char *msg)
{
	struct tdx_finding fd = { .rule = rule, .loc = { .file = file, .line = line, .col = col } };

	fd.message = (char *)msg;
	return fd;
}

static int test_suppress(const char *dir)
{
	char path[4096];
	struct tdx_finding fd;

	snprintf(path, sizeof(path), "%s/suppress.c", dir);
	write_file(path,
		   "int a(void)\n"						/* 1 */
		   "{\n"							/* 2 */
		   "\t__seamcall(1); /* tdxcheck-ignore: status-ignored */\n"	/* 3 */
		   "\t// tdxcheck-ignore: preempt-across-loop, status-ignored\n"	/* 4 */
		   "\t__seamcall(2);\n"						/* 5 */
		   "\t/* tdxcheck-ignore: all */\n"				/* 6 */
		   "\t__seamcall(3);\n"						/* 7 */
		   "\t__seamcall(4);\n"						/* 8 */
		   "\tputs(\"tdxcheck-ignore: status-ignored\");\n"		/* 9 */
		   "\t__seamcall(5);\n"						/* 10 */
		   "\t/* tdxcheck-ignore: TDX_STATUS_IGNORED */ x();\n"	/* 11 */
		   "\t/* tdxcheck-ignore: args-not-zeroed */ __seamcall(6);\n"	/* 12 */
		   "}\n");
	fd = finding(TDX_RULE_status_ignored, path, 3, 2, "m");
	CHECK(tdx_suppressed(&fd), "same line");
	fd.loc.line = 4;
	CHECK(tdx_suppressed(&fd), "on the comment line itself");
	fd.loc.line = 5;
	CHECK(tdx_suppressed(&fd), "line before, second name");
	fd.rule = TDX_RULE_preempt_across_loop;
	CHECK(tdx_suppressed(&fd), "line before, first name");
	fd.rule = TDX_RULE_args_not_zeroed;
	CHECK(!tdx_suppressed(&fd), "a rule not listed");
	fd.loc.line = 7;
	CHECK(tdx_suppressed(&fd), "all");
	fd.loc.line = 8;
	CHECK(!tdx_suppressed(&fd), "two lines below");
	fd.rule = TDX_RULE_status_ignored;
	fd.loc.line = 10;
	CHECK(!tdx_suppressed(&fd), "tag inside a string, not a comment");
	fd.loc.line = 11;
	CHECK(tdx_suppressed(&fd), "checkpatch type");
	fd.loc.line = 12;
	fd.rule = TDX_RULE_preempt_across_loop;
	CHECK(!tdx_suppressed(&fd), "other rules named on the line and the line before");
	fd.rule = TDX_RULE_args_not_zeroed;
	CHECK(tdx_suppressed(&fd), "comment before the code on the same line");
	fd.loc.line = 99;
	CHECK(!tdx_suppressed(&fd), "past the end");
	fd.loc.file = "/nonexistent/x.c";
	fd.loc.line = 3;
	CHECK(!tdx_suppressed(&fd), "unreadable file");
	CHECK(tdx_source_nr_lines(path) == 13, "line count %u", tdx_source_nr_lines(path));
	return failures ? 1 : 0;
}

static char *capture(void (*fn)(FILE *f, void *data), void *data)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fn(f, data);
	fclose(f);
	return buf;
}

static void gcc_fn(FILE *f, void *data)
{
	tdx_report_gcc(f, data);
}

static void cp_fn(FILE *f, void *data)
{
	struct tdx_findings *fs = data;
	const char *files[] = { fs->v[0].loc.file };

	tdx_report_checkpatch(f, fs, files, 1, "r.c");
}

static void json_fn(FILE *f, void *data)
{
	CHECK(tdx_report_json(f, data) == 0, "json write");
}

static void sarif_fn(FILE *f, void *data)
{
	CHECK(tdx_report_sarif(f, data) == 0, "sarif write");
}

static int test_report(const char *dir)
{
	char path[1024], want[8192], *got;
	struct tdx_finding v[2];
	struct tdx_findings fs = { v, 2, 2 };
	json_t *root, *res;
	json_error_t jerr;

	snprintf(path, sizeof(path), "%s/r \"q\".c", dir);
	write_file(path, "int a;\n\tx = y;\n\t__seamcall(fn, &args);\n");
	v[0] = finding(TDX_RULE_args_not_zeroed, path, 2, 2, "'args' may be \"partly\" set");
	v[0].subject = "args";
	v[1] = finding(TDX_RULE_status_ignored, path, 3, 2, "status returned by '__seamcall' is ignored");
	v[1].subject = "__seamcall";

	/* gcc style prints display columns: the tab before column 2 spans 8. */
	got = capture(gcc_fn, &fs);
	snprintf(want, sizeof(want),
		 "%s:2:9: warning: 'args' may be \"partly\" set [tdx-args-not-zeroed]\n"
		 "%s:3:9: warning: status returned by '__seamcall' is ignored [tdx-status-ignored]\n",
		 path, path);
	CHECK(!strcmp(got, want), "gcc output:\n%s\nwant:\n%s", got, want);
	free(got);

	got = capture(cp_fn, &fs);
	snprintf(want, sizeof(want),
		 "WARNING:TDX_ARGS_NOT_ZEROED: 'args' may be \"partly\" set\n"
		 "#2: FILE: %s:2:\n"
		 "+\tx = y;\n"
		 "\n"
		 "WARNING:TDX_STATUS_IGNORED: status returned by '__seamcall' is ignored\n"
		 "#3: FILE: %s:3:\n"
		 "+\t__seamcall(fn, &args);\n"
		 "\n"
		 "total: 0 errors, 2 warnings, 0 checks, 3 lines checked\n"
		 "\n"
		 "r.c has style problems, please review.\n", path, path);
	CHECK(!strcmp(got, want), "checkpatch output:\n%s\nwant:\n%s", got, want);
	free(got);

	got = capture(json_fn, &fs);
	root = json_loads(got, 0, &jerr);
	CHECK(root, "json output does not parse: %s", jerr.text);
	res = json_array_get(json_object_get(root, "findings"), 0);
	CHECK(json_array_size(json_object_get(root, "findings")) == 2, "json: 2 findings");
	CHECK(!strcmp(json_string_value(json_object_get(res, "rule")), "args-not-zeroed") &&
	      !strcmp(json_string_value(json_object_get(res, "type")), "TDX_ARGS_NOT_ZEROED") &&
	      !strcmp(json_string_value(json_object_get(res, "file")), path) &&
	      json_integer_value(json_object_get(res, "line")) == 2 &&
	      json_integer_value(json_object_get(res, "column")) == 2 &&
	      !strcmp(json_string_value(json_object_get(res, "subject")), "args") &&
	      !strcmp(json_string_value(json_object_get(res, "message")),
		      "'args' may be \"partly\" set"), "json finding fields:\n%s", got);
	json_decref(root);
	free(got);

	got = capture(sarif_fn, &fs);
	root = json_loads(got, 0, &jerr);
	CHECK(root, "sarif output does not parse: %s", jerr.text);
	{
		json_t *run = json_array_get(json_object_get(root, "runs"), 0);
		json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
		json_t *rules = json_object_get(driver, "rules");
		json_t *r1 = json_array_get(json_object_get(run, "results"), 1);
		json_t *pl = json_object_get(json_array_get(json_object_get(r1, "locations"), 0),
					     "physicalLocation");
		const char *uri = json_string_value(json_object_get(
			json_object_get(pl, "artifactLocation"), "uri"));
		json_t *region = json_object_get(pl, "region");
		long long idx = json_integer_value(json_object_get(r1, "ruleIndex"));

		CHECK(!strcmp(json_string_value(json_object_get(root, "version")), "2.1.0"),
		      "sarif version");
		CHECK(strstr(json_string_value(json_object_get(root, "$schema")), "sarif-schema-2.1.0"),
		      "sarif $schema");
		CHECK(!strcmp(json_string_value(json_object_get(driver, "name")), "tdxcheck"),
		      "driver name");
		CHECK(json_array_size(rules) == TDX_NR_RULES, "every rule listed");
		CHECK(!strcmp(json_string_value(json_object_get(r1, "ruleId")), "status-ignored") &&
		      idx == TDX_RULE_status_ignored &&
		      !strcmp(json_string_value(json_object_get(json_array_get(rules, idx), "id")),
			      "status-ignored"), "ruleId and ruleIndex agree");
		CHECK(!strcmp(json_string_value(json_object_get(r1, "level")), "warning"), "level");
		CHECK(!strcmp(json_string_value(json_object_get(json_object_get(r1, "message"),
								"text")),
			      "status returned by '__seamcall' is ignored"), "message.text");
		CHECK(uri && !strncmp(uri, path[0] == '/' ? "file:///" : "", path[0] == '/' ? 8 : 0) &&
		      strstr(uri, "/r%20%22q%22.c") && !strchr(uri, ' '),
		      "uri percent-encoded: %s", uri ? uri : "(null)");
		CHECK(json_integer_value(json_object_get(region, "startLine")) == 3 &&
		      json_integer_value(json_object_get(region, "startColumn")) == 2, "region");
	}
	json_decref(root);
	free(got);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "rules"))
		return test_rules(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "roundtrip"))
		return test_roundtrip(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "api"))
		return test_api();
	if (argc == 3 && !strcmp(argv[1], "suppress"))
		return test_suppress(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "report"))
		return test_report(argv[2]);
	fprintf(stderr, "usage: test_checks rules|roundtrip MODEL.json | api | suppress|report DIR\n");
	return 2;
}
