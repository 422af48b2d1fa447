// SPDX-License-Identifier: GPL-2.0
/*
 * tdx_check_tu(): run the enabled rules on one unit, drop what suppression
 * comments silence, and hand back one sorted list without duplicates, so
 * every front end prints the same findings in the same order.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "suppress.h"
#include "xalloc.h"

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

/* File, position, rule: the order every front end prints in. */
static int position_cmp(const struct tdx_finding *a, const struct tdx_finding *b)
{
	int c = str_cmp(a->loc.file, b->loc.file);

	if (c)
		return c;
	c = tdx_loc_cmp(&a->loc, &b->loc);
	if (c)
		return c;
	return (int)a->rule - (int)b->rule;
}

/* ... then the words, so that findings at one position come out in one order. */
static int finding_cmp(const void *pa, const void *pb)
{
	const struct tdx_finding *a = pa, *b = pb;
	int c = position_cmp(a, b);

	if (c)
		return c;
	c = str_cmp(a->subject, b->subject);
	return c ? c : str_cmp(a->message, b->message);
}

/*
 * Two reports of one finding: a macro may expand to two calls at one
 * position.  Column 0 is no position: GCC gives it to everything past
 * column 4096 of a line, where two findings of one rule are two findings.
 */
static bool same_finding(const struct tdx_finding *a, const struct tdx_finding *b)
{
	return a->loc.col && !position_cmp(a, b);
}

struct tdx_finding *tdx_findings_push(struct tdx_findings *out)
{
	struct tdx_finding *fd;

	if (out->nr == out->cap) {
		size_t cap = out->cap ? 2 * out->cap : 16;

		out->v = tdx_xreallocarray(out->v, cap, sizeof(*out->v));
		out->cap = cap;
	}
	fd = &out->v[out->nr++];
	memset(fd, 0, sizeof(*fd));
	return fd;
}

struct tdx_finding *tdx_findings_add_copy(struct tdx_findings *out,
					  enum tdx_rule_id rule,
					  const struct tdx_loc *loc,
					  const char *message, const char *subject)
{
	const char *file = loc->file ? loc->file : "";
	size_t ml = strlen(message) + 1, fl = strlen(file) + 1;
	size_t sl = subject ? strlen(subject) + 1 : 0;
	struct tdx_finding *fd;
	char *buf = tdx_xmalloc(ml + fl + sl);

	memcpy(buf, message, ml);
	memcpy(buf + ml, file, fl);
	if (subject)
		memcpy(buf + ml + fl, subject, sl);
	fd = tdx_findings_push(out);
	fd->rule = rule;
	fd->loc = *loc;
	fd->loc.file = buf + ml;
	fd->loc.handle = 0;
	fd->message = buf;
	fd->subject = subject ? buf + ml + fl : NULL;
	return fd;
}

void tdx_findings_sort_unique(struct tdx_findings *out, size_t from)
{
	size_t i, keep = from;

	if (out->nr - from < 2)
		return;	/* also: qsort() wants a non-NULL array even for no elements */
	qsort(out->v + from, out->nr - from, sizeof(*out->v), finding_cmp);
	for (i = from; i < out->nr; i++) {
		if (keep > from && same_finding(&out->v[keep - 1], &out->v[i])) {
			free(out->v[i].message);
			continue;
		}
		out->v[keep++] = out->v[i];
	}
	out->nr = keep;
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
	tdx_findings_sort_unique(out, first);
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
