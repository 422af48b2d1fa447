#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tdxcheck's cost beside the tools it sits beside, on real 6.12 code, in one
# run: each pair alternated (baseline, tdxcheck, baseline, tdxcheck, ...) so
# that drift on a shared machine falls on both sides, with min/median/max
# and peak RSS, written to bench/results/latest.md with a growth plot.
# Measured, never asserted: nothing here is a test.
#
# Usage: bench/run.sh [BUILD-DIR]      (default: build)
# Environment (defaults in brackets):
#   BENCH_REPEAT  runs of each side of a pair [3]
#   BENCH_DIRS    directories compiled and checked
#                 [arch/x86/kernel/ arch/x86/mm/ arch/x86/kvm/ + the TDX dirs]
#   BENCH_COCCI   directory the Coccinelle pair runs over [arch/x86]
#   BENCH_GROWTH  unit counts of the growth curve [10 100 1000]
#   BENCH_TREE    1: also every rule over the whole tree, J=2 [1]
#   BENCH_WORK    scratch: its own O= build dir, patches, database
#                 [/var/tmp/tdxcheck-bench]
#
# Times are CPU seconds (user + system of the command and its children):
# on a machine shared with other work, wall time measures the neighbours
# too; the wall median is shown beside it.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
repeat=${BENCH_REPEAT:-3}
cache=/var/cache/tdxcheck
src=$cache/src/linux-source-6.12
work=${BENCH_WORK:-/var/tmp/tdxcheck-bench}
obj=$work/build-6.12
dirs=${BENCH_DIRS:-"arch/x86/kernel/ arch/x86/mm/ arch/x86/kvm/ arch/x86/virt/vmx/tdx/ arch/x86/coco/tdx/"}
cocci_dir=${BENCH_COCCI:-arch/x86}
growth=${BENCH_GROWTH:-"10 100 1000"}
tree=${BENCH_TREE:-1}
tdxcheck=$build/driver/tdxcheck
plugin=$build/plugin/tdxcheck_plugin.so
gate=$build/gate/tdxcheck-gate
all_cocci=$build/cocci/tdxcheck-all.cocci
results=$top/bench/results
raw=$work/raw
kmake="make -s -C $src O=$obj -j2"
spatch="spatch --very-quiet -D report --no-includes --include-headers"

die() {
	echo "bench: $*" >&2
	exit 2
}

[ -x "$tdxcheck" ] && [ -f "$plugin" ] && [ -x "$gate" ] && [ -f "$all_cocci" ] ||
	die "build tdxcheck first (cmake --build $build)"
"$top/bench/setup.sh"
"$top/scripts/prepare-kernel.sh" 6.12 "$cache" >&2

# Our own O= dir, a copy of the prepared one: a long bench must not hold
# the kernel tests' lock, and must not race them in the shared dir.
if [ ! -f "$obj/.tdxcheck-prepared" ] ||
   ! cmp -s "$obj/.tdxcheck-prepared" "$cache/build-6.12/.tdxcheck-prepared"; then
	rm -rf "$obj"
	mkdir -p "$work"
	flock "$cache/.kernel-tests.lock" cp -a "$cache/build-6.12" "$obj"
fi
mkdir -p "$raw" "$results"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: building $dirs in $obj" >&2
$kmake $dirs >/dev/null 2>&1 || die "the 6.12 tree does not build: $kmake $dirs"
python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$obj" \
	-o "$obj/compile_commands.json" 2>/dev/null
# the C units of the benched directories, as compile_commands.json names them
units=$work/units
python3 - "$obj/compile_commands.json" "$src" $dirs >"$units" <<'EOF'
import json, os, sys
db, src, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
for e in json.load(open(db)):
	f = os.path.join(e["directory"], e["file"])
	rel = os.path.relpath(f, src)
	if f.endswith(".c") and any(rel.startswith(d) for d in dirs):
		print(f)
EOF
nr_units=$(wc -l <"$units")

# ---- measuring ----

# run NAME SIDE COMMAND: one timed run, appended to $raw/NAME.SIDE as
# "cpu-seconds wall-seconds peak-rss-kib"
run() {
	/usr/bin/time -f '%U %S %e %M' -o "$raw/time" sh -c "$3" >"$raw/out" 2>&1 ||
		{ cat "$raw/out" >&2; die "failed: $3"; }
	awk '{ printf "%.2f %.2f %d\n", $1 + $2, $3, $4 }' "$raw/time" >>"$raw/$1.$2"
}

