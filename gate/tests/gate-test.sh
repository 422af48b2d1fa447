#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# One tdxcheck-gate scenario: set up a tree in WORK, run the gate, compare
# its exit status, its standard output (exactly) and its last line of
# standard error with the expectations, and check that the user's files are
# byte-identical afterwards.  Glue only: the gate does the work.
#
# Usage: gate-test.sh GATE TDXCHECK TESTSUITE_INCLUDE WORK SCENARIO
set -u

gate=$1
tdxcheck=$2
inc=$3
work=$4
scenario=$5
here=$(cd "$(dirname "$0")" && pwd)
# The gate takes the top of the git work tree around the current directory
# as the tree; the test trees live in the build directory, which may sit
# in this project's own checkout (CI builds in build/).  Git must not look
# above the work directory: a tree without .git is then in no repository.
mkdir -p "$work"
GIT_CEILING_DIRECTORIES=$(cd "$work" && pwd -P)
export GIT_CEILING_DIRECTORIES
# nobody's .checkpatch.conf: the tests write their own
HOME=$work/no-home
export HOME
data=$here/data
expect=$here/expect
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=1
}

# A fresh copy of the test tree; with "git", a repository with one commit.
fresh() {
	rm -rf "$work"
	mkdir -p "$work"
	cp -R "$data/tree" "$work/tree"
	cp "$data"/*.patch "$work/"
	if [ "${1:-}" = git ]; then
		(cd "$work/tree" && git init -q && git add . &&
		 GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' GIT_COMMITTER_DATE='2024-01-01T00:00:00Z' \
		 git -c user.name=T -c user.email=t@example.org commit -qm base) ||
			fail "cannot make the test repository"
	fi
}

# The three commits of data/series on top of the base, made with git am
# (fixed dates); @C1@..@C3@ in expectations stand for their short ids.
subst=
series_commits() {
	(cd "$work/tree" && GIT_AUTHOR_DATE='2024-01-02T00:00:00Z' \
		GIT_COMMITTER_DATE='2024-01-02T00:00:00Z' \
		git -c user.name=T -c user.email=t@example.org am -q "$data"/series/000[1-3]-*.patch) ||
		fail "git am of the series"
	for n in 1 2 3; do
		id=$(cd "$work/tree" && git rev-parse --short=12 "HEAD~$((3 - n))")
		subst="$subst -e s/@C$n@/$id/g"
	done
}

# run RC EXPECTED-STDOUT|- ERR-REGEX|- [STDIN|-] -- gate args...
run() {
	want_rc=$1 want_out=$2 want_err=$3 input=$4
	shift 5
	if [ "$input" = - ]; then
		input=/dev/null
	fi
	(cd "$work/tree" && "$gate" "$@" <"$input" >"$work/out" 2>"$work/err")
	rc=$?
	[ "$rc" = "$want_rc" ] || fail "$*: exit $rc, expected $want_rc; stderr: $(cat "$work/err")"
	if [ "$want_out" != - ]; then
		sed -e '' $subst "$expect/$want_out" | diff -u - "$work/out" >&2 ||
			fail "$*: stdout differs from $want_out"
	fi
	if [ "$want_err" = - ]; then
		[ -s "$work/err" ] && fail "$*: unexpected stderr: $(cat "$work/err")"
	else
		tail -n 1 "$work/err" | grep -Eq -- "$want_err" ||
			fail "$*: last stderr line '$(tail -n 1 "$work/err")' does not match '$want_err'"
	fi
	return 0
}

# The user's tree is byte-identical to the pristine test tree plus the
# given patches (none: unchanged).
unchanged() {
	rm -rf "$work/ref"
	cp -R "$data/tree" "$work/ref"
	for p in "$@"; do
		case "$p" in /*) ;; *) p=$work/$p ;; esac
		(cd "$work/ref" && git apply "$p") || fail "cannot apply $p to the reference"
	done
	diff -r -x .git "$work/ref" "$work/tree" >&2 || fail "the user's tree was modified"
}

# No --fix file (nor its temporary) anywhere in the work directory.
no_fixes() {
	found=$(find "$work" -name '*.EXPERIMENTAL-checkpatch-fixes*')
	[ -z "$found" ] || fail "fixes written: $found"
}

# No temporary of a fixes file left.
no_temporaries() {
	found=$(find "$work" -name '*.EXPERIMENTAL-checkpatch-fixes.*')
	[ -z "$found" ] || fail "temporaries left: $found"
}

# commit MESSAGE: commit the work tree's changes with fixed dates.
commit() {
	(cd "$work/tree" && git add -A && GIT_AUTHOR_DATE='2024-01-03T00:00:00Z' \
		GIT_COMMITTER_DATE='2024-01-03T00:00:00Z' \
		git -c user.name=T -c user.email=t@example.org commit -qm "$1") ||
		fail "cannot commit '$1'"
}

# The short ids of HEAD~N..HEAD as @C1@.. in expectations.
name_commits() {
	subst=
	for n in $(seq 1 "$1"); do
		id=$(cd "$work/tree" && git rev-parse --short=12 "HEAD~$(($1 - n))")
		subst="$subst -e s/@C$n@/$id/g"
	done
}

# The review's series: a helper marked __always_unused with no caller (right
# when added) beside one with an out parameter, a retry loop under
# get_cpu(), then the first callers, which make the attribute wrong and the
# out parameter always NULL, on lines that commit does not touch.
review_series() {
	fresh git
	# each version of sys_init() goes after tdx_sys_lp_init(), line 23
	(cd "$work/tree" && head -n 23 tdx_sys.c >../t && cat "$data/review/helper.c" >>../t &&
	 tail -n +24 tdx_sys.c >>../t && mv ../t tdx_sys.c)
	commit "x86/virt/tdx: add sys_init()"
	(cd "$work/tree" && git show HEAD~1:tdx_sys.c >../base.c && head -n 23 ../base.c >../t &&
	 cat "$data/review/retry.c" >>../t && tail -n +24 ../base.c >>../t && mv ../t tdx_sys.c)
	commit "x86/virt/tdx: retry TDH.SYS.INIT on entropy exhaustion"
	sed -i -e 's/^\treturn tdx_sys_lp_init();$/\treturn sys_init() ?: tdx_sys_lp_init();/' \
		-e 's/^\t__seamcall(TDH_SYS_CONFIG, &args);$/&\n\tsys_rd(0, NULL);/' \
		"$work/tree/tdx_sys.c"
	commit "x86/virt/tdx: initialise the module first"
	name_commits 3
}

flags="-I$inc"
case "$scenario" in
patch)
	# Not applied: checked in a scratch copy; the tree is not touched.
	fresh
	run 1 print-cpu.checkpatch - - -- ../0001-print-cpu.patch -- $flags
	unchanged
	# --no-tree is checkpatch's and changes nothing; --show-types adds the types.
	run 1 print-cpu-show-types.checkpatch - - -- --no-tree --show-types ../0001-print-cpu.patch \
		-- $flags
	unchanged
	;;
kernel-top)
	# A kernel tree unpacked inside another repository (say a home directory
	# under git): its top, as checkpatch recognises it, is the tree, not the
	# repository's top.
	fresh
	mkdir "$work/outer"
	mv "$work/tree" "$work/outer/linux"
	mv "$work/outer" "$work/tree"
	(cd "$work/tree" && git init -q) || fail "git init"
	(cd "$work/tree/linux" && touch COPYING CREDITS Kbuild MAINTAINERS Makefile README &&
	 mkdir Documentation arch include drivers fs init ipc kernel lib scripts) ||
		fail "cannot make a kernel top"
	(cd "$work/tree/linux" && "$gate" ../../0001-print-cpu.patch -- $flags \
		>"$work/out" 2>"$work/err")
	rc=$?
	[ "$rc" = 1 ] || fail "kernel top in a repository: exit $rc, expected 1: $(cat "$work/err")"
	sed 's|^\.\./0001|../../0001|' "$expect/print-cpu.checkpatch" | diff -u - "$work/out" >&2 ||
		fail "kernel top in a repository: stdout differs from print-cpu.checkpatch"
	;;
patch-applied)
	# Applied in the tree: the tree itself is checked, and the unchanged
	# lines' findings (status-ignored, now at line 35) are not reported.
	fresh
	(cd "$work/tree" && git apply ../0001-print-cpu.patch) || fail "cannot apply"
	run 1 print-cpu.checkpatch - - -- ../0001-print-cpu.patch -- $flags
	unchanged 0001-print-cpu.patch
	# ... though tdxcheck does find it in the file: the gate dropped it
	(cd "$work/tree" && "$tdxcheck" tdx_sys.c -- $flags 2>&1) | grep -q \
		"^tdx_sys.c:35:9: warning: status returned by '__seamcall' is ignored" ||
		fail "tdxcheck does not report the unchanged line's finding"
	;;
clean)
	# A comment and a line next to a finding, not on it: nothing reported.
	fresh
	run 0 comment-only.checkpatch - - -- ../0002-comment-only.patch -- $flags
	unchanged
	# the finding next to the added comment is there, one line down
	(cd "$work/tree" && git apply ../0002-comment-only.patch &&
	 "$tdxcheck" tdx_sys.c -- $flags 2>&1) | grep -q \
		"^tdx_sys.c:33:9: warning: status returned by '__seamcall' is ignored" ||
		fail "tdxcheck does not report the finding beside the added line"
	;;
formats)
	fresh
	run 1 print-cpu.gcc - - -- --format=gcc ../0001-print-cpu.patch -- $flags
	run 1 print-cpu.json - - -- --format=json ../0001-print-cpu.patch -- $flags
	run 1 print-cpu-types.checkpatch - - -- --types=TDX_GET_CPU_FOR_PRINT \
		../0001-print-cpu.patch -- $flags
	run 0 print-cpu-ignore.checkpatch - - -- --ignore=get-cpu-for-print,unused-attr-on-used \
		../0001-print-cpu.patch -- $flags
	unchanged
	;;
stdin)
	# git diff | tdxcheck-gate -: the change is in the work tree.
	fresh git
	(cd "$work/tree" && git apply ../0001-print-cpu.patch && git diff >../stdin.diff) ||
		fail "cannot make the diff"
	run 1 stdin.checkpatch - "$work/stdin.diff" -- - -- $flags
	unchanged 0001-print-cpu.patch
	;;
git-range)
	fresh git
	(cd "$work/tree" && GIT_AUTHOR_DATE='2024-01-02T00:00:00Z' \
		GIT_COMMITTER_DATE='2024-01-02T00:00:00Z' \
		git -c user.name=T -c user.email=t@example.org am -q ../0001-print-cpu.patch) ||
		fail "git am"
	id=$(cd "$work/tree" && git rev-parse --short=12 HEAD)
	subst="-e s/@C1@/$id/g"
	# one commit: checkpatch -g's report of format-patch's mail, no frame
	run 1 range.checkpatch - - -- -g HEAD~1..HEAD -- $flags
	run 1 range.checkpatch - - -- -g HEAD -- $flags
	run 1 range.checkpatch - - -- -g HEAD~1.. -- $flags
	# the same lines as the patch file (the same mail), named by the commit
	sed "s/^Commit $id (\"[^\"]*\")/..\/0001-print-cpu.patch/" "$work/out" |
		diff -u "$expect/print-cpu.checkpatch" - >&2 || fail "-g HEAD differs from the patch"
	# nothing is read from the work tree's copies of the commit's files:
	# neither a local change nor another checkout changes the report
	echo '/* local change */' >>"$work/tree/tdx_sys.c"
	run 1 range.checkpatch - - -- -g HEAD~1..HEAD -- $flags
	tail -n 1 "$work/tree/tdx_sys.c" | grep -qx '/\* local change \*/' ||
		fail "the local change is gone"
	(cd "$work/tree" && git checkout -q tdx_sys.c && git checkout -q --detach HEAD~1)
	run 1 range.checkpatch - - -- -g "$id" -- $flags
	unchanged
	run 2 - '^tdxcheck-gate: nosuch\.\.HEAD: bad revision range \(not a commit, or A\.\.B\)$' \
		- -- -g nosuch..HEAD -- $flags
	# an empty range changes nothing
	run 0 empty-range.checkpatch - - -- -g HEAD..HEAD -- $flags
	;;
series-git)
	# Only the middle commit adds a finding, the last takes it out: the net
	# diff is clean, the series is not.
	fresh git
	series_commits
	run 1 series-git.checkpatch - - -- -g HEAD~3..HEAD -- $flags
	(cd "$work/tree" && git diff HEAD~3 HEAD >../net.diff)
	run 0 series-net.checkpatch - "$work/net.diff" -- - -- $flags
	# the middle commit alone: as checkpatch -g, no frame for one commit
	run 1 series-git-one.checkpatch - - -- -g HEAD~1 -- $flags
	# A.. runs to HEAD; several revisions are checked in the order given
	run 1 - - - -- -g HEAD~2.. -- $flags
	sed -e '' $subst "$expect/series-git.checkpatch" | sed '1,/^Commit .*submission\.$/d' |
		diff -u - "$work/out" >&2 || fail "-g HEAD~2.. is not the last two commits"
	run 1 series-git.checkpatch - - -- -g HEAD~2 HEAD~1 HEAD -- $flags
	# the work tree need not be at the range's end
	end=$(cd "$work/tree" && git rev-parse HEAD)
	(cd "$work/tree" && git checkout -q --detach HEAD~3)
	run 1 series-git.checkpatch - - -- -g "$end~3..$end" -- $flags
	unchanged
	;;
