// SPDX-License-Identifier: GPL-2.0
/*
 * Checking one input of a run.  checkpatch names each input between two
 * lines of dashes when it was given several, then prints its findings,
 * its total and its verdict: a series is judged patch by patch, since
 * every commit must be clean for bisection, not just the end result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "output.h"
#include "report.h"
#include "session.h"
#include "unit.h"
#include "xalloc.h"

static void frame(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < n; i++)
		putchar('-');
	printf("\n%s\n", name);
	for (i = 0; i < n; i++)
		putchar('-');
	putchar('\n');
}

int gate_session_check(struct gate_session *s, const struct gate_patch *p,
		       const char *check_root, const char *name)
{
	const struct gate_opts *o = s->o;
	struct tdx_findings kept = { 0 };
	struct gate_unit *units = tdx_xcalloc(p->nr_files + 1, sizeof(*units));
	size_t *file_of = tdx_xcalloc(p->nr_files + 1, sizeof(*file_of));
	const char **c_paths = tdx_xcalloc(p->nr_files + 1, sizeof(*c_paths));
	size_t nr = 0, nr_c = 0, i;
	char err[4096];
	int ret = 2;

	if (s->framed && o->format == GATE_FMT_CHECKPATCH)
		frame(name);
	for (i = 0; i < p->nr_files; i++) {
		const char *path = p->files[i].path;

		if (!p->files[i].deleted && gate_is_c_path(path) && path[strlen(path) - 1] == 'c')
			c_paths[nr_c++] = path;
	}
	for (i = 0; i < p->nr_files; i++) {
		struct gate_unit_ctx ctx = {
			.db = o->compdb ? &s->db : NULL, .flags = &o->flags, .root = s->root,
			.check_root = check_root, .c_paths = c_paths, .nr_c_paths = nr_c,
		};

		if (p->files[i].deleted || !gate_is_c_path(p->files[i].path))
			continue;
		if (gate_unit_make(&ctx, p->files[i].path, &units[nr], err, sizeof(err))) {
			fprintf(stderr, "tdxcheck-gate: %s\n", err);
			goto out;
		}
		file_of[nr++] = i;
	}
	fflush(stdout);
	if (gate_check(o, s->tdxcheck, p, units, file_of, nr,
		       strcmp(check_root, s->root) ? check_root : NULL, &kept))
		goto out;
	if (o->format == GATE_FMT_JSON) {
		for (i = 0; i < kept.nr; i++)
			tdx_findings_add_copy(&s->json, kept.v[i].rule, &kept.v[i].loc,
					      kept.v[i].message, kept.v[i].subject);
	} else if (gate_report(stdout, o->format, p, &kept, name) || fflush(stdout)) {
		fprintf(stderr, "tdxcheck-gate: cannot write the report\n");
		goto out;
	}
	ret = kept.nr ? 1 : 0;
out:
	for (i = 0; i < nr; i++)
		gate_unit_release(&units[i]);
	free(units);
	free(file_of);
	free(c_paths);
	tdx_findings_release(&kept);
	return ret;
}

int gate_session_finish(struct gate_session *s)
{
	if (s->o->format != GATE_FMT_JSON)
		return 0;
	if (tdx_report_json(stdout, &s->json) || fflush(stdout)) {
		fprintf(stderr, "tdxcheck-gate: cannot write the report\n");
		return 2;
	}
	return 0;
}
