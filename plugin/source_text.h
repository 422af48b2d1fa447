/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source facts that GENERIC drops, read from the text of the files the
 * compiler read: braces, the last line of a statement, the else keyword,
 * how "unused" is spelled in a declaration.
 *
 * Each file is read once and lexed once into a mask that tells code from
 * comments, string and character literals and preprocessor directives, so
 * every scan below sees only code.  Positions are byte offsets into the file;
 * -1 means "not found", and every scan gives up rather than guess.
 * Nothing here includes a GCC header.
 */
#ifndef TDXCHECK_PLUGIN_SOURCE_TEXT_H
#define TDXCHECK_PLUGIN_SOURCE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct src_file {
	char *path;
	char *text;		/* NUL-terminated */
	long len;
	unsigned char *code;	/* code[i]: byte i is code (not comment, literal, directive) */
	long *line_start;	/* line_start[l - 1]: offset of line l */
	unsigned int nr_lines;
};

/*
 * The file's text, read and lexed on first use; NULL when unreadable.  A
 * file that cannot be read is taken from the preprocessed input, when there
 * is one (src_set_input); else it is remembered for src_unreadable().
 */
struct src_file *src_get(const char *path);
/* Forget every cached file. */
void src_release_all(void);

/*
 * The compiler's input is preprocessed text at path (a distcc or icecream
 * remote compile, where the sources are not): its line markers say which
 * line of which file each of its lines is.  Only -fdirectives-only output
 * keeps every line as written (macros unexpanded, comments kept), so only
 * then (verbatim) may its lines stand in for a file that cannot be read.
 */
void src_set_input(const char *path, bool verbatim);
/* The first file src_get() could neither read nor take from the input. */
const char *src_unreadable(void);

/* Offset of (line, col), both 1-based byte positions; -1 when outside. */
long src_offset(const struct src_file *f, unsigned int line, unsigned int col);
unsigned int src_line_of(const struct src_file *f, long off);
unsigned int src_col_of(const struct src_file *f, long off);

/* The first code byte at or after off that is not white space; -1 at EOF. */
long src_next(const struct src_file *f, long off);
/* The last code byte before off that is not white space; -1 at BOF. */
long src_prev(const struct src_file *f, long off);
/* The identifier at off equals word (and is a whole word). */
bool src_word_at(const struct src_file *f, long off, const char *word);
/* The identifier just before off (white space between): its start, or -1. */
long src_word_before(const struct src_file *f, long off, const char *word);
/* The bracket matching the ( [ { at open; -1 when unbalanced. */
long src_match(const struct src_file *f, long open);
/*
 * The ';' ending the statement that contains off: the first ';' outside
 * parentheses, brackets and braces opened after off.
 */
long src_stmt_end(const struct src_file *f, long off);
/*
 * The first token of the statement containing off: scanning back over
 * balanced brackets to the previous ';', '{', '}' or label ':'.
 */
long src_stmt_start(const struct src_file *f, long off);
/*
 * Start of the declaration whose name is at off: just after the previous
 * ';', '{' or '}' or directive line at top level.
 */
long src_decl_start(const struct src_file *f, long off);

/* A preprocessor directive line starts in [from, to). */
bool src_directive_between(const struct src_file *f, long from, long to);

/* enum tdx_unused_spelling bits for the code tokens in [from, to). */
unsigned int src_unused_spelling(const struct src_file *f, long from, long to);
/*
 * The spelling of a function declaration whose name is at name: the text
 * before the name and after the parameter list, up to ';', '{' or '='.
 */
unsigned int src_function_unused(const struct src_file *f, long name);
/* The spelling of the parameter whose name is at name: its own list entry. */
unsigned int src_param_unused(const struct src_file *f, long name);

#endif /* TDXCHECK_PLUGIN_SOURCE_TEXT_H */
