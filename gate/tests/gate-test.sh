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

flags="-I$inc"
case "$scenario" in
patch)
	# Not applied: checked in a scratch copy; the tree is not touched.
	fresh
	run 1 print-cpu.checkpatch - - -- ../0001-print-cpu.patch -- $flags
	unchanged
	# --no-tree and --show-types are checkpatch's; they change nothing.
	run 1 print-cpu.checkpatch - - -- --no-tree --show-types ../0001-print-cpu.patch -- $flags
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
indirect-call)
	# A static inline wrapper that gets __seamcall as a pointer: reported at
	# its name, the added line of the definition.
	fresh
	run 1 indirect-call.checkpatch - - -- ../0006-indirect-call.patch -- $flags
	unchanged
	;;
help)
	fresh
	run 0 - - - -- --help
	grep -q '^Usage: tdxcheck-gate' "$work/out" || fail "--help has no usage line"
	;;
*)
	echo "gate-test.sh: unknown scenario '$scenario'" >&2
	exit 2
	;;
esac
[ "$failed" = 0 ] && rm -rf "$work"
exit "$failed"
