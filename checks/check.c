// SPDX-License-Identifier: GPL-2.0
/*
 * tdx_check_tu(): run the enabled rules on one unit, drop what suppression
 * comments silence, and hand back one sorted list without duplicates, so
 * every front end prints the same findings in the same order.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "suppress.h"

typedef void (*rule_fn)(struct tdx_rule_ctx *ctx);

static const rule_fn rule_fns[TDX_NR_RULES] = {
#define TDX_RULE(ident, name, severity, message, doc) \
	[TDX_RULE_##ident] = tdx_rule_##ident,
#include "rules.def"
};

static int str_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct tdx_finding *a = pa, *b = pb;
	int c = str_cmp(a->loc.file, b->loc.file);

	if (c)
		return c;
	c = tdx_loc_cmp(&a->loc, &b->loc);
	if (c)
		return c;
	return (int)a->rule - (int)b->rule;
}

void tdx_check_tu(const struct tdx_tu *tu, const struct tdx_config *cfg,
		  struct tdx_findings *out)
{
	struct tdx_rule_ctx ctx;
	size_t first = out->nr, i, keep;
	int r;

	tdx_ctx_init(&ctx, tu, cfg, out);
	for (r = 0; r < TDX_NR_RULES; r++)
		if (cfg->enabled[r])
			rule_fns[r](&ctx);
	tdx_ctx_release(&ctx);

	/* Only this unit's findings: a caller may collect several units. */
	keep = first;
	for (i = first; i < out->nr; i++) {
		if (tdx_suppressed(&out->v[i])) {
			free(out->v[i].message);
			continue;
		}
		out->v[keep++] = out->v[i];
	}
	out->nr = keep;
	qsort(out->v + first, out->nr - first, sizeof(*out->v), finding_cmp);

	/* One finding per rule and position: a macro may expand to two calls. */
	keep = first;
	for (i = first; i < out->nr; i++) {
		if (keep > first && !finding_cmp(&out->v[keep - 1], &out->v[i])) {
			free(out->v[i].message);
			continue;
		}
		out->v[keep++] = out->v[i];
	}
	out->nr = keep;
}

void tdx_findings_release(struct tdx_findings *out)
{
	size_t i;

	for (i = 0; i < out->nr; i++)
		free(out->v[i].message);
	free(out->v);
	out->v = NULL;
	out->nr = out->cap = 0;
}
