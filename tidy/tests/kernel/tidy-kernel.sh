#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# clang-tidy with the module on real kernel files, with the flags kbuild
# used (the build directory's compile_commands.json, made clang-clean by
# clang-compdb.py): every tdx-* check, headers included.
# The findings, as "path:line: rule" relative to the source tree, must be
# exactly those of EXPECT (testsuite/kernel's format; '#' lines are comments).
# With --scope=all every function is judged (the check option Scope).
#
# Usage: tidy-kernel.sh [--scope=all] CLANG-TIDY MODULE CLANG SRC BUILD EXPECT FILE...
#   FILE  relative to SRC
set -u
scope=
if [ "${1:-}" = --scope=all ]; then
	scope=all
	shift
fi
[ $# -ge 7 ] || {
	echo "usage: tidy-kernel.sh [--scope=all] CLANG-TIDY MODULE CLANG SRC BUILD EXPECT" \
		"FILE..." >&2
	exit 2
}
tidy=$1 module=$2 clang=$3 src=$4 build=$5 expect=$6
shift 6
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=
for f in "$@"; do
	files="$files $src/$f"
done
# shellcheck disable=SC2086
python3 "$here/clang-compdb.py" "$clang" "$build/compile_commands.json" "$tmp" $files || exit 2
# -w, -Wno-error: clang's own warnings (a tree configured for GCC has many)
# are the real compile's business, not the checks'.
config='{}'
[ -n "$scope" ] && config="{CheckOptions: [{key: Scope, value: $scope}]}"
# shellcheck disable=SC2086
"$tidy" --quiet --load="$module" --checks='-*,tdx-*' --header-filter='.*' \
	--config="$config" --extra-arg=-w --extra-arg=-Wno-error -p "$tmp" $files \
	> "$tmp/out" 2> "$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then
	echo "clang-tidy exited with status $rc:"
	cat "$tmp/err" "$tmp/out"
	exit 1
fi
# "path:line:col: warning: message [tdx-rule]" -> "path:line: rule", relative to SRC
findings() {
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: warning: .*\[tdx-\([a-z-]*\)\]$/\1:\2: \3/p' \
		"$1" | while IFS= read -r line; do
		path=${line%%:*}
		real=$(realpath -m "$path")
		echo "${real#"$src"/}:${line#*:}"
	done | sort -u
}
findings "$tmp/out" > "$tmp/got"
grep -v '^#' "$expect" | grep -v '^$' | sort -u > "$tmp/want"
if ! diff -u "$tmp/want" "$tmp/got"; then
	echo "clang-tidy's output:"
	cat "$tmp/out"
	exit 1
fi
echo "$(wc -l < "$tmp/got") finding(s), as expected, in $*"
