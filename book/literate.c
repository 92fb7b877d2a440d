/* literate.c - collecting ```c and ```c example blocks from a chapter. */
#include <stdlib.h>
#include <string.h>

#include "literate.h"
#include "alloc.h"

void literate_init(struct literate *lit)
{
	*lit = (struct literate)LITERATE_INIT;
}

void literate_release(struct literate *lit)
{
	size_t i;

	for (i = 0; i < lit->n; i++) {
		free(lit->blocks[i].code);
		free(lit->blocks[i].expected);
	}
	free(lit->blocks);
	literate_init(lit);
}

static void add_block(struct literate *lit, enum literate_kind kind,
		      cmark_node *block)
{
	struct literate_block *b;
	cmark_node *next = cmark_node_next(block);

	book_grow(&lit->blocks, &lit->alloc, lit->n + 1, sizeof(*lit->blocks));
	b = &lit->blocks[lit->n++];
	b->kind = kind;
	b->line = cmark_node_get_start_line(block);
	b->code = book_xstrdup(cmark_node_get_literal(block));
	b->expected = NULL;
	b->expected_line = 0;
	/* Validation guarantees the output block is the next sibling. */
	if (kind == LITERATE_EXAMPLE && next) {
		b->expected = book_xstrdup(cmark_node_get_literal(next));
		b->expected_line = cmark_node_get_start_line(next);
	}
}

void literate_extract(struct literate *lit, const struct book_chapter *ch)
{
	cmark_iter *iter = cmark_iter_new(ch->doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		char kind[64];

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK)
			continue;
		book_chapter_fence_kind(node, kind, sizeof(kind));
		if (!strcmp(kind, "c"))
			add_block(lit, LITERATE_C, node);
		else if (!strcmp(kind, "c example"))
			add_block(lit, LITERATE_EXAMPLE, node);
	}
	cmark_iter_free(iter);
}