series-mbox)
	# git format-patch --stdout: each mail on its own, on top of the ones
	# before it, in a scratch copy; or with the series applied in the tree.
	fresh
	cat "$data"/series/000[1-3]-*.patch >"$work/series.mbox"
	run 1 series-mbox.checkpatch - - -- ../series.mbox -- $flags
	unchanged
	run 1 series.gcc - - -- --format=gcc ../series.mbox -- $flags
	run 1 series.json - - -- --format=json ../series.mbox -- $flags
	unchanged
	# git format-patch --stdout A..B | tdxcheck-gate -
	run 1 - - "$work/series.mbox" -- - -- $flags
	# (the frames' dashes are as long as the names: not compared here)
	sed -e 's|^\.\./series\.mbox patch|<stdin> patch|' -e 's/^--*$/-/' \
		"$expect/series-mbox.checkpatch" >"$work/want"
	sed 's/^--*$/-/' "$work/out" | diff -u "$work/want" - >&2 ||
		fail "the mailbox on standard input differs"
	fresh git
	cat "$data"/series/000[1-3]-*.patch >"$work/series.mbox"
	series_commits
	run 1 series-mbox.checkpatch - - -- ../series.mbox -- $flags
	unchanged "$data"/series/000[1-3]-*.patch
	# a cover letter's folded subject names its mail; it adds nothing
	cat "$data"/series/0000-cover-letter.patch "$work/series.mbox" >"$work/cover.mbox"
	run 1 - - - -- ../cover.mbox -- $flags
	sed -n 2p "$work/out" | grep -qx '\.\./cover\.mbox patch 1/4 ("x86/virt/tdx: name the CPU when TDH\.SYS\.LP\.INIT fails")' ||
		fail "the cover letter is not named by its subject: $(sed -n 2p "$work/out")"
	;;
