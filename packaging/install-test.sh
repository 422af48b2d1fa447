#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The installed tree runs every command README.md shows.
#
# Usage: install-test.sh SOURCE BUILD WORK install|deb
#   install  `cmake --install BUILD --prefix WORK/prefix`
#   deb      `cpack -G DEB`, then the package's files unpacked under
#            WORK/root with dpkg-deb -x (what apt would put under /)
#
# Each command runs from the installed bin/ only (the build tree is not on
# PATH and nothing points back into it) on the README's inputs, and its
# output is compared with what the build tree's command prints: the same
# findings prove that the installed command found its plugin, front end
# and rules.
set -u

src=$1
build=$2
work=$3
how=$4
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=1
}

rm -rf "$work"
mkdir -p "$work"
case "$how" in
install)
	prefix=$work/prefix
	cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
		{ cat "$work/install.log" >&2; exit 1; }
	;;
deb)
	(cd "$build" && cpack -G DEB -B "$work/pkg") >"$work/cpack.log" 2>&1 ||
		{ cat "$work/cpack.log" >&2; exit 1; }
	deb=$(ls "$work"/pkg/tdxcheck_*.deb 2>/dev/null)
	[ -f "$deb" ] || { echo "FAIL: cpack wrote no tdxcheck_*.deb" >&2; exit 1; }
	deps=$(dpkg-deb -f "$deb" Depends)
	for need in gcc-12 git libsqlite3-0 libjansson4 libclang1-14; do
		case "$deps" in
		*"$need"*) ;;
		*) fail "Depends lacks $need: $deps" ;;
		esac
	done
	dpkg-deb -x "$deb" "$work/root" || exit 1
	prefix=$work/root/usr
	;;
*)
	echo "usage: install-test.sh SOURCE BUILD WORK install|deb" >&2
	exit 2
	;;
esac
bin=$prefix/bin
PATH=$bin:/usr/local/bin:/usr/bin:/bin
export PATH
unset TDXCHECK_PLUGIN TDXCHECK_CLANG

for f in tdxcheck tdxcheck-gate tdxcheck-clang tdxcheck-cocci tdxcheck-refactor; do
	[ -x "$bin/$f" ] || fail "$bin/$f: not installed"
done
for f in tdxcheck.1 tdxcheck-gate.1; do
	[ -f "$prefix/share/man/man1/$f" ] || fail "$f: man page not installed"
