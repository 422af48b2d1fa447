// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's report.  Lines come from the patch, not from a file: the
 * post-image may be in a scratch copy, and checkpatch prints the line as
 * the patch adds it.
 */
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"

struct placed {
	const struct tdx_finding *fd;
	const struct gate_added *at;
};

static const struct gate_added *added_at(const struct gate_patch *p,
					 const struct tdx_finding *fd)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++)
		if (!strcmp(p->files[i].path, fd->loc.file))
			return gate_file_added(&p->files[i], fd->loc.line);
	return NULL;
}

static int by_patch_line(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;

	if (x->at->patch_line != y->at->patch_line)
		return x->at->patch_line < y->at->patch_line ? -1 : 1;
	if (x->fd->loc.col != y->fd->loc.col)
		return x->fd->loc.col < y->fd->loc.col ? -1 : 1;
	return (int)x->fd->rule - (int)y->fd->rule;
}

int gate_report(FILE *f, enum gate_format format, const struct gate_patch *p,
		const struct tdx_findings *kept, const char *name)
{
	unsigned long errors = 0, warnings = 0;
	struct placed *v;
	size_t i, n = 0;

	if (format == GATE_FMT_JSON)
		return tdx_report_json(f, kept);
	v = calloc(kept->nr + 1, sizeof(*v));
	if (!v)
		return -1;
	for (i = 0; i < kept->nr; i++) {
		v[n].fd = &kept->v[i];
		v[n].at = added_at(p, &kept->v[i]);
		if (v[n].at)
			n++;
	}
	qsort(v, n, sizeof(*v), by_patch_line);
	for (i = 0; i < n; i++) {
		if (format == GATE_FMT_GCC) {
			tdx_report_gcc_one_src(f, v[i].fd, v[i].at->text, v[i].at->len);
			continue;
		}
		tdx_report_checkpatch_one(f, v[i].fd, v[i].at->patch_line, v[i].at->text,
					  v[i].at->len);
		if (!strcmp(tdx_rules[v[i].fd->rule].severity, "ERROR"))
			errors++;
		else
			warnings++;
	}
	if (format == GATE_FMT_CHECKPATCH)
		tdx_report_checkpatch_total(f, errors, warnings, p->nr_lines, name);
	free(v);
	return ferror(f) ? -1 : 0;
}