series-files)
	# checkpatch 00*.patch: each file on its own, the cover letter too.
	fresh
	cp -R "$data"/series "$work/series"
	cd "$work/tree" || exit 2	# for the globs, as a user types them
	run 1 series-files.checkpatch - - -- ../series/00*.patch -- $flags
	unchanged
	# without the second, the third does not apply on top of the first
	run 2 - "^tdxcheck-gate: \.\./series/0003-x86-virt-tdx-no-preemption-toggle-for-a-log-line\.patch: does not apply to .*/tree with the patches before it, nor is the series applied there \(error: patch failed: tdx_sys\.c:16\)$" \
		- -- ../series/0001-*.patch ../series/0003-*.patch -- $flags
	unchanged
	run 2 - "^tdxcheck-gate: '-' given twice \(standard input is read once\)$" - -- - - -- $flags
	;;
bad-input)
	fresh
	run 2 - '^tdxcheck-gate: ../nosuch.patch: cannot read: No such file or directory$' \
		- -- ../nosuch.patch -- $flags
	run 2 - '^tdxcheck-gate: tdx_sys.c: not a unified diff \(no file header\)$' \
		- -- tdx_sys.c -- $flags
	run 2 - '^tdxcheck-gate: ../0004-does-not-apply.patch: does not apply to .*/tree, nor is it applied there \(error: patch failed: tdx_sys.c:10\)$' \
		- -- ../0004-does-not-apply.patch -- $flags
	unchanged
	run 2 - '^tdxcheck-gate: tdx_sys.c: not checked: it does not compile \(see the errors above\)$' \
		- -- ../0003-does-not-compile.patch -- $flags
	grep -q '^tdx_sys.c:25:9: error: expected .;. before .return.' "$work/err" ||
		fail "gcc's error is not shown with the patch's path"
	unchanged
	head -n 20 "$work/0001-print-cpu.patch" >"$work/cut.patch"
	run 2 - '^tdxcheck-gate: ../cut.patch: the last hunk is cut short \(corrupt patch\)$' \
		- -- ../cut.patch -- $flags
	run 2 - "^tdxcheck-gate: unknown option '--frobnicate' \(see --help\)$" \
		- -- --frobnicate ../0001-print-cpu.patch
	run 2 - "^tdxcheck-gate: unknown rule 'no-such-rule' in --types$" \
		- -- --types=no-such-rule ../0001-print-cpu.patch
	run 2 - "^tdxcheck-gate: unknown format 'xml' \(checkpatch, gcc, json\)$" \
		- -- --format=xml ../0001-print-cpu.patch
	run 2 - '^tdxcheck-gate: no patch given' - --
	run 2 - '^tdxcheck-gate: HEAD: -g needs a git work tree, and .*/tree is not in one$' \
		- -- -g HEAD
	run 2 - '^tdxcheck-gate: ../nosuch.json: (cannot read: )?No such file or directory$' \
		- -- -p ../nosuch.json ../0001-print-cpu.patch
	unchanged
	# no git: said so, not "does not apply"
	(cd "$work/tree" && PATH=$work/nowhere "$gate" --tdxcheck="$tdxcheck" \
		../0001-print-cpu.patch -- $flags >"$work/out" 2>"$work/err")
	rc=$?
	[ "$rc" = 2 ] || fail "without git: exit $rc"
	grep -qx 'tdxcheck-gate: git is needed (git apply, git diff) and is not in PATH' \
		"$work/err" || fail "without git: $(cat "$work/err")"
	# a name ending in a space is that name, not "sp.c"
	fresh git
	(cd "$work/tree" && printf 'int a;\n' >'sp.c ' && git add . &&
	 git -c user.name=T -c user.email=t@example.org commit -qm sp &&
	 printf 'int a;\nint b = 1 +;\n' >'sp.c ' && git diff >../sp.patch &&
	 git checkout -q .) || fail "cannot make sp.patch"
	run 0 - - - -- ../sp.patch -- $flags
	;;
