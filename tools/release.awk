# release.awk - turn a reference solution into a student stub.
#
#   awk -f tools/release.awk solutions/02_bce.c > exercises/02_bce.c
#   awk -f tools/release.awk grader/suites/02_bce.c > (the student copy)
#
# The rules (docs/design.md, "Release markers"), line by line:
#   - from a line "/* BEGIN SOLUTION */" to a line "/* END SOLUTION */",
#     both included, everything is dropped;
#   - likewise from "/* BEGIN HIDDEN */" to "/* END HIDDEN */" (the hidden
#     tests of a suite);
#   - the marker lines "/* BEGIN STUB" and "END STUB */" are dropped and the
#     lines between them are kept;
#   - every other line is copied.
# A marker is a line holding only the marker, with any indentation.
#
# The markers must pair up and not nest.  A stub line must not contain "*/"
# (it would end the comment the stub sits in within the solution).  Any
# violation is reported as FILE:LINE: message on standard error, and the
# exit status is 1 (the output is then incomplete: do not use it).

function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	status = 1
	exit 1
}

BEGIN {
	state = "code"	# code, solution, hidden or stub
	status = 0
}

/^[ \t]*\/\* BEGIN SOLUTION \*\/[ \t]*$/ {
	if (state != "code")
		fail("BEGIN SOLUTION inside a " state " block (opened at line " opened ")")
	state = "solution"
	opened = FNR
	next
}

/^[ \t]*\/\* END SOLUTION \*\/[ \t]*$/ {
	if (state != "solution")
		fail("END SOLUTION without BEGIN SOLUTION")
	state = "code"
	next
}

/^[ \t]*\/\* BEGIN HIDDEN \*\/[ \t]*$/ {
	if (state != "code")
		fail("BEGIN HIDDEN inside a " state " block (opened at line " opened ")")
	state = "hidden"
	opened = FNR
	next
}

/^[ \t]*\/\* END HIDDEN \*\/[ \t]*$/ {
	if (state != "hidden")
		fail("END HIDDEN without BEGIN HIDDEN")
	state = "code"
	next
}

/^[ \t]*\/\* BEGIN STUB[ \t]*$/ {
	if (state != "code")
		fail("BEGIN STUB inside a " state " block (opened at line " opened ")")
	state = "stub"
	opened = FNR
	next
}

/^[ \t]*END STUB \*\/[ \t]*$/ {
	if (state != "stub")
		fail("END STUB without BEGIN STUB")
	state = "code"
	next
}

# Anything else that looks like a marker is a typo, not code.
/(BEGIN|END) (SOLUTION|STUB|HIDDEN)/ {
	fail("malformed release marker: " $0)
}

state == "solution" || state == "hidden" {
	next
}

state == "stub" && index($0, "*/") {
	fail("a stub line contains \"*/\": use // comments inside a stub")
}

{
	print
}

END {
	if (status)
		exit status
	if (state != "code")
		fail("the " state " block opened at line " opened " is not closed")
}
