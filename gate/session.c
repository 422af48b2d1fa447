// SPDX-License-Identifier: GPL-2.0
/*
 * Checking one input of a run.  checkpatch names each input between two
 * lines of dashes when it was given several, then prints its findings,
 * its total and its verdict: a series is judged patch by patch, since
 * every commit must be clean for bisection, not just the end result.
 *
 * An input is judged by what it causes: its files are checked before and
 * after it, and what is found after and not before is its (introduced.c).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "change.h"
#include "check.h"
#include "fix.h"
#include "introduced.h"
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

/* Is path, with every link resolved, inside root (resolved)? */
static bool inside(const char *root, const char *path)
{
	char *r = tdx_path_canonical(root), *p = tdx_path_canonical(path);
	size_t n = strlen(r);
	bool in = !strncmp(p, r, n) && p[n] == '/';

	free(r);
	free(p);
	return in;
}

/* a patch may add "x.c -> /home/me/secret.c" */
char *gate_tree_file(const char *root, const char *path)
{
	char *full = tdx_path_join(root, path);
	struct stat st;

	if (lstat(full, &st) || !S_ISREG(st.st_mode) || !inside(root, full)) {
		free(full);
		return NULL;
	}
	return full;
}

/* The files to check: C files the patch leaves, one per path, read before and after. */
static int read_changes(const struct gate_patch *p, const char *pre_root, const char *post_root,
			struct gate_change *v, size_t *nr, char *err, size_t errlen)
{
	size_t i, k;

	*nr = 0;
	for (i = 0; i < p->nr_files; i++) {
		const struct gate_file *f = &p->files[i];
		struct gate_change *c = &v[*nr];
		bool seen = false;

		if (f->deleted || f->symlink || !gate_is_c_path(f->path))
			continue;
		/* several sections for one file: the file is compared once */
		for (k = 0; k < *nr; k++)
			seen |= !strcmp(v[k].path, f->path);
		if (seen)
			continue;
		memset(c, 0, sizeof(*c));
		c->file = i;
		c->path = f->path;
		c->post_file = gate_tree_file(post_root, f->path);
		if (!c->post_file)
			continue;	/* a link, or not a file: nothing of the tree to judge */
		if (pre_root && f->old_path && !f->created)
			c->pre_file = gate_tree_file(pre_root, f->old_path);
		if (gate_change_read(c, p, err, errlen)) {
			gate_change_release(c);
			return -1;
		}
		(*nr)++;
	}
	return 0;
}

/* Units for the changes' files in root (pre: their old paths); NULL name: none. */
static int make_units(struct gate_session *s, const struct gate_patch *p,
		      const struct gate_change *v, size_t nr, const char *root, bool pre,
		      struct gate_unit *units, const char **names, size_t *nr_units)
{
	const char **c_paths = tdx_xcalloc(nr + 1, sizeof(*c_paths));
	size_t i, nr_c = 0;
	char err[4096];
	int ret = 0;

	*nr_units = 0;
	for (i = 0; i < nr; i++) {
		const char *path = pre ? p->files[v[i].file].old_path : v[i].path;

		if ((!pre || v[i].pre_file) && path[strlen(path) - 1] == 'c')
			c_paths[nr_c++] = path;
	}
	for (i = 0; i < nr; i++) {
		const char *path = pre ? p->files[v[i].file].old_path : v[i].path;
		struct gate_unit_ctx ctx = {
			.db = s->o->compdb ? &s->db : NULL, .flags = &s->o->flags,
			.root = s->root, .check_root = root, .c_paths = c_paths,
			.nr_c_paths = nr_c,
		};

		if (pre && !v[i].pre_file)
			continue;
		if (gate_unit_make(&ctx, path, &units[*nr_units], err, sizeof(err))) {
			if (pre)
				continue;	/* then it is judged by its added lines */
			fprintf(stderr, "tdxcheck-gate: %s\n", err);
			ret = -1;
			break;
		}
		names[(*nr_units)++] = v[i].path;
	}
	free(c_paths);
	return ret;
}

