#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A facts-section engine for tdx-case-runner: compile every file of a
# cross-file case to an object with the plugin's facts-section key, as a
# distributed build would, then print the whole-build findings with
# `tdxcheck report` over the objects.  Each object, its facts section
# removed, must be byte for byte the one gcc compiles without the plugin:
# the key adds a section and changes nothing else.
#
# MODE objects: report OBJECT...
# MODE mixed:   the first file recorded with db=, the others in a thin
#               archive: report --db DB ARCHIVE
#
# Usage: xfile-section-engine.sh MODE CC PLUGIN TDXCHECK INCLUDE-DIR FILE...
set -u
[ $# -ge 6 ] || {
	echo "usage: xfile-section-engine.sh MODE CC PLUGIN TDXCHECK INCLUDE-DIR FILE..." >&2
	exit 2
}
mode=$1 cc=$2 plugin=$3 tdxcheck=$4 include=$5
shift 5
dir=$(mktemp -d "${TMPDIR:-/tmp}/tdxcheck-xsection.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
arg=-fplugin-arg-tdxcheck_plugin
n=0 objs= db=
for f in "$@"; do
	n=$((n + 1))
	o=$dir/$n.o
	if [ "$mode" = mixed ] && [ $n -eq 1 ]; then
		db=$dir/facts.db
		"$cc" -O2 -c -fplugin="$plugin" "$arg-no-werror" "$arg-db=$db" -I"$include" \
			"$f" -o "$o" || exit 2
		continue
	fi
	"$cc" -O2 -c -fplugin="$plugin" "$arg-facts-section" -I"$include" "$f" -o "$o" \
		2>/dev/null || exit 2
	"$cc" -O2 -c -I"$include" "$f" -o "$dir/plain.o" ||
		exit 2
	objcopy -R .tdxcheck.facts "$o" "$dir/stripped.o" || exit 2
	if ! cmp -s "$dir/stripped.o" "$dir/plain.o"; then
		echo "xfile-section-engine: $f: the object differs beyond its facts section" >&2
		exit 2
	fi
	objs="$objs $o"
done
case $mode in
objects)
	# shellcheck disable=SC2086
	exec "$tdxcheck" report $objs
	;;
mixed)
	# thin: the archive names its members by path, as kbuild's built-in.a
	# shellcheck disable=SC2086
	[ -z "$objs" ] || ar rcsT "$dir/built-in.a" $objs || exit 2
	if [ -n "$objs" ]; then
		exec "$tdxcheck" report --db "$db" "$dir/built-in.a"
	fi
	exec "$tdxcheck" report --db "$db"
	;;
esac
echo "xfile-section-engine: unknown mode '$mode'" >&2
exit 2
