# The Cross-Entropy Workbook.
#
#   make        install what is missing, build, render the book, grade exercises/
#   make test   the project's tests (what CI runs)
#
# Each part keeps its rules in its own fragment (grader/grader.mk, book/book.mk,
# tests/tests.mk, solutions/solutions.mk); this file holds what they share.

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

CC ?= cc
BUILD := build
PKG_CONFIG ?= pkg-config

# The project's own code: warnings are errors.
WARNINGS := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
PROJECT_CFLAGS := -std=gnu11 $(WARNINGS) $(CFLAGS) -Iinclude
NPROC := $(shell nproc 2>/dev/null || echo 2)

# Every object lists the headers it includes in a .d file beside it
# (-MMD; -MP keeps make going when a header is removed), read at the end.
DEPFLAGS := -MMD -MP
PROJECT_CFLAGS += $(DEPFLAGS)

# The exercise files and the contract functions, in curriculum order, from
# the curriculum's manifest (include/curriculum.def, through
# tools/curriculum_names.h).
CURRICULUM_NAMES = $(shell $(CC) -E -P -Iinclude $(1) -x c \
	tools/curriculum_names.h)
EXERCISES := $(strip $(call CURRICULUM_NAMES,-DLIST_EXERCISES))
CONTRACT_FUNCTIONS := $(strip $(call CURRICULUM_NAMES,))
ifeq ($(EXERCISES),)
$(error cannot read the exercises from include/curriculum.def with $(CC) -E)
endif

CRITERION_CFLAGS = $(shell $(PKG_CONFIG) --cflags criterion)
CRITERION_LIBS = $(shell $(PKG_CONFIG) --libs criterion)

.PHONY: all deps test bench clean

all: deps
	$(MAKE) --no-print-directory build-all
	$(MAKE) --no-print-directory grade

deps:
	@sh scripts/install-deps.sh

-include solutions/solutions.mk
-include grader/grader.mk
-include book/book.mk
# Before tests.mk, which runs test-gradescope when this defines it.
-include gradescope/gradescope.mk
# Before tests.mk, which runs test-fuzz when this defines it.
-include tests/fuzz/fuzz.mk
-include tests/tests.mk
-include bench/bench.mk

# The student release ships neither tests/ nor bench/: there `make test`
# says so and grades the exercises, and `make bench` says it is not there.
ifeq ($(wildcard tests/tests.mk),)
test:
	@echo "make test: this copy has no project tests; grading your exercises instead (build/grader $(or $(DIR),exercises))"
	@$(MAKE) --no-print-directory grade
endif
ifeq ($(wildcard bench/bench.mk),)
bench:
	@echo "make bench: the benchmarks are not part of this copy; nothing to do"
endif

clean:
	rm -rf $(BUILD)

# The headers each object was compiled with (DEPFLAGS above).
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
