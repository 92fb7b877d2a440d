# grader/grader.mk - the exercise suites and the grader program.

SUITE_CFLAGS = -std=gnu11 $(WARNINGS) $(CFLAGS) -Iinclude -Igrader/suites \
	$(CRITERION_CFLAGS)
SUITE_HEADERS := grader/suites/check.h grader/suites/reference.h \
	include/workbook.h
SUITE_OBJECTS := $(EXERCISES:%=$(BUILD)/suites/%.o)

$(BUILD)/suites/%.o: grader/suites/%.c $(SUITE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(SUITE_CFLAGS) -c $< -o $@

# What every suite binary links besides its own object and the student's.
$(BUILD)/suites/libsupport.a: $(BUILD)/suites/check.o \
		$(BUILD)/suites/reporter.o
	rm -f $@
	$(AR) rcs $@ $^

.PHONY: suites check
suites: $(SUITE_OBJECTS) $(BUILD)/suites/libsupport.a \
	$(BUILD)/ref/libreference.a

# make check EX=02 [DIR=exercises]: one exercise's suite against one file,
# with Criterion's own output (add ARGS='--verbose' or ARGS='--filter ...').
DIR ?= exercises
check: suites
	@test -n "$(EX)" || { echo "check: say which exercise, e.g. make check EX=02"; exit 2; }
	@name=$$(cd grader/suites && ls $(EX)*.c 2>/dev/null | head -n 1); \
	name=$${name%.c}; \
	test -n "$$name" || { echo "check: no exercise $(EX) (try 01 to 08)"; exit 2; }; \
	test -f "$(DIR)/$$name.c" || { echo "check: $(DIR)/$$name.c not found"; exit 2; }; \
	mkdir -p $(BUILD)/check && \
	$(CC) -std=gnu11 -Wall -Wextra -O2 -g -Iinclude -c "$(DIR)/$$name.c" \
		-o $(BUILD)/check/$$name.student.o && \
	$(CC) $(BUILD)/suites/$$name.o $(BUILD)/check/$$name.student.o \
		$(BUILD)/suites/libsupport.a $(BUILD)/ref/libreference.a \
		$(CRITERION_LIBS) -lm -o $(BUILD)/check/$$name && \
	$(BUILD)/check/$$name $(ARGS)
