#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The README's test command: install what is missing, configure, build, and
# run every test (the testsuite matrix, unit tests and the real-kernel tests).
# Extra arguments go to ctest, e.g. scripts/run-tests.sh -L testsuite
#
# Environment: TDX_BUILD_DIR (default build/), TDX_KERNEL_CACHE (where the
# kernel trees are extracted and prepared; default what the build directory
# remembers, first /var/cache/tdxcheck).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${TDX_BUILD_DIR:-$top/build}

"$top/scripts/setup-packages.sh" --kernel
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	${TDX_KERNEL_CACHE:+"-DTDX_KERNEL_CACHE=$TDX_KERNEL_CACHE"} >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
exec ctest --output-on-failure -j "$(nproc)" "$@"
