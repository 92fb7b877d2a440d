#!/bin/sh
# Installs the Debian packages the workbook needs, or says how to.
#
# As root it runs apt-get itself; as anyone else it prints the exact command
# to run and exits 1, so `make` stops before a build that cannot succeed.
set -eu

# WB_PACKAGES replaces the list (gradescope/setup.sh: the grader's only).
packages=${WB_PACKAGES:-"gcc make pkg-config binutils libcriterion-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libjs-katex gnuplot-nox bubblewrap chromium
libarchive-dev zip unzip libnanopb-dev libseccomp-dev clang
libclang-rt-14-dev groff-base similarity-tester"}

missing=""
for package in $packages; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
		grep -q 'install ok installed'; then
		missing="$missing $package"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

echo "install-deps: missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: run this, then run make again:"
	echo "  sudo apt-get install -y --no-install-recommends$missing"
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing
