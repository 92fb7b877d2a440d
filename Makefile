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

# The exercise files and the contract functions, in curriculum order.
EXERCISES := 01_sigmoid 02_bce 03_gradcheck 04_logreg 05_mse \
	06_information 07_softmax 08_variants 09_softmax_regression
CONTRACT_FUNCTIONS := sigmoid sigmoid_grad bce_loss bce_with_logits \
	bce_with_logits_grad numerical_gradient relative_error \
	logreg_loss_grad logreg_fit mse_sigmoid_loss mse_sigmoid_grad \
	mse_sigmoid_curvature entropy cross_entropy kl_divergence softmax \
	log_sum_exp log_softmax softmax_cross_entropy smoothed_cross_entropy \
	focal_loss softmax_regression_loss_grad softmax_regression_fit

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
