# bench/bench.mk - `make bench`: one table of medians (docs/performance.md).
#
#   make bench                  grader latency and throughput, book build,
#                               reference kernels, each beside its floor
#   BENCH_RUNS=11 make bench    more repeats (BENCH_BATCH_RUNS,
#                               BENCH_BATCH_SIZE likewise)
#
# Parts not built yet (the grader, its --batch, the book builder) print
# n/a, so the target works at every stage of the project.

BENCH_MODULES := bench bench_proc bench_table bench_gen bench_grader bench_watch
BENCH_OBJECTS := $(BENCH_MODULES:%=$(BUILD)/bench-obj/%.o)
BENCH_HEADERS := $(wildcard bench/*.h)

$(BENCH_OBJECTS) $(BUILD)/bench-obj/kernels.o: $(BUILD)/bench-obj/%.o: \
		bench/%.c $(BENCH_HEADERS) include/workbook.h
	@mkdir -p $(@D)
	$(CC) $(PROJECT_CFLAGS) -c $< -o $@

$(BUILD)/bench/bench: $(BENCH_OBJECTS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $^ -o $@

# The kernels link the solutions under their contract names, -O2 as built.
$(BUILD)/bench/kernels: $(BUILD)/bench-obj/kernels.o \
		$(BUILD)/bench-obj/bench_table.o $(BUILD)/libsolutions.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $^ -lm -o $@

# The boundary: the judge's proxies and the reference, the runner linked
# at run time (bench/boundary.c).
$(BUILD)/bench-obj/boundary.o: bench/boundary.c $(BENCH_HEADERS) \
		$(SUITE_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(PROJECT_CFLAGS) -Igrader/suites -Igrader/wire \
		$(CRITERION_CFLAGS) -c $< -o $@

$(BUILD)/bench/boundary: $(BUILD)/bench-obj/boundary.o \
		$(BUILD)/bench-obj/bench_table.o $(BUILD)/suites/libsupport.a \
		$(BUILD)/ref/libreference.a $(RUNNER_OBJECT)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(BUILD)/bench-obj/boundary.o \
		$(BUILD)/bench-obj/bench_table.o $(BUILD)/suites/libsupport.a \
		$(BUILD)/ref/libreference.a $(CRITERION_LIBS) -lm -o $@

# What is measured is brought up to date first, but a part that does not
# build yet only costs its rows (they print n/a), not the whole table.
BENCH_SUBJECTS := $(BUILD)/grader suites $(BUILD)/book-builder

bench: $(BUILD)/bench/bench $(BUILD)/bench/kernels $(BUILD)/bench/boundary
	@$(MAKE) --no-print-directory -k $(BENCH_SUBJECTS) || \
		echo "bench: some parts did not build; their rows say n/a"
	@$(BUILD)/bench/bench