header)
	# A new header with a dropped status, included by the patched .c: the
	# header is checked in the scratch tree, its finding named by its path.
	fresh
	run 1 new-header.checkpatch - - -- ../0005-new-header.patch -- $flags
	unchanged
	[ -e "$work/tree/tdx_lp.h" ] && fail "the new header was created in the user's tree"
	# the same as a commit, checked from a work tree without the header
	fresh git
	(cd "$work/tree" && GIT_AUTHOR_DATE='2024-01-02T00:00:00Z' \
		GIT_COMMITTER_DATE='2024-01-02T00:00:00Z' \
		git -c user.name=T -c user.email=t@example.org am -q ../0005-new-header.patch) ||
		fail "git am"
	id=$(cd "$work/tree" && git rev-parse --short=12 HEAD && git checkout -q --detach HEAD~1)
	run 1 - - - -- -g "HEAD..$id" -- $flags
	sed "s/^Commit $id (\"[^\"]*\")/..\/0005-new-header.patch/" "$work/out" |
		diff -u "$expect/new-header.checkpatch" - >&2 || fail "-g differs from the patch"
	unchanged
	;;
introduced)
	# The gate reports what each commit causes: the first commit is clean,
	# the second adds a loop under get_cpu(), the third's caller makes the
	# unused attribute two commits up wrong, and is named under it.
	review_series
	run 1 review.checkpatch - - -- -g HEAD~3..HEAD -- $flags
	# as patch files, each on top of the ones before it: the same findings
	mails=$(cd "$work/tree" && git format-patch -o ../mails HEAD~3 | sed 's|.*/mails/|../mails/|' &&
		git checkout -q --detach HEAD~3) || fail "format-patch"
	run 1 - - - -- $mails -- $flags
	grep -c '^WARNING: ' "$work/out" | grep -qx 3 || fail "patch files: $(cat "$work/out")"
	grep -A5 "^WARNING: 'sys_init' is marked unused" "$work/out" |
		grep -q '^+	return sys_init() ?: tdx_sys_lp_init();$' ||
		fail "patch files: the caller is not named: $(cat "$work/out")"
	# today's view: only findings on added lines, so the third is clean
	(cd "$work/tree" && git checkout -q -)
	run 0 - - - -- --added-lines-only -g HEAD -- $flags
	# a finding already there is not the patch's, though its line moves
	run 0 - - - -- -g HEAD~2 -- $flags
	;;
g1-offset)
	# G1: git apply places a hunk by its context; the header's numbers lie.
	fresh
	sed 's/^@@ -10,14 +10,17 @@/@@ -2,14 +2,17 @@/' "$data/0001-print-cpu.patch" >"$work/g1.patch"
	run 1 - - - -- ../g1.patch -- $flags
	sed 's|^\.\./0001-print-cpu\.patch|../g1.patch|' "$expect/print-cpu.checkpatch" |
		diff -u - "$work/out" >&2 || fail "an offset hunk changes the report"
	# a comment added next to an old finding, under a header pointing at it
	printf '%s\n' 'diff --git a/tdx_sys.c b/tdx_sys.c' '--- a/tdx_sys.c' '+++ b/tdx_sys.c' \
		'@@ -31,6 +31,7 @@' ' 	sret = seamcall(TDH_SYS_LP_INIT, &args);' \
		' 	if (sret != TDX_SUCCESS)' ' 		pr_err("TDH.SYS.LP.INIT failed: 0x%llx\n", sret);' \
		'+	/* a harmless comment */' ' ' ' 	return sret ? -EIO : 0;' ' }' >"$work/g1b.patch"
	run 0 - - - -- ../g1b.patch -- $flags
	unchanged
	;;
