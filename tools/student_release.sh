#!/bin/sh
# student_release.sh - the student distribution of the workbook.
#
#   sh tools/student_release.sh BUILD OUT.tar.gz
#
# Writes OUT.tar.gz (through a temporary file and rename) holding one folder,
# workbook-student/, with what a student needs to read the book, do the
# exercises and grade them (docs/design.md, "The student release"):
#   - the sources of the grader and the book, the chapters, the header, the
#     scripts, and the exercise stubs (BUILD/release/NN_name.c: the release
#     of solutions/, which check-release compares with exercises/);
#   - the suites with every hidden test dropped (tools/release.awk removes
#     the BEGIN HIDDEN ... END HIDDEN blocks);
#   - the reference solutions only compiled and stripped
#     (BUILD/release/lib/libreference.a and libsolutions.a: no debug
#     information, no local symbols, only the names linking needs), with
#     solutions/student.mk as their makefile;
#   - its own README (tools/student_README.md: build, read, grade, hint,
#     watch, hand in, where the grade of record comes from) and the docs
#     students read (not docs/instructors.md nor docs/threat-model.md);
# and nothing else: no solution sources, no tests or corpora (they hold
# correct answers), no benchmarks, no Gradescope package.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: sh tools/student_release.sh BUILD OUT.tar.gz" >&2
	exit 2
fi
build=$1
out=$2
name=workbook-student

lib=$build/release/lib
for f in "$lib/libreference.a" "$lib/libsolutions.a"; do
	if [ ! -f "$f" ]; then
		echo "student_release: $f is missing: run make student-release" >&2
		exit 1
	fi
done

stage=$(mktemp -d "${TMPDIR:-/tmp}/student-release.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
dest=$stage/$name
mkdir -p "$dest/exercises" "$dest/solutions/lib" "$dest/grader/suites" \
	"$dest/tools"

cp Makefile "$dest/"
# The students' own README; the project's is the instructors'.
cp tools/student_README.md "$dest/README.md"
cp -R chapters include book scripts "$dest/"
# Only what students read: not the instructors' guide or the threat model.
mkdir -p "$dest/docs"
for f in docs/*; do
	case $f in
	docs/instructors.md|docs/threat-model.md) ;;
	*) cp -R "$f" "$dest/docs/" ;;
	esac
done
cp tools/release.awk tools/curriculum_names.h "$dest/tools/"
for f in grader/*; do
	[ -f "$f" ] && cp "$f" "$dest/grader/"
done
# The grader's rooms, the suites' runtime, the judge-runner protocol and
# the runner.
for d in core sandbox policy report batch modes hints util runtime wire \
	runner; do
	[ -d "grader/$d" ] && cp -R "grader/$d" "$dest/grader/"
done
for f in grader/suites/*; do
	case $f in
	grader/suites/[0-9][0-9]_*.c)
		awk -f tools/release.awk "$f" > "$dest/$f" ;;
	*)
		cp "$f" "$dest/$f" ;;
	esac
done
for f in solutions/[0-9][0-9]_*.c; do
	stub=$build/release/$(basename "$f")
	if [ ! -f "$stub" ]; then
		echo "student_release: $stub is missing: run make check-release first" >&2
		exit 1
	fi
	cp "$stub" "$dest/exercises/"
done
cp solutions/student.mk "$dest/solutions/solutions.mk"
cp "$lib/libreference.a" "$lib/libsolutions.a" "$dest/solutions/lib/"

mkdir -p "$(dirname "$out")"
if ! tar -C "$stage" -czf "$out.tmp" "$name"; then
	rm -f "$out.tmp"
	echo "student_release: could not write $out.tmp" >&2
	exit 1
fi
mv -f "$out.tmp" "$out"
echo "student_release: wrote $out"
