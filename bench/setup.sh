#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What bench/run.sh needs beyond the project's own packages
# (scripts/setup-packages.sh): gnuplot for the growth plot.  Idempotent and
# silent when everything is there; bench only, the project never needs it.
set -eu
need=
command -v gnuplot >/dev/null 2>&1 || need="$need gnuplot-nox"
[ -x /usr/bin/time ] || need="$need time"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "bench/setup.sh: missing:$need (run as root to install)" >&2
	exit 2
fi
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
