#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The model of FILE from the GCC plugin (`tdxcheck --dump-model`) and from
# the clang-tidy module (its DumpModel option), compared by compare-dumps.
#
# Usage: dump-compare.sh TDXCHECK CLANG-TIDY MODULE COMPARE-DUMPS INCLUDE-DIR FILE
set -eu
[ $# -eq 6 ] || {
	echo "usage: dump-compare.sh TDXCHECK CLANG-TIDY MODULE COMPARE INCLUDE FILE" >&2
	exit 2
}
tdxcheck=$1 tidy=$2 module=$3 compare=$4 inc=$5 file=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tdxcheck" --dump-model "$file" -- -I"$inc" > "$tmp/plugin.json"
"$tidy" --quiet --load="$module" --checks='-*,tdx-status-ignored' \
	--config="{CheckOptions: [{key: tdx-status-ignored.DumpModel, value: '$tmp/tidy.json'}]}" \
	"$file" -- -I"$inc" > /dev/null 2>&1
"$compare" "$tmp/plugin.json" "$tmp/tidy.json"
