// SPDX-License-Identifier: GPL-2.0
/* The tokens of a source file as written: see source_tokens.h. */
#include "source_tokens.h"

#include <cstring>

#include <clang/Lex/Lexer.h>

namespace tdxtidy {

static bool in_skipped(const std::vector<std::pair<unsigned, unsigned>> *ranges, unsigned off)
{
	if (!ranges)
		return false;
	for (const auto &r : *ranges)
		if (off >= r.first && off < r.second)
			return true;
	return false;
}

/*
 * A '#' first on its line starts a directive, which runs to the end of the
 * line and its backslash continuations.
 */
static void mark_directives(tok_file *f)
{
	unsigned int last_line = 0, dir_end_line = 0;

	for (size_t i = 0; i < f->v.size(); i++) {
		tok *t = &f->v[i];
		bool first = !i || t->line != last_line;

		if (first && t->line > dir_end_line && f->text[t->off] == '#') {
			dir_end_line = t->line;
			for (size_t off = t->off; off < f->text.size(); off++) {
				if (f->text[off] != '\n')
					continue;
				if (off > 0 && f->text[off - 1] == '\\') {
					dir_end_line++;
					continue;
				}
				break;
			}
		}
		t->hidden |= t->line <= dir_end_line;
		last_line = t->line;
	}
}

tok_file *token_files::get(clang::FileID fid)
{
	auto it = files.find(fid);

	if (it != files.end())
		return it->second.get();
	if (fid.isInvalid())
		return nullptr;
	const clang::FileEntry *fe = sm.getFileEntryForID(fid);
	bool invalid = false;
	llvm::StringRef text = sm.getBufferData(fid, &invalid);

	if (!fe || invalid)
		return nullptr;
	auto f = std::make_unique<tok_file>();
	auto sk = skipped.find(fid);
	const std::vector<std::pair<unsigned, unsigned>> *ranges =
		sk == skipped.end() ? nullptr : &sk->second;

	f->fid = fid;
	f->path = fe->getName().str();
	f->text = text;
	clang::Lexer lex(sm.getLocForStartOfFile(fid), lo, text.begin(), text.begin(),
			 text.end());
	clang::Token t;

	for (;;) {
		lex.LexFromRawLexer(t);
		if (t.is(clang::tok::eof))
			break;
		tok out;
		unsigned int off = sm.getFileOffset(t.getLocation());

		out.off = off;
		out.end = off + t.getLength();
		out.line = sm.getLineNumber(fid, off);
		out.col = sm.getColumnNumber(fid, off);
		if (t.is(clang::tok::raw_identifier))
			out.kind = TOK_IDENT;
		else if (t.isLiteral())
			out.kind = TOK_LITERAL;
		else
			out.kind = TOK_PUNCT;
		out.hidden = in_skipped(ranges, off);
		f->v.push_back(out);
	}
	mark_directives(f.get());
	tok_file *r = f.get();
	files[fid] = std::move(f);
	return r;
}

static size_t first_at_or_after(const tok_file *f, unsigned int off)
{
	size_t lo = 0, hi = f->v.size();

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (f->v[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t tok_at_or_after(const tok_file *f, unsigned int off)
{
	size_t i = first_at_or_after(f, off);

	while (i < f->v.size() && f->v[i].hidden)
		i++;
	return i;
}

long tok_index(const tok_file *f, unsigned int off)
{
	size_t i = first_at_or_after(f, off);

	if (i < f->v.size() && f->v[i].off == off && !f->v[i].hidden)
		return (long)i;
	return -1;
}

long tok_step(const tok_file *f, long i, int step)
{
	if (i < 0)
		return -1;
	for (i += step; i >= 0 && (size_t)i < f->v.size(); i += step)
		if (!f->v[i].hidden)
			return i;
	return -1;
}

bool tok_is(const tok_file *f, long i, const char *s)
{
	size_t n = strlen(s);

	return i >= 0 && (size_t)i < f->v.size() && f->v[i].end - f->v[i].off == n &&
	       !memcmp(f->text.data() + f->v[i].off, s, n);
}

bool tok_punct(const tok_file *f, long i, char ch)
{
	return i >= 0 && (size_t)i < f->v.size() && f->v[i].kind == TOK_PUNCT &&
	       f->v[i].end - f->v[i].off == 1 && f->text[f->v[i].off] == ch;
}

static int bracket(const tok_file *f, long i)
{
	const tok *t = &f->v[i];

	if (t->kind != TOK_PUNCT || t->end - t->off != 1 || t->hidden)
		return 0;
	switch (f->text[t->off]) {
	case '(': case '[': case '{':
		return 1;
	case ')': case ']': case '}':
		return -1;
	}
	return 0;
}

long tok_match(const tok_file *f, long open)
{
	static const char pairs[] = "()[]{}";
	int depth = 0;

	if (open < 0 || bracket(f, open) != 1)
		return -1;
	const char *p = strchr(pairs, f->text[f->v[open].off]);

	for (long i = open; (size_t)i < f->v.size(); i++) {
		int b = bracket(f, i);

		depth += b;
		if (b < 0 && depth == 0)
			return f->text[f->v[i].off] == p[1] ? i : -1;
	}
	return -1;
}

long tok_stmt_end(const tok_file *f, long i)
{
	int depth = 0;

	for (; i >= 0 && (size_t)i < f->v.size(); i = tok_step(f, i, 1)) {
		int b = bracket(f, i);

		if (b > 0) {
			depth++;
		} else if (b < 0) {
			if (f->text[f->v[i].off] == '}' && depth == 0)
				return tok_step(f, i, -1);
			if (depth > 0)
				depth--;
		} else if (depth == 0 && tok_is(f, i, ";")) {
			return i;
		}
	}
	return -1;
}

} // namespace tdxtidy