done
plugin=$(ls "$prefix"/lib*/tdxcheck/tdxcheck_plugin.so "$prefix"/lib/*/tdxcheck/tdxcheck_plugin.so \
	2>/dev/null | head -n 1)
[ -n "$plugin" ] || fail "no tdxcheck_plugin.so under $prefix/lib"
[ "$failed" = 0 ] || exit 1

cd "$src" || exit 1
example=examples/before-review/seamcall.c
inc=-Itestsuite/include

# same COMMAND-NAME EXPECTED-FILE ACTUAL-FILE: identical, and not empty
same() {
	[ -s "$2" ] || fail "$1: the build tree's command printed nothing"
	cmp -s "$2" "$3" || { diff -u "$2" "$3" >&2; fail "$1: installed output differs"; }
}

# `tdxcheck FILE -- FLAGS`, with each front end
for fe in gcc clang; do
	"$build/driver/tdxcheck" --frontend=$fe "$example" -- $inc >"$work/want-$fe" 2>&1
	tdxcheck --frontend=$fe "$example" -- $inc >"$work/got-$fe" 2>&1 ||
		fail "tdxcheck --frontend=$fe exited $?"
	same "tdxcheck --frontend=$fe" "$work/want-$fe" "$work/got-$fe"
done

# KCFLAGS=-fplugin=...: the plugin's warnings are the checker's findings
gcc -fplugin="$plugin" -fsyntax-only $inc "$example" 2>"$work/got-plugin" ||
	fail "gcc -fplugin=$plugin exited $?"
grep -o '^[^:]*:[0-9]*:[0-9]*: warning: .*\[tdx-[a-z-]*\]' "$work/got-plugin" >"$work/got-plugin.w"
grep -o '^[^:]*:[0-9]*:[0-9]*: warning: .*\[tdx-[a-z-]*\]' "$work/want-gcc" >"$work/want-plugin.w"
same "gcc -fplugin=" "$work/want-plugin.w" "$work/got-plugin.w"

# clang-tidy-14 --load=.../tdxcheck_tidy.so: the same rules as tdx-* checks
tidy=$(dirname "$plugin")/tdxcheck_tidy.so
if [ -f "$tidy" ]; then
	clang-tidy-14 --load="$tidy" --checks='-*,tdx-*' --quiet "$example" -- $inc \
		>"$work/got-tidy" 2>/dev/null
	grep -c 'warning: .*\[tdx-[a-z-]*\]$' "$work/got-tidy" >"$work/got-tidy.n"
	grep -c 'warning: .*\[tdx-[a-z-]*\]$' "$work/want-clang" >"$work/want-tidy.n"
	same "clang-tidy --load=tdxcheck_tidy.so (number of findings)" \
		"$work/want-tidy.n" "$work/got-tidy.n"
else
	fail "$tidy: not installed beside the plugin"
fi

# make C=2 CHECK=tdxcheck: kernel-impl against the installed kernel headers
cp -r kernel-impl "$work/kernel-impl"
make -s -C "$work/kernel-impl" objects C=2 CHECK="tdxcheck --error" >"$work/kbuild.log" 2>&1 ||
	{ tail -n 20 "$work/kbuild.log" >&2; fail "make C=2 CHECK=tdxcheck on kernel-impl"; }

# tdxcheck-cocci: the installed rules, report mode.  Installed, it runs the
# combined tdxcheck-all.cocci; from the source tree, each rule in turn: the
# same findings, in another order.
if command -v spatch >/dev/null; then
	[ -f "$prefix/share/tdxcheck/tdxcheck-all.cocci" ] ||
		fail "tdxcheck-all.cocci is not installed"
	"$src/cocci/tdxcheck-cocci" -I testsuite/include "$example" 2>&1 | sort >"$work/want-cocci"
	tdxcheck-cocci -I testsuite/include "$example" >"$work/got-cocci.raw" 2>&1 ||
		fail "tdxcheck-cocci exited $?"
	sort "$work/got-cocci.raw" >"$work/got-cocci"
	same tdxcheck-cocci "$work/want-cocci" "$work/got-cocci"

	# tdxcheck-refactor with an installed rule: the case becomes its .fixed
	case=testsuite/cases/get-cpu-for-print/bad-printk.c
	mkdir -p "$work/refactor"
	cp "$case" "$work/refactor/"
	rule=$prefix/share/tdxcheck/cocci/get-cpu-for-print.cocci
	tdxcheck-refactor "$rule" "$work/refactor" >"$work/refactor.log" 2>&1 ||
		{ cat "$work/refactor.log" >&2; fail "tdxcheck-refactor exited $?"; }
	cmp -s "$case.fixed" "$work/refactor/bad-printk.c" ||
		fail "tdxcheck-refactor: result differs from $case.fixed"
else
	fail "spatch is not installed (scripts/setup-packages.sh installs coccinelle)"
fi

# tdxcheck-gate on a patch, in a work tree of its own; --fix runs the
# installed tdxcheck-refactor with the installed rules (the fixes file is
# written beside the patch, so the patch is a copy)
mkdir -p "$work/gate"
cp -r gate/tests/data/tree/. "$work/gate/"
cp gate/tests/data/0001-print-cpu.patch "$work/"
(
	cd "$work/gate" || exit 1
	GIT_CEILING_DIRECTORIES=$work
	export GIT_CEILING_DIRECTORIES
	tdxcheck-gate --show-types --fix "$work/0001-print-cpu.patch" -- "-I$src/testsuite/include" \
		>"$work/got-gate" 2>"$work/gate.err"
	echo $? >"$work/gate.rc"
)
[ "$(cat "$work/gate.rc")" = 1 ] || fail "tdxcheck-gate exited $(cat "$work/gate.rc"), expected 1: $(cat "$work/gate.err")"
grep -q 'TDX_GET_CPU_FOR_PRINT' "$work/got-gate" ||
	fail "tdxcheck-gate did not report get-cpu-for-print: $(cat "$work/got-gate")"
cmp -s gate/tests/expect/print-cpu.fixes "$work/0001-print-cpu.patch.EXPERIMENTAL-checkpatch-fixes" ||
	fail "tdxcheck-gate --fix: the fixes differ from gate/tests/expect/print-cpu.fixes"

[ "$failed" = 0 ] && echo "install-test ($how): every README command ran from $bin"
exit "$failed"