int gate_session_check(struct gate_session *s, const struct gate_patch *p,
		       const char *pre_root, const char *post_root, const char *name,
		       const char *file_arg)
{
	const struct gate_opts *o = s->o;
	struct tdx_findings before = { 0 }, after = { 0 };
	struct gate_change *changes = tdx_xcalloc(p->nr_files + 1, sizeof(*changes));
	struct gate_unit *post_units = tdx_xcalloc(p->nr_files + 1, sizeof(*post_units));
	struct gate_unit *pre_units = tdx_xcalloc(p->nr_files + 1, sizeof(*pre_units));
	const char **post_names = tdx_xcalloc(p->nr_files + 1, sizeof(*post_names));
	const char **pre_names = tdx_xcalloc(p->nr_files + 1, sizeof(*pre_names));
	bool *pre_failed = tdx_xcalloc(p->nr_files + 1, sizeof(*pre_failed));
	struct gate_blames blames = { 0 };
	size_t nr = 0, nr_post = 0, nr_pre = 0, i, k;
	char err[4096], *fixes = NULL;
	bool clean;
	int ret = 2;

	if (s->framed && o->format == GATE_FMT_CHECKPATCH && !o->quiet)
		frame(name);
	if (read_changes(p, pre_root, post_root, changes, &nr, err, sizeof(err))) {
		fprintf(stderr, "tdxcheck-gate: %s\n", err);
		goto out;
	}
	if (make_units(s, p, changes, nr, post_root, false, post_units, post_names, &nr_post))
		goto out;
	fflush(stdout);
	if (gate_check(o, s->tdxcheck, post_units, post_names, nr_post,
		       strcmp(post_root, s->root) ? post_root : NULL, NULL, &after))
		goto out;
	for (i = 0; i < nr; i++)
		changes[i].pre_checked = !changes[i].pre_file;
	/*
	 * What a patch introduces is found after it and not before: with
	 * nothing after, the pre-image has nothing to say and is not compiled
	 * (half the cost of a clean patch).
	 */
	if (!o->added_only && pre_root && after.nr) {
		make_units(s, p, changes, nr, pre_root, true, pre_units, pre_names, &nr_pre);
		gate_check(o, s->tdxcheck, pre_units, pre_names, nr_pre, NULL, pre_failed,
			   &before);
		for (k = 0; k < nr_pre; k++)
			for (i = 0; i < nr; i++)
				if (!pre_failed[k] && pre_names[k] == changes[i].path)
					changes[i].pre_checked = true;
	}
	gate_introduced(changes, nr, &before, &after, o->added_only, &blames);
	clean = gate_report_clean(o, &blames);
	if (s->fix && (gate_fix_add(s->fix, p, pre_root, post_root, clean, name) ||
		       (s->input_ends && gate_fix_finish(s->fix, file_arg, &fixes))))
		goto out;
	if (o->format == GATE_FMT_JSON) {
		for (i = 0; i < blames.nr; i++) {
			const struct tdx_finding *fd = blames.v[i].fd;

			tdx_findings_add_copy(&s->json, fd->rule, &fd->loc, fd->message,
					      fd->subject);
		}
	} else if (gate_report(stdout, o, p, &blames, name, file_arg, fixes) ||
		   fflush(stdout)) {
		fprintf(stderr, "tdxcheck-gate: cannot write the report\n");
		goto out;
	}
	ret = clean ? 0 : 1;
out:
	free(fixes);
	for (i = 0; i < nr_post; i++)
		gate_unit_release(&post_units[i]);
	for (i = 0; i < nr_pre; i++)
		gate_unit_release(&pre_units[i]);
	for (i = 0; i < nr; i++)
		gate_change_release(&changes[i]);
	gate_blames_release(&blames);
	free(changes);
	free(post_units);
	free(pre_units);
	free(post_names);
	free(pre_names);
	free(pre_failed);
	tdx_findings_release(&before);
	tdx_findings_release(&after);
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
