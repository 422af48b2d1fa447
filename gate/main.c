// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-gate: checkpatch's habits, tdxcheck's findings.  Reads patches
 * (files, mailboxes, standard input) or git commits, finds where each one's
 * pre-image and post-image are, has tdxcheck check every C file it touches
 * in both and reports what the change causes: the gate holds a change to
 * what it changes, one patch or commit at a time (series.c).
 *
 * Where the post-image is: for -g, each commit's files as git has them; for
 * patches, the work tree when the patch is applied there, else copies of
 * the files they touch in a private directory, patched there with git
 * apply.  The user's files are only read.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver_path.h"
#include "fix.h"
#include "git.h"
#include "options.h"
#include "output.h"
#include "series.h"
#include "session.h"

#ifndef TDX_VERSION
#define TDX_VERSION "0.0.0"
#endif

static const char usage[] =
	"Usage: tdxcheck-gate [OPTION]... PATCH|-... [-- COMPILER-FLAG...]\n"
	"       tdxcheck-gate [OPTION]... -g REV|A..B... [-- COMPILER-FLAG...]\n"
	"\n"
	"Check patches, or the commits of git ranges, the way checkpatch.pl does,\n"
	"with tdxcheck's rules for code calling Intel TDX firmware: what each patch\n"
	"causes is reported.  Each .c and .h file a patch touches is checked before\n"
	"and after it by tdxcheck, with the flags after -- or those of\n"
	"compile_commands.json (-p); the findings after that are not before are the\n"
	"patch's.  Several patches (files, or the mails of a git format-patch\n"
	"--stdout mailbox) are checked one by one, each applied on top of the ones\n"
	"before it; -g checks each commit on its own.\n"
	"\n"
	"Options:\n"
	"  -g, --git          the inputs are commits (REV) or ranges (A..B, A.., A...B)\n"
	"                     of the current repository, checked commit by commit\n"
	"  -p PATH            take compile flags from compile_commands.json (or the\n"
	"                     one in PATH, e.g. a kernel build directory)\n"
	"  --format=FMT       checkpatch (default), gcc, json\n"
	"  --types=LIST       report only these rules (comma-separated)\n"
	"  --ignore=LIST      do not report these rules\n"
	"  --scope=tdx|all    judge only TDX code (default) or every function\n"
	"  --primitives=LIST  more name patterns that count as TDX primitives\n"
	"  --tdxcheck=PATH    the tdxcheck to run (default: installed beside the gate)\n"
	"  --added-lines-only report only findings on added lines\n"
	"checkpatch's, with its meanings (also read from .checkpatch.conf):\n"
	"  -q, --quiet        no frames, notes or verdict; nothing for a clean patch\n"
	"  --terse            one line per finding\n"
	"  --emacs            PATCH:LINE: before each finding\n"
	"  --showfile         FILE:LINE: of the source before each finding\n"
	"  --no-summary       no total line\n"
	"  --summary-file     the total line names the patch\n"
	"  --mailback         nothing at all for a clean patch\n"
	"  --strict           CHECK-level findings too\n"
	"  --color=WHEN       always, never, auto (default)\n"
	"  --show-types       LEVEL:TYPE: rather than LEVEL:\n"
	"  --no-tree          accepted; the gate needs no tree\n"
	"  --fix              write PATCH.EXPERIMENTAL-checkpatch-fixes (for standard\n"
	"                     input -.EXPERIMENTAL-checkpatch-fixes) when findings were\n"
	"                     reported: the patch made again with the Coccinelle patch\n"
	"                     modes (tdxcheck-refactor) applied to its post-image; the\n"
	"                     tree is never written (no --fix-inplace; not with -g)\n"
	"  -h, --help         show this help and exit\n"
	"  --version          show the version and exit\n"
	"\n"
	"Exit status: 0 nothing caused, 1 findings in any patch or commit, 2 bad\n"
	"input (unreadable patch, not a diff, bad range, a path out of the tree, a\n"
	"file that does not compile).\n"
	"See tdxcheck-gate(1).\n";

static int fail(const char *msg)
{
	fprintf(stderr, "tdxcheck-gate: %s\n", msg);
	return 2;
}

/*
 * checkpatch's top_of_kernel_tree(): a kernel tarball unpacked inside some
 * other repository (a home directory under git) is still the tree.
 */
static bool kernel_top(const char *dir)
{
	static const char *const names[] = {
		"COPYING", "CREDITS", "Kbuild", "MAINTAINERS", "Makefile", "README",
		"Documentation", "arch", "include", "drivers", "fs", "init", "ipc",
		"kernel", "lib", "scripts",
	};
	char path[PATH_MAX + 32];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (access(path, F_OK))
			return false;
	}
	return true;
}

static int gate(const struct gate_opts *o)
{
	struct gate_session s = { .o = o };
	char err[2 * PATH_MAX + 1024], cwd[PATH_MAX];
	int ret = 2;

	/* else every patch "does not apply", which sends the user the wrong way */
	if (!gate_git_available())
		return fail("git is needed (git apply, git diff) and is not in PATH");
	s.tdxcheck = gate_driver_find(o->tdxcheck, err, sizeof(err));
	if (!s.tdxcheck)
		return fail(err);
	if (o->fix) {
		char *refactor = gate_refactor_find(err, sizeof(err));

		if (!refactor) {
			free(s.tdxcheck);
			return fail(err);
		}
		s.fix = gate_fix_new(refactor);
		free(refactor);
	}
	if (o->compdb && tdx_compdb_load(o->compdb, &s.db, err, sizeof(err))) {
		gate_fix_free(s.fix);
		free(s.tdxcheck);
		return fail(err);
	}
	s.top = gate_git_toplevel();
	if (o->git && !s.top) {
		snprintf(err, sizeof(err), "%s: -g needs a git work tree, and %s is not in one",
			 o->input, getcwd(cwd, sizeof(cwd)) ? cwd : ".");
		fail(err);
		goto out;
	}
	/* the tree patch paths are relative to: checkpatch's, then git's */
	if (!getcwd(cwd, sizeof(cwd))) {
		fail("cannot get the current directory");
		goto out;
	}
	s.root = s.top && (o->git || !kernel_top(cwd)) ? s.top : cwd;
	ret = o->git ? gate_series_git(&s) : gate_series_patches(&s);
	if (ret < 2)
		gate_report_notes(stdout, o, ret);
out:
	gate_fix_free(s.fix);
	tdx_findings_release(&s.json);
	tdx_compdb_release(&s.db);
	free(s.top);
	free(s.tdxcheck);
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
