#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The README's main command: install what is missing, build, then run
# tdxcheck on the bundled "before review" SEAMCALL helper (seven rules fire)
# and, through kbuild, on kernel-impl/, the same layer written the way the
# review asked (nothing fires).  Extra arguments go to tdxcheck, e.g.
#   scripts/run-example.sh --format=checkpatch
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${TDX_BUILD_DIR:-$top/build}

"$top/scripts/setup-packages.sh"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
tdxcheck="$build/driver/tdxcheck"

echo "== examples/before-review: the SEAMCALL helper as posted for review" >&2
cd "$top"
"$tdxcheck" "$@" examples/before-review/seamcall.c -- -Itestsuite/include

echo "== kernel-impl: the same layer as the review asked (make C=2 CHECK=tdxcheck)" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$top/kernel-impl/." "$work/"
make -s -C "$work" objects C=2 CHECK="$tdxcheck --error" >/dev/null
echo "kernel-impl: no findings" >&2
