# tests/tests.mk - the project's tests: `make test` (what CI runs).
#
# Builds everything (and the grader once more with ASan and UBSan), then
# runs each test program under tests/ (built to build/tests/), the grader's
# command-line, corpus (a sample), batch (a class of 80), watch, hint,
# progress and hidden-test tests again against the sanitized grader, the
# unit tests again built with ASan and UBSan (tests/asan.mk), the release
# check, the sandbox and policy tests, test-book,
# test-gradescope and test-fuzz (each fuzz seed once).  Each runner
# ends with its own closing line; `make test` fails if any runner failed.

-include tests/sandbox.mk

TEST_SUPPORT_SOURCES := $(wildcard tests/support/*.c)
# The tests' catalog (tests/support/catalog.h) is the manifest's: a test
# program rebuilds when include/curriculum.def changes.
TEST_SUPPORT_HEADERS := $(wildcard tests/support/*.h include/*.h include/*.def)
TEST_SUPPORT_OBJECTS := $(TEST_SUPPORT_SOURCES:tests/support/%.c=$(BUILD)/tests/support/%.o)
TEST_CFLAGS = $(PROJECT_CFLAGS) -Itests $(CRITERION_CFLAGS)
GRADER_TESTS := $(basename $(notdir $(wildcard tests/test_grader_*.c))) \
	test_corpus
GRADER_TEST_BINS := $(GRADER_TESTS:%=$(BUILD)/tests/%)

$(TEST_SUPPORT_OBJECTS): $(BUILD)/tests/support/%.o: tests/support/%.c \
		$(TEST_SUPPORT_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) -c $< -o $@

$(GRADER_TEST_BINS): $(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT_OBJECTS) \
		$(TEST_SUPPORT_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $< $(TEST_SUPPORT_OBJECTS) $(CRITERION_LIBS) \
		-o $@

# Unit tests of the grader's modules: tests/test_unit_MODULE.c, linked with
# build/libgrader.a (every grader module but main).
UNIT_TESTS := $(basename $(notdir $(wildcard tests/test_unit_*.c)))
UNIT_TEST_BINS := $(UNIT_TESTS:%=$(BUILD)/tests/%)
GRADER_TESTS += $(UNIT_TESTS)

# A test includes a grader header by its room ("core/catalog.h").
$(UNIT_TEST_BINS): $(BUILD)/tests/%: tests/%.c $(GRADER_LIB) \
		$(TEST_SUPPORT_OBJECTS) $(TEST_SUPPORT_HEADERS) $(GRADER_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $(GRADER_INCLUDES) $< \
		$(TEST_SUPPORT_OBJECTS) $(GRADER_LIB) \
		$(GRADER_LIBS) $(CRITERION_LIBS) -o $@

# Other fragments' runners, when they exist.
TEST_EXTRA_TARGETS := check-release \
	$(if $(filter undefined,$(origin SANDBOX_SOURCES)),,test-sandbox) \
	$(if $(filter undefined,$(origin BOOK_TEST_BINS)),,test-book) \
	$(if $(filter undefined,$(origin GRADESCOPE_ZIP)),,test-gradescope) \
	$(if $(filter undefined,$(origin FUZZ_TARGETS)),,test-fuzz)

# Sanitizer reports end the grader with status 99, which no test accepts.
ASAN_ENV := ASAN_OPTIONS=exitcode=99:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=99:print_stacktrace=1
# Every 6th corpus folder is graded by the sanitized grader too, and a class
# of 80 (the smallest the batch test takes) by its batch mode; the modes'
# own tests run against it whole.
ASAN_CORPUS_SAMPLE ?= 6
ASAN_BATCH_CLASS ?= 80
ASAN_MODE_TESTS := test_grader_watch test_grader_hint test_grader_progress \
	test_grader_hidden test_grader_batch_entries test_grader_lms \
	test_grader_adjust \
	test_grader_discovery
# Grading mostly waits (compiler, Criterion workers), so run beyond nproc.
TEST_JOBS ?= 4

.PHONY: test test-grader test-grader-asan test-grader-bins
test-grader-bins: $(GRADER_TEST_BINS) $(UNIT_TEST_BINS)

# Each runner's result is recorded; all run even when one fails.
define run_tests
	@status=0; \
	for t in $(GRADER_TESTS); do \
		echo "== $$t"; \
		$(1) $(BUILD)/tests/$$t --jobs $(TEST_JOBS) || status=1; \
	done; \
	exit $$status
endef

test-grader: build-all test-grader-bins
	$(call run_tests,)

test-grader-asan: asan-grader test-grader-bins
	@status=0; \
	echo "== test_grader_cli (ASan + UBSan grader)"; \
	$(ASAN_ENV) WB_GRADER=$(BUILD)/asan/grader \
		$(BUILD)/tests/test_grader_cli --jobs $(TEST_JOBS) || status=1; \
	echo "== test_corpus, every $(ASAN_CORPUS_SAMPLE)th folder (ASan + UBSan grader)"; \
	$(ASAN_ENV) WB_GRADER=$(BUILD)/asan/grader \
		WB_CORPUS_SAMPLE=$(ASAN_CORPUS_SAMPLE) \
		$(BUILD)/tests/test_corpus --jobs $(TEST_JOBS) || status=1; \
	echo "== test_grader_batch, a class of $(ASAN_BATCH_CLASS) (ASan + UBSan grader)"; \
	$(ASAN_ENV) WB_GRADER=$(BUILD)/asan/grader \
		WB_BATCH_CLASS=$(ASAN_BATCH_CLASS) \
		$(BUILD)/tests/test_grader_batch --jobs $(TEST_JOBS) || status=1; \
	for t in $(ASAN_MODE_TESTS); do \
		echo "== $$t (ASan + UBSan grader)"; \
		$(ASAN_ENV) WB_GRADER=$(BUILD)/asan/grader \
			$(BUILD)/tests/$$t --jobs $(TEST_JOBS) || status=1; \
	done; \
	exit $$status

test: build-all
	@status=0; failed=""; \
	for target in test-grader test-grader-asan test-unit-asan \
		$(TEST_EXTRA_TARGETS); do \
		if $(MAKE) --no-print-directory $$target; then \
			echo "test: $$target passed"; \
		else \
			echo "test: $$target FAILED"; status=1; \
			failed="$$failed $$target"; \
		fi; \
	done; \
	if [ $$status = 0 ]; then echo "test: every runner passed"; \
	else echo "test: failed:$$failed"; fi; \
	exit $$status

# After UNIT_TESTS: the unit tests again, sanitized.
-include tests/asan.mk
