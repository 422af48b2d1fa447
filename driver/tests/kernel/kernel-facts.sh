#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A facts run over real kernel directories: `make C=2 CHECK="tdxcheck --db"`
# records every unit kbuild checks, `tdxcheck report` evaluates the whole
# build; then the same again, which must replace every unit's facts (same
# row counts) and give the same report.
#
# Usage: kernel-facts.sh TDXCHECK SRC BUILD WORKDIR DIR...
set -eu
[ $# -ge 5 ] || { echo "usage: kernel-facts.sh TDXCHECK SRC BUILD WORKDIR DIR..." >&2; exit 2; }
tdxcheck=$1 src=$2 build=$3 work=$4
shift 4
command -v sqlite3 >/dev/null || { echo "kernel-facts: sqlite3 is needed to count rows" >&2; exit 2; }
mkdir -p "$work"
db=$work/facts.db
rm -f "$db" "$db-wal" "$db-shm"

build() {
	log=$work/make-$1.log
	shift
	if ! make -C "$src" O="$build" -j2 C=2 CHECK="$tdxcheck --db=$db" "$@" >"$log" 2>&1; then
		echo "kernel-facts: FAIL: make failed (log: $log)"
		grep -E 'error|tdxcheck:' "$log" | head -n 20
		exit 1
	fi
	if grep -q '^tdxcheck: ' "$log"; then
		echo "kernel-facts: FAIL: the driver reported errors:"
		grep '^tdxcheck: ' "$log" | head -n 10
		exit 1
	fi
}

rows() {
	sqlite3 "$db" "SELECT (SELECT count(*) FROM units) || ' units, ' ||
		(SELECT count(*) FROM functions) || ' functions, ' ||
		(SELECT count(*) FROM params) || ' params, ' ||
		(SELECT count(*) FROM calls) || ' calls, ' ||
		(SELECT count(*) FROM args) || ' args'"
}

build 1 "$@"
checked=$(grep -c '^  CHECK ' "$work/make-1.log" || true)
units=$(sqlite3 "$db" 'SELECT count(*) FROM units')
first=$(rows)
echo "kernel-facts: $checked files checked; $first"
if [ "$checked" -eq 0 ] || [ "$units" -ne "$checked" ]; then
	echo "kernel-facts: FAIL: $checked files checked but $units units recorded"
	exit 1
fi
"$tdxcheck" report --db="$db" >"$work/report-1.txt" 2>&1 || {
	echo "kernel-facts: FAIL: report exited $?"; cat "$work/report-1.txt"; exit 1; }
if grep -v '\[tdx-[a-z-]*\]$' "$work/report-1.txt" | grep -q .; then
	echo "kernel-facts: FAIL: the report holds lines that are not findings:"
	cat "$work/report-1.txt"
	exit 1
fi

build 2 "$@"
second=$(rows)
if [ "$first" != "$second" ]; then
	echo "kernel-facts: FAIL: checking again changed the facts: '$first' -> '$second'"
	exit 1
fi
"$tdxcheck" report --db="$db" >"$work/report-2.txt" 2>&1
if ! cmp -s "$work/report-1.txt" "$work/report-2.txt"; then
	echo "kernel-facts: FAIL: the report changed:"
	diff "$work/report-1.txt" "$work/report-2.txt" || true
	exit 1
fi
echo "kernel-facts: ok, $(wc -l <"$work/report-1.txt") whole-build finding(s), stable"
sed 's/^/  /' "$work/report-1.txt"
