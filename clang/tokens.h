/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tokens of a source file as written, from libclang's raw lexer: the
 * source facts the AST does not keep (braces, the else keyword, the ';' that
 * ends a statement, how an attribute is spelled) are read here, at the file
 * offsets the AST gives.
 *
 * A file is lexed once, on first use, into an array sorted by offset.
 * Comments are not tokens; tokens on preprocessor directive lines and in
 * conditional groups the preprocessor skipped are marked, and every scan
 * below skips them, so a brace in a '#define' line or in #if'd-out text
 * never misleads it.  Offsets are byte offsets; -1 means "not found".
 */
#ifndef TDXCHECK_CLANG_TOKENS_H
#define TDXCHECK_CLANG_TOKENS_H

#include <stdbool.h>
#include <stddef.h>

#include <clang-c/Index.h>

struct tok {
	unsigned int off, end;	/* [off, end) in the file's text */
	unsigned int line, col;
	unsigned char kind;	/* CXTokenKind */
	bool directive;		/* on a preprocessor directive line or in a
				 * skipped conditional group: not code */
};

struct tok_file {
	CXFile file;
	char *path;
	const char *text;	/* owned by the translation unit */
	size_t len;
	struct tok *v;
	size_t nr;
};

/* The tokens of file, lexed on first use; NULL when it has no text. */
struct tok_file *tok_file_get(CXTranslationUnit tu, CXFile file);
void tok_release_all(void);

/* Index of the first code token whose offset is >= off; nr when none. */
size_t tok_at_or_after(const struct tok_file *f, unsigned int off);
/* Index of the code token starting exactly at off, else -1. */
long tok_index(const struct tok_file *f, unsigned int off);
/* Index of the last code token starting before off, else -1. */
long tok_before(const struct tok_file *f, unsigned int off);
/* The next (+1) or previous (-1) code token from index i, else -1. */
long tok_step(const struct tok_file *f, long i, int step);
/* Token i's text equals s. */
bool tok_is(const struct tok_file *f, long i, const char *s);
/* The bracket token matching the ( [ { at index open, else -1. */
long tok_match(const struct tok_file *f, long open);
/*
 * The ';' ending the statement that holds token i: the first ';' outside
 * brackets opened after i; a '}' closing the enclosing block ends it first
 * (then the token before it).  -1 when none.
 */
long tok_stmt_end(const struct tok_file *f, long i);
/* Line of a byte offset. */
unsigned int tok_line_of(const struct tok_file *f, unsigned int off);

#endif /* TDXCHECK_CLANG_TOKENS_H */
