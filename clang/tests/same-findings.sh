#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The same tdxcheck command with --frontend=gcc and --frontend=clang must
# print the same report and exit with the same status; the report must not
# be empty (else the comparison proves nothing).
#
# Usage: same-findings.sh TDXCHECK ARGS...
set -u
[ $# -ge 2 ] || { echo "usage: same-findings.sh TDXCHECK ARGS..." >&2; exit 2; }
tdxcheck=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tdxcheck" --frontend=gcc "$@" > "$tmp/gcc" 2>&1
echo "status $?" >> "$tmp/gcc"
"$tdxcheck" --frontend=clang "$@" > "$tmp/clang" 2>&1
echo "status $?" >> "$tmp/clang"
cat "$tmp/clang"
if ! diff -u "$tmp/gcc" "$tmp/clang"; then
	echo "FAIL: the front ends disagree" >&2
	exit 1
fi
if ! grep -q '\[tdx-' "$tmp/clang"; then
	echo "FAIL: no finding to compare" >&2
	exit 1
fi
