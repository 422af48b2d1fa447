// SPDX-License-Identifier: GPL-2.0
/*
 * Flags for libclang.  The driver already dropped what no checker wants
 * (dependency output, -W, sparse's flags); a kernel configured for GCC still
 * hands over GCC-only code generation flags that clang rejects as unknown
 * arguments, or that clang 14 refuses without an extra switch
 * (-ftrivial-auto-var-init=zero).  None of them changes what the front end
 * sees: they are dropped.  Flags of an LLVM=1 build are clang's own and go
 * through unchanged.  -w: clang's warnings belong to the real compile.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clang_flags.h"

static const char *const drop_exact[] = {
	"-mindirect-branch-register", "-mindirect-branch-cs-prefix",
	"-fno-allow-store-data-races", "-fconserve-stack", "-mno-fp-ret-in-387",
	"-mskip-rax-setup", "-fno-var-tracking-assignments", "-fno-ipa-sra",
	"-mrecord-mcount", "-fno-inline-functions-called-once", "-fsanitize=kernel-hwaddress",
	"-fno-tree-loop-im", "-mharden-sls=all", "-fzero-init-padding-bits=all",
};

static const char *const drop_prefix[] = {
	"-mindirect-branch=", "-mfunction-return=", "-mpreferred-stack-boundary=",
	"-falign-jumps=", "-falign-loops=", "-fmin-function-alignment=",
	"-ftrivial-auto-var-init=", "-fzero-call-used-regs=", "-fsanitize-coverage=",
	"-fconserve-stack", "-mstack-protector-guard", "-fno-ipa-", "-fno-tree-",
	"-fdiagnostics-", "-fmacro-prefix-map=", "-ffile-prefix-map=",
};

static bool dropped(const char *a)
{
	size_t i;

	for (i = 0; i < sizeof(drop_exact) / sizeof(drop_exact[0]); i++)
		if (!strcmp(a, drop_exact[i]))
			return true;
	for (i = 0; i < sizeof(drop_prefix) / sizeof(drop_prefix[0]); i++)
		if (!strncmp(a, drop_prefix[i], strlen(drop_prefix[i])))
			return true;
	return false;
}

static void push(struct clang_args *out, const char *a)
{
	out->v[out->nr] = strdup(a);
	if (!out->v[out->nr]) {
		fprintf(stderr, "tdxcheck-clang: out of memory\n");
		exit(2);
	}
	out->nr++;
}

void clang_args_build(struct clang_args *out, const char *const *args, int nr)
{
	int i;

	out->nr = 0;
	out->v = calloc((size_t)nr + 4, sizeof(*out->v));
	if (!out->v) {
		fprintf(stderr, "tdxcheck-clang: out of memory\n");
		exit(2);
	}
	for (i = 0; i < nr; i++)
		if (!dropped(args[i]))
			push(out, args[i]);
	push(out, "-w");
	/* one error is enough to say the file did not parse */
	push(out, "-ferror-limit=20");
}

void clang_args_release(struct clang_args *out)
{
	size_t i;

	for (i = 0; i < out->nr; i++)
		free(out->v[i]);
	free(out->v);
	out->v = NULL;
	out->nr = 0;
}
