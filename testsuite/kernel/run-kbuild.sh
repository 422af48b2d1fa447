#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run one kbuild build of a prepared linux-source tree and check its log.
#
# Usage: run-kbuild.sh -s SRC -o BUILD -l LOG -e EXPECT [-x] [-c DIR]...
#                      [-r OBJ:TEXT]... [-m FILE:REGEX]... -- MAKE-ARGS...
#   -s SRC     the pristine source tree (make -C)
#   -o BUILD   the prepared out-of-tree build directory (make O=)
#   -l LOG     where to save the build log
#   -e EXPECT  expected findings, one `file:line: rule` a line (file relative
#              to SRC; `#` comments and blank lines ignored)
#   -x         the build must fail, and only because of findings: every
#              `error:` line is a tdx finding, there is at least one, and the
#              findings are a subset of EXPECT (make stops early)
#   -c DIR     delete the objects under BUILD/DIR first, so that the build
#              compiles them again with this run's flags (repeatable)
#   -r OBJ:TEXT  after the build, BUILD/OBJ was compiled again by this run and
#              its kbuild command (BUILD/dir/.name.o.cmd) contains TEXT
#   -m FILE:REGEX  after the build, FILE was written by this run and has a
#              line matching the extended REGEX (e.g. a plugin's model dump)
#
# Findings are the log lines `PATH:LINE:COL: warning|error: ... [tdx-RULE]`.
# They are compared as a set of (file, line, rule): a header finding that
# several translation units report counts once.  Fails on a missing or an
# extra finding, on `internal compiler error`, and on a build that fails
# (or, with -x, succeeds).
set -eu

die() {
	echo "run-kbuild: $*" >&2
	exit 2
}

src='' build='' log='' expect='' must_fail=0 clean='' rebuilt='' matches=''
while getopts :s:o:l:e:xc:r:m: opt; do
	case $opt in
	s) src=$OPTARG ;;
	o) build=$OPTARG ;;
	l) log=$OPTARG ;;
	e) expect=$OPTARG ;;
	x) must_fail=1 ;;
	c) clean="$clean $OPTARG" ;;
	r) rebuilt="$rebuilt
$OPTARG" ;;
	m) matches="$matches
$OPTARG" ;;
	:) die "option -$OPTARG needs a value" ;;
	*) die "unknown option -$OPTARG" ;;
	esac
done
shift $((OPTIND - 1))
if [ -z "$src" ] || [ -z "$build" ] || [ -z "$log" ] || [ -z "$expect" ]; then
	die "-s, -o, -l and -e are required"
fi
[ -f "$src/Makefile" ] || die "$src: not a kernel source tree"
[ -f "$build/.config" ] ||
	die "$build: not a prepared build directory (run scripts/prepare-kernel.sh)"
[ -r "$expect" ] || die "$expect: cannot read expectation file"
src=$(cd "$src" && pwd -P)
build=$(cd "$build" && pwd -P)

for dir in $clean; do
	[ -d "$build/$dir" ] || continue
	find "$build/$dir" -name '*.o' -type f -delete
done

mkdir -p "$(dirname "$log")"
marker=$log.start
: >"$marker"
status=0
make -C "$src" O="$build" "$@" >"$log" 2>&1 || status=$?
echo "run-kbuild: make $* -> exit $status (log: $log)"

fail=0
bad() {
	echo "run-kbuild: FAIL: $*"
	fail=1
}

if grep -q 'internal compiler error' "$log"; then
	bad "internal compiler error:"
	grep -B2 -A2 'internal compiler error' "$log" | head -n 20
fi
if [ "$must_fail" -eq 1 ] && [ "$status" -eq 0 ]; then
	bad "the build succeeded but must fail"
elif [ "$must_fail" -eq 0 ] && [ "$status" -ne 0 ]; then
	bad "the build failed:"
	grep -E ': (error|fatal error):|\*\*\*' "$log" | head -n 20
fi

# The findings of this run, as `file:line: rule`, paths relative to SRC.
# kbuild with O= names sources by absolute path; a relative one is relative
# to BUILD, where make runs.
found=$(mktemp)
want=$(mktemp)
trap 'rm -f "$found" "$want" "$marker"' EXIT
pattern='^\([^ :][^:]*\):\([0-9][0-9]*\):[0-9][0-9]*: \(warning\|error\): .*\[tdx-\([a-z-]*\)\].*$'
sed -n "s/$pattern/\\1 \\2 \\4/p" "$log" |
while read -r path line rule; do
	case $path in
	/*) ;;
	*) path=$(realpath -m "$build/$path") ;;
	esac
	echo "${path#"$src"/}:$line: $rule"
done | sort -u >"$found"
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$expect" | sort -u >"$want"

if [ "$must_fail" -eq 1 ]; then
	extra=$(comm -23 "$found" "$want")
	[ -z "$extra" ] || bad "findings not in $expect: $extra"
	[ -s "$found" ] || bad "no finding in the log: the failure has another cause"
	other=$(grep ': error:' "$log" | grep -v '\[tdx-[a-z-]*\]' || true)
	[ -z "$other" ] || bad "errors that are not findings: $other"
else
	missing=$(comm -13 "$found" "$want")
	extra=$(comm -23 "$found" "$want")
	[ -z "$missing" ] || bad "missing findings:
$missing"
	[ -z "$extra" ] || bad "unexpected findings:
$extra"
fi

# Proof that the flags under test reached the compiler: the object was
# compiled by this run, and kbuild recorded the command that did it.
echo "$rebuilt" | while IFS= read -r spec; do
	[ -n "$spec" ] || continue
	obj=${spec%%:*}
	text=${spec#*:}
	cmd=$build/$(dirname "$obj")/.$(basename "$obj").cmd
	if [ -z "$(find "$build/$obj" -newer "$marker" 2>/dev/null)" ]; then
		echo "run-kbuild: FAIL: $obj was not compiled by this run"
		exit 1
	fi
	if ! grep -qF -e "$text" "$cmd"; then
		echo "run-kbuild: FAIL: $cmd does not contain '$text'"
		exit 1
	fi
done || fail=1

echo "$matches" | while IFS= read -r spec; do
	[ -n "$spec" ] || continue
	file=${spec%%:*}
	regex=${spec#*:}
	if [ -z "$(find "$file" -newer "$marker" 2>/dev/null)" ]; then
		echo "run-kbuild: FAIL: $file was not written by this run"
		exit 1
	fi
	if ! grep -qE -e "$regex" "$file"; then
		echo "run-kbuild: FAIL: no line of $file matches '$regex'"
		exit 1
	fi
done || fail=1

if [ "$fail" -ne 0 ]; then
	echo "run-kbuild: findings in the log:"
	sed 's/^/  /' "$found"
	exit 1
fi
echo "run-kbuild: ok, $(wc -l <"$found") finding(s) as expected"
