#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The README's test command: install what is missing, configure, build, and
# run every test (the testsuite matrix, unit tests and the real-kernel tests).
# Extra arguments go to ctest, e.g. scripts/run-tests.sh -L testsuite
#
# Then, on a full run (no ctest arguments), a second stage: the same sources
# built with -DTDX_SANITIZE=ON (ASan and UBSan, all but the GCC plugin) in
# build-sanitize/, running the unit, driver, gate and clang tests (not the
# 100 clang/dump model comparisons nor driver/clang-too-deep, which only
# cost time there).  Any sanitizer report fails its test.
#
# Environment: TDX_BUILD_DIR (default build/), TDX_SANITIZE_BUILD_DIR
# (default build-sanitize/), TDX_SANITIZE_TESTS=0 skips the second stage,
# TDX_KERNEL_CACHE (where the kernel trees are extracted and prepared;
# default what the build directory remembers, first /var/cache/tdxcheck).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${TDX_BUILD_DIR:-$top/build}
sanitize_build=${TDX_SANITIZE_BUILD_DIR:-$top/build-sanitize}

"$top/scripts/setup-packages.sh" --kernel
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	${TDX_KERNEL_CACHE:+"-DTDX_KERNEL_CACHE=$TDX_KERNEL_CACHE"} >/dev/null
cmake --build "$build" -j "$(nproc)"
if [ $# -gt 0 ] || [ "${TDX_SANITIZE_TESTS:-1}" = 0 ]; then
	cd "$build"
	exec ctest --output-on-failure -j "$(nproc)" "$@"
fi
status=0
(cd "$build" && ctest --output-on-failure -j "$(nproc)") || status=$?

echo "== sanitizer stage (ASan + UBSan) in $sanitize_build"
cmake -S "$top" -B "$sanitize_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTDX_SANITIZE=ON \
	-DTDX_KERNEL_TESTS=OFF >/dev/null
cmake --build "$sanitize_build" -j "$(nproc)"
# Leaks are not checked: the programs exit after one run, and the tests keep
# what they allocate on purpose.  Every other report aborts the program.
cd "$sanitize_build"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --output-on-failure -j "$(nproc)" -L '^(unit|driver|gate|clang)$' \
		-E '^(clang/dump/|driver/clang-too-deep$)' || status=$?
exit $status
