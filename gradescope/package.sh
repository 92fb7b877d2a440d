#!/bin/sh
# package.sh - the Gradescope autograder zip (make gradescope).
#
#   sh gradescope/package.sh OUT.zip [SECRET_FILE]
#
# The zip holds, at its root, setup.sh and run_autograder (gradescope/) and
# the sources the grader is built from: Makefile, grader/, include/,
# solutions/ (the reference, needed to grade), scripts/, tools/; and, when
# SECRET_FILE is given, the course secret as course_secret.  No build
# outputs.  Written through a temporary file and rename.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: sh gradescope/package.sh OUT.zip [SECRET_FILE]" >&2
	exit 2
fi
out=$1
secret=${2:-}

stage=$(mktemp -d "${TMPDIR:-/tmp}/gradescope.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

cp Makefile "$stage/"
cp -R grader include solutions scripts tools "$stage/"
cp gradescope/setup.sh gradescope/run_autograder "$stage/"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"
if [ -n "$secret" ]; then
	if [ ! -s "$secret" ]; then
		echo "gradescope: SECRET_FILE=$secret is missing or empty: give a file holding the course secret" >&2
		exit 1
	fi
	cp "$secret" "$stage/course_secret"
	chmod 600 "$stage/course_secret"
else
	echo "gradescope: warning: no SECRET_FILE given: every student's seed follows from their email alone, which anyone can compute; build with make gradescope SECRET_FILE=path" >&2
fi

mkdir -p "$(dirname "$out")"
rm -f "$out.tmp"
if ! (cd "$stage" && zip -qr -X - .) > "$out.tmp"; then
	rm -f "$out.tmp"
	echo "gradescope: could not write $out.tmp" >&2
	exit 1
fi
mv -f "$out.tmp" "$out"
echo "gradescope: wrote $out; upload it as the autograder of the assignment (gradescope/README.md)"
