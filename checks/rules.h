/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rules, their configuration and their findings.
 *
 * A rule is a function that reads a struct tdx_tu and appends findings; it
 * never prints and never includes a compiler header.  tdx_check_tu() runs the
 * enabled rules, applies suppression comments and sorts the findings, so that
 * every front end reports the same list in the same order.
 */
#ifndef TDXCHECK_RULES_H
#define TDXCHECK_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

enum tdx_rule_id {
#define TDX_RULE(ident, name, severity, message, doc) TDX_RULE_##ident,
#include "rules.def"
	TDX_NR_RULES
};

struct tdx_rule_info {
	const char *name;	/* "split-inout-args" */
	const char *type;	/* "TDX_SPLIT_INOUT_ARGS", checkpatch's TYPE */
	const char *severity;	/* "WARNING" or "ERROR" */
	const char *message;	/* printf format with one %s: the subject */
	const char *doc;
};

extern const struct tdx_rule_info tdx_rules[TDX_NR_RULES];

/* The rule's id, or -1 for an unknown name. */
int tdx_rule_lookup(const char *name);

enum tdx_scope {
	TDX_SCOPE_TDX,	/* primitives' declarations and functions reaching one */
	TDX_SCOPE_ALL,	/* every function */
};

struct tdx_config {
	bool enabled[TDX_NR_RULES];
	enum tdx_scope scope;
	const char **primitives;	/* fnmatch(3) patterns */
	size_t nr_primitives;
	size_t cap_primitives;
};

/* All rules on, scope tdx, the default primitive patterns. */
void tdx_config_init(struct tdx_config *cfg);
void tdx_config_release(struct tdx_config *cfg);
/*
 * Rule selection from a comma-separated list of rule names (checkpatch's
 * --types/--ignore; "all" names every rule).  only=true turns off every rule
 * not listed, only=false turns the listed ones off.  On an unknown name
 * returns -1 and copies the name into bad (size badlen).
 */
int tdx_config_select(struct tdx_config *cfg, const char *list, bool only,
		      char *bad, size_t badlen);
/* Adds comma-separated primitive patterns. */
void tdx_config_add_primitives(struct tdx_config *cfg, const char *list);
/* "tdx" or "all"; -1 otherwise. */
int tdx_config_set_scope(struct tdx_config *cfg, const char *scope);

struct tdx_finding {
	enum tdx_rule_id rule;
	struct tdx_loc loc;
	const char *subject;	/* the function, parameter or variable named */
	char *message;		/* formatted, owned by the list */
};

struct tdx_findings {
	struct tdx_finding *v;
	size_t nr, cap;
};

void tdx_findings_release(struct tdx_findings *out);
/* Room for one more finding at the end of out, zeroed. */
struct tdx_finding *tdx_findings_push(struct tdx_findings *out);
/*
 * Append a finding that owns copies of message, loc->file and subject, in
 * the one allocation of its message (what tdx_findings_release() frees), so
 * it outlives the unit, database rows or JSON it came from.
 */
struct tdx_finding *tdx_findings_add_copy(struct tdx_findings *out,
					  enum tdx_rule_id rule,
					  const struct tdx_loc *loc,
					  const char *message, const char *subject);
/* Sort out->v[from..] by file, line, column and rule, and drop repeats. */
void tdx_findings_sort_unique(struct tdx_findings *out, size_t from);

/* Run every enabled rule; sorted by file, line, column, rule; no duplicates. */
void tdx_check_tu(const struct tdx_tu *tu, const struct tdx_config *cfg,
		  struct tdx_findings *out);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_RULES_H */
