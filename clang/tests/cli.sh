#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tdxcheck --frontend=clang reports exactly as with the plugin: the same
# output in every format and the same exit status, with and without
# --error; and bad input is one line naming it and exit status 2.
#
# Usage: cli.sh TDXCHECK INCLUDE-DIR BAD-CASE GOOD-CASE
set -u
[ $# -eq 4 ] || { echo "usage: cli.sh TDXCHECK INCLUDE BAD-CASE GOOD-CASE" >&2; exit 2; }
tdxcheck=$1 inc=$2 bad=$3 good=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

no() {
	echo "FAIL: $*" >&2
	fail=1
}

run() {	# run NAME ARGS...: stdout, stderr and status into $tmp/NAME.*
	name=$1
	shift
	"$tdxcheck" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
	echo $? > "$tmp/$name.rc"
}

for fmt in gcc checkpatch json sarif; do
	for err in "" --error; do
		for file in "$bad" "$good"; do
			run gcc --format=$fmt $err "$file" -- -I"$inc"
			run clang --frontend=clang --format=$fmt $err "$file" -- -I"$inc"
			for part in out err rc; do
				cmp -s "$tmp/gcc.$part" "$tmp/clang.$part" ||
					no "--format=$fmt $err $file: $part differs: $(cat "$tmp/clang.$part")"
			done
		done
	done
done
run clang --frontend=clang "$bad" -- -I"$inc"
grep -q 'warning: .*\[tdx-' "$tmp/clang.err" || no "the bad case has no finding"
[ "$(cat "$tmp/clang.rc")" = 0 ] || no "findings in report mode: status $(cat "$tmp/clang.rc")"

# a file that does not parse: clang's errors, then one line naming it, status 2
printf 'int f( {\n' > "$tmp/broken.c"
run clang --frontend=clang "$tmp/broken.c"
[ "$(cat "$tmp/clang.rc")" = 2 ] || no "broken file: status $(cat "$tmp/clang.rc")"
[ "$(grep -c "^tdxcheck: $tmp/broken.c: not checked" "$tmp/clang.err")" = 1 ] ||
	no "broken file: no one-line error naming it: $(cat "$tmp/clang.err")"
grep -q "broken.c:1:.*error:" "$tmp/clang.err" || no "broken file: clang's error missing"

# a missing file, an unknown front end
run clang --frontend=clang "$tmp/missing.c"
[ "$(cat "$tmp/clang.rc")" = 2 ] && grep -q "missing.c: cannot read" "$tmp/clang.err" ||
	no "missing file: $(cat "$tmp/clang.err")"
run clang --frontend=icc "$good"
[ "$(cat "$tmp/clang.rc")" = 2 ] &&
	[ "$(cat "$tmp/clang.err")" = "tdxcheck: unknown front end 'icc' (gcc, clang)" ] ||
	no "unknown front end: $(cat "$tmp/clang.err")"

# LLVM=1's clang-only flags are the compiler's words, not unknown options
run clang --frontend=clang --format=checkpatch "$bad" --target=x86_64-linux-gnu \
	-fintegrated-as -Werror=unknown-warning-option -mretpoline-external-thunk -I"$inc"
[ "$(cat "$tmp/clang.rc")" = 0 ] && grep -q "^WARNING:TDX_" "$tmp/clang.out" ||
	no "LLVM=1 flags: $(cat "$tmp/clang.err")"
run clang --frontend=clang --dry-run "$bad" -- -I"$inc"
grep -q "tdxcheck-clang .*--tdx-findings=" "$tmp/clang.out" || no "dry run: $(cat "$tmp/clang.out")"
exit $fail
