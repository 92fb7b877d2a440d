#!/bin/sh
# check_student_release.sh - what the student distribution must never hold.
#
#   sh tools/check_student_release.sh OUT.tar.gz
#
# Fails (one line per problem, naming the file and what to do) when the
# tarball holds a hidden test (WB_HIDDEN_TEST in a suite, or a BEGIN/END
# HIDDEN marker line in any C file), a solution (a solution source, a BEGIN
# SOLUTION marker line in any C file), the project's tests or corpora, or exercise stubs that
# differ from the committed exercises/.
set -eu

tarball=$1
if [ ! -f "$tarball" ]; then
	echo "check_student_release: $tarball is missing: run make release" >&2
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/student-check.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
tar -C "$dir" -xzf "$tarball"
root=$dir/workbook-student
status=0

problem() {
	echo "check_student_release: $tarball: $1"
	status=1
}

for f in $(grep -l 'WB_HIDDEN_TEST' "$root"/grader/suites/[0-9][0-9]_*.c); do
	problem "${f#"$root"/} has a hidden test: mark it /* BEGIN HIDDEN */ ... /* END HIDDEN */"
done
for f in $(grep -rlE --include='*.[ch]' '^[[:space:]]*/\* (BEGIN|END) (HIDDEN|SOLUTION) \*/[[:space:]]*$' "$root"); do
	problem "${f#"$root"/} still has a hidden or solution block: fix its markers"
done
for f in "$root"/solutions/*.c "$root"/tests "$root"/bench "$root"/gradescope; do
	if [ -e "$f" ]; then
		problem "${f#"$root"/} must not be in the student release"
	fi
done
if ! diff -r exercises "$root/exercises" >/dev/null; then
	problem "its exercises/ differs from the committed exercises/: run make release"
fi
[ -f "$root/solutions/lib/libreference.a" ] ||
	problem "solutions/lib/libreference.a is missing: the grader needs it"
if [ $status = 0 ]; then
	echo "check_student_release: $tarball has no hidden tests or solutions, and its exercises are the release"
fi
exit $status
