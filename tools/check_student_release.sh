#!/bin/sh
# check_student_release.sh - what the student distribution must never hold.
#
#   sh tools/check_student_release.sh OUT.tar.gz ["CONTRACT FUNCTIONS"]
#
# Fails (one line per problem, naming the file and what to do) when the
# tarball holds a hidden test (WB_HIDDEN_TEST in a suite, or a BEGIN/END
# HIDDEN marker line in any C file), a solution (a solution source, a BEGIN
# SOLUTION marker line in any C file), the project's tests or corpora,
# exercise stubs that differ from the committed exercises/, a reference
# library with debug information (a .debug_* section), compiler notes
# (.comment), a local symbol with a name (a static helper, a source file
# name; the compiler's anonymous .L constants and section symbols are what
# linking needs) or, when the contract functions are given, a global symbol
# other than them (libsolutions.a) or their ref_ names (libreference.a);
# or a README that does not say the local grade is for practice; the
# instructors' README or docs (docs/instructors.md, docs/threat-model.md),
# a link in the README or docs to a file the release does not hold, or a
# `make test` that does nothing ("Nothing to be done").
set -eu

tarball=$1
contract=${2-}
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
# The names a library may define: the contract's, with this prefix.
allowed_globals() {
	for f in $contract; do
		echo "$1$f"
	done | sort
}

check_library() {
	lib=$root/solutions/lib/$1
	if [ ! -f "$lib" ]; then
		problem "solutions/lib/$1 is missing: the grader and the book need it"
		return
	fi
	if readelf -SW "$lib" | grep -qE ' \.(debug_[a-z_]+|zdebug[a-z_]*|comment) '; then
		problem "solutions/lib/$1 has debug information or compiler notes: build it with make student-release (it strips them)"
	fi
	locals=$(readelf -sW "$lib" | awk '$5 == "LOCAL" && $4 != "SECTION" &&
		$8 != "" && $8 !~ /^\.L/ { print $8 }' | sort -u | tr '\n' ' ' |
		sed 's/ $//')
	if [ -n "$locals" ]; then
		problem "solutions/lib/$1 has local symbols ($locals): strip it with make student-release"
	fi
	[ -n "$contract" ] || return 0
	extra=$(readelf -sW "$lib" | awk '($5 == "GLOBAL" || $5 == "WEAK") &&
		$7 != "UND" { print $8 }' | sort -u |
		comm -23 - "$dir/allowed" | tr '\n' ' ' | sed 's/ $//')
	if [ -n "$extra" ]; then
		problem "solutions/lib/$1 defines $extra beyond the contract: make those functions static"
	fi
}

allowed_globals ref_ > "$dir/allowed"
check_library libreference.a
allowed_globals "" > "$dir/allowed"
check_library libsolutions.a
if ! grep -q 'grade of record' "$root/README.md"; then
	problem "README.md does not say that the local grader is for practice and the grade of record is the instructor's: restore that paragraph"
fi
# The students' README and docs only, every link of theirs inside the copy.
for f in docs/instructors.md docs/threat-model.md; do
	if [ -e "$root/$f" ]; then
		problem "$f is for instructors and must not be in the student release: fix tools/student_release.sh"
	fi
done
if grep -q '^## For instructors' "$root/README.md"; then
	problem "README.md is the instructors' README: the release ships tools/student_README.md as its README.md"
fi
for f in "$root"/README.md "$root"/docs/*.md; do
	[ -f "$f" ] || continue
	base=$(dirname "$f")
	# Relative links only (no scheme such as https: or plot:), less #anchor.
	for target in $(grep -o ']([^)]*)' "$f" | sed 's/^](//; s/)$//' |
		grep -v ':' | sed 's/#.*//' | grep -v '^$' | sort -u); do
		if [ ! -e "$base/$target" ]; then
			problem "${f#"$root"/} links to $target, which the release does not hold: fix the link or ship the file"
		fi
	done
done
# In the copy, make test says what it does (no "Nothing to be done").
if make -C "$root" -n test 2>&1 | grep -q 'Nothing to be done'; then
	problem "make test in the release prints \"Nothing to be done\": give it a recipe there (Makefile)"
fi
if [ $status = 0 ]; then
	echo "check_student_release: $tarball has no hidden tests or solutions, its reference is stripped, and its exercises are the release"
fi
exit $status
