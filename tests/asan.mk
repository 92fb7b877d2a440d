# tests/asan.mk - the grader's unit tests again, built with ASan and UBSan
# and linked with the sanitized grader's objects (grader/grader.mk's
# ASAN_OBJECTS), and the sandbox's and the policy's (tests/sandbox.mk):
# `make test-unit-asan`, part of `make test`.  An error
# ends a test with status 99 (ASAN_ENV), which fails it; a leak fails the
# runner.

ASAN_GRADER_LIB := $(BUILD)/asan/libgrader.a
ASAN_UNIT_BINS := $(UNIT_TESTS:%=$(BUILD)/asan/tests/%)
ASAN_SUPPORT_OBJECTS := \
	$(TEST_SUPPORT_SOURCES:tests/support/%.c=$(BUILD)/asan/tests/support/%.o)
ASAN_TEST_CFLAGS = $(TEST_CFLAGS) -O1 $(ASAN_FLAGS)

# GRADER_MEMBERS changes when a source file comes or goes (grader.mk).
$(ASAN_GRADER_LIB): $(filter-out %/main.o,$(ASAN_OBJECTS)) $(GRADER_MEMBERS)
	@rm -f $@
	$(AR) rcs $@ $(filter %.o,$^)

$(ASAN_SUPPORT_OBJECTS): $(BUILD)/asan/tests/support/%.o: \
		tests/support/%.c $(TEST_SUPPORT_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ASAN_TEST_CFLAGS) -c $< -o $@

$(ASAN_UNIT_BINS): $(BUILD)/asan/tests/%: tests/%.c $(ASAN_GRADER_LIB) \
		$(ASAN_SUPPORT_OBJECTS) $(TEST_SUPPORT_HEADERS) $(GRADER_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ASAN_TEST_CFLAGS) $(GRADER_INCLUDES) $< \
		$(ASAN_SUPPORT_OBJECTS) $(ASAN_GRADER_LIB) $(GRADER_LIBS) \
		$(CRITERION_LIBS) -o $@

# Criterion reports a test before its worker exits, so a leak found at
# that exit does not fail the test: the runner fails on any sanitizer
# summary in the output instead.
.PHONY: test-unit-asan
test-unit-asan: $(ASAN_UNIT_BINS) $(SANDBOX_ASAN_BINS)
	@status=0; log=$(BUILD)/asan/tests/last.log; \
	for t in $(ASAN_UNIT_BINS) $(SANDBOX_ASAN_BINS); do \
		echo "== $$t (ASan + UBSan)"; \
		$(ASAN_ENV) $$t > $$log 2>&1 || status=1; \
		cat $$log; \
		if grep -q "^SUMMARY: .*Sanitizer" $$log; then \
			echo "$$t: a sanitizer report above"; status=1; \
		fi; \
	done; \
	exit $$status
