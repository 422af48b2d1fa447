#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A DB-aware engine for tdx-case-runner: check every file of a cross-file
# case on its own with --db, as make runs one CHECK per object, then print
# the whole-build findings with `tdxcheck report`.
#
# Usage: xfile-engine.sh TDXCHECK INCLUDE-DIR FILE...
set -u
[ $# -ge 3 ] || { echo "usage: xfile-engine.sh TDXCHECK INCLUDE-DIR FILE..." >&2; exit 2; }
tdxcheck=$1
include=$2
shift 2
dir=$(mktemp -d "${TMPDIR:-/tmp}/tdxcheck-xfile.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
status=0
for f in "$@"; do
	"$tdxcheck" --db="$dir/facts.db" "$f" -- -I"$include" || status=$?
done
"$tdxcheck" report --db="$dir/facts.db" || status=$?
exit $status
