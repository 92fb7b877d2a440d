# solutions/solutions.mk of the student release (tools/student_release.sh
# installs this file under that name).
#
# The grader compares every answer with the reference solutions and the
# book's examples and plots run them, so a student copy needs them; to keep
# the answers out of it, this release ships them compiled, as the archives
# solutions/lib/libreference.a (contract names renamed ref_NAME, for the
# grader) and solutions/lib/libsolutions.a (contract names, for the book),
# built on Debian 12 for x86-64, without debug information or local symbols
# (only the names that linking needs).  Linking them into a student's file
# is refused by the grader's symbol policy, like any call to another
# exercise.

.PHONY: release check-release solutions build-all

build-all: solutions
solutions: $(BUILD)/ref/libreference.a $(BUILD)/libsolutions.a

$(BUILD)/ref/libreference.a: solutions/lib/libreference.a
	@mkdir -p $(@D)
	cp $< $@

$(BUILD)/libsolutions.a: solutions/lib/libsolutions.a
	@mkdir -p $(@D)
	cp $< $@

release check-release:
	@echo "$@: this is the student release (no solution sources); the instructors' repository makes releases"
