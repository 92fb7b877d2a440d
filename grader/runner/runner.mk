# grader/runner/runner.mk - the runner: the program that runs a student's
# code, apart from the judge (grader/runner/runner.h).  Included by
# grader/grader.mk.
#
#   $(BUILD)/runner/runner.o   the call loop, the seccomp filter and the
#                              wire codec in one relocatable object; the
#                              grader links it with a student's object
#                              (and libc, libm: nothing else).

RUNNER_CFLAGS = -std=gnu11 $(WARNINGS) $(CFLAGS) $(DEPFLAGS) -Iinclude \
	-Igrader/wire -Igrader/runner
RUNNER_SOURCES := grader/runner/runner_zygote.c grader/runner/runner_serve.c \
	grader/runner/runner_call.c
RUNNER_HEADERS := grader/runner/runner.h $(WIRE_HEADERS) include/workbook.h
RUNNER_OBJECTS := $(RUNNER_SOURCES:grader/runner/%.c=$(BUILD)/runner/%.o) \
	$(BUILD)/runner/runner_filter.o $(BUILD)/runner/wire.o
RUNNER_OBJECT := $(BUILD)/runner/runner.o

# The seccomp filter is built by libseccomp at build time and compiled in
# as data, so the runner itself links no library but libc and libm.
$(BUILD)/runner/runner_filter_gen: grader/runner/runner_filter_gen.c
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARNINGS) $(CFLAGS) \
		$(shell $(PKG_CONFIG) --cflags libseccomp) $< \
		$(shell $(PKG_CONFIG) --libs libseccomp) -o $@

$(BUILD)/runner/runner_filter.c: $(BUILD)/runner/runner_filter_gen
	$< $@

$(BUILD)/runner/runner_filter.o: $(BUILD)/runner/runner_filter.c \
		$(RUNNER_HEADERS)
	$(CC) $(RUNNER_CFLAGS) -c $< -o $@

$(BUILD)/runner/wire.o: grader/wire/wire.c $(WIRE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(RUNNER_CFLAGS) -c $< -o $@

$(BUILD)/runner/runner_%.o: grader/runner/runner_%.c $(RUNNER_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(RUNNER_CFLAGS) -c $< -o $@

$(RUNNER_OBJECT): $(RUNNER_OBJECTS)
	$(LD) -r $^ -o $@
