/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tokens of a source file as written, for the source facts clang's AST
 * does not keep (braces, the else keyword, the ';' that ends a statement,
 * how an attribute is spelled), read at the offsets the AST gives.
 *
 * A file is lexed once, raw, on first use.  Comments are not tokens; tokens
 * on preprocessor directive lines and in #if branches the preprocessor
 * skipped are marked, and every scan below steps over them, so neither a
 * brace in a '#define' nor the text of an inactive branch misleads it.
 * Offsets are byte offsets in the file; -1 means "not found".
 */
#ifndef TDXCHECK_TIDY_SOURCE_TOKENS_H
#define TDXCHECK_TIDY_SOURCE_TOKENS_H

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <clang/Basic/SourceManager.h>

namespace tdxtidy {

enum tok_kind { TOK_PUNCT, TOK_IDENT, TOK_LITERAL };

struct tok {
	unsigned int off, end;	/* [off, end) in the file's text */
	unsigned int line, col;
	tok_kind kind;
	bool hidden;		/* a directive line or a skipped #if branch */
};

struct tok_file {
	clang::FileID fid;
	std::string path;	/* as the compiler was given it */
	llvm::StringRef text;
	std::vector<tok> v;
	size_t nr() const { return v.size(); }
};

/* Skipped #if branches of one unit: [begin, end) offsets per file. */
using skipped_ranges = std::map<clang::FileID, std::vector<std::pair<unsigned, unsigned>>>;

class token_files {
public:
	token_files(const clang::SourceManager &sm, const clang::LangOptions &lo,
		    const skipped_ranges &skipped)
		: sm(sm), lo(lo), skipped(skipped) {}
	/* The tokens of the file, lexed on first use; nullptr without text. */
	tok_file *get(clang::FileID fid);

private:
	const clang::SourceManager &sm;
	const clang::LangOptions &lo;
	const skipped_ranges &skipped;
	std::map<clang::FileID, std::unique_ptr<tok_file>> files;
};

/* Index of the first visible token whose offset is >= off; nr when none. */
size_t tok_at_or_after(const tok_file *f, unsigned int off);
/* Index of the visible token starting exactly at off, else -1. */
long tok_index(const tok_file *f, unsigned int off);
/* The next (+1) or previous (-1) visible token from index i, else -1. */
long tok_step(const tok_file *f, long i, int step);
/* Token i's text equals s. */
bool tok_is(const tok_file *f, long i, const char *s);
/* Token i is the one-character punctuator ch. */
bool tok_punct(const tok_file *f, long i, char ch);
/* The bracket token matching the ( [ { at index open, else -1. */
long tok_match(const tok_file *f, long open);
/*
 * The ';' ending the statement that holds token i: the first ';' outside
 * brackets opened after i; a '}' closing the enclosing block ends it first
 * (then the token before it).  -1 when none.
 */
long tok_stmt_end(const tok_file *f, long i);

} // namespace tdxtidy

#endif /* TDXCHECK_TIDY_SOURCE_TOKENS_H */
