#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install, idempotently, the Debian 12 packages tdxcheck needs.  Silent when
# everything is already there; needs root (or sudo) only when something is
# missing.  Usage: scripts/setup-packages.sh [--kernel]
#   --kernel  also the kernel trees and kernel build dependencies
set -eu

pkgs="build-essential cmake gcc-12-plugin-dev libsqlite3-dev libjansson-dev
sparse coccinelle libclang-14-dev clang-14 libclang-rt-14-dev clang-tidy-14 llvm-14-dev
valgrind python3
linux-headers-amd64"
kernel_pkgs="linux-source-6.1 linux-source-6.12 bc bison flex libelf-dev
libssl-dev cpio kmod xz-utils rsync distcc iproute2"

[ "${1:-}" = "--kernel" ] && pkgs="$pkgs $kernel_pkgs"

missing=
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	"install ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "setup-packages: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
