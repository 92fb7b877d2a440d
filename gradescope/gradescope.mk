# gradescope/gradescope.mk - the Gradescope autograder package.
#
#   make gradescope [SECRET_FILE=path]   build/gradescope/autograder.zip
#   make test-gradescope                 unpack a zip made the same way (with
#                                        a test secret) into a fake
#                                        /autograder, run its setup.sh and
#                                        run_autograder, check results.json
#
# gradescope/README.md says how to upload it and what students see.

GRADESCOPE_ZIP := $(BUILD)/gradescope/autograder.zip
SECRET_FILE ?=

.PHONY: gradescope test-gradescope

# Rebuilt every time: a copy of the sources as they are now (about 1 s).
gradescope:
	@sh gradescope/package.sh $(GRADESCOPE_ZIP) $(SECRET_FILE)

GRADESCOPE_TEST_DIR := $(BUILD)/gradescope/test
GRADESCOPE_TEST_SECRET := gradescope-test-secret
GRADESCOPE_TEST_BIN := $(BUILD)/tests/test_gradescope

# The test computes the expected seed with the grader's own digest module.
$(GRADESCOPE_TEST_BIN): tests/test_gradescope.c $(TEST_SUPPORT_OBJECTS) \
		$(TEST_SUPPORT_HEADERS) $(BUILD)/grader-obj/util/digest.o
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $(GRADER_INCLUDES) $< $(TEST_SUPPORT_OBJECTS) \
		$(BUILD)/grader-obj/util/digest.o $(CRITERION_LIBS) -o $@

test-gradescope: $(GRADESCOPE_TEST_BIN) exercises/02_bce.c
	@echo "== test_gradescope (unpacks the zip, builds it, grades; about 30 s)"
	@mkdir -p $(GRADESCOPE_TEST_DIR)
	@printf '%s\n' $(GRADESCOPE_TEST_SECRET) > $(GRADESCOPE_TEST_DIR)/course_secret
	@sh gradescope/package.sh $(GRADESCOPE_TEST_DIR)/autograder.zip \
		$(GRADESCOPE_TEST_DIR)/course_secret
	@WB_GRADESCOPE_ZIP=$(GRADESCOPE_TEST_DIR)/autograder.zip \
		WB_GRADESCOPE_SECRET=$(GRADESCOPE_TEST_SECRET) \
		$(GRADESCOPE_TEST_BIN)
