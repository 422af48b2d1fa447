#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Dump the clang front end's model of FILE and assert its facts (test-facts).
#
# Usage: facts-test.sh TDXCHECK-CLANG TEST-FACTS INCLUDE-DIR FILE
set -eu
[ $# -eq 4 ] || { echo "usage: facts-test.sh TDXCHECK-CLANG TEST-FACTS INCLUDE FILE" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$1" --tdx-dump-model="$tmp/model.json" --tdx-findings="$tmp/findings.json" -I"$3" "$4"
"$2" "$tmp/model.json"
