#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tdxcheck-gate on real 6.12 code, with the prepared build's
# compile_commands.json (-p).  The patched file is a copy in WORK/tree (a
# checkout holding only that file): the pristine source tree is only read,
# and checked unchanged afterwards.
#
# Usage: kernel-test.sh GATE TDXCHECK SRC BUILD WORK mistake|clean|shape
set -u

gate=$1
tdxcheck=$2
src=$3
build=$4
work=$5
scenario=$6
here=$(cd "$(dirname "$0")" && pwd)
# The gate takes the top of the git work tree around the current directory
# as the tree; the test trees live in the build directory, which may sit
# in this project's own checkout (CI builds in build/).  Git must not look
# above the work directory: a tree without .git is then in no repository.
mkdir -p "$work"
GIT_CEILING_DIRECTORIES=$(cd "$work" && pwd -P)
export GIT_CEILING_DIRECTORIES
file=arch/x86/virt/vmx/tdx/tdx.c
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=1
}

[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json" >&2; exit 2; }
before=$(ls -l --time-style=+%s "$src/arch/x86/virt/vmx/tdx" | sha256sum; sha256sum "$src/$file")

rm -rf "$work"
mkdir -p "$work/tree/$(dirname "$file")"
cp "$src/$file" "$work/tree/$file"
cp "$here/data"/kernel-*.patch "$work/"

# check RC EXPECTED -- gate args...: exact stdout and status
check() {
	want_rc=$1 want=$2
	shift 3
	(cd "$work/tree" && "$gate" "$@" >"$work/out" 2>"$work/err")
	rc=$?
	[ "$rc" = "$want_rc" ] || fail "$*: exit $rc, expected $want_rc: $(cat "$work/err")"
	diff -u "$here/expect/$want" "$work/out" >&2 || fail "$*: stdout differs from $want"
	[ -s "$work/err" ] && fail "$*: unexpected stderr: $(cat "$work/err")"
	return 0
}

# The shape of a report, one token per finding or line: the prefix, level
# and type form of each finding and the lines under it, the total's form,
# the verdict.  Findings of the same shape in a row are one token (the two
# tools find different things), and checkpatch's NOTE paragraphs are not
# compared (they name the tool).
shape() {
	awk '
	function flush() { if (block != "" && block != last) print block; last = block; block = "" }
	/^NOTE: / { note = 1; next }
	note && /^      / { next }
	{ note = 0 }
	/^([^ :]+:[0-9]+: )?(ERROR|WARNING|CHECK)(:[A-Z0-9_]+)?: / {
		flush()
		t = $0
		p = (t ~ /^[^ :]+:[0-9]+: /) ? "PATH:N: " : ""
		sub(/^[^ :]+:[0-9]+: /, "", t)
		ty = (t ~ /^[A-Z]+:[A-Z0-9_]+: /) ? ":TYPE" : ""
		block = p "LEVEL" ty ": MSG"
		inblock = 1
		next
	}
	inblock && /^#[0-9]+: FILE: [^ ]+:[0-9]+:$/ { block = block " | #N: FILE: PATH:N:"; next }
	inblock && /^\+/ { block = block " | +SRC"; next }
	inblock && /^$/ { block = block " | BLANK"; inblock = 0; next }
	{ flush(); last = ""; inblock = 0 }
	/^([^ ]+ )?total: [0-9]+ errors, [0-9]+ warnings, ([0-9]+ checks, )?[0-9]+ lines checked$/ {
		t = ($0 ~ /^total:/) ? "" : "PATCH "
		c = ($0 ~ / checks, /) ? "N checks, " : ""
		print t "total: N errors, N warnings, " c "N lines checked"
		next
	}
	/ has style problems, please review\.$/ { print "PATCH has style problems"; next }
	/ has no obvious style problems and is ready for submission\.$/ { print "PATCH is clean"; next }
	/^$/ { if (prev != "") print "BLANK"; prev = ""; next }
	{ print "OTHER: " $0 }
	{ prev = $0 }
	END { flush() }' "$1"
}

case "$scenario" in
mistake)
	# get_cpu() for a print and __always_unused on a used helper, added to
	# 6.12's tdx.c: exactly those two, at the patch's lines.
	check 1 kernel-mistake.checkpatch -- -p "$build" ../kernel-0001-key-config-cpu.patch
	cmp -s "$src/$file" "$work/tree/$file" || fail "the copy was modified"
	# the same once the patch is applied in the tree
	(cd "$work/tree" && git apply ../kernel-0001-key-config-cpu.patch) || fail "git apply"
	check 1 kernel-mistake.checkpatch -- -p "$build" ../kernel-0001-key-config-cpu.patch
	;;
clean)
	# Comment edits, one beside the multi-line unbraced pr_warn() that
	# --scope=all reports at line 471: nothing on the added lines.
	check 0 kernel-clean.checkpatch -- -p "$build" --scope=all ../kernel-0002-comment.patch
	# the pre-image's finding (comment edits move no line) is there
	(cd "$build" && "$tdxcheck" -p . --scope=all "$src/$file" 2>&1) |
		grep -q "tdx.c:471:9: warning: body spans several lines without braces" ||
		fail "tdxcheck does not report line 471 of the post-image: the clean result proves nothing"
	;;
shape)
	# scripts/checkpatch.pl of the same tree and the gate on one patch, with
	# the same flags: every line of the same shape.
	p=../kernel-0003-shape.patch
	for opts in "" "--show-types --summary-file" "--terse" "--emacs --strict" "--showfile -q" \
		"-q --terse --no-summary --mailback --showfile --show-types"; do
		(cd "$work/tree" && HOME=$work perl "$src/scripts/checkpatch.pl" --no-tree $opts $p \
			>"$work/cp.out" 2>"$work/cp.err")
		cp_rc=$?
		# the gate with -p: the flags of the build
		(cd "$work/tree" && HOME=$work "$gate" -p "$build" $opts $p >"$work/gate.out" \
			2>"$work/err"; echo $? >"$work/rc")
		[ "$(cat "$work/rc")" = "$cp_rc" ] ||
			fail "'$opts': exit $(cat "$work/rc"), checkpatch $cp_rc: $(cat "$work/err")"
		[ -s "$work/err" ] && fail "'$opts': unexpected stderr: $(cat "$work/err")"
		shape "$work/cp.out" >"$work/cp.shape"
		shape "$work/gate.out" >"$work/gate.shape"
		grep -q . "$work/cp.shape" ||
			fail "'$opts': checkpatch printed nothing: the comparison proves nothing"
		diff -u "$work/cp.shape" "$work/gate.shape" >&2 ||
			fail "'$opts': the gate's lines are not checkpatch's shape"
	done
	;;
*)
	echo "kernel-test.sh: unknown scenario '$scenario'" >&2
	exit 2
	;;
esac

after=$(ls -l --time-style=+%s "$src/arch/x86/virt/vmx/tdx" | sha256sum; sha256sum "$src/$file")
[ "$before" = "$after" ] || fail "the pristine source tree changed"
[ "$failed" = 0 ] && rm -rf "$work"
exit "$failed"
