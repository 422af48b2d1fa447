/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared judgement helpers for the rules: which functions are TDX
 * primitives, which reach one, which are in scope, where preemption is off,
 * and walkers over the statement trees.  Computed once per unit in a
 * struct tdx_rule_ctx and read by every rule.
 */
#ifndef TDXCHECK_ANALYSIS_H
#define TDXCHECK_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tdx_rule_ctx {
	const struct tdx_tu *tu;
	const struct tdx_config *cfg;
	struct tdx_findings *out;
	/* per function (index in tu->funcs) */
	bool *primitive;	/* the name matches a primitive pattern */
	bool *reaches;		/* the body reaches a primitive */
	bool *used;		/* called, passed as a function or address taken */
	/* calls of function i: call_idx[call_start[i] .. call_start[i + 1]) */
	size_t *call_start;
	size_t *call_idx;
};

/* Set up and release the per-unit analysis. */
void tdx_ctx_init(struct tdx_rule_ctx *ctx, const struct tdx_tu *tu,
		  const struct tdx_config *cfg, struct tdx_findings *out);
void tdx_ctx_release(struct tdx_rule_ctx *ctx);

/* name matches one of cfg's primitive patterns (fnmatch). */
bool tdx_is_primitive(const struct tdx_config *cfg, const char *name);
/* The call's callee or its outermost macro is a primitive. */
bool tdx_call_is_primitive(const struct tdx_rule_ctx *ctx, const struct tdx_call *call);
/* The call itself is a primitive, or passes one as a function pointer. */
bool tdx_call_names_primitive(const struct tdx_rule_ctx *ctx, const struct tdx_call *call);
/*
 * The call issues a TDX primitive: it calls one, calls a function of this
 * unit that reaches one, or passes one as a function argument.
 */
bool tdx_call_issues_tdx(const struct tdx_rule_ctx *ctx, const struct tdx_call *call);
bool tdx_fn_reaches(const struct tdx_rule_ctx *ctx, size_t fn);
/*
 * A function of a header is judged only in the units that use it: every
 * file that includes asm/tdx.h would otherwise repeat the same finding on
 * its prototypes (6.1's asm-offsets.c never calls __tdx_module_call, and
 * under CONFIG_WERROR the repeat would even stop the build there).
 */
bool tdx_fn_judged_here(const struct tdx_rule_ctx *ctx, size_t fn);
/*
 * DESIGN "Default scope": scope all, a primitive, or reaches one; and
 * judged in this unit (tdx_fn_judged_here).
 */
bool tdx_fn_in_scope(const struct tdx_rule_ctx *ctx, size_t fn);

/*
 * Parameter p of fn is an output struct beside scalar register inputs: a
 * struct pointer whose fields name one of fn's scalar parameters (6.1's
 * __tdx_module_call(fn, rcx, rdx, r8, r9, struct tdx_module_output *out)).
 * The inputs travel as scalars; the struct only brings results back.
 */
bool tdx_param_is_split_output(const struct tdx_function *fn, size_t p);

/* Calls made by function fn: sets *idx to an array of tu->calls indexes. */
size_t tdx_fn_calls(const struct tdx_rule_ctx *ctx, size_t fn, const size_t **idx);

/* (line, col) order of two locations in the same file; <0, 0, >0. */
int tdx_loc_cmp(const struct tdx_loc *a, const struct tdx_loc *b);

/*
 * Pre-order walk of a statement tree.  visit gets the statement and its
 * ancestors (path[0] is the root, path[depth - 1] the parent); returning
 * false skips the statement's kids.  NULL kids (an if without else) are not
 * visited.
 */
typedef bool (*tdx_stmt_visit)(const struct tdx_stmt *s,
			       const struct tdx_stmt *const *path, size_t depth,
			       void *data);
void tdx_stmt_walk(const struct tdx_stmt *root, tdx_stmt_visit visit, void *data);

static inline bool tdx_stmt_is_loop(const struct tdx_stmt *s)
{
	return s->kind == TDX_STMT_FOR || s->kind == TDX_STMT_WHILE ||
	       s->kind == TDX_STMT_DO;
}

enum tdx_region {
	TDX_REGION_NONE,	/* preemption may be on */
	TDX_REGION_TAKEN,	/* the function disabled it (or took a lock) */
	TDX_REGION_ASSERTED,	/* only a lockdep assertion says the caller did */
};

/*
 * Whether preemption is off at (line, col) of function fn: TAKEN when the
 * disable markers (get_cpu, preempt_disable, local_irq_save/disable,
 * spin_lock*, ...) before that position outnumber the enable markers,
 * counted in source order and never below zero; else ASSERTED after a
 * lockdep assertion that the caller holds a lock or keeps irqs or
 * preemption off (lockdep_assert_held*(), lockdep_assert_irqs_disabled(),
 * lockdep_assert_preemption_disabled()), which nothing in the function
 * ends.  Markers inside an if-branch that leaves the function (ends in
 * return or goto: an error path's unlock) count only for positions inside
 * that branch.
 */
enum tdx_region tdx_preempt_off_at(const struct tdx_rule_ctx *ctx, size_t fn,
				    const struct tdx_loc *at);

/*
 * The spelling claims the declaration is unused.  __maybe_unused does not:
 * it is the kernel's way to say "unused in some configurations" (pm ops
 * under CONFIG_PM, lib/vdso/gettimeofday.c included by several vDSO units),
 * which one compilation cannot refute; 6.12's arch/x86, kernel, mm, fs and
 * lib have 21 such used functions, every one correct.
 */
static inline bool tdx_claims_unused(unsigned int spelled_unused)
{
	return spelled_unused & (TDX_UNUSED_ALWAYS | TDX_UNUSED_ATTR);
}

/* Append a finding of rule at loc; subject may be NULL. */
void tdx_report(struct tdx_rule_ctx *ctx, enum tdx_rule_id rule,
		struct tdx_loc loc, const char *subject);

/* The rules, one per checks/rules/<name>.c. */
#define TDX_RULE(ident, name, severity, message, doc) \
	void tdx_rule_##ident(struct tdx_rule_ctx *ctx);
#include "rules.def"

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_ANALYSIS_H */
