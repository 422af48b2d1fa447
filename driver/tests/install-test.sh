#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `cmake --install` into a scratch prefix: the command, its man page, the
# plugin and the Coccinelle rules land in the usual places, and the installed
# command finds the installed plugin (not the build tree's).
#
# Usage: install-test.sh BUILD-DIR PREFIX CASE-FILE INCLUDE-DIR
set -eu
build=$1 prefix=$2 case=$3 include=$4
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
fail=0
for f in bin/tdxcheck share/man/man1/tdxcheck.1 lib/tdxcheck/tdxcheck_plugin.so; do
	[ -f "$prefix/$f" ] || { echo "install-test: FAIL: $prefix/$f not installed"; fail=1; }
done
if [ -d "$(dirname "$0")/../../cocci" ] && ! ls "$prefix"/share/tdxcheck/cocci/*.cocci >/dev/null 2>&1; then
	echo "install-test: FAIL: no Coccinelle rule in $prefix/share/tdxcheck/cocci"
	fail=1
fi
plugin=$(env -u TDXCHECK_PLUGIN "$prefix/bin/tdxcheck" --dry-run "$case" | tr ' ' '\n' | sed -n 's/^-fplugin=//p')
[ "$plugin" = "$(cd "$prefix" && pwd -P)/lib/tdxcheck/tdxcheck_plugin.so" ] ||
	{ echo "install-test: FAIL: installed tdxcheck loads '$plugin'"; fail=1; }
out=$(env -u TDXCHECK_PLUGIN "$prefix/bin/tdxcheck" "$case" -- -I"$include" 2>&1)
case $out in
*"[tdx-"*) ;;
*) echo "install-test: FAIL: the installed command found nothing: $out"; fail=1 ;;
esac
exit $fail
