#!/bin/sh
# Writes the seed corpora of the fuzz targets (tests/fuzz/fuzz.mk):
# tests/fuzz/corpus/results/ (wb reports), tests/fuzz/corpus/unpack/
# (archives, honest, hostile and broken), tests/fuzz/corpus/lms/ (LMS
# file names and submission_metadata.yml), tests/fuzz/corpus/adjust/
# (the instructor's adjustments files) and tests/fuzz/corpus/similarity/
# (sim_c's output, after a first byte saying how many files it compared).
# The output is committed; run
# this again only to change the seeds:  sh tests/fuzz/make-seeds.sh
# Seeds named found-* are inputs a fuzzer found (docs/design.md, "Fuzzing"),
# copied by hand; this script leaves them alone.
# Each seed is a few hundred bytes: libFuzzer mutates small inputs best.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
results="$here/corpus/results"
unpack="$here/corpus/unpack"
similarity="$here/corpus/similarity"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
adjust="$here/corpus/adjust"
mkdir -p "$results" "$unpack" "$adjust" "$similarity"
export TZ=UTC LC_ALL=C

# ---- reports: printf's \t and \n are the separators, \\ an escape --------
printf 'seed\t42\ntest\tsigmoid\tordinary\tmatches the reference\tpassed\t0\t0\t\tvisible\ntest\tsigmoid\ttails\tsaturates in the tails\tfailed\t0\t0\tsigmoid(40) is wrong\\ninput: z = 40\\nexpected: 1\\ngot: 0.5\\n\\thint: \\\\ see 1.2\tvisible\ntest\tsigmoid_grad\tsymmetric\tis even\tpassed\t0\t0\t\thidden\n' \
	>"$results/report.wb"
# From before the visibility field: read as visible.
printf 'seed\t7\ntest\tbce_loss\tordinary\tmatches\tcrashed\t11\t0\t\ntest\tbce_loss\tclipped\tclips\tincomplete\t0\t3\tcalled exit\n' \
	>"$results/old-lines.wb"
# The grader's own format, between its worker and its reporter.
printf 'seed\t18446744073709551615\nfile\tcompile_error\t02_bce.c does not compile; fix the errors below:\\n02_bce.c:3:1: error: expected\\r\\n\nadvice\twarning: unused variable\\t\\\\x\ntest\tbce_loss\tordinary\t\tfile_error\t0\t0\tdoes not compile\tvisible\n' \
	>"$results/grader-format.wb"
# Garbled: a bad outcome, a bad seed, too many fields, CRLF, cut short.
printf 'seed\t-1\r\ntest\tsoftmax\tsums\tsums to one\twon\t0\t0\t\ntest\tsoftmax\tshift\tx\tpassed\t0\t0\t\tvisible\tprinted\textra\ntest\tsoftmax\tok\tfine\ttimed_out\t0\t0\t\tvisible\r\n\ntest\tsoftmax\tcut\tcut short\tpassed\t0' \
	>"$results/garbled.wb"
# Printed output (the tenth field), escaped, with an escape sequence in it.
printf 'test\tsigmoid\tordinary\tmatches\tfailed\t0\t0\tgot 2\tvisible\tz = 1\\n\033[2J\\tforged\\\\n\ntest\tsigmoid\ttails\ttails\tpassed\t0\t0\t\thidden\t\n' \
	>"$results/printed.wb"
# A second verdict for a test, and a trailing backslash.
printf 'test\tentropy\tuniform\tlog n\tpassed\t0\t0\t\tvisible\ntest\tentropy\tuniform\tlog n\tfailed\t0\t0\tforged\\\tvisible\ntest\tentropy\tzero\t0 log 0\tnot_implemented\t0\t0\tends in \\\n' \
	>"$results/duplicates.wb"

# ---- LMS layouts: file names and submission_metadata.yml ------------------
lms="$here/corpus/lms"
mkdir -p "$lms"
printf 'smithjohn_LATE_12345_67890_02_bce-1.c' >"$lms/canvas-late.name"
printf 'LATE_anon_a1B2c_555_01_sigmoid.c' >"$lms/canvas-anon.name"
printf 'van_der_berg_7_8_work-12.tar.gz' >"$lms/canvas-repeat.name"
printf 'wu_444_text.html' >"$lms/canvas-text.name"
printf 'John Smith_12345_assignsubmission_file_' >"$lms/moodle-folder.name"
printf 'Ann Lee_7_assignsubmission_file_02_bce_v2.c' >"$lms/moodle-file.name"
printf -- '---\nsubmission_1:\n  :submitters:\n  - :name: Solo Student\n    :sid: '"'"'100'"'"'\n    :email: solo@example.edu # c\n  :results:\n    output: |\n      :submitters:\n      - :name: Forged\n:submission_2:\r\n  :submitters:\r\n  - :name: "P \\"One\\" \\u5f20\\ud800"\r\n    :sid: '"'"'it'"'"''"'"'s'"'"'\r\n  - :email: two@example.edu\r\n    :name: ~\n' \
	>"$lms/metadata.yml"
# Cut short inside a quoted value and an escape.
printf 'submission_3:\n  :submitters:\n  - :name: "cut \\u12' >"$lms/metadata-cut.yml"

# ---- adjustments files ---------------------------------------------------
printf '# term adjustments\n[late]\ndue = 2027-03-01 23:59 +01:00\ngrace = 15m\npenalty = 10%%\ncap = 50%%\n\n[student alice]\nadjust = +5 02_bce graded by hand\ncomment = Good work.\nextension = 2027-03-04T12:00:30Z\n' \
	>"$adjust/full.adj"