g2-sections)
	# G2: two sections for one file, the second numbered on the first's result
	fresh
	{ printf '%s\n' 'diff --git a/tdx_sys.c b/tdx_sys.c' '--- a/tdx_sys.c' '+++ b/tdx_sys.c' \
		'@@ -1,2 +1,3 @@' ' // SPDX-License-Identifier: GPL-2.0' '+/* harmless */' ' /*'
	  sed -n '/^diff --git/,/^-- $/p' "$data/0001-print-cpu.patch" | sed '$d' |
		sed 's/^@@ -10,14 +10,17 @@/@@ -11,14 +11,17 @@/'; } >"$work/g2.patch"
	run 1 - - - -- ../g2.patch -- $flags
	grep '^#' "$work/out" | sed 's/^#[0-9]*: //' >"$work/where"
	printf '%s\n' 'FILE: tdx_sys.c:14:' 'FILE: tdx_sys.c:20:' | diff -u - "$work/where" >&2 ||
		fail "the second section's findings are not reported"
	unchanged
	;;
g3-binary)
	# G3: a binary patch to a C file is bad input; -g asks git for text
	fresh git
	(cd "$work/tree" && echo '*.c binary' >.gitattributes && git apply ../0001-print-cpu.patch &&
	 git diff --binary tdx_sys.c >../g3.patch && git checkout -q tdx_sys.c &&
	 rm .gitattributes) || fail "cannot make the binary patch"
	grep -q '^GIT binary patch' "$work/g3.patch" || fail "g3.patch is not binary"
	run 2 - '^tdxcheck-gate: \.\./g3\.patch: tdx_sys\.c: a binary patch to a C file cannot be checked \(make it with git diff --text\)$' \
		- -- ../g3.patch -- $flags
	(cd "$work/tree" && GIT_AUTHOR_DATE='2024-01-02T00:00:00Z' \
		GIT_COMMITTER_DATE='2024-01-02T00:00:00Z' \
		git -c user.name=T -c user.email=t@example.org am -q ../0001-print-cpu.patch &&
		echo '*.c -diff' >.gitattributes) || fail "git am"
	run 1 - - - -- -g HEAD -- $flags
	grep -c '^WARNING: ' "$work/out" | grep -qx 2 || fail "-g with *.c -diff: $(cat "$work/out")"
	;;
g4-paths)
	# G4: a path out of the tree is refused before anything is copied
	fresh
	mkdir -p "$work/r/a/b/repo" "$work/r/victim" "$work/r/t/x/y"
	echo 'int v = 1;' >"$work/r/victim/target.c"
	printf '%s\n' 'diff --git a/../../../victim/target.c b/../../../victim/target.c' \
		'--- a/../../../victim/target.c' '+++ b/../../../victim/target.c' '@@ -1 +1 @@' \
		'-int v = 1;' '+int v = 2;' >"$work/g4.patch"
	(cd "$work/r/a/b/repo" && TMPDIR=$work/r/t/x/y "$gate" - <"$work/g4.patch" \
		>"$work/out" 2>"$work/err")
	rc=$?
	[ "$rc" = 2 ] || fail "../ path: exit $rc, expected 2"
	grep -qx "tdxcheck-gate: <stdin>: refusing the path '../../../victim/target.c': absolute, empty, or with a '.', '..' or '.git' component" \
		"$work/err" || fail "../ path: $(cat "$work/err")"
	[ -e "$work/r/t/x/victim" ] && fail "../ path: a file was created outside the scratch directory"
	[ -z "$(ls "$work/r/t/x/y")" ] || fail "../ path: the scratch directory is left"
	sed 's|\.\./\.\./\.\./victim|/etc|g' "$work/g4.patch" >"$work/g4b.patch"
	run 2 "" "refusing the path '/etc/target.c'" - -- ../g4b.patch
	sed 's|\.\./\.\./\.\./victim/|.git/|g' "$work/g4.patch" >"$work/g4c.patch"
	run 2 "" "refusing the path '.git/target.c'" - -- ../g4c.patch
	;;
g5-symlink)
	# G5: a patch adding a link to a C file outside the tree: never followed
	fresh git
	printf 'const char *API_TOKEN = "hunter2-very-secret";\nint x = ;\n' >"$work/secret.c"
	(cd "$work/tree" && ln -s "$work/secret.c" leak.c && git add leak.c &&
	 git diff --cached >../g5.patch && git rm -q --cached leak.c && rm leak.c) ||
		fail "cannot make the link patch"
	run 0 - - - -- ../g5.patch -- $flags
	grep -q hunter2 "$work/out" "$work/err" && fail "the link's target was read"
	unchanged
	;;
