#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Compile with the plugin's dump-model argument and compare the JSON model
# with the expected one: the front end's facts, checked whole.
#
# Usage: dump-model.sh EXPECTED.json COMPILER-COMMAND...
set -u
[ $# -ge 2 ] || { echo "usage: dump-model.sh EXPECTED.json COMMAND..." >&2; exit 2; }
expected=$1
shift
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
"$@" -fplugin-arg-tdxcheck_plugin-dump-model="$dump" >/dev/null 2>&1 || {
	echo "FAIL: $* exited $?"
	exit 1
}
diff -u "$expected" "$dump" || { echo "FAIL: model differs from $expected"; exit 1; }
echo "ok: model as expected"
