#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The model of FILE from the GCC plugin and from the clang front end, both
# through `tdxcheck --dump-model`, compared by compare-dumps.
#
# Usage: dump-compare.sh TDXCHECK COMPARE-DUMPS INCLUDE-DIR FILE
set -eu
[ $# -eq 4 ] || { echo "usage: dump-compare.sh TDXCHECK COMPARE-DUMPS INCLUDE FILE" >&2; exit 2; }
tdxcheck=$1 compare=$2 inc=$3 file=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tdxcheck" --dump-model "$file" -- -I"$inc" > "$tmp/plugin.json"
"$tdxcheck" --frontend=clang --dump-model "$file" -- -I"$inc" > "$tmp/clang.json"
"$compare" "$tmp/plugin.json" "$tmp/clang.json"