g6-quoted)
	# G6: names git quotes ("\303\251.c")
	fresh git
	(cd "$work/tree" && cp tdx_sys.c é.c && git add é.c && git -c user.name=T \
		-c user.email=t@example.org commit -qm e &&
	 sed 's|tdx_sys\.c|é.c|g' ../0001-print-cpu.patch | git apply &&
	 git -c core.quotePath=true diff >../g6.patch && git checkout -q é.c) ||
		fail "cannot make the quoted patch"
	grep -q '^diff --git "a/\\303\\251.c" "b/\\303\\251.c"$' "$work/g6.patch" ||
		fail "g6.patch has no quoted name"
	run 1 - - - -- ../g6.patch -- $flags
	grep '^#' "$work/out" | sed 's/^#[0-9]*: //' >"$work/where"
	printf '%s\n' 'FILE: é.c:13:' 'FILE: é.c:19:' | diff -u - "$work/where" >&2 ||
		fail "quoted name: $(cat "$work/out")"
	;;
d2-bytes)
	# D2 in the gate: a file name that is not UTF-8 (byte 0xff) keeps its
	# findings through the compile_commands.json the gate hands tdxcheck
	fresh git
	bad=$(printf 'bad\377name.c')
	(cd "$work/tree" && cp tdx_sys.c "$bad" && git add "$bad" && git -c user.name=T \
		-c user.email=t@example.org commit -qm b &&
	 sed "s|tdx_sys\.c|$bad|g" ../0001-print-cpu.patch | git apply &&
	 git -c core.quotePath=true diff >../d2.patch && git checkout -q "$bad") ||
		fail "cannot make the patch"
	grep -q '^diff --git "a/bad\\377name.c" "b/bad\\377name.c"$' "$work/d2.patch" ||
		fail "d2.patch has no quoted name"
	run 1 - - - -- ../d2.patch -- $flags
	grep -c '^WARNING: ' "$work/out" | grep -qx 2 || fail "non-UTF-8 name: $(cat "$work/out")"
	;;
g7-rename)
	# G7: renames and copies read their pre-image from the old name
	fresh git
	(cd "$work/tree" && git mv tdx_sys.c tdx_renamed.c && git diff -M --cached >../g7.patch &&
	 git reset -q --hard) || fail "cannot make the rename"
	run 0 - - - -- ../g7.patch -- $flags
	(cd "$work/tree" && git mv tdx_sys.c tdx_renamed.c &&
	 sed 's|tdx_sys\.c|tdx_renamed.c|g' ../0001-print-cpu.patch | git apply --cached &&
	 git diff -M --cached >../g7b.patch && git reset -q --hard) ||
		fail "cannot make the rename with changes"
	grep -q '^rename from tdx_sys.c$' "$work/g7b.patch" || fail "g7b.patch is no rename"
	run 1 - - - -- ../g7b.patch -- $flags
	grep '^#' "$work/out" | sed 's/^#[0-9]*: //' >"$work/where"
	printf '%s\n' 'FILE: tdx_renamed.c:13:' 'FILE: tdx_renamed.c:19:' |
		diff -u - "$work/where" >&2 || fail "rename: $(cat "$work/out")"
	(cd "$work/tree" && cp tdx_sys.c tdx_copy.c && git add tdx_copy.c &&
	 git diff -C -C --cached >../g7c.patch && git reset -q --hard && rm -f tdx_copy.c) ||
		fail "cannot make the copy"
	grep -q '^copy from tdx_sys.c$' "$work/g7c.patch" || fail "g7c.patch is no copy"
	run 0 - - - -- ../g7c.patch -- $flags
	;;
g8-signals)
	# G8: SIGPIPE and the other fatal signals leave no temporary directory
	fresh
	mkdir "$work/tmp"
	cat "$data"/series/000[1-3]-*.patch >"$work/series.mbox"
	(cd "$work/tree" && TMPDIR=$work/tmp "$gate" ../series.mbox -- $flags | head -n 1 >/dev/null)
	[ -z "$(ls "$work/tmp")" ] || fail "SIGPIPE left $(ls "$work/tmp")"
	(cd "$work/tree" && TMPDIR=$work/tmp "$tdxcheck" tdx_sys.c ../tree/tdx_sys.c -- $flags 2>&1 |
		head -n 1 >/dev/null)
	[ -z "$(ls "$work/tmp")" ] || fail "tdxcheck: SIGPIPE left $(ls "$work/tmp")"
	for sig in USR1 ALRM TERM HUP INT; do
		(cd "$work/tree" && TMPDIR=$work/tmp exec "$gate" ../series.mbox -- $flags \
			>/dev/null 2>&1) &
		pid=$!
		# wait until it has made its directory, then signal it
		n=0
		while [ -z "$(ls "$work/tmp")" ] && [ $n -lt 200 ] && kill -0 $pid 2>/dev/null; do
			sleep 0.05
			n=$((n + 1))
		done
		kill -s $sig $pid 2>/dev/null
		wait $pid
		# the tdxcheck it ran may still be finishing: it removes its own
		n=0
		while [ -n "$(ls "$work/tmp")" ] && [ $n -lt 200 ]; do
			sleep 0.05
			n=$((n + 1))
		done
		[ -z "$(ls "$work/tmp")" ] || fail "SIG$sig left $(ls "$work/tmp")"
	done
	;;
g9-cover)
	# G9: a lone cover letter adds nothing
	fresh
	cp -R "$data/series" "$work/series"
	run 0 - - - -- ../series/0000-cover-letter.patch -- $flags
	grep -q '^total: 0 errors, 0 warnings, [0-9]* lines checked$' "$work/out" ||
		fail "cover letter: $(cat "$work/out")"
	;;
