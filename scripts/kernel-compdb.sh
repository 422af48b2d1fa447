#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Write compile_commands.json for a prepared linux-source build directory,
# covering at least the given source files, with the kernel's own
# scripts/clang-tools/gen_compile_commands.py.
#
# Usage: scripts/kernel-compdb.sh VERSION CACHE FILE.c...
#   VERSION  6.1 or 6.12, already prepared by scripts/prepare-kernel.sh
#   CACHE    the kernel cache (/var/cache/tdxcheck by default elsewhere)
#   FILE.c   sources relative to the tree whose kbuild flags are wanted
#
# kbuild writes a file's flags (its .cmd file) only when it compiles it, so
# the objects of FILE.c... are built first.  The result is
# CACHE/build-VERSION/compile_commands.json, listing every object the build
# directory holds a .cmd file for (a superset of FILE.c...).
#
# Idempotent: a stamp names the preparation it built on and the file list;
# when it matches and the JSON is still there, nothing is done.  Serialised
# with prepare-kernel.sh's lock for the version.
set -eu

die() {
	echo "kernel-compdb: $*" >&2
	exit 2
}

[ $# -ge 3 ] || die "usage: kernel-compdb.sh VERSION CACHE FILE.c..."
version=$1
cache=$2
shift 2

src=$cache/src/linux-source-$version
build=$cache/build-$version
prepared=$build/.tdxcheck-prepared
stamp=$build/.tdxcheck-compdb
json=$build/compile_commands.json
log=$build/compdb.log
jobs=${TDX_KERNEL_JOBS:-2}

[ -f "$prepared" ] || die "$build: not prepared (run scripts/prepare-kernel.sh $version $cache)"

objs=
for f in "$@"; do
	case "$f" in
	*.c) ;;
	*) die "$f: not a .c file" ;;
	esac
	[ -f "$src/$f" ] || die "$src/$f: no such file"
	objs="$objs ${f%.c}.o"
done

exec 9>"$cache/.lock-$version"
flock 9

want=$(printf '%s\n' "$(cat "$prepared")" "$@" | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -s "$json" ]; then
	echo "kernel-compdb: $json ready"
	exit 0
fi

rm -f "$stamp"
start=$(date +%s)
# shellcheck disable=SC2086
make -C "$src" O="$build" -j"$jobs" $objs >"$log" 2>&1 || {
	tail -n 30 "$log" >&2
	die "make of$objs failed for $version (full log: $log)"
}

# Written beside, then renamed: a reader never sees half a file.
python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$build" \
	-o "$json.tmp" >>"$log" 2>&1 || {
	tail -n 30 "$log" >&2
	die "gen_compile_commands.py failed for $version (full log: $log)"
}
for f in "$@"; do
	grep -q "\"file\": \".*/$f\"" "$json.tmp" ||
		die "$f: not in the generated compile_commands.json (full log: $log)"
done
mv "$json.tmp" "$json"
echo "$want" >"$stamp"
echo "kernel-compdb: $json written in $(($(date +%s) - start))s"
