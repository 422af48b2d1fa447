#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run a command and check its exit status and its whole output.
#
# Usage: run-expect.sh STATUS EXPECTED -- COMMAND...
#   STATUS    the exit status COMMAND must have
#   EXPECTED  file holding exactly what COMMAND must print (stdout then
#             stderr, merged); /dev/null for nothing
set -u
[ $# -ge 4 ] && [ "$3" = "--" ] || {
	echo "usage: run-expect.sh STATUS EXPECTED -- COMMAND..." >&2
	exit 2
}
status=$1 expected=$2
shift 3
[ -r "$expected" ] || { echo "run-expect: $expected: cannot read" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$@" >"$out" 2>&1
got=$?
fail=0
if [ "$got" -ne "$status" ]; then
	echo "FAIL: exit status $got, expected $status"
	fail=1
fi
if ! diff -u "$expected" "$out"; then
	echo "FAIL: output differs from $expected"
	fail=1
fi
[ $fail -eq 0 ] && echo "ok: exit $got, output as expected"
exit $fail
