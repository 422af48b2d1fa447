#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run-kbuild.sh, then proof that kbuild really ran the checker: an empty
# finding set means nothing if CHECK never ran.
#
# Usage: kbuild-checked.sh -l LOG [-c SRC-FILE]... [-s] -- RUN-KBUILD ARGS...
#   -l LOG       the log run-kbuild.sh writes (its -l)
#   -c SRC-FILE  kbuild printed "CHECK <path ending in SRC-FILE>" (repeatable)
#   -s           sparse's own diagnostics are in the log too (--sparse): a
#                `file:line:col: warning|error:` line that is not a finding
# Fails on any "tdxcheck:" line in the log (an error of the driver itself).
set -eu

log= checked= sparse=0
while getopts l:c:s opt; do
	case $opt in
	l) log=$OPTARG ;;
	c) checked="$checked $OPTARG" ;;
	s) sparse=1 ;;
	*) echo "usage: kbuild-checked.sh -l LOG [-c FILE]... [-s] -- RUN-KBUILD ARGS..." >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$log" ] && [ $# -gt 0 ] || { echo "kbuild-checked: -l and a command are required" >&2; exit 2; }

"$@"

fail=0
for f in $checked; do
	if ! grep -Eq "^  CHECK +.*$f\$" "$log"; then
		echo "kbuild-checked: FAIL: kbuild did not check $f"
		fail=1
	fi
done
if grep -q '^tdxcheck: ' "$log"; then
	echo "kbuild-checked: FAIL: the driver reported errors:"
	grep '^tdxcheck: ' "$log" | head -n 10
	fail=1
fi
if [ "$sparse" -eq 1 ]; then
	n=$(grep -E '^[^ :]+:[0-9]+:[0-9]+: (warning|error): ' "$log" | grep -cv '\[tdx-' || true)
	if [ "$n" -eq 0 ]; then
		echo "kbuild-checked: FAIL: no diagnostic of sparse in the log"
		fail=1
	else
		echo "kbuild-checked: $n diagnostic(s) of sparse passed through"
	fi
fi
exit $fail
