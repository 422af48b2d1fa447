// SPDX-License-Identifier: GPL-2.0
/*
 * The gate judges nothing: tdxcheck (gcc and the plugin) finds, the gate
 * keeps what lies in the files of the patch (introduced.c then compares
 * the post-image's findings with the pre-image's).  One tdxcheck per file, so a file that
 * does not compile is named, and the findings of a header that both a .c
 * and the header itself produce are merged afterwards.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "compdb.h"
#include "findings_json.h"
#include "run.h"
#include "scratch.h"

static char *canonical_in(const char *dir, const char *path)
{
	char *full = tdx_path_join(dir, path), *real = tdx_path_canonical(full);

	free(full);
	return real;
}

/* Keep the findings of found that lie in a unit's file, named by its name. */
static void select_named(const struct gate_unit *units, const char *const *names, size_t nr,
			 const char *dir, const struct tdx_findings *found,
			 struct tdx_findings *kept)
{
	size_t i, k;

	for (i = 0; i < found->nr; i++) {
		const struct tdx_finding *fd = &found->v[i];
		char *real = fd->loc.file ? canonical_in(dir, fd->loc.file) : NULL;

		for (k = 0; real && k < nr; k++) {
			struct tdx_loc loc = fd->loc;

			if (strcmp(real, units[k].file))
				continue;
			loc.file = names[k];
			tdx_findings_add_copy(kept, fd->rule, &loc, fd->message, fd->subject);
			break;
		}
		free(real);
	}
}

/*
 * tdxcheck's messages (gcc's errors among them) on our stderr, with the
 * scratch tree's paths turned back into the patch's: the user has no copy.
 */
static void replay(const char *path, const char *check_root)
{
	size_t len, n = strlen(check_root);
	char *text = gate_read_file(path, &len), *s, *hit;

	if (!text)
		return;
	for (s = text; (hit = strstr(s, check_root)); ) {
		fwrite(s, 1, (size_t)(hit - s), stderr);
		if (hit[n] == '/') {
			s = hit + n + 1;
		} else {
			fwrite(hit, 1, n, stderr);
			s = hit + n;
		}
	}
	fputs(s, stderr);
	free(text);
}

int gate_check(const struct gate_opts *o, const char *tdxcheck, const struct gate_unit *units,
	       const char *const *names, size_t nr, const char *scratch_tree, bool *failed,
	       struct tdx_findings *kept)
{
	char *db = gate_scratch_path("compile_commands.json");
	char *out = gate_scratch_path("findings.json");
	char *msgs = gate_scratch_path("tdxcheck.err");
	char real[PATH_MAX], err[1024];
	const char *shown = scratch_tree;
	size_t i;
	int ret = 0;

	if (scratch_tree && realpath(scratch_tree, real))
		shown = real;
	if (gate_units_write(db, units, nr)) {
		fprintf(stderr, "tdxcheck-gate: %s: cannot write\n", db);
		ret = -1;
	}
	for (i = 0; !ret && i < nr; i++) {
		const char *argv[16];
		struct tdx_findings found = { 0 };
		struct gate_cmd c = { .argv = argv, .out = out,
				      .err = failed ? "/dev/null" : shown ? msgs : NULL };
		char *types = NULL, *ignore = NULL, *scope = NULL, *prims = NULL;
		size_t n = 0;
		int code;

		argv[n++] = tdxcheck;
		argv[n++] = "--format=json";
		if (o->types && asprintf(&types, "--types=%s", o->types) > 0)
			argv[n++] = types;
		if (o->ignore && asprintf(&ignore, "--ignore=%s", o->ignore) > 0)
			argv[n++] = ignore;
		if (o->scope && asprintf(&scope, "--scope=%s", o->scope) > 0)
			argv[n++] = scope;
		if (o->primitives && asprintf(&prims, "--primitives=%s", o->primitives) > 0)
			argv[n++] = prims;
		argv[n++] = "-p";
		argv[n++] = db;
		argv[n++] = units[i].file;
		argv[n] = NULL;
		code = gate_run(&c);
		if (shown && !failed)
			replay(msgs, shown);
		free(types);
		free(ignore);
		free(scope);
		free(prims);
		if (code || tdx_findings_load_json(out, &found, err, sizeof(err))) {
			tdx_findings_release(&found);
			if (failed) {
				/* a pre-image that does not compile: nothing to compare with */
				failed[i] = true;
				continue;
			}
			fprintf(stderr, "tdxcheck-gate: %s: not checked: %s\n", names[i],
				code == 2 ? "it does not compile (see the errors above)" :
				code ? "tdxcheck failed" : err);
			ret = -1;
			break;
		}
		select_named(units, names, nr, units[i].dir, &found, kept);
		tdx_findings_release(&found);
	}
	unlink(out);
	unlink(db);
	unlink(msgs);
	free(msgs);
	free(out);
	free(db);
	tdx_findings_sort_unique(kept, 0);
	return ret;
}
