// SPDX-License-Identifier: GPL-2.0
/*
 * The prefilter's scan: which texts name a TDX primitive.  A wrong "no"
 * would drop a unit with findings, so the literals and numbers it skips are
 * tested at their edges.
 */
#include <stdio.h>
#include <string.h>

#include "prefilter.h"

static int failed;

static void expect(const struct tdx_config *cfg, const char *text, bool want)
{
	bool got = tdx_prefilter_text(text, strlen(text), cfg);

	if (got != want) {
		fprintf(stderr, "FAIL: %s: expected %s\n", text, want ? "named" : "not named");
		failed = 1;
	}
}

int main(void)
{
	struct tdx_config cfg;

	tdx_config_init(&cfg);
	expect(&cfg, "int f(void) { return g(1); }", false);
	expect(&cfg, "u64 r = __seamcall(fn, &args);", true);
	expect(&cfg, "x = seamcall_ret(1)", true);
	expect(&cfg, "sc_retry_prerr(__seamcall, fn, a);", true);
	expect(&cfg, "tdcall(1);", true);
	/* tdcall is a whole name, not a prefix */
	expect(&cfg, "tdcall_x(1); my_seamcall(2); __tdx_module_call_x();", false);
	expect(&cfg, "pr_err(\"seamcall failed\\n\"); c = 'x';", false);
	/* an escaped quote does not end the literal, the name after it counts */
	expect(&cfg, "s = \"a\\\"b\"; __tdcall(c);", true);
	expect(&cfg, "c = '\\''; tdcall();", true);
	expect(&cfg, "c = '\"'; seamcall();", true);
	/* -fdirectives-only keeps macro definitions whole, unexpanded */
	expect(&cfg, "#define seamcall_prerr\nint x;", true);
	expect(&cfg, "#define DO_CALL(a) __seamcall(1, (a))\nint f(void) { return DO_CALL(0); }",
	       true);
	/* ... and comments: a name in one is not a use, an apostrophe in one no literal */
	expect(&cfg, "/* seamcall() */ int x; // __tdcall()\nint y;", false);
	expect(&cfg, "/* don't */ seamcall();", true);
	expect(&cfg, "// it's\n__tdcall(c);", true);
	expect(&cfg, "s = \"/* not a comment\"; __tdcall(c);", true);
	expect(&cfg, "int x; /* never closed seamcall()", false);
	/* pp-numbers are not names */
	expect(&cfg, "x = 0x1e + tdcall;", true);
	expect(&cfg, "x = 1e+5; y = 0xseamcall;", false);
	expect(&cfg, "end __seamcall", true);
	tdx_config_add_primitives(&cfg, "hv_do_hypercall*");
	expect(&cfg, "hv_do_hypercall_fast(1);", true);
	tdx_config_release(&cfg);
	return failed;
}