# Windows line ends, a byte-order mark, one student in two sections.
printf '\357\273\277[student Mary Jane]\r\nadjust = -2.5 late form\r\n[student Mary Jane]\r\ncomment = See me.\r\n' \
	>"$adjust/crlf-bom.adj"
# Points a day, no cap; odd zones.
printf '[late]\ndue = 2028-02-29 07:00:01 -0500\ngrace = 1h30m\npenalty = 2.5\n[student x]\nextension = 1970-01-01 00:00 UTC\n' \
	>"$adjust/points.adj"
# Refused: a bad date, a second extension, an unknown key.
printf '[late]\ndue = 2027-02-30 10:00 Z\npenalty = 1\n' >"$adjust/bad-date.adj"
printf '[student a]\nextension = 2027-03-01 10:00 Z\n[student a]\nextension = 2027-03-02 10:00 Z\n' \
	>"$adjust/two-extensions.adj"
printf '[student]\nbonus = 99999999999999999999\n' >"$adjust/bad-key.adj"

# ---- archives -------------------------------------------------------------
cd "$work"
mkdir -p files/part
printf 'double sigmoid(double z) { return z; }\n' >files/01_sigmoid.c
printf 'double bce_loss(double y, double p) { return 0; }\n' >files/part/02_bce.c
touch -d @0 files/01_sigmoid.c files/part/02_bce.c files/part files

# tar.gz, the same bytes each run: fixed times, owners and order.
targz() {
	out=$1
	shift
	tar --format=ustar --sort=name --mtime=@0 --owner=0 --group=0 \
		--numeric-owner -P "$@" -cf - | gzip -n -9 >"$unpack/$out"
}

(cd files && targz ok.tar.gz 01_sigmoid.c part)
(cd files && targz dotdot.tar.gz --transform='s,^,../,' 01_sigmoid.c)
(cd files && targz absolute.tar.gz --transform='s,^,/tmp/,' 01_sigmoid.c)
ln -s /etc/passwd files/link
touch -h -d @0 files/link
ln files/01_sigmoid.c files/hard.c
(cd files && targz symlink.tar.gz link)
(cd files && targz hardlink.tar.gz 01_sigmoid.c hard.c)
mkfifo files/fifo
(cd files && targz fifo.tar.gz fifo)
rm files/link files/hard.c files/fifo
mkdir many
for i in 1 2 3 4 5 6; do echo "int x$i;" >"many/f$i.c"; done
touch -d @0 many/* many
targz too-many-files.tar.gz many
mkdir bomb
head -c 20000 /dev/zero >bomb/zeros.c
touch -d @0 bomb/zeros.c bomb
targz too-large.tar.gz bomb
mkdir -p deep/d/d/d/d/d/d/d/d/d
echo 'int x;' >deep/d/d/d/d/d/d/d/d/d/x.c
find deep -exec touch -d @0 {} +
targz deep-folders.tar.gz deep/d/d/d/d/d/d/d/d/d/x.c
# Cut short, and no archive at all.
head -c 60 "$unpack/ok.tar.gz" >"$unpack/truncated.tar.gz"
printf 'double sigmoid(double z);\n' >"$unpack/not-an-archive.tar.gz"

(cd files && zip -q -X -r "$unpack/ok.zip" 01_sigmoid.c part)
ln -s /etc/passwd files/link
touch -h -d @0 files/link
(cd files && zip -q -X -y "$unpack/symlink.zip" link)
# A zip whose stored data was overwritten (its CRC no longer matches).
(cd files && zip -q -X -0 "$work/stored.zip" 01_sigmoid.c)
{ head -c 40 "$work/stored.zip"; printf 'XXXXXXXX'; tail -c +49 "$work/stored.zip"; } \
	>"$unpack/corrupt.zip"
# ---- sim_c -n output: the first byte is the number of files compared ----
printf '\003File s00000.c: 462 tokens, 223 lines\nFile s00001.c: 1 token, 1 line\nFile s00002.c: 324 tokens, 164 lines\r\nTotal input: 3 files (3 new, 0 old), 787 tokens\n\ns00000.c: line 40-223                       |s00002.c: line 38-219                  [462]\n\ns00002.c: line 125-144                      |s00000.c: line 144-176                  [60]\n\ns00001.c: line 1-1 |s00000.c: line 3-9 [24]\n' \
	>"$similarity/output.txt"
printf '\002File s00000.c: 0 tokens, 0 lines\nFile s00001.c: 0 tokens, 0 lines\nTotal input: 2 files (2 new, 0 old), 0 tokens\n\n' \
	>"$similarity/no-runs.txt"
# Names the grader did not give, backwards ranges, huge numbers, a file
# against itself, a terminal escape and markup, a line cut short.
printf '\002s00000.c: line 1-2 |s00005.c: line 1-2 [30]\ns00000.c: line 5-2 |s00001.c: line 1-2 [30]\ns00000.c: line 1-99999999999 |s00001.c: line 1-2 [3]\nFile ../x: 3 tokens, 1 line\n\033[2J<script>\ns00001.c: line 1-2 |s00001.c: line 1-2 [30]\ns00000.c: line 1-2 |s00001.c: line 1-2 [30' \
	>"$similarity/hostile.txt"
# Several pairs, runs of one pair in both orders.
printf '\005s00000.c: line 1-2 |s00001.c: line 1-2 [30]\ns00001.c: line 4-8 |s00000.c: line 1-2 [40]\ns00002.c: line 1-2 |s00003.c: line 1-2 [99]\ns00004.c: line 1-2 |s00003.c: line 1-2 [25]\ns00000.c: line 1-2 |s00004.c: line 1-2 [31]\ns00000.c: line 7-9 |s00001.c: line 7-9 [26]' \
	>"$similarity/pairs.txt"
ls -l "$results" "$unpack" "$similarity"
