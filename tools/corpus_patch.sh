#!/bin/sh
# corpus_patch.sh - keep a corpus file as a patch against its reference
# solution (docs/design.md, "Corpora and their expect files").  Run it from
# the top of the project.
#
#   tools/corpus_patch.sh FOLDER/NN_name.c
#       replaces the whole file by FOLDER/NN_name.c.patch, a unified diff
#       against the base of solutions/NN_name.c (the solution with its
#       release markers and stubs dropped), after checking that the patch
#       rebuilds the file byte for byte;
#   tools/corpus_patch.sh --expand FOLDER/NN_name.c.patch
#       writes FOLDER/NN_name.c back from the patch, to edit it; run the
#       first form afterwards.  When the solution has changed so that the
#       patch no longer applies, it writes the base instead: redo the change
#       that the patch shows, then run the first form.
#
# The helper build/tools/corpus-patch is built from tools/corpus_patch.c and
# tests/support/corpus_patch.c, the applier tests/test_corpus.c uses.
set -eu

tool=build/tools/corpus-patch

die() {
	echo "corpus_patch.sh: $*" >&2
	exit 1
}

[ -d solutions ] && [ -d tests/corpus ] ||
	die "run me from the top of the project (where solutions/ is)"
if [ ! -x "$tool" ] || [ -n "$(find tools/corpus_patch.c \
	tests/support/corpus_patch.c tests/support/corpus_patch.h \
	tests/support/harness.c -newer "$tool")" ]; then
	mkdir -p build/tools
	${CC:-cc} -std=gnu11 -O1 -Wall -Wextra -Werror -Itests \
		tools/corpus_patch.c tests/support/corpus_patch.c \
		tests/support/harness.c -o "$tool"
fi

expand() {
	patch=$1
	file=${patch%.patch}
	solution=solutions/$(basename "$file")
	[ "$file" != "$patch" ] && [ -f "$patch" ] ||
		die "$patch: not a .patch file; name FOLDER/NN_name.c.patch"
	[ ! -e "$file" ] || die "$file exists already; remove it or patch it"
	if "$tool" "$solution" "$patch" > "$file.tmp"; then
		mv "$file.tmp" "$file"
		echo "wrote $file: edit it, then run tools/corpus_patch.sh $file"
	else
		"$tool" "$solution" > "$file.tmp"
		mv "$file.tmp" "$file"
		die "wrote the base of $solution to $file: redo the change $patch shows, then run tools/corpus_patch.sh $file"
	fi
}

make_patch() {
	file=$1
	solution=solutions/$(basename "$file")
	[ -f "$file" ] || die "$file: no such file; name FOLDER/NN_name.c"
	[ -f "$solution" ] ||
		die "$file: there is no $solution to patch against; keep the file whole"
	"$tool" "$solution" > "$file.base.tmp"
	# diff exits 1 when the files differ, 2 on trouble.
	diff -u --label "$solution" --label "$file" "$file.base.tmp" "$file" \
		> "$file.patch.tmp" || [ $? = 1 ] ||
		die "$file: diff failed"
	rm -f "$file.base.tmp"
	"$tool" "$solution" "$file.patch.tmp" | cmp -s - "$file" ||
		die "$file: the patch does not rebuild the file; keep the file whole"
	mv "$file.patch.tmp" "$file.patch"
	rm "$file"
	echo "wrote $file.patch ($(wc -l < "$file.patch") lines); removed $file"
}

[ $# -ge 1 ] || die "usage: tools/corpus_patch.sh FOLDER/NN_name.c ... | --expand FOLDER/NN_name.c.patch ..."
if [ "$1" = --expand ]; then
	shift
	for p in "$@"; do expand "$p"; done
else
	for f in "$@"; do make_patch "$f"; done
fi