checkpatch-options)
	# checkpatch's output options, and b4's per-patch check command:
	# b4.prep-perpatch-check-cmd = tdxcheck-gate -q --terse --no-summary --mailback --showfile
	fresh
	b4="-q --terse --no-summary --mailback --showfile"
	attr="'tdx_sys_lp_init' is marked unused but is used; drop the attribute"
	cpu="get_cpu() only feeds a print; preemption is disabled for a log line, use raw_smp_processor_id()"
	run 1 - - "$work/0001-print-cpu.patch" -- $b4 - -- $flags
	printf '%s\n' "tdx_sys.c:13: WARNING: $attr" "tdx_sys.c:19: WARNING: $cpu" |
		diff -u - "$work/out" >&2 || fail "b4's command"
	run 1 - - "$work/0001-print-cpu.patch" -- $b4 --show-types - -- $flags
	printf '%s\n' "tdx_sys.c:13: WARNING:TDX_UNUSED_ATTR_ON_USED: $attr" \
		"tdx_sys.c:19: WARNING:TDX_GET_CPU_FOR_PRINT: $cpu" |
		diff -u - "$work/out" >&2 || fail "b4's command with --show-types"
	# a clean patch: nothing at all
	run 0 - - "$work/0002-comment-only.patch" -- $b4 - -- $flags
	[ -s "$work/out" ] && fail "--mailback printed for a clean patch: $(cat "$work/out")"
	# --emacs names the patch and its line; --summary-file the patch in the total
	run 1 - - - -- --emacs --summary-file -q ../0001-print-cpu.patch -- $flags
	printf '%s\n' "../0001-print-cpu.patch:19: WARNING: $attr" \
		'#19: FILE: tdx_sys.c:13:' '+static int __always_unused tdx_sys_lp_init(void)' '' \
		"../0001-print-cpu.patch:25: WARNING: $cpu" '#25: FILE: tdx_sys.c:19:' \
		'+	cpu = get_cpu();' '' \
		'../0001-print-cpu.patch total: 0 errors, 2 warnings, 36 lines checked' |
		diff -u - "$work/out" >&2 || fail "--emacs --summary-file -q"
	# --strict adds the checks count; -q alone drops a clean patch's total
	run 0 - - - -- --strict ../0002-comment-only.patch -- $flags
	grep -qx 'total: 0 errors, 0 warnings, 0 checks, [0-9]* lines checked' "$work/out" ||
		fail "--strict: $(cat "$work/out")"
	run 0 - - - -- -q ../0002-comment-only.patch -- $flags
	[ -s "$work/out" ] && fail "-q printed for a clean patch: $(cat "$work/out")"
	# --color=always: checkpatch's colours
	run 1 - - - -- --color=always --terse --show-types ../0001-print-cpu.patch -- $flags
	esc=$(printf '\033')
	head -n 1 "$work/out" | grep -q "^$esc\[33m\.\./0001-print-cpu\.patch:19: WARNING:$esc\[34mTDX_UNUSED_ATTR_ON_USED:$esc\[0m " ||
		fail "--color=always: $(head -n 1 "$work/out" | od -c | head -n 3)"
	run 2 - "^tdxcheck-gate: unknown color mode 'sometimes' \(always, never, auto\)$" - -- \
		--color=sometimes ../0001-print-cpu.patch
	# .checkpatch.conf in the tree's top comes before the command line;
	# checkpatch's own options and types in it are skipped
	printf '%s\n' '# my checkpatch options' '--show-types --max-line-length=100' \
		'--ignore=LONG_LINE,get-cpu-for-print --terse # trailing comment' \
		>"$work/tree/.checkpatch.conf"
	run 1 - - - -- -q ../0001-print-cpu.patch -- $flags
	printf '%s\n' "../0001-print-cpu.patch:19: WARNING:TDX_UNUSED_ATTR_ON_USED: $attr" \
		'total: 0 errors, 1 warnings, 36 lines checked' |
		diff -u - "$work/out" >&2 || fail ".checkpatch.conf"
	run 1 - - - -- -q --no-show-types --noterse ../0001-print-cpu.patch -- $flags
	head -n 1 "$work/out" | grep -qx "WARNING: $attr" || fail "the command line does not win"
	rm "$work/tree/.checkpatch.conf"
	# and in the home directory
	mkdir "$work/home"
	echo '--terse' >"$work/home/.checkpatch.conf"
	(cd "$work/tree" && HOME=$work/home "$gate" ../0001-print-cpu.patch -- $flags >"$work/out")
	[ "$(wc -l <"$work/out")" = 3 ] || fail "\$HOME/.checkpatch.conf: $(cat "$work/out")"
	;;
indirect-call)
	# A static inline wrapper that gets __seamcall as a pointer: reported at
	# its name, the added line of the definition.
	fresh
	run 1 indirect-call.checkpatch - - -- ../0006-indirect-call.patch -- $flags
	unchanged
	;;
fix-patch)
	# --fix: beside the patch, the patch made again with the patch modes
	# applied to its post-image (the attribute dropped, get_cpu() gone);
	# the report is the same but for the note before the verdict, and the
	# tree is not touched.
	fresh
	run 1 print-cpu-fix.checkpatch - - -- --fix ../0001-print-cpu.patch -- $flags
	unchanged
	fixes=$work/0001-print-cpu.patch.EXPERIMENTAL-checkpatch-fixes
	diff -u "$expect/print-cpu.fixes" "$fixes" >&2 || fail "the fixes differ from print-cpu.fixes"
	no_temporaries
	# the fixed patch applies to the tree and the gate finds nothing in it
	run 0 - - - -- "$fixes" -- $flags
	unchanged
	# applied in the tree: the post-image read is the user's file, and
	# it stays as it is
	fresh
	(cd "$work/tree" && git apply ../0001-print-cpu.patch) || fail "cannot apply"
	run 1 print-cpu-fix.checkpatch - - -- --fix ../0001-print-cpu.patch -- $flags
	diff -u "$expect/print-cpu.fixes" "$fixes" >&2 ||
		fail "applied in the tree: the fixes differ from print-cpu.fixes"
	unchanged 0001-print-cpu.patch
	;;
