# grader/grader.mk - the exercise suites and the grader program.
#
#   make grader       build/grader and the files it needs beside it:
#                     build/include/workbook.h, build/suites/NN_name.judge
#                     (a suite program: the suite, its proxies and the
#                     reference, built once per grader build), the same with
#                     hidden tests in build/suites/hidden/, and
#                     build/runner/runner.o (what a student's object is
#                     linked with into the program that runs it)
#   make grade        build/grader exercises (exit status 1, failed tests, is
#                     not an error of make's)
#   make check EX=02  one suite against one file, with Criterion's own output
#                     (EX names the exercise as --only does: 2, 02,
#                     02_bce, 02_bce.c or a function such as bce_loss)
#   make asan-grader  build/asan/grader: the same, built with ASan and UBSan

SUITE_CFLAGS = -std=gnu11 $(WARNINGS) $(CFLAGS) $(DEPFLAGS) -Iinclude \
	-Igrader/suites -Igrader/wire $(CRITERION_CFLAGS)
# The protocol between a judge and a runner (grader/wire/wire.h).
WIRE_HEADERS := $(wildcard grader/wire/*.h grader/wire/*.def)
# Every header of grader/suites/, the helpers a split suite's parts share
# (NN_name_helpers.h) included.
SUITE_HEADERS := $(wildcard grader/suites/*.h) include/workbook.h \
	$(WIRE_HEADERS)
# Only the suites written so far, so one missing suite does not stop the
# build; the grader says which one it lacks.
SUITE_NAMES = $(filter $(EXERCISES),$(basename $(notdir \
	$(wildcard grader/suites/[0-9][0-9]_*.c))))
# Two builds of every suite: the student build in $(BUILD)/suites/ leaves
# the hidden tests out (WB_HIDDEN_TEST registers nothing), the instructor
# build in $(BUILD)/suites/hidden/ (-DWB_WITH_HIDDEN) has them; the grader
# uses the second with --hidden and --batch.
SUITE_HIDDEN := $(BUILD)/suites/hidden
SUITE_OBJECTS = $(SUITE_NAMES:%=$(BUILD)/suites/%.o) \
	$(SUITE_NAMES:%=$(SUITE_HIDDEN)/%.o)
SUITE_JUDGES = $(SUITE_NAMES:%=$(BUILD)/suites/%.judge) \
	$(SUITE_NAMES:%=$(SUITE_HIDDEN)/%.judge)
SUITE_SUPPORT := $(BUILD)/suites/libsupport.a $(BUILD)/ref/libreference.a

# A suite too long for one file is split into NN_name.c and parts
# NN_name_*.c; its object is all of them, linked into one (ld -r).
suite_parts = $(wildcard grader/suites/$(1).c grader/suites/$(1)_*.c)

$(BUILD)/suites/parts/%.o: grader/suites/%.c $(SUITE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(SUITE_CFLAGS) -c $< -o $@

$(SUITE_HIDDEN)/parts/%.o: grader/suites/%.c $(SUITE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(SUITE_CFLAGS) -DWB_WITH_HIDDEN -c $< -o $@

define suite_object_rules
$$(BUILD)/suites/$(1).o: $$(patsubst grader/suites/%.c,$$(BUILD)/suites/parts/%.o,$$(call suite_parts,$(1)))
	$$(LD) -r $$^ -o $$@

$$(SUITE_HIDDEN)/$(1).o: $$(patsubst grader/suites/%.c,$$(SUITE_HIDDEN)/parts/%.o,$$(call suite_parts,$(1)))
	$$(LD) -r $$^ -o $$@
endef
$(foreach s,$(SUITE_NAMES),$(eval $(call suite_object_rules,$(s))))

# What every judge links besides its suite: the checks, the report, the
# proxies of the contract functions and the wire codec.
SUITE_SUPPORT_OBJECTS := $(BUILD)/suites/check.o $(BUILD)/suites/diagnose.o \
	$(BUILD)/suites/reporter.o \
	$(BUILD)/suites/proxy.o $(BUILD)/suites/proxy_call.o \
	$(BUILD)/suites/proxy_local.o \
	$(BUILD)/suites/wire.o
$(BUILD)/suites/libsupport.a: $(SUITE_SUPPORT_OBJECTS)
	rm -f $@
	$(AR) rcs $@ $^

$(filter-out %/wire.o,$(SUITE_SUPPORT_OBJECTS)): $(BUILD)/suites/%.o: \
		grader/suites/%.c $(SUITE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(SUITE_CFLAGS) -c $< -o $@

$(BUILD)/suites/wire.o: grader/wire/wire.c $(WIRE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(SUITE_CFLAGS) -c $< -o $@

include grader/runner/runner.mk

# The suites' runtime: Criterion linked statically, without libgit2
# (grader/runtime/nogit.c says why: 10 ms of library loading per test).
# Criterion names its report hooks by line number (hook_l103_impl), which
# can clash with a suite's own hook, so they are made local first.  Without
# the static libraries (libnanopb-dev) the suites link the shared Criterion.
# It comes before the rules that name it: make expands prerequisites as it
# reads them.
CRITERION_STATIC := $(shell $(CC) -print-file-name=libcriterion.a)
NANOPB_STATIC := $(shell $(CC) -print-file-name=libprotobuf-nanopb.a)
BOXFORT_STATIC := $(shell $(CC) -print-file-name=libboxfort.a)
ifneq ($(filter /%,$(NANOPB_STATIC)),)
SUITE_RUNTIME := $(BUILD)/suites/libruntime.a
SUITE_RUNTIME_LIBS := -lffi -lnanomsg -pthread -lrt
$(SUITE_RUNTIME): grader/runtime/nogit.c
	@mkdir -p $(@D)/runtime
	$(CC) $(SUITE_CFLAGS) -c $< -o $(@D)/runtime/nogit.o
	objcopy --wildcard --localize-symbol='hook_l*' $(CRITERION_STATIC) \
		$(@D)/runtime/criterion.a
	rm -f $@
	printf 'create %s\naddlib %s\naddlib %s\naddlib %s\naddmod %s\nsave\nend\n' \
		$@ $(@D)/runtime/criterion.a $(NANOPB_STATIC) \
		$(BOXFORT_STATIC) $(@D)/runtime/nogit.o | $(AR) -M
else
SUITE_RUNTIME :=
SUITE_RUNTIME_LIBS = $(CRITERION_LIBS)
endif

# A judge: the suite with its proxies and the reference, built once per
# grader build; no student code is ever linked into it.  Run without a
# runner (no WB_RUNNER_FD) every function is missing and each test reports
# "not implemented": that is how the grader lists the tests of a file that
# is missing or does not compile.
# libsupport.a is linked whole: nothing refers to reporter.o by name (its
# Criterion hook registers the wb output provider), so a plain archive would
# leave it out.
$(BUILD)/suites/%.judge: $(BUILD)/suites/%.o $(SUITE_SUPPORT) $(SUITE_RUNTIME)
	$(CC) $< -Wl,--whole-archive $(BUILD)/suites/libsupport.a \
		-Wl,--no-whole-archive $(BUILD)/ref/libreference.a \
		$(SUITE_RUNTIME) $(SUITE_RUNTIME_LIBS) -lm -o $@

.PHONY: suites check grader grade asan-grader build-all
suites: $(SUITE_OBJECTS) $(SUITE_JUDGES) $(SUITE_SUPPORT) $(SUITE_RUNTIME) \
	$(RUNNER_OBJECT)

# ---- the grader ----------------------------------------------------------

# The grader's rooms (docs/design.md, "The grader's rooms"):
# main.c and the options at the top, the rest by concern.  A file includes
# a header of its own room by name ("batch_log.h") and one of another room
# by its room ("util/strbuf.h"), found through -Igrader alone, so that what
# a room depends on shows in its include lines; which rooms may include
# which is written in docs/design.md and checked by tests/test_unit_rooms.c.
GRADER_ROOMS := core sandbox policy report batch modes hints util
GRADER_INCLUDES := -Igrader
GRADER_SOURCES := $(wildcard grader/*.c $(GRADER_ROOMS:%=grader/%/*.c))
GRADER_HEADERS := $(wildcard grader/*.h $(GRADER_ROOMS:%=grader/%/*.h))
# cmark-gfm renders the feedback pages, libarchive unpacks submissions.
GRADER_PACKAGES := libcmark-gfm libarchive
GRADER_CFLAGS = $(PROJECT_CFLAGS) $(GRADER_INCLUDES) \
	$(shell $(PKG_CONFIG) --cflags $(GRADER_PACKAGES))
GRADER_LIBS = $(shell $(PKG_CONFIG) --libs $(GRADER_PACKAGES)) -pthread \
	-lcmark-gfm-extensions -lm
# Everything but main, so tests/test_unit_*.c can link the modules.
GRADER_OBJECTS := $(filter-out %/main.o,\
	$(GRADER_SOURCES:grader/%.c=$(BUILD)/grader-obj/%.o))
GRADER_LIB := $(BUILD)/libgrader.a

# The headers each object includes come from its .d file (DEPFLAGS).
$(BUILD)/grader-obj/%.o: grader/%.c
	@mkdir -p $(@D)
	$(CC) $(GRADER_CFLAGS) -c $< -o $@

# The archive's members, rewritten only when the list changes: a source
# file removed (no prerequisite newer) still rebuilds the archive, which
# would otherwise keep the removed file's object.
GRADER_MEMBERS := $(BUILD)/grader-obj/members
$(GRADER_MEMBERS): FORCE
	@mkdir -p $(@D)
	@echo '$(GRADER_OBJECTS)' | cmp -s - $@ || echo '$(GRADER_OBJECTS)' > $@
.PHONY: FORCE
FORCE:

$(GRADER_LIB): $(GRADER_OBJECTS) $(GRADER_MEMBERS)
	rm -f $@
	$(AR) rcs $@ $(GRADER_OBJECTS)

$(BUILD)/grader: $(BUILD)/grader-obj/main.o $(GRADER_LIB)
	$(CC) $(CFLAGS) $^ $(GRADER_LIBS) -o $@

# The grader's own copy of the contract header: students' files are
# compiled against it, never against a workbook.h of their own.
$(BUILD)/include/workbook.h: include/workbook.h
	@mkdir -p $(@D)
	cp $< $@

# The stubs students start from, for --similarity to leave out (where
# there are any: the Gradescope package has none, nor needs them).
GRADER_STUBS = $(patsubst exercises/%.c,$(BUILD)/stubs/%.c,\
	$(wildcard $(EXERCISES:%=exercises/%.c)))
$(BUILD)/stubs/%.c: exercises/%.c
	@mkdir -p $(@D)
	cp $< $@

grader: $(BUILD)/grader $(BUILD)/include/workbook.h suites $(GRADER_STUBS)

build-all: grader

# make grade [DIR=exercises]: exit status 1 only means some test failed.
grade: grader
	@$(BUILD)/grader $(DIR); status=$$?; \
	if [ -f $(BUILD)/book/index.html ]; then \
		echo "The book: open $(BUILD)/book/index.html in a browser, or read a chapter in the terminal with make read CH=1"; \
	fi; \
	test $$status -le 1

# The grader built with sanitizers, for the tests; its resources are the
# ones above, reached through symbolic links beside it.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ASAN_OBJECTS := $(GRADER_SOURCES:grader/%.c=$(BUILD)/asan/obj/%.o)

$(BUILD)/asan/obj/%.o: grader/%.c
	@mkdir -p $(@D)
	$(CC) $(GRADER_CFLAGS) -O1 $(ASAN_FLAGS) -c $< -o $@

$(BUILD)/asan/grader: $(ASAN_OBJECTS)
	$(CC) $(ASAN_FLAGS) $^ $(GRADER_LIBS) -o $@

asan-grader: $(BUILD)/asan/grader grader
	@for d in suites runner include stubs; do \
		test -L $(BUILD)/asan/$$d || ln -sfn ../$$d $(BUILD)/asan/$$d; \
	done

# ---- make check EX=02 [DIR=exercises] -------------------------------------
# One exercise's suite against one file, with Criterion's own output (add
# ARGS='--verbose' or ARGS='--filter ...').  The file is linked into a
# runner, as the grader does; the judge starts it itself (WB_RUNNER), here
# without a sandbox: it is your own code on your own machine.  The grader
# resolves EX (--resolve), so a name means here what it means to --only.
DIR ?= exercises
check: suites $(BUILD)/grader
	@test -n "$(EX)" || { echo "check: say which exercise, e.g. make check EX=02"; exit 2; }
	@name=$$($(BUILD)/grader --resolve "$$EX" 2>&1) || \
		{ echo "check: EX=$${name#grader: }"; exit 2; }; \
	test -f "$(DIR)/$$name.c" || { echo "check: $(DIR)/$$name.c not found"; exit 2; }; \
	mkdir -p $(BUILD)/check && \
	$(CC) -std=gnu11 -Wall -Wextra -O2 -g -Iinclude -c "$(DIR)/$$name.c" \
		-o $(BUILD)/check/$$name.student.o && \
	$(CC) $(RUNNER_OBJECT) $(BUILD)/check/$$name.student.o -lm \
		-o $(BUILD)/check/$$name.runner && \
	WB_RUNNER=$(BUILD)/check/$$name.runner $(BUILD)/suites/$$name.judge $(ARGS)
