// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-gate: checkpatch's habits, tdxcheck's findings.  Reads a patch
 * (a file, standard input) or a git range, finds where its post-image is,
 * has tdxcheck check every C file it touches and reports only what is on a
 * line the patch adds: the gate holds a change to what it changes.
 *
 * Where the post-image is: for -g, the work tree, which must be at the
 * range's end; for a patch, the work tree when the patch is applied there,
 * else copies of the files it touches in a private directory, patched
 * there with git apply.  The user's files are only read.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diff.h"
#include "driver_path.h"
#include "git.h"
#include "options.h"
#include "output.h"
#include "run.h"
#include "scratch.h"
#include "unit.h"

#ifndef TDX_VERSION
#define TDX_VERSION "0.0.0"
#endif

static const char usage[] =
	"Usage: tdxcheck-gate [OPTION]... PATCH|- [-- COMPILER-FLAG...]\n"
	"       tdxcheck-gate [OPTION]... -g REV|A..B [-- COMPILER-FLAG...]\n"
	"\n"
	"Check a patch, or the commits of a git range, the way checkpatch.pl does,\n"
	"with tdxcheck's rules for code calling Intel TDX firmware: only the lines\n"
	"the patch adds are reported.  Each .c and .h file the patch touches is\n"
	"checked in its post-image by tdxcheck, with the flags after -- or those of\n"
	"compile_commands.json (-p).\n"
	"\n"
	"Options:\n"
	"  -g, --git          the input is a commit or a range A..B of the current\n"
	"                     repository; the work tree must be at its end\n"
	"  -p PATH            take compile flags from compile_commands.json (or the\n"
	"                     one in PATH, e.g. a kernel build directory)\n"
	"  --format=FMT       checkpatch (default), gcc, json\n"
	"  --types=LIST       report only these rules (comma-separated)\n"
	"  --ignore=LIST      do not report these rules\n"
	"  --scope=tdx|all    judge only TDX code (default) or every function\n"
	"  --primitives=LIST  more name patterns that count as TDX primitives\n"
	"  --tdxcheck=PATH    the tdxcheck to run (default: installed beside the gate)\n"
	"  --no-tree, --show-types  accepted for checkpatch's sake; nothing changes\n"
	"  -h, --help         show this help and exit\n"
	"  --version          show the version and exit\n"
	"\n"
	"Exit status: 0 nothing on the added lines, 1 findings, 2 bad input\n"
	"(unreadable patch, not a diff, bad range, a file that does not compile).\n"
	"See tdxcheck-gate(1).\n";

static int fail(const char *msg)
{
	fprintf(stderr, "tdxcheck-gate: %s\n", msg);
	return 2;
}

/* The patch of -g: the range's diff, its end checked out. */
static int read_range(const struct gate_opts *o, const char *top, struct gate_patch *p,
		      char *err, size_t errlen)
{
	char *diff = gate_scratch_path("range.diff"), *end = NULL, *buf;
	size_t len = 0;
	int ret = -1;

	memset(p, 0, sizeof(*p));
	if (gate_git_range_diff(top, o->input, diff, &end, err, errlen))
		goto out;
	buf = gate_read_file(diff, &len);
	if (!buf) {
		snprintf(err, errlen, "%s: cannot read its diff", o->input);
		goto out;
	}
	if (!len) {
		/* an empty range changes nothing: clean, not bad input */
		p->buf = buf;
		ret = 0;
		goto out;
	}
	if (gate_patch_parse(p, buf, len, o->input, err, errlen)) {
		gate_patch_release(p);
		goto out;
	}
	ret = gate_git_at(top, o->input, end, p, err, errlen);
out:
	free(end);
	free(diff);
	return ret;
}

/*
 * Where the post-image of a patch is: root when the patch is applied there,
 * else a scratch tree the patch is applied to.  NULL with err on failure.
 */
static char *post_image(const struct gate_opts *o, const struct gate_patch *p,
			const char *root, char *err, size_t errlen)
{
	char real[PATH_MAX], *patch_path, *tree;
	char msg[1024];

	if (!strcmp(o->input, "-")) {
		FILE *f;

		patch_path = gate_scratch_path("stdin.patch");
		f = fopen(patch_path, "wb");
		if (!f || fwrite(p->buf, 1, p->len, f) != p->len || fclose(f)) {
			snprintf(err, errlen, "%s: cannot write", patch_path);
			free(patch_path);
			return NULL;
		}
	} else {
		patch_path = strdup(realpath(o->input, real) ? real : o->input);
	}
	if (gate_patch_applied(root, patch_path)) {
		free(patch_path);
		return strdup(root);
	}
	tree = gate_scratch_path("tree");
	if (gate_patch_apply_copy(root, tree, patch_path, p, msg, sizeof(msg))) {
		snprintf(err, errlen, "%s: %s", strcmp(o->input, "-") ? o->input : "<stdin>",
			 msg);
		free(tree);
		tree = NULL;
	}
	free(patch_path);
	return tree;
}

