# tests/fuzz/fuzz.mk - libFuzzer targets for the grader's readers of
# untrusted input (docs/design.md, "Fuzzing").
#
#   make fuzz [FUZZ_SECONDS=60]  runs each target that long, in turn; new
#                                inputs go to build/fuzz/corpus/NAME/, a
#                                crashing one to build/fuzz/crashes/
#   make test-fuzz               runs every seed of each target once (part
#                                of make test): no crash, no leak, no
#                                undefined behaviour
#
# A target NAME is tests/fuzz/fuzz_NAME.c (defining LLVMFuzzerTestOneInput)
# with its seeds in tests/fuzz/corpus/NAME/ and, optionally, a libFuzzer
# dictionary tests/fuzz/NAME.dict.  Adding one is adding NAME here:
FUZZ_TARGETS := adjust results unpack wire lms discover similarity

FUZZ_SECONDS ?= 60
# clang's libFuzzer (Debian: clang, libclang-rt-14-dev).
FUZZ_CC ?= clang
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_SANITIZERS := -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
# Each grader module (but main) built again, instrumented for coverage; a
# target links the ones it uses from this library.
FUZZ_OBJECTS := $(GRADER_OBJECTS:$(BUILD)/grader-obj/%.o=$(FUZZ_DIR)/obj/%.o)
FUZZ_LIB := $(FUZZ_DIR)/libgrader.a
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
# Scratch folders (fuzz_unpack's workspace) stay below build/, even when a
# crash ends a target before it cleans up.
FUZZ_ENV = TMPDIR=$(abspath $(FUZZ_DIR)/tmp) \
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

$(FUZZ_OBJECTS): $(FUZZ_DIR)/obj/%.o: grader/%.c $(GRADER_HEADERS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(GRADER_CFLAGS) -O1 $(FUZZ_SANITIZERS) \
		-fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_LIB): $(FUZZ_OBJECTS)
	rm -f $@
	$(AR) rcs $@ $^

# What a target needs beyond the grader's modules: the wire codec, which
# the judge and the runner link and the grader does not.
FUZZ_EXTRA_wire := grader/wire/wire.c

$(FUZZ_BINS): $(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB) \
		$(GRADER_HEADERS) $(WIRE_HEADERS) $(wildcard tests/fuzz/*.h) \
		grader/wire/wire.c
	$(FUZZ_CC) $(GRADER_CFLAGS) -Igrader/wire -O1 $(FUZZ_SANITIZERS) \
		-fsanitize=fuzzer $< $(FUZZ_EXTRA_$*) $(FUZZ_LIB) \
		$(GRADER_LIBS) -o $@

.PHONY: fuzz test-fuzz
# New inputs go to the first corpus folder given: build/, not the seeds.
fuzz: $(FUZZ_BINS)
	@status=0; \
	mkdir -p $(FUZZ_DIR)/crashes $(FUZZ_DIR)/tmp; \
	for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t; \
		dict=; test -f tests/fuzz/$$t.dict && dict=-dict=tests/fuzz/$$t.dict; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_DIR)/crashes/$$t- $$dict \
			$(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t || status=1; \
	done; \
	if [ $$status = 0 ]; then \
		echo "fuzz: no crash in $(FUZZ_SECONDS) s for each of: $(FUZZ_TARGETS)"; \
	else \
		echo "fuzz: a target failed; its input is in $(FUZZ_DIR)/crashes/ (replay: $(FUZZ_DIR)/fuzz_NAME FILE)"; \
	fi; \
	exit $$status

# Given files, libFuzzer runs each once; its output is kept in a log.
test-fuzz: $(FUZZ_BINS)
	@status=0; seeds=0; failed=""; \
	mkdir -p $(FUZZ_DIR)/tmp; \
	for t in $(FUZZ_TARGETS); do \
		n=$$(find tests/fuzz/corpus/$$t -type f | wc -l); \
		seeds=$$((seeds + n)); \
		if [ $$n = 0 ]; then \
			echo "test-fuzz: tests/fuzz/corpus/$$t has no seeds; add some"; \
			status=1; failed="$$failed $$t"; continue; \
		fi; \
		if ! $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t tests/fuzz/corpus/$$t/* \
			>$(FUZZ_DIR)/replay-$$t.log 2>&1; then \
			tail -n 30 $(FUZZ_DIR)/replay-$$t.log; \
			status=1; failed="$$failed $$t"; \
		fi; \
	done; \
	if [ $$status = 0 ]; then \
		echo "test-fuzz: $$seeds seeds replayed through $(words $(FUZZ_TARGETS)) targets, 0 crashes"; \
	else \
		echo "test-fuzz: FAILED for:$$failed (logs: $(FUZZ_DIR)/replay-NAME.log)"; \
	fi; \
	exit $$status
