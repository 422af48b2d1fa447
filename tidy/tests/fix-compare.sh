#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `clang-tidy -fix` with one tdx-RULE on a copy of CASE: the fix must apply,
# the result must compile and leave no finding of RULE, and it must equal
# EXPECTED (the Coccinelle patch mode's CASE.fixed, or the module's own
# expected output where clang/README.md says why the two differ).
#
# Usage: fix-compare.sh CLANG-TIDY MODULE GCC INCLUDE-DIR RULE CASE EXPECTED
set -eu
[ $# -eq 7 ] || {
	echo "usage: fix-compare.sh CLANG-TIDY MODULE GCC INCLUDE RULE CASE EXPECTED" >&2
	exit 2
}
tidy=$1 module=$2 gcc=$3 inc=$4 rule=$5 case=$6 expected=$7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp "$case" "$tmp/case.c"
"$tidy" --quiet --load="$module" --checks="-*,tdx-$rule" --fix "$tmp/case.c" \
	-- -I"$inc" > "$tmp/fix.out" 2>&1 || { cat "$tmp/fix.out"; exit 1; }
grep -q "applied" "$tmp/fix.out" || { echo "no fix applied:"; cat "$tmp/fix.out"; exit 1; }
"$gcc" -fsyntax-only -Wall -Werror -I"$inc" "$tmp/case.c"
"$tidy" --quiet --load="$module" --checks="-*,tdx-$rule" "$tmp/case.c" -- -I"$inc" \
	> "$tmp/after.out" 2>&1
if grep -q "\[tdx-$rule\]" "$tmp/after.out"; then
	echo "a finding is left after the fix:"
	cat "$tmp/after.out"
	exit 1
fi
diff -u "$expected" "$tmp/case.c"
