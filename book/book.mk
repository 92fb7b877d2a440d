# book/book.mk - the book builder, the site it makes, and its tests.
#
#   make book         build/book/ from chapters/*.md (atomically replaced)
#   make read CH=2    chapter 2 as a man page in the terminal
#   make test-book    unit, literate-code and browser tests of the book

BOOK_CFLAGS = $(PROJECT_CFLAGS) $(shell $(PKG_CONFIG) --cflags libcmark-gfm)
BOOK_LIBS = $(shell $(PKG_CONFIG) --libs libcmark-gfm) -lcmark-gfm-extensions
BOOK_MODULES := error proc parse texmath plots plots_table toc render site \
	literate
BOOK_OBJECTS := $(BOOK_MODULES:%=$(BUILD)/book-obj/%.o)
BOOK_HEADERS := $(wildcard book/*.h) include/workbook.h
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

# make read CH=2: CH may be 2 or 02; man pages when stdout is a terminal.
read: $(BUILD)/book-builder
	@test -n "$(CH)" || { echo "read: say which chapter, e.g. make read CH=2"; exit 2; }
	@n=$$(printf %02d "$$(expr "$(CH)" + 0 2>/dev/null)") && \
	f=$$(ls chapters/$$n-*.md 2>/dev/null | head -n 1) && test -n "$$f" || \
		{ echo "read: no chapter $(CH) in chapters/"; exit 2; }; \
	if command -v man >/dev/null 2>&1; then \
		$(BUILD)/book-builder --man "$$f" | man -l -; \
	elif [ -t 1 ]; then \
		$(BUILD)/book-builder --man "$$f" | $${PAGER:-less}; \
	else \
		$(BUILD)/book-builder --man "$$f"; \
	fi
