#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module's suppressions and options on fixtures/suppress.c: NOLINT,
# NOLINTNEXTLINE and tdxcheck-ignore silence, a NOLINT naming another check
# does not; Primitives adds a primitive, Scope=all judges every function
# (and a '{' in a skipped #if branch is no brace);
# a bad Scope is one configuration error naming it, and no finding.
#
# Usage: options.sh CLANG-TIDY MODULE INCLUDE-DIR FIXTURE
set -u
[ $# -eq 4 ] || { echo "usage: options.sh CLANG-TIDY MODULE INCLUDE FIXTURE" >&2; exit 2; }
tidy=$1 module=$2 inc=$3 file=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

no() {
	echo "FAIL: $*" >&2
	fail=1
}

# lines reported for tdx-RULE (default status-ignored), with extra options
lines() {
	rule=status-ignored
	case "${1:-}" in
	--rule=*) rule=${1#--rule=}; shift ;;
	esac
	"$tidy" --quiet --load="$module" --checks="-*,tdx-$rule" "$@" "$file" \
		-- -I"$inc" > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/rc"
	sed -n "s/^[^:]*suppress\\.c:\\([0-9]*\\):[0-9]*: warning: .*\\[tdx-$rule\\]\$/\\1/p" \
		"$tmp/out" | tr '\n' ' '
}

got=$(lines)
[ "$got" = "17 " ] || no "default: reported lines '$got', want '17 '"
[ "$(cat "$tmp/rc")" = 0 ] || no "default: status $(cat "$tmp/rc")"
grep -q "status returned by '__tdcall' is ignored" "$tmp/out" || no "default: message differs"

got=$(lines --config='{CheckOptions: [{key: tdx-status-ignored.Primitives, value: "my_hyper*"}]}')
[ "$got" = "17 21 " ] || no "Primitives: reported lines '$got', want '17 21 '"

got=$(lines --config='{CheckOptions: [{key: Primitives, value: "my_hyper*"}]}')
[ "$got" = "17 21 " ] || no "global Primitives: reported lines '$got', want '17 21 '"

got=$(lines --rule=unbraced-multiline-body)
[ -z "$got" ] || no "scope tdx: plain_helper judged: lines '$got'"
got=$(lines --rule=unbraced-multiline-body \
	--config='{CheckOptions: [{key: tdx-unbraced-multiline-body.Scope, value: all}]}')
[ "$got" = "27 36 " ] || no "Scope=all: reported lines '$got', want '27 36 '"

got=$(lines --config='{CheckOptions: [{key: tdx-status-ignored.Scope, value: some}]}')
[ -z "$got" ] || no "bad Scope: reported lines '$got'"
[ "$(grep -c "invalid value 'some' for status-ignored.Scope" "$tmp/out" "$tmp/err" |
	awk -F: '{ n += $2 } END { print n }')" = 1 ] ||
	no "bad Scope: no one configuration error: $(cat "$tmp/out" "$tmp/err")"

exit $fail