# stats FILE: "min median max wall-median peak-rss" over the runs in FILE
stats() {
	t=$(cut -d' ' -f1 "$1" | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.2f %.2f %.2f", v[1],
			(v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2, v[NR] }')
	w=$(cut -d' ' -f2 "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	echo "$t $w $(cut -d' ' -f3 "$1" | sort -n | tail -n 1)"
}

table=$raw/table.md
: >"$table"

# pair NAME WORK TARGET-TIME TARGET-RSS SETUP BASELINE TDXCHECK [LIMIT]
# TARGET-RSS "-" when only time has a target; LIMIT says what limits a
# missed target, filled in after profiling.
pair() {
	name=$1 what=$2 ttime=$3 trss=$4 setup=$5 base=$6 tdx=$7
	rm -f "$raw/$name.base" "$raw/$name.tdx"
	echo "bench: $name ($repeat x alternated)" >&2
	i=0
	while [ $i -lt "$repeat" ]; do
		sh -c "$setup" >/dev/null 2>&1
		run "$name" base "$base"
		sh -c "$setup" >/dev/null 2>&1
		run "$name" tdx "$tdx"
		i=$((i + 1))
	done
	echo "$name|$what|$ttime|$trss|$(stats "$raw/$name.base")|$(stats "$raw/$name.tdx")" |
	awk -F'|' '{
		split($5, b, " "); split($6, x, " ")
		rt = x[2] / (b[2] > 0 ? b[2] : 0.01); rm = x[5] / (b[5] ? b[5] : 1)
		met = rt <= $3 && ($4 == "-" || rm <= $4)
		printf "| %s | %s | %.2f / %.2f / %.2f s (wall %.2f), %d MiB | " \
		       "%.2f / %.2f / %.2f s (wall %.2f), %d MiB | x%.2f time, x%.2f RSS | " \
		       "<= %sx time%s | %s |\n", $1, $2, b[1], b[2], b[3], b[4], b[5] / 1024,
		       x[1], x[2], x[3], x[4], x[5] / 1024, rt, rm, $3,
		       ($4 == "-" ? "" : ", <= " $4 "x RSS"), met ? "yes" : "**no**" }' >>"$table"
}

# ---- the pairs ----

delete_objs="for d in $dirs; do find $obj/\$d -name '*.o' -delete; done"
# 6.12's config has CONFIG_WERROR=y, and arch/x86/kernel/cpu/vmware.c has
# findings: they stay warnings, or the build with the plugin would stop.
no_werror=-fplugin-arg-tdxcheck_plugin-no-werror
pair compile "kbuild -O2 of $nr_units units: $dirs" 1.01 1.05 "$delete_objs" \
	"$kmake $dirs" "$kmake KCFLAGS='-fplugin=$plugin $no_werror' $dirs"
# leave the objects as a plain build makes them, or C=2 would rebuild them
sh -c "$delete_objs; $kmake $dirs" >/dev/null 2>&1

pair checker "make C=2 over the same $nr_units units" 1.0 - true \
	"$kmake C=2 CHECK=sparse $dirs" "$kmake C=2 CHECK=$tdxcheck $dirs"

# every rule: the combined semantic patch, one spatch run (cocci/combine/)
pair cocci "every rule (tdxcheck-all.cocci) vs scripts/coccinelle/api/err_cast.cocci over $cocci_dir" \
	1.5 - true "cd $src && $spatch --sp-file scripts/coccinelle/api/err_cast.cocci \
	--dir $cocci_dir" "cd $src && $spatch --sp-file $all_cocci --dir $cocci_dir"

# Ten patches, each adding a helper to one benched unit, as a series.
patches=$work/patches
rm -rf "$patches"
mkdir -p "$patches"
n=0
for f in $({ grep -E '/(virt/vmx/tdx|coco/tdx|kvm/vmx|mm)/' "$units"
	      grep -vE '/(virt/vmx/tdx|coco/tdx|kvm/vmx|mm)/' "$units"; } | head -n 10); do
	n=$((n + 1))
	rel=${f#"$src"/}
	cp "$f" "$patches/new.c"
	printf '\n/* bench patch %d */\nstatic int __maybe_unused bench_helper_%d(int x)\n{\n\treturn x + %d;\n}\n' \
		$n $n $n >>"$patches/new.c"
	{
		printf 'From: Bench <bench@example.org>\nSubject: [PATCH %02d/10] %s: add bench_helper_%d\n\n' \
			$n "$rel" $n
		printf 'A helper for the bench.\n\nSigned-off-by: Bench <bench@example.org>\n---\n'
		diff -u --label "a/$rel" --label "b/$rel" "$f" "$patches/new.c" || true
	} >"$patches/$(printf %02d $n).patch"
done
rm -f "$patches/new.c"
pair gate "a series of $n patches (one unit each)" 2 - true \
	"cd $src && perl scripts/checkpatch.pl --quiet --no-summary $patches/*.patch; true" \
	"cd $src && $gate -p $obj $patches/*.patch"

# ---- measured alone ----

notes=$raw/notes.md
: >"$notes"
# the facts database of every benched unit: recording, then `report`
db=$work/facts.db
rm -f "$db"
run facts record "$tdxcheck -j2 --db $db -p $obj $(tr '\n' ' ' <"$units")"
run facts report "$tdxcheck report --db $db"
set -- $(cat "$raw/facts.record") && rec_t=$1 rec_m=$3
set -- $(cat "$raw/facts.report") && rep_t=$1 rep_m=$3
printf -- '- facts database for %d units of %s: recorded in %s s CPU (%d MiB peak), `report` %s s (%d MiB), database %s KiB\n' \
	"$nr_units" "$dirs" "$rec_t" $((rec_m / 1024)) "$rep_t" $((rep_m / 1024)) \
	"$(du -k "$db" | cut -f1)" >>"$notes"

if [ "$tree" = 1 ]; then
	echo "bench: every rule over the whole tree, J=2" >&2
	rm -f "$raw/tree.all"
	run tree all "cd $src && $spatch -j 2 --sp-file $all_cocci --dir ."
	set -- $(cat "$raw/tree.all")
	printf -- '- every rule (tdxcheck-all.cocci) over the whole 6.12 tree, `spatch -j 2`: %s s wall, %s s CPU, %d MiB peak\n' \
		"$2" "$1" $(($3 / 1024)) >>"$notes"
fi

# ---- growth: files per second against the number of files ----

curve=$raw/growth.dat
echo "# files driver plugin cocci (files per second, CPU)" >"$curve"
grow_src=$work/grow
for n in $growth; do
	echo "bench: growth, $n files" >&2
	have=$n
	[ "$n" -le "$nr_units" ] || have=$nr_units
	head -n "$have" "$units" >"$raw/grow.units"
	rm -f "$raw/grow.driver" "$raw/grow.plugin" "$raw/grow.cocci"
	run grow driver "$tdxcheck -j2 -p $obj $(tr '\n' ' ' <"$raw/grow.units")"
	# the plugin in each unit's own -O2 compile, two at a time
	python3 - "$obj/compile_commands.json" "$raw/grow.units" "$plugin" "$no_werror" \
		>"$raw/grow.cmds" <<'EOF'
import json, shlex, sys
want = set(open(sys.argv[2]).read().split())
for e in json.load(open(sys.argv[1])):
	f = e["file"] if e["file"].startswith("/") else e["directory"] + "/" + e["file"]
	if f in want:
		args = [a for a in shlex.split(e["command"]) if not a.startswith("-Wp,-MMD")]
		o = args.index("-o")
		args[o + 1] = "/dev/null"
		cmd = " ".join(shlex.quote(a) for a in args) + " -fplugin=" + sys.argv[3] + \
			" " + sys.argv[4]
		print("cd " + shlex.quote(e["directory"]) + " && " + cmd)
EOF
	run grow plugin "xargs -P 2 -d '\n' -n 1 sh -c <$raw/grow.cmds"
	# Coccinelle over the first n C files of the tree (any file, no build needed)
	rm -rf "$grow_src"
	mkdir -p "$grow_src"
	(cd "$src" && find arch/x86 drivers -name '*.c' | sort | head -n "$n" |
		cpio -pdm --quiet "$grow_src")
	run grow cocci "cd $grow_src && $spatch -j 2 --sp-file $all_cocci --dir ."
	echo "$n $have $(cut -d' ' -f1 "$raw/grow.driver") $(cut -d' ' -f1 "$raw/grow.plugin")" \
	     "$(cut -d' ' -f1 "$raw/grow.cocci")" |
		awk '{ printf "%d %.2f %.2f %.2f\n", $1, $2 / $3, $2 / $4, $1 / $5 }' >>"$curve"
	[ "$have" -eq "$n" ] || echo "- growth at $n files: driver and plugin had $have units (all the benched dirs built); cocci had $n" >>"$notes"
done
rm -rf "$grow_src"
gnuplot <<EOF
set terminal pngcairo size 800,500 noenhanced
set output "$results/growth.png"
set title "tdxcheck on linux-source-6.12: files per CPU second"
set logscale xy
set xlabel "files"
set ylabel "files per CPU second"
set key top right
set grid
plot "$curve" using 1:2 with linespoints title "driver (make C=2 equivalent, -j2)", \
     "$curve" using 1:3 with linespoints title "plugin (-O2 compile with the plugin)", \
     "$curve" using 1:4 with linespoints title "cocci (every rule, J=2)"
EOF

# ---- the report ----

{
	echo "# tdxcheck bench: latest run"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), linux-source-6.12, $(nproc) cores" \
	     "(load average $load_at_start at the start), $repeat alternated runs per side;" \
	     "$(gcc --version | head -n 1), $(spatch --version | head -n 1 | cut -d' ' -f1-3)."
	echo "Times are CPU seconds min / median / max (wall median in brackets); ratios"
	echo "compare medians, and peak RSS (the largest process of any run)."
	echo
	echo "| pair | work | baseline | tdxcheck | ratio | target | met |"
	echo "|---|---|---|---|---|---|---|"
	cat "$table"
	echo
	echo "## Measured alone"
	echo
	cat "$notes"
	echo
	echo "## Growth"
	echo
	echo "![files per second](growth.png)"
	echo
	echo '```'
	cat "$curve"
	echo '```'
	if [ -f "$top/bench/results/limits.md" ]; then
		echo
		cat "$top/bench/results/limits.md"
	fi
} >"$results/latest.md"
echo "bench: wrote $results/latest.md and $results/growth.png" >&2