fix-stdin)
	# checkpatch's name for standard input's fixes: "-" and the suffix, in
	# the current directory
	fresh
	run 1 stdin-fix.checkpatch - "$work/0001-print-cpu.patch" -- --fix - -- $flags
	diff -u "$expect/print-cpu.fixes" "$work/tree/-.EXPERIMENTAL-checkpatch-fixes" >&2 ||
		fail "the fixes of standard input differ from print-cpu.fixes"
	rm -f "$work/tree/-.EXPERIMENTAL-checkpatch-fixes"
	unchanged
	;;
fix-none)
	# No file when nothing is reported (checkpatch's rule), nor when what
	# is reported has no patch mode (a dropped status).
	fresh
	run 0 comment-only.checkpatch - - -- --fix ../0002-comment-only.patch -- $flags
	run 1 status-ignored.checkpatch - - -- --fix ../0007-status-ignored.patch -- $flags
	unchanged
	no_fixes
	;;
fix-errors)
	fresh
	# the gate edits no file: --fix-inplace is refused, from the conf file too
	run 2 - "^tdxcheck-gate: --fix-inplace is not offered: the gate edits no file" - -- \
		--fix-inplace ../0001-print-cpu.patch -- $flags
	echo '--fix-inplace' >"$work/tree/.checkpatch.conf"
	run 2 - "^tdxcheck-gate: \./\.checkpatch\.conf: --fix-inplace is not offered" - -- \
		../0001-print-cpu.patch -- $flags
	rm "$work/tree/.checkpatch.conf"
	# as checkpatch: a commit has no patch file to write the fixes beside
	run 2 - "^tdxcheck-gate: --fix cannot be used with -g" - -- --fix -g HEAD -- $flags
	# no tdxcheck-refactor, no spatch: one line naming the patch and its
	# file (not the scratch copy), no fixes file
	TDXCHECK_REFACTOR=$work/none
	export TDXCHECK_REFACTOR
	run 2 - "^tdxcheck-gate: $work/none: cannot use tdxcheck-refactor" - -- \
		--fix ../0001-print-cpu.patch -- $flags
	unset TDXCHECK_REFACTOR
	SPATCH=$work/no-spatch
	export SPATCH
	run 2 - "^tdxcheck-gate: \.\./0001-print-cpu\.patch: --fix: tdxcheck-refactor: tdx_sys\.c: .*; nothing changed$" \
		- -- --fix ../0001-print-cpu.patch -- $flags
	unset SPATCH
	no_fixes
	# a fixes file that cannot be written (a directory has its name): no
	# half file, no temporary left
	mkdir "$work/0001-print-cpu.patch.EXPERIMENTAL-checkpatch-fixes"
	run 2 - "^tdxcheck-gate: \.\./0001-print-cpu\.patch\.EXPERIMENTAL-checkpatch-fixes: cannot write" \
		- -- --fix ../0001-print-cpu.patch -- $flags
	rmdir "$work/0001-print-cpu.patch.EXPERIMENTAL-checkpatch-fixes"
	no_fixes
	no_temporaries
	unchanged
	;;
fix-mbox)
	# One file for the mailbox, as checkpatch writes one per input: each
	# mail fixed on top of the fixed mails before it, so the fixed series
	# applies in order; the mails nothing changed kept byte for byte.
	fresh
	cat "$data"/series/000[1-3]-*.patch >"$work/series.mbox"
	run 1 - - - -- --fix ../series.mbox -- $flags
	unchanged
	diff -u "$expect/series-mbox.fixes" "$work/series.mbox.EXPERIMENTAL-checkpatch-fixes" >&2 ||
		fail "the fixes differ from series-mbox.fixes"
	cp "$work/series.mbox.EXPERIMENTAL-checkpatch-fixes" "$work.fixes"
	fresh git
	(cd "$work/tree" && git -c user.name=T -c user.email=t@example.org am -q \
		"$work.fixes" >/dev/null 2>&1) || fail "the fixed mailbox does not apply in order"
	rm -f "$work.fixes"
	# a mail deleting a file an earlier mail fixed deletes the fixed text
	fresh
	cat "$data"/series/000[1-2]-*.patch "$data/0008-delete-tdx-sys.patch" >"$work/delete.mbox"
	run 1 - - - -- -q --fix ../delete.mbox -- $flags
	unchanged
	diff -u "$expect/delete-mbox.fixes" "$work/delete.mbox.EXPERIMENTAL-checkpatch-fixes" >&2 ||
		fail "the fixes differ from delete-mbox.fixes"
	cp "$work/delete.mbox.EXPERIMENTAL-checkpatch-fixes" "$work.fixes"
	fresh git
	(cd "$work/tree" && git -c user.name=T -c user.email=t@example.org am -q \
		"$work.fixes" >/dev/null 2>&1 && [ ! -e tdx_sys.c ]) ||
		fail "the fixed mailbox with a deletion does not apply in order"
	rm -f "$work.fixes"
	;;
help)
	fresh
	run 0 - - - -- --help
	grep -q '^Usage: tdxcheck-gate' "$work/out" || fail "--help has no usage line"
	grep -q '^  --fix  *write PATCH\.EXPERIMENTAL-checkpatch-fixes' "$work/out" ||
		fail "--help does not describe --fix"
	;;
*)
	echo "gate-test.sh: unknown scenario '$scenario'" >&2
	exit 2
	;;
esac
[ "$failed" = 0 ] && rm -rf "$work"
exit "$failed"
