# tests/sandbox.mk - the sandbox's and the symbol policy's own tests.
# Included by tests/tests.mk; `make test-sandbox` builds and runs both;
# each is built a second time with ASan and UBSan under build/asan/tests/,
# which tests/asan.mk runs.

# The two security-critical rooms of grader/, whole.
SANDBOX_SOURCES := $(wildcard grader/sandbox/*.c) grader/util/elapsed.c
SANDBOX_HEADERS := $(wildcard grader/sandbox/*.h) grader/util/elapsed.h

# Both link the tests' shared harness (scratch folders, files) from source.
HARNESS_SOURCES := tests/support/harness.c tests/support/harness.h

SANDBOX_TEST_BINS := $(BUILD)/tests/test_sandbox $(BUILD)/tests/test_policy
SANDBOX_ASAN_BINS := $(SANDBOX_TEST_BINS:$(BUILD)/tests/%=$(BUILD)/asan/tests/%)
$(SANDBOX_ASAN_BINS): SANITIZE_CFLAGS := -O1 $(ASAN_FLAGS)

$(BUILD)/tests/test_sandbox $(BUILD)/asan/tests/test_sandbox: tests/test_sandbox.c $(SANDBOX_SOURCES) \
		$(SANDBOX_HEADERS) $(HARNESS_SOURCES)
	@mkdir -p $(@D)
	$(CC) $(PROJECT_CFLAGS) $(SANITIZE_CFLAGS) $(GRADER_INCLUDES) \
		$(CRITERION_CFLAGS) tests/test_sandbox.c $(SANDBOX_SOURCES) tests/support/harness.c \
		$(CRITERION_LIBS) -lm -o $@

# The policy names files through the grader's catalog.
POLICY_SOURCES := $(wildcard grader/policy/*.c) grader/core/catalog.c
POLICY_HEADERS := $(wildcard grader/policy/*.h) grader/core/catalog.h \
	tests/support/policy_snippets.h

$(BUILD)/tests/test_policy $(BUILD)/asan/tests/test_policy: tests/test_policy.c $(POLICY_SOURCES) \
		$(POLICY_HEADERS) $(HARNESS_SOURCES)
	@mkdir -p $(@D)
	$(CC) $(PROJECT_CFLAGS) $(SANITIZE_CFLAGS) $(GRADER_INCLUDES) \
		$(CRITERION_CFLAGS) -DWB_INCLUDE='"$(CURDIR)/include"' \
		tests/test_policy.c $(POLICY_SOURCES) tests/support/harness.c \
		$(CRITERION_LIBS) -o $@

.PHONY: test-sandbox
test-sandbox: $(SANDBOX_TEST_BINS)
	$(BUILD)/tests/test_sandbox
	$(BUILD)/tests/test_policy
