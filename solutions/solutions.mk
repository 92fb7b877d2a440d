# solutions/solutions.mk - the reference solutions, and the release step that
# turns them into the student stubs in exercises/.
#
#   make release          regenerate exercises/*.c from solutions/*.c, and
#                         write the student distribution (below)
#   make check-release    fail if exercises/ is not the release of solutions/,
#                         or the student distribution holds a hidden test or
#                         a solution
#   make student-release  only the student distribution:
#   $(BUILD)/release/workbook-student.tar.gz  sources without the hidden
#                         tests, stubs, and the reference compiled only,
#                         stripped (tools/student_release.sh says what and
#                         why)
#   make solutions        build the two libraries below
#   make contract         rewrite the generated parts of include/workbook.h
#                         and docs/contract.md from include/curriculum.def
#                         (check-release fails while they differ)
#
#   $(BUILD)/release/NN_name.c   what `make release` would write
#   $(BUILD)/ref/NN_name.o       a solution with every contract function
#                                renamed ref_NAME (-DNAME=ref_NAME), so the
#                                grader can link it beside a student's file
#   $(BUILD)/ref/libreference.a  all of them
#   $(BUILD)/solutions/NN_name.o a solution under the contract names (for the
#                                book's literate examples)
#   $(BUILD)/libsolutions.a      all of them
#   $(BUILD)/release/lib/*.a     the two libraries as the student release
#                                ships them (below)

AWK ?= awk
AR ?= ar
RELEASE_TOOL := tools/release.awk
STUDENT_RELEASE := $(BUILD)/release/workbook-student.tar.gz

# The solutions are compiled as strictly as the contract asks of students'
# files (C11, pedantic), with the project's warnings, as errors.
SOLUTION_CFLAGS := -std=c11 -pedantic $(WARNINGS) -O2 -g -Iinclude $(DEPFLAGS)
REF_DEFINES := $(foreach f,$(CONTRACT_FUNCTIONS),-D$(f)=ref_$(f))

RELEASE_FILES := $(EXERCISES:%=$(BUILD)/release/%.c)
REF_OBJECTS := $(EXERCISES:%=$(BUILD)/ref/%.o)
SOLUTION_OBJECTS := $(EXERCISES:%=$(BUILD)/solutions/%.o)

.PHONY: release check-release student-release solutions build-all contract

build-all: solutions
solutions: $(BUILD)/ref/libreference.a $(BUILD)/libsolutions.a

# Static pattern rules, so that they cannot capture other fragments' files.
$(RELEASE_FILES): $(BUILD)/release/%.c: solutions/%.c $(RELEASE_TOOL)
	@mkdir -p $(@D)
	$(AWK) -f $(RELEASE_TOOL) $< > $@.tmp
	mv -f $@.tmp $@

$(REF_OBJECTS): $(BUILD)/ref/%.o: solutions/%.c include/workbook.h
	@mkdir -p $(@D)
	$(CC) $(SOLUTION_CFLAGS) $(REF_DEFINES) -c $< -o $@

$(SOLUTION_OBJECTS): $(BUILD)/solutions/%.o: solutions/%.c include/workbook.h
	@mkdir -p $(@D)
	$(CC) $(SOLUTION_CFLAGS) -c $< -o $@

$(BUILD)/ref/libreference.a: $(REF_OBJECTS)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libsolutions.a: $(SOLUTION_OBJECTS)
	rm -f $@
	$(AR) rcs $@ $^

# The reference as the student release ships it: no debug information, no
# compiler notes, and no symbol that linking does not need (static helpers,
# source file names).  What stays is what links against it in the release:
# the contract names of libsolutions.a (the book's literate examples and
# plots call them) and the ref_NAME names of libreference.a (the suites
# call them), and the anonymous constants (.LC0 ...) their code refers to.
# check-release verifies it (tools/check_student_release.sh).
STRIP ?= strip
RELEASE_LIBS := $(BUILD)/release/lib/libreference.a \
	$(BUILD)/release/lib/libsolutions.a

$(BUILD)/release/lib/libreference.a: $(BUILD)/ref/libreference.a
$(BUILD)/release/lib/libsolutions.a: $(BUILD)/libsolutions.a
$(RELEASE_LIBS):
	@mkdir -p $(@D)
	$(STRIP) --strip-unneeded -R .comment -o $@.tmp $<
	mv -f $@.tmp $@

# Each exercise file is written to a temporary file beside it and renamed
# over the old one, so an interrupted or failed release never leaves a
# half-written stub; a stub whose content did not change is not touched.
release: release-exercises
	@$(MAKE) --no-print-directory student-release

.PHONY: release-exercises
release-exercises:
	@for ex in $(EXERCISES); do \
		src=solutions/$$ex.c; dst=exercises/$$ex.c; \
		tmp=exercises/.$$ex.c.tmp; \
		$(AWK) -f $(RELEASE_TOOL) $$src > $$tmp || { rm -f $$tmp; exit 1; }; \
		if cmp -s $$tmp $$dst; then \
			rm -f $$tmp; \
		else \
			mv -f $$tmp $$dst && echo "release: wrote $$dst"; \
		fi; \
	done

# The contract as people read it, from the curriculum's manifest
# (tools/curriculum.c).  Defined before the rules that name it: make
# expands prerequisites as it reads them.
CURRICULUM_TOOL := $(BUILD)/tools/curriculum
CONTRACT_FILES := include/workbook.h docs/contract.md

check-release: student-release $(CURRICULUM_TOOL)
	@status=0; \
	$(CURRICULUM_TOOL) check $(CONTRACT_FILES) || status=1; \
	for ex in $(EXERCISES); do \
		if [ ! -f exercises/$$ex.c ]; then \
			echo "exercises/$$ex.c is missing: run make release"; \
			status=1; \
		elif ! cmp -s $(BUILD)/release/$$ex.c exercises/$$ex.c; then \
			echo "exercises/$$ex.c differs from the release of solutions/$$ex.c: run make release"; \
			status=1; \
		fi; \
	done; \
	sh tools/check_student_release.sh $(STUDENT_RELEASE) \
		"$(CONTRACT_FUNCTIONS)" || status=1; \
	exit $$status

$(CURRICULUM_TOOL): tools/curriculum.c $(BUILD)/grader-obj/util/strbuf.o
	@mkdir -p $(@D)
	$(CC) $(PROJECT_CFLAGS) $(GRADER_INCLUDES) -Igrader/wire $< \
		$(BUILD)/grader-obj/util/strbuf.o -o $@

contract: $(CURRICULUM_TOOL)
	@$(CURRICULUM_TOOL) write $(CONTRACT_FILES)

# Rebuilt every time: it is a copy of the tree as it is now (about 1 s).
student-release: $(RELEASE_FILES) $(RELEASE_LIBS)
	@sh tools/student_release.sh $(BUILD) $(STUDENT_RELEASE)
