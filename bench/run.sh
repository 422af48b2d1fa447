#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Side-by-side cost of tdxcheck and the tools it sits beside, on real 6.12
# kernel code: wall time and peak memory of each pair, and their ratio.
# Measured, never asserted: nothing here is a test.
#
# Usage: bench/run.sh [BUILD-DIR] [REPEAT]
#   BUILD-DIR  the cmake build dir holding driver/tdxcheck and the plugin
#              (default: build)
#   REPEAT     runs per measurement, the best is kept (default: 3)
#
# Pairs:
#   checker   make C=2 CHECK=sparse       vs  make C=2 CHECK=tdxcheck
#   compile   gcc (kbuild, -O2)           vs  gcc with the tdxcheck plugin
#   style     checkpatch.pl --strict -f   vs  tdxcheck on the same files
#   cocci     one stock scripts/coccinelle rule vs one tdxcheck rule, same dir
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
repeat=${2:-3}
cache=/var/cache/tdxcheck
src=$cache/src/linux-source-6.12
obj=$cache/build-6.12
tdxcheck=$build/driver/tdxcheck
plugin=$build/plugin/tdxcheck_plugin.so
dirs="arch/x86/virt/vmx/tdx/ arch/x86/coco/tdx/ arch/x86/kvm/"
files="arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c arch/x86/coco/tdx/tdx-shared.c"

[ -x "$tdxcheck" ] && [ -f "$plugin" ] ||
	{ echo "bench: build tdxcheck first (cmake --build $build)" >&2; exit 2; }
"$top/scripts/prepare-kernel.sh" 6.12 "$cache" >&2
make -s -C "$src" O="$obj" -j2 $dirs >/dev/null 2>&1 ||
	{ echo "bench: the 6.12 tree does not build" >&2; exit 2; }
python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$obj" \
	-o "$obj/compile_commands.json" 2>/dev/null

# best of $repeat runs of the shell command $1: prints "seconds:max-rss-kib"
measure() {
	best=
	i=0
	while [ $i -lt "$repeat" ]; do
		/usr/bin/time -f '%e %M' -o /tmp/tdx-bench.$$ sh -c "$1" >/dev/null 2>&1 ||
			{ echo "bench: failed: $1" >&2; exit 1; }
		cur=$(tail -n 1 /tmp/tdx-bench.$$ | tr ' ' :)
		if [ -z "$best" ] || [ "$(echo "$cur $best" | tr : ' ' |
			awk '{ print ($1 < $3) }')" = 1 ]; then
			best=$cur
		fi
		i=$((i + 1))
	done
	rm -f /tmp/tdx-bench.$$
	echo "$best"
}

# name baseline tdxcheck (each "seconds:kib")
row() {
	echo "$1 $2 $3" | tr : ' ' | awk '{
		printf "%-8s %9.2f s %9d KiB | %9.2f s %9d KiB | x%.2f time, x%.2f memory\n",
			$1, $2, $3, $4, $5, $4 / ($2 ? $2 : 0.01), $5 / ($3 ? $3 : 1) }'
}

kmake="make -s -C $src O=$obj -j2"
clean="for d in $dirs; do find $obj/\$d -name '*.o' -delete; done"

echo "tdxcheck bench: linux-source-6.12, $(nproc) cores, best of $repeat" >&2
printf '%-8s %-26s | %-26s | %s\n' pair "baseline (time, peak RSS)" "tdxcheck" ratio

a=$(measure "$kmake C=2 CHECK=sparse $dirs")
b=$(measure "$kmake C=2 CHECK=$tdxcheck $dirs")
row checker "$a" "$b"

a=$(measure "$clean; $kmake $dirs")
b=$(measure "$clean; $kmake KCFLAGS=-fplugin=$plugin $dirs")
row compile "$a" "$b"
# leave the objects as a plain build made them
sh -c "$clean; $kmake $dirs" >/dev/null 2>&1

cd "$src"
a=$(measure "perl scripts/checkpatch.pl --strict --no-tree --quiet -f $files; true")
b=$(measure "$tdxcheck -p $obj $files")
row style "$a" "$b"

spatch="spatch --very-quiet -D report --no-includes --include-headers --dir arch/x86/coco"
a=$(measure "$spatch --sp-file scripts/coccinelle/api/kstrdup.cocci")
b=$(measure "$spatch --sp-file $top/cocci/status-ignored.cocci")
row cocci "$a" "$b"
