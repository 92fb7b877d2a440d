# book/book.mk - the book builder, the site it makes, and its tests.
#
#   make book         build/book/ from chapters/*.md (atomically replaced)
#   make read CH=2    chapter 2 in the terminal (man, or groff and a pager);
#                     CH names it as --only does (2, 02, 02_bce, 02_bce.c
#                     or bce_loss: the chapter of that exercise)
#   make test-book    unit, literate-code and browser tests of the book

BOOK_CFLAGS = $(PROJECT_CFLAGS) $(shell $(PKG_CONFIG) --cflags libcmark-gfm)
BOOK_LIBS = $(shell $(PKG_CONFIG) --libs libcmark-gfm) -lcmark-gfm-extensions
BOOK_MODULES := error alloc proc chapter texmath plots plots_table plots_models \
	softreg calibrate datasets toc render site unimath manpage \
	literate
BOOK_OBJECTS := $(BOOK_MODULES:%=$(BUILD)/book-obj/%.o)
BOOK_HEADERS := $(wildcard book/*.h) include/workbook.h include/plot_style.h
BOOK_ASSETS := book/assets/book.css book/assets/book.js
BOOK_CHAPTERS = $(sort $(wildcard chapters/*.md))
BOOK_FIXTURES = $(sort $(wildcard tests/fixtures/book/*.md))
BOOK_SOLUTIONS := $(BUILD)/libsolutions.a

$(BUILD)/book-obj/%.o: book/%.c $(BOOK_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(BOOK_CFLAGS) -c $< -o $@

$(BUILD)/libbook.a: $(BOOK_OBJECTS)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/book-builder: $(BUILD)/book-obj/main.o $(BUILD)/libbook.a \
		$(BOOK_SOLUTIONS)
	$(CC) $(CFLAGS) $^ $(BOOK_LIBS) -lm -o $@

.PHONY: book read test-book build-all
build-all: book

# The builder writes a sibling temporary folder and renames it over
# build/book, so the target is only ever complete or absent.
book: $(BUILD)/book/index.html
$(BUILD)/book/index.html: $(BUILD)/book-builder $(BOOK_CHAPTERS) $(BOOK_ASSETS)
	@test -n "$(BOOK_CHAPTERS)" || { echo "book: no chapters in chapters/"; exit 1; }
	@$(BUILD)/book-builder --out $(BUILD)/book $(BOOK_CHAPTERS)

# make read CH=2: the grader resolves CH (--resolve), so a name means here
# what it means to --only; exercise NN is chapter NN.  Man pages when
# stdout is a terminal.
read: $(BUILD)/book-builder $(BUILD)/grader
	@test -n "$(CH)" || { echo "read: say which chapter, e.g. make read CH=2"; exit 2; }
	@name=$$($(BUILD)/grader --resolve "$$CH" 2>&1) || \
		{ echo "read: CH=$${name#grader: }"; exit 2; }; \
	f=$$(ls chapters/$${name%%_*}-*.md 2>/dev/null | head -n 1) && \
	test -n "$$f" || { echo "read: no chapter $(CH) in chapters/"; exit 2; }; \
	if command -v man >/dev/null 2>&1; then \
		$(BUILD)/book-builder --man "$$f" | man -l -; \
	elif [ -t 1 ]; then \
		$(BUILD)/book-builder --man "$$f" | groff -k -t -man -Tutf8 | \
			$${PAGER:-less -R}; \
	else \
		$(BUILD)/book-builder --man "$$f" | groff -k -t -man -Tutf8 -P-cbou; \
	fi

# ---- tests ---------------------------------------------------------------
# Criterion programs, one per module (tests/test_book_*.c), the literate
# code check (tests/test_literate.c) and the real-browser check of a built
# site (tests/test_book_browser.c).  Their binaries live apart from
# tests/tests.mk's, in $(BUILD)/book-tests/.
BOOK_UNIT_TESTS := parse math toc plots models
BOOK_TEST_BINS := $(BOOK_UNIT_TESTS:%=$(BUILD)/book-tests/test_book_%) \
	$(BUILD)/book-tests/test_literate $(BUILD)/book-tests/test_book_read \
	$(BUILD)/book-tests/test_book_browser
BOOK_FIXTURE_SITE := $(BUILD)/book-fixture
# The browser test looks at the real book once there are chapters, at the
# fixture site before that (one site keeps the test under a minute).
BOOK_TEST_SITES = $(if $(BOOK_CHAPTERS),$(BUILD)/book,$(BOOK_FIXTURE_SITE))

# The tests' shared harness (tests/support/harness.h) reads and writes
# their files.
BOOK_TEST_HARNESS := $(BUILD)/tests/support/harness.o

$(BOOK_TEST_BINS): $(BUILD)/book-tests/%: tests/%.c $(BUILD)/libbook.a \
		$(BOOK_SOLUTIONS) $(BOOK_HEADERS) $(BOOK_TEST_HARNESS)
	@mkdir -p $(@D)
	$(CC) $(BOOK_CFLAGS) $(CRITERION_CFLAGS) $< $(BOOK_TEST_HARNESS) \
		$(BUILD)/libbook.a $(BOOK_SOLUTIONS) $(BOOK_LIBS) \
		$(CRITERION_LIBS) -lm -o $@

$(BOOK_FIXTURE_SITE)/index.html: $(BUILD)/book-builder $(BOOK_FIXTURES) \
		$(BOOK_ASSETS)
	@$(BUILD)/book-builder --out $(BOOK_FIXTURE_SITE) $(BOOK_FIXTURES)

# Every program runs even when an earlier one failed; the target fails if
# any did.  The literate check covers the chapters and the fixtures.
test-book: $(BOOK_TEST_BINS) $(BOOK_TEST_SITES:%=%/index.html) \
		$(BUILD)/book-builder
	@status=0; \
	for t in $(BOOK_UNIT_TESTS); do \
		$(BUILD)/book-tests/test_book_$$t || status=1; \
	done; \
	BOOK_LITERATE="$(BOOK_CHAPTERS) $(BOOK_FIXTURES)" \
	BOOK_SOLUTIONS="$(BUILD)/libbook.a $(BOOK_SOLUTIONS)" \
		$(BUILD)/book-tests/test_literate || status=1; \
	BOOK_LITERATE="$(BOOK_CHAPTERS) $(BOOK_FIXTURES)" \
		$(BUILD)/book-tests/test_book_read || status=1; \
	for site in $(BOOK_TEST_SITES); do \
		BOOK_SITE=$$site $(BUILD)/book-tests/test_book_browser || status=1; \
	done; \
	exit $$status
