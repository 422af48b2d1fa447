#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Facts in the objects against facts in a database, on a real kernel
# directory.  Build DIR with the plugin's db= key, report from the database;
# build it again with facts-section, report from DIR's built-in.a (a thin
# archive): the two reports and the per-unit findings must be identical.
#
# With -d, build it a third time through distcc: a distccd of our own on
# 127.0.0.1, in its own mount namespace with an empty tmpfs over the source
# and build trees, compiles what the client preprocessed with
# -fdirectives-only, as a host without the sources would; the report from
# its objects, its findings and each unit's facts section (byte for byte)
# must be the same again.  It runs with --enable-tcp-insecure, which lets
# it run a compiler given by its path.
#
# Objects without facts may only be those assembled from .S files.
# -d needs root (unshare -m, mount) and distccd: without them it exits 77
# (skipped).
#
# Usage: kernel-facts-section.sh [-d] TDXCHECK PLUGIN SRC BUILD WORKDIR DIR
set -eu
distcc=
if [ "${1:-}" = -d ]; then
	distcc=1
	shift
fi
[ $# -eq 6 ] || {
	echo "usage: kernel-facts-section.sh [-d] TDXCHECK PLUGIN SRC BUILD WORKDIR DIR" >&2
	exit 2
}
tdxcheck=$1 plugin=$2 src=$3 build=$4 work=$5 dir=${6%/}
arg=-fplugin-arg-tdxcheck_plugin
# byte columns: GCC counts a tab as up to 8 columns only when it can read
# the file, which the distcc host cannot
base="-fplugin=$plugin $arg-no-werror -fdiagnostics-column-unit=byte"
rm -rf "$work"
mkdir -p "$work"

fail() {
	echo "kernel-facts-section: FAIL: $*"
	exit 1
}

# build NAME KCFLAGS [MAKE-ARG...]: findings of every unit in NAME.findings
build() {
	name=$1 kcflags=$2
	shift 2
	log=$work/make-$name.log
	if ! make -C "$src" O="$build" -j2 KCFLAGS="$kcflags" "$@" "$dir/" >"$log" 2>&1; then
		grep -E 'error|tdxcheck' "$log" | head -n 20
		fail "make ($name) failed (log: $log)"
	fi
	grep -c "^  CC .*$dir/" "$log" >"$work/$name.units" || fail "make ($name) compiled nothing"
	grep '\[tdx-[a-z-]*\]$' "$log" | sort -u >"$work/$name.findings" || true
}

# report NAME INPUT...: the report in NAME.report, notes checked
report() {
	name=$1
	shift
	status=0
	"$tdxcheck" report "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
	[ $status -eq 0 ] || { cat "$work/$name.err"; fail "report ($name) exited $status"; }
	grep -v '^tdxcheck: note: ' "$work/$name.err" >"$work/$name.report" || true
	grep '^tdxcheck: note: ' "$work/$name.err" >"$work/$name.notes" || true
	while read -r _ _ obj _; do
		obj=${obj%:}
		rel=${obj#"$build"/}
		[ -f "$src/${rel%.o}.S" ] ||
			fail "report ($name): $obj has no facts and is not assembled from a .S"
	done <"$work/$name.notes"
}

same() {
	cmp -s "$work/$1" "$work/$2" || { diff "$work/$1" "$work/$2" || true; fail "$1 != $2"; }
}

if [ -n "$distcc" ] && { [ "$(id -u)" -ne 0 ] || ! command -v distccd >/dev/null; }; then
	echo "kernel-facts-section: skipped: -d needs root and distccd" \
		"(scripts/setup-packages.sh --kernel)"
	exit 77
fi

db=$work/facts.db
build db "$base $arg-db=$db"
report db --db "$db"

build section "$base $arg-facts-section"
report section "$build/$dir/built-in.a"
same db.report section.report
same db.findings section.findings
echo "kernel-facts-section: $dir: $(cat "$work/section.units") unit(s), the same" \
	"$(wc -l <"$work/db.report") report line(s) and" \
	"$(wc -l <"$work/db.findings") finding(s) from the database and from built-in.a"
[ -n "$distcc" ] || exit 0

# The facts of each C unit, to compare with what the distcc host writes.
facts() {
	mkdir -p "$work/$1-facts"
	for o in "$build/$dir"/*.o; do
		[ -f "$src/$dir/$(basename "$o" .o).c" ] || continue
		objcopy --dump-section .tdxcheck.facts="$work/$1-facts/$(basename "$o").bin" \
			"$o" "$work/dumped.o" || fail "$o: no facts section"
	done
	rm -f "$work/dumped.o"
}
facts section

# ---- through distcc, to a host without the sources ----
state=$work/distcc
mkdir -p "$state/client" "$state/server"
# distccd drops root for its own user: its temporary files must be its own
chown distccd "$state/server" 2>/dev/null || chmod 1777 "$state/server"
port=$((20000 + $$ % 20000))
srcreal=$(realpath "$src")
buildreal=$(realpath "$build")
TMPDIR=$state/server unshare -m --propagation private sh -c '
	for d in "$1" "$2"; do
		mount -t tmpfs tdxcheck-hidden "$d" || exit 2
		[ -z "$(ls -A "$d")" ] || { echo "hide: $d still shows files" >&2; exit 2; }
	done
	shift 2
	exec "$@"' hide "$srcreal" "$buildreal" \
	distccd --no-detach --daemon --listen 127.0.0.1 --allow 127.0.0.1 --port "$port" \
		--jobs 2 --log-stderr --log-level info --enable-tcp-insecure \
		2>"$state/distccd.log" &
distccd_pid=$!
trap 'kill "$distccd_pid" 2>/dev/null || true; wait "$distccd_pid" 2>/dev/null || true' EXIT
# Ready when it listens (or gone: its log says why)
tries=0
while ! ss -Hltn "sport = :$port" | grep -q .; do
	kill -0 "$distccd_pid" 2>/dev/null || { cat "$state/distccd.log"; fail "distccd did not start"; }
	tries=$((tries + 1))
	[ $tries -lt 100 ] || fail "distccd does not listen on 127.0.0.1:$port"
	sleep 0.1
done

# distccd refuses a command line with -fplugin= in it (distcc >= 3.3): the
# compiler it is told to run is a wrapper that adds it, at the same path on
# both sides, like the plugin itself.
mkdir -p "$state/bin"
printf '#!/bin/sh\nexec gcc -fplugin=%s "$@"\n' "$plugin" >"$state/bin/tdxcheck-gcc"
chmod 755 "$state/bin/tdxcheck-gcc"
export DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_DIR="$state/client"
export DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1
build distcc "${base#"-fplugin=$plugin "} $arg-facts-section -fdirectives-only" \
	CC="distcc $state/bin/tdxcheck-gcc"
remote=$(grep -c 'COMPILE_OK' "$state/distccd.log" || true)
[ "$remote" -ge "$(cat "$work/distcc.units")" ] ||
	fail "distccd compiled $remote unit(s) of $(cat "$work/distcc.units") (log: $state/distccd.log)"
report distcc "$build/$dir/built-in.a"
same db.report distcc.report
same db.findings distcc.findings
facts distcc
for f in "$work/section-facts"/*.bin; do
	same "section-facts/${f##*/}" "distcc-facts/${f##*/}"
done
echo "kernel-facts-section: $dir: $remote unit(s) compiled by a distccd without the" \
	"sources, the same report and findings"
