#!/bin/sh
# setup.sh - Gradescope runs this once, as root, when it builds the
# autograder image (the zip is unpacked in /autograder/source).  It installs
# the Debian packages the grader needs and builds the grader, its suites
# (with the hidden tests) and the reference from the sources in the zip.
#
#   WB_SETUP_SKIP_DEPS=1 sh setup.sh    build only (the packages are there)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

# The grader's packages only: no browser, plotter or KaTeX for grading.
if [ -z "${WB_SETUP_SKIP_DEPS:-}" ]; then
	WB_PACKAGES="gcc make pkg-config binutils libcriterion-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev bubblewrap
libnanopb-dev libseccomp-dev" sh scripts/install-deps.sh
fi

jobs=$(nproc 2>/dev/null || echo 2)
if ! make -j"$jobs" --no-print-directory grader; then
	echo "setup.sh: building the grader failed (see above); fix the sources and upload the zip again" >&2
	exit 1
fi
echo "setup.sh: the grader is built in $here/build"
