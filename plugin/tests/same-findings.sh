#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The plugin must report the same findings however GCC is driven: with
# -fsyntax-only (the testsuite), with -O2 -c (kbuild) and with -O2 -g -c
# (kbuild with debug info, which adds statement markers to the trees).
#
# Usage: same-findings.sh CC PLUGIN INCLUDE FILE...
set -u
[ $# -ge 4 ] || { echo "usage: same-findings.sh CC PLUGIN INCLUDE FILE..." >&2; exit 2; }
cc=$1 plugin=$2 include=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() {
	name=$1
	shift
	"$cc" -fplugin="$plugin" -fdiagnostics-plain-output -I"$include" "$@" \
		>"$dir/$name" 2>&1
	echo "$?" >>"$dir/$name"
}
fail=0
for file in "$@"; do
	run syntax -fsyntax-only "$file"
	run o2 -O2 -c -o /dev/null "$file"
	run o2g -O2 -g -c -o /dev/null "$file"
	for mode in o2 o2g; do
		if ! diff -u "$dir/syntax" "$dir/$mode"; then
			echo "FAIL: $file: -fsyntax-only and $mode differ"
			fail=1
		fi
	done
done
[ $fail -eq 0 ] && echo "ok: same findings and exit status in all modes"
exit $fail
