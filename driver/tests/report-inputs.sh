#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `tdxcheck report FILE...` on what it must refuse or remark on: an object
# without facts is named in a note (and the others still judged), an object
# of ld -r holds several units in one section, and a
# facts section of an unknown version, a corrupt one, a file that is no
# object, archive or database, and a thin archive whose member is gone are
# each one line naming the file, exit 2, nothing on stdout.
#
# Usage: report-inputs.sh CC PLUGIN TDXCHECK INCLUDE-DIR CASE-DIR SCRATCH
set -u
[ $# -eq 6 ] || { echo "usage: report-inputs.sh CC PLUGIN TDXCHECK INCLUDE CASE SCRATCH" >&2; exit 2; }
cc=$1 plugin=$2 tdxcheck=$3 include=$4 case=$5 dir=$6
rm -rf "$dir" && mkdir -p "$dir" || exit 2
fail=0
no() { echo "report-inputs: FAIL: $*"; fail=1; }

for f in helper init lp; do
	"$cc" -O2 -c -fplugin="$plugin" -fplugin-arg-tdxcheck_plugin-facts-section \
		-I"$include" "$case/$f.c" -o "$dir/$f.o" 2>/dev/null || exit 2
done
"$cc" -O2 -c -I"$include" "$case/lp.c" -o "$dir/plain.o" || exit 2

# The finding needs both callers; plain.o has none to give: a note names it.
"$tdxcheck" report "$dir/helper.o" "$dir/init.o" "$dir/plain.o" \
	>"$dir/out" 2>"$dir/err"
status=$?
[ $status -eq 0 ] || no "report with a plain object exited $status"
grep -q "^tdxcheck: note: $dir/plain.o: no facts" "$dir/err" ||
	no "no note names plain.o: $(cat "$dir/err")"
grep -q "helper.c:10:19: warning: .*\[tdx-unused-out-param\]" "$dir/err" ||
	no "the finding from helper.o and init.o is missing: $(cat "$dir/err")"

# ld -r (vmlinux.o, modules) joins the three sections into one: three units.
ld -r "$dir/helper.o" "$dir/init.o" "$dir/lp.o" -o "$dir/joined.o" || exit 2
"$tdxcheck" report "$dir/joined.o" >"$dir/out" 2>"$dir/err" || no "report joined.o failed"
[ "$(grep -c '\[tdx-unused-out-param\]' "$dir/err")" -eq 1 ] && [ "$(wc -l <"$dir/err")" -eq 1 ] ||
	no "joined.o: '$(cat "$dir/err")'"

# refuse FILE WHAT...: exit 2, one line on stderr naming FILE, no stdout
refuse() {
	what=$1 name=$2
	shift 2
	"$tdxcheck" report "$@" >"$dir/out" 2>"$dir/err"
	status=$?
	[ $status -eq 2 ] || no "$what: exit $status"
	[ "$(wc -l <"$dir/err")" -eq 1 ] || no "$what: stderr '$(cat "$dir/err")'"
	grep -q "^tdxcheck: .*$name" "$dir/err" || no "$what: '$(cat "$dir/err")' does not name $name"
	grep -q "$what" "$dir/err" || no "$what: '$(cat "$dir/err")'"
	[ ! -s "$dir/out" ] || no "$what: stdout '$(cat "$dir/out")'"
}

printf 'TDXF\011\001\000' >"$dir/v9.bin"
objcopy --update-section .tdxcheck.facts="$dir/v9.bin" "$dir/lp.o" "$dir/v9.o" || exit 2
refuse "version 9" "$dir/v9.o" "$dir/helper.o" "$dir/v9.o"

printf 'TDXF\001\177\003' >"$dir/cut.bin"
objcopy --update-section .tdxcheck.facts="$dir/cut.bin" "$dir/lp.o" "$dir/cut.o" || exit 2
refuse "truncated facts section" "$dir/cut.o" "$dir/cut.o"

printf 'int x;\n' >"$dir/text.c"
refuse "not an object" "$dir/text.c" "$dir/helper.o" "$dir/text.c"

head -c 100 "$dir/lp.o" >"$dir/short.o"
refuse "bad ELF section header table" "$dir/short.o" "$dir/short.o"

cp "$dir/lp.o" "$dir/gone.o"
ar rcsT "$dir/thin.a" "$dir/gone.o" || exit 2
rm "$dir/gone.o"
refuse "cannot read" "gone.o" "$dir/thin.a"

refuse "cannot read" "$dir/missing.o" "$dir/missing.o"
refuse "report takes no compiler flags" "'-Ifoo'" "$dir/lp.o" -Ifoo

[ $fail -eq 0 ] && echo "report-inputs: ok"
exit $fail
