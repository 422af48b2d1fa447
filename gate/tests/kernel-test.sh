#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tdxcheck-gate on real 6.12 code, with the prepared build's
# compile_commands.json (-p).  The patched file is a copy in WORK/tree (a
# checkout holding only that file): the pristine source tree is only read,
# and checked unchanged afterwards.
#
# Usage: kernel-test.sh GATE TDXCHECK SRC BUILD WORK mistake|clean
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
*)
	echo "kernel-test.sh: unknown scenario '$scenario'" >&2
	exit 2
	;;
esac

after=$(ls -l --time-style=+%s "$src/arch/x86/virt/vmx/tdx" | sha256sum; sha256sum "$src/$file")
[ "$before" = "$after" ] || fail "the pristine source tree changed"
[ "$failed" = 0 ] && rm -rf "$work"
exit "$failed"