static int gate(const struct gate_opts *o)
{
	struct tdx_compdb db = { 0 };
	struct gate_patch p = { 0 };
	struct tdx_findings kept = { 0 };
	struct gate_unit *units = NULL;
	const char **c_paths = NULL;
	size_t *file_of = NULL, nr = 0, nr_c = 0, i;
	char err[PATH_MAX + 1024], cwd[PATH_MAX], *tdxcheck, *top, *root, *check_root = NULL;
	const char *name;
	int ret = 2;

	tdxcheck = gate_driver_find(o->tdxcheck, err, sizeof(err));
	if (!tdxcheck)
		return fail(err);
	if (o->compdb && tdx_compdb_load(o->compdb, &db, err, sizeof(err))) {
		free(tdxcheck);
		return fail(err);
	}
	top = gate_git_toplevel();
	if (o->git && !top) {
		snprintf(err, sizeof(err), "%s: -g needs a git work tree, and %s is not in one",
			 o->input, getcwd(cwd, sizeof(cwd)) ? cwd : ".");
		fail(err);
		goto out;
	}
	root = top ? top : getcwd(cwd, sizeof(cwd));
	if (!root) {
		fail("cannot get the current directory");
		goto out;
	}
	if (o->git) {
		if (read_range(o, top, &p, err, sizeof(err))) {
			fail(err);
			goto out;
		}
		check_root = strdup(top);
		name = o->input;
	} else {
		if (gate_patch_read(&p, o->input, err, sizeof(err))) {
			fail(err);
			goto out;
		}
		check_root = post_image(o, &p, root, err, sizeof(err));
		if (!check_root) {
			fail(err);
			goto out;
		}
		name = strcmp(o->input, "-") ? o->input : "Your patch";
	}

	units = calloc(p.nr_files + 1, sizeof(*units));
	file_of = calloc(p.nr_files + 1, sizeof(*file_of));
	c_paths = calloc(p.nr_files + 1, sizeof(*c_paths));
	if (!units || !file_of || !c_paths) {
		fail("out of memory");
		goto out;
	}
	for (i = 0; i < p.nr_files; i++) {
		const char *path = p.files[i].path;

		if (!p.files[i].deleted && gate_is_c_path(path) && path[strlen(path) - 1] == 'c')
			c_paths[nr_c++] = path;
	}
	for (i = 0; i < p.nr_files; i++) {
		struct gate_unit_ctx ctx = {
			.db = o->compdb ? &db : NULL, .flags = &o->flags, .root = root,
			.check_root = check_root, .c_paths = c_paths, .nr_c_paths = nr_c,
		};

		if (p.files[i].deleted || !gate_is_c_path(p.files[i].path))
			continue;
		if (gate_unit_make(&ctx, p.files[i].path, &units[nr], err, sizeof(err))) {
			fail(err);
			goto out;
		}
		file_of[nr++] = i;
	}
	if (gate_check(o, tdxcheck, &p, units, file_of, nr,
		       strcmp(check_root, root) ? check_root : NULL, &kept))
		goto out;
	if (gate_report(stdout, o->format, &p, &kept, name) || fflush(stdout)) {
		fail("cannot write the report");
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
	gate_patch_release(&p);
	tdx_compdb_release(&db);
	free(check_root);
	free(top);
	free(tdxcheck);
	return ret;
}

int main(int argc, char *argv[])
{
	struct gate_opts o;
	char err[1024];
	int ret = 0;

	if (gate_opts_parse(&o, argc, argv, err, sizeof(err))) {
		gate_opts_release(&o);
		return fail(err);
	}
	if (o.help)
		fputs(usage, stdout);
	else if (o.version)
		printf("tdxcheck-gate %s\n", TDX_VERSION);
	else
		ret = gate(&o);
	gate_opts_release(&o);
	if (fflush(stdout) && !ret)
		ret = 2;
	return ret;
}
