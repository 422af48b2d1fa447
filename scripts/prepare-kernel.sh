#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Extract and prepare a Debian linux-source tree for the `kernel` tests.
#
# Usage: scripts/prepare-kernel.sh VERSION [CACHE]
#   VERSION  6.1 or 6.12 (needs /usr/src/linux-source-VERSION.tar.xz)
#   CACHE    default /var/cache/tdxcheck
#
# Result: CACHE/src/linux-source-VERSION (pristine, never built in) and
# CACHE/build-VERSION, an out-of-tree (make O=) build directory configured
# for the TDX code and past `make prepare modules_prepare`, so that
# `make O=CACHE/build-VERSION arch/x86/coco/tdx/` compiles only that dir.
#
# Idempotent: a stamp records what was prepared (version, config list,
# targets); when it matches, one line is printed and nothing is done.
# Concurrent runs for one version are serialised with flock.
# CONFIG_WERROR stays as defconfig sets it (y): tests choose per run.
set -eu

die() {
	echo "prepare-kernel: $*" >&2
	exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	die "usage: prepare-kernel.sh VERSION [CACHE]"
fi
version=$1
cache=${2:-/var/cache/tdxcheck}

# What each version needs beyond x86_64_defconfig.  6.12: the host side
# (INTEL_TDX_HOST depends on KVM_INTEL, CONTIG_ALLOC via CMA and !KEXEC_CORE)
# and the guest side; 6.1 has only the guest side.
case "$version" in
6.12)
	enable="X86_X2APIC INTEL_TDX_GUEST KVM KVM_INTEL INTEL_TDX_HOST CMA"
	disable="KEXEC KEXEC_FILE CRASH_DUMP"
	must="INTEL_TDX_HOST INTEL_TDX_GUEST KVM_INTEL"
	;;
6.1)
	enable="X86_X2APIC INTEL_TDX_GUEST"
	disable=""
	must="INTEL_TDX_GUEST"
	;;
*)
	die "unknown version '$version' (expected 6.1 or 6.12)"
	;;
esac
targets="prepare modules_prepare"
jobs=${TDX_KERNEL_JOBS:-2}

tarball=/usr/src/linux-source-$version.tar.xz
src=$cache/src/linux-source-$version
build=$cache/build-$version
stamp=$build/.tdxcheck-prepared
log=$build/prepare.log

mkdir -p "$cache/src" || die "cannot create $cache/src"
[ -w "$cache/src" ] || die "$cache/src: not writable"

# One preparer per version at a time; the second waits, then finds the stamp.
exec 9>"$cache/.lock-$version"
flock 9

# The stamp names everything that decides the prepared result.  The tarball's
# size and mtime stand for its contents (a new Debian upload changes them).
tar_id=
[ -f "$tarball" ] && tar_id=$(stat -c '%s %Y' "$tarball")
want="version=$version enable=$enable disable=$disable targets=$targets tarball=$tar_id"
want=$(printf '%s\n' "$want" | sha256sum | cut -c1-16)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$src" ] &&
   [ -f "$build/.config" ]; then
	echo "prepare-kernel: $version ready in $build"
	exit 0
fi

start=$(date +%s)

# Extract into a temporary directory on the same file system and rename it
# into place, so an interrupted extraction never looks complete.
# A run killed outright (SIGKILL, power loss) leaves its temporary directory
# behind; under the lock no other extraction of this version is running.
rm -rf "$cache/src/.extract-$version".*
if [ ! -d "$src" ]; then
	[ -f "$tarball" ] || die "$tarball: not found (install linux-source-$version)"
	tmp=$(mktemp -d "$cache/src/.extract-$version.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
	tar -xJf "$tarball" -C "$tmp" || die "$tarball: extraction failed"
	[ -f "$tmp/linux-source-$version/Makefile" ] ||
		die "$tarball: no linux-source-$version/Makefile inside"
	mv "$tmp/linux-source-$version" "$src"
	rm -rf "$tmp"
	trap - EXIT INT TERM
	echo "prepare-kernel: extracted $src in $(($(date +%s) - start))s"
fi

# A pristine source tree is what O= builds require: kbuild refuses a srctree
# that has a .config or was built in.
[ ! -e "$src/.config" ] || die "$src: has a .config; the source tree must stay pristine"

mkdir -p "$build"
rm -f "$stamp"
: >"$log"

kmake() {
	make -C "$src" O="$build" -j"$jobs" "$@" >>"$log" 2>&1 || {
		tail -n 30 "$log" >&2
		die "make $* failed for $version (full log: $log)"
	}
}

kmake x86_64_defconfig
args=
for opt in $enable; do
	args="$args -e $opt"
done
for opt in $disable; do
	args="$args -d $opt"
done
# shellcheck disable=SC2086
"$src/scripts/config" --file "$build/.config" $args
kmake olddefconfig

# olddefconfig silently drops an option whose dependencies are not met:
# check that what the tests need survived.
for opt in $must; do
	grep -qx "CONFIG_$opt=y" "$build/.config" ||
		die "CONFIG_$opt=y did not stick in $build/.config (dependencies changed?)"
done

# shellcheck disable=SC2086
kmake $targets

echo "$want" >"$stamp"
echo "prepare-kernel: $version prepared in $build in $(($(date +%s) - start))s"
