// SPDX-License-Identifier: GPL-2.0
/*
 * Fix-its: see fixits.h.  Each finds, from the finding's position, the
 * statement or declaration it names and edits only text written in the
 * file (never inside a macro's body); when the shape is not the plain one
 * it knows, it offers no fix rather than a wrong one.
 */
#include "fixits.h"

#include <cstring>
#include <string>
#include <vector>

#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace tdxtidy {
namespace {

/* The statement or declaration the finding is reported at. */
class finder : public RecursiveASTVisitor<finder> {
public:
	explicit finder(SourceLocation at) : at(at) {}

	bool VisitIfStmt(IfStmt *s)
	{
		if (s->getIfLoc() == at && !s->getIfLoc().isMacroID()) {
			body = s->getThen();
			header_end = s->getRParenLoc();
			if (s->getElse() && !isa<IfStmt>(s->getElse())) {
				sibling = s->getElse();
				sibling_header_end = s->getElseLoc();
			}
		} else if (s->getElseLoc() == at && s->getElse()) {
			body = s->getElse();
			header_end = s->getElseLoc();
			sibling = s->getThen();
			sibling_header_end = s->getRParenLoc();
		}
		return true;
	}
	bool VisitForStmt(ForStmt *s)
	{
		return loop(s->getForLoc(), s->getBody(), s->getRParenLoc());
	}
	bool VisitWhileStmt(WhileStmt *s)
	{
		return loop(s->getWhileLoc(), s->getBody(), s->getRParenLoc());
	}
	bool VisitFunctionDecl(FunctionDecl *d)
	{
		if (d->getLocation() == at)
			decl = d;
		if (d->hasBody() && d->getBody()->getSourceRange().fullyContains(SourceRange(at)))
			function = d;
		return true;
	}
	bool VisitParmVarDecl(ParmVarDecl *d)
	{
		if (d->getLocation() == at)
			decl = d;
		return true;
	}

	SourceLocation at;
	Stmt *body = nullptr;		/* unbraced-multiline-body: the body */
	SourceLocation header_end;	/* its header's last token: ')' or else */
	Stmt *sibling = nullptr;	/* the other branch of an if/else */
	SourceLocation sibling_header_end;
	Decl *decl = nullptr;		/* unused-attr-on-used: the declaration */
	FunctionDecl *function = nullptr;	/* the function holding at */

private:
	bool loop(SourceLocation kw, Stmt *b, SourceLocation rparen)
	{
		if (kw == at && !kw.isMacroID()) {
			body = b;
			header_end = rparen;
		}
		return true;
	}
};

/* The raw token at loc, a file location. */
static bool raw_token(SourceLocation loc, const SourceManager &sm, const LangOptions &lo,
		      Token *t)
{
	return !Lexer::getRawToken(loc, *t, sm, lo, true);
}

/* The next token after the one at loc (comments skipped). */
static bool next_token(SourceLocation loc, const SourceManager &sm, const LangOptions &lo,
		       Token *t)
{
	Optional<Token> n = Lexer::findNextToken(loc, sm, lo);

	if (!n)
		return false;
	*t = *n;
	return true;
}

/* The last token of statement s as written in the file: its ';' or '}'. */
static SourceLocation last_token(const Stmt *s, const SourceManager &sm, const LangOptions &lo)
{
	if (const auto *cs = dyn_cast<CompoundStmt>(s))
		return cs->getRBracLoc();
	if (const auto *is = dyn_cast<IfStmt>(s))
		return last_token(is->getElse() ? is->getElse() : is->getThen(), sm, lo);
	if (const auto *fs = dyn_cast<ForStmt>(s))
		return last_token(fs->getBody(), sm, lo);
	if (const auto *ws = dyn_cast<WhileStmt>(s))
		return last_token(ws->getBody(), sm, lo);
	if (const auto *ns = dyn_cast<NullStmt>(s))
		return ns->getSemiLoc();
	SourceLocation end = sm.getExpansionRange(s->getEndLoc()).getEnd();
	Token t;

	if (!next_token(end, sm, lo, &t) || !t.is(tok::semi))
		return SourceLocation();
	return t.getLocation();
}

/* Leading blanks of the line holding loc. */
static std::string indent_of(SourceLocation loc, const SourceManager &sm)
{
	std::pair<FileID, unsigned> d = sm.getDecomposedLoc(loc);
	StringRef text = sm.getBufferData(d.first);
	size_t start = text.rfind('\n', d.second ? d.second - 1 : 0);
	size_t i;

	start = start == StringRef::npos ? 0 : start + 1;
	for (i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); i++)
		;
	return text.substr(start, i - start).str();
}

/*
 * Braces around body: " {" at the end of the header's line (after a
 * trailing comment, as the kernel writes it), "}" on a line of its own after
 * the body, at the keyword's indentation.
 */
static bool brace(DiagnosticBuilder &diag, const Stmt *body, SourceLocation header_end,
		  SourceLocation kw, const SourceManager &sm, const LangOptions &lo)
{
	if (!body || isa<CompoundStmt>(body) || header_end.isInvalid() || header_end.isMacroID())
		return false;
	SourceLocation last = last_token(body, sm, lo);

	if (last.isInvalid() || last.isMacroID())
		return false;
	SourceLocation after = Lexer::getLocForEndOfToken(header_end, 0, sm, lo);
	std::pair<FileID, unsigned> d = sm.getDecomposedLoc(after);
	StringRef text = sm.getBufferData(d.first);
	size_t eol = text.find('\n', d.second);
	StringRef rest = text.slice(d.second, eol).trim();
	SourceLocation open = after;

	if (rest.startswith("/*") && rest.endswith("*/") &&
	    rest.find("*/") == rest.size() - 2) {
		size_t end = text.find("*/", d.second) + 2;

		open = after.getLocWithOffset((int)(end - d.second));
	}
	SourceLocation close = Lexer::getLocForEndOfToken(last, 0, sm, lo);

	diag << FixItHint::CreateInsertion(open, " {")
	     << FixItHint::CreateInsertion(close, "\n" + indent_of(kw, sm) + "}");
	return true;
}

/*
 * The reported body gets braces; so does the other branch of its if/else
 * when that is one line, unbraced (coding-style.rst: braces in both
 * branches when one needs them).  A multi-line other branch is a finding
 * of its own, with its own fix.
 */
static void fix_braces(DiagnosticBuilder &diag, const finder &f, SourceLocation kw,
		       const SourceManager &sm, const LangOptions &lo)
{
	if (!brace(diag, f.body, f.header_end, kw, sm, lo) || !f.sibling)
		return;
	SourceLocation first = f.sibling->getBeginLoc();
	SourceLocation last = last_token(f.sibling, sm, lo);

	if (first.isMacroID() || last.isInvalid() ||
	    sm.getSpellingLineNumber(first) != sm.getSpellingLineNumber(last))
		return;
	brace(diag, f.sibling, f.sibling_header_end, kw, sm, lo);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The end of __always_unused or of a whole __attribute__((unused)) at t, else invalid. */
static SourceLocation unused_attribute_end(const Token &t, const SourceManager &sm,
					   const LangOptions &lo)
{
	static const char *const shape[] = { "(", "(", "unused", ")", ")" };
	StringRef word = t.is(tok::raw_identifier) ? t.getRawIdentifier() : "";
	SourceLocation p = t.getLocation();
	Token u;

	if (word == "__always_unused")
		return Lexer::getLocForEndOfToken(p, 0, sm, lo);
	if (word != "__attribute__" && word != "__attribute")
		return SourceLocation();
	for (const char *want : shape) {
		if (!next_token(p, sm, lo, &u))
			return SourceLocation();
		std::string got = Lexer::getSpelling(u, sm, lo);

		if (got != want && !(got == "__unused__" && !strcmp(want, "unused")))
			return SourceLocation();
		p = u.getLocation();
	}
	return Lexer::getLocForEndOfToken(p, 0, sm, lo);
}

/* Remove [begin, end) with the blanks after it, or before it when none follow. */
static void remove_with_blanks(DiagnosticBuilder &diag, SourceLocation begin,
			       SourceLocation end, const SourceManager &sm)
{
	std::pair<FileID, unsigned> b = sm.getDecomposedLoc(begin);
	StringRef text = sm.getBufferData(b.first);
	unsigned int from = b.second, to = sm.getFileOffset(end);

	if (to < text.size() && blank(text[to])) {
		while (to < text.size() && blank(text[to]))
			to++;
	} else {
		while (from > 0 && blank(text[from - 1]))
			from--;
	}
	SourceLocation start = sm.getLocForStartOfFile(b.first).getLocWithOffset((int)from);

	diag << FixItHint::CreateRemoval(CharSourceRange::getCharRange(
		start, start.getLocWithOffset((int)(to - from))));
}

/*
 * Drop __always_unused, or a whole __attribute__((unused)), from the
 * declaration's tokens: up to its body or ';', for a parameter up to its
 * ',' or ')'.
 */
static void fix_attribute(DiagnosticBuilder &diag, const finder &f, const SourceManager &sm,
			  const LangOptions &lo)
{
	if (!f.decl || f.decl->getBeginLoc().isMacroID())
		return;
	bool param = isa<ParmVarDecl>(f.decl);
	SourceLocation loc = f.decl->getBeginLoc();
	int depth = 0;
	Token t;

	while (raw_token(loc, sm, lo, &t) && !t.is(tok::eof)) {
		if (t.isOneOf(tok::l_paren, tok::l_square)) {
			depth++;
		} else if (t.isOneOf(tok::r_paren, tok::r_square)) {
			if (param && depth == 0)
				return;
			depth--;
		} else if (depth == 0 && (t.isOneOf(tok::semi, tok::l_brace) ||
					  (param && t.is(tok::comma)))) {
			return;
		}
		SourceLocation end = unused_attribute_end(t, sm, lo);

		if (end.isValid()) {
			remove_with_blanks(diag, t.getLocation(), end, sm);
			return;
		}
		if (!next_token(t.getLocation(), sm, lo, &t))
			return;
		loc = t.getLocation();
	}
}

/* t is name(): then *rparen is its ')'. */
static bool empty_call(const Token &t, StringRef name, const SourceManager &sm,
		       const LangOptions &lo, Token *rparen)
{
	Token l;

	return t.is(tok::raw_identifier) && t.getRawIdentifier() == name &&
	       next_token(t.getLocation(), sm, lo, &l) && l.is(tok::l_paren) &&
	       next_token(l.getLocation(), sm, lo, rparen) && rparen->is(tok::r_paren);
}

/*
 * The line of the statement "put_cpu();" whose ')' is rparen, with its
 * newline, as offsets [*from, *to); false when the line holds more.
 */
static bool own_line(const Token &name, const Token &rparen, const SourceManager &sm,
		     const LangOptions &lo, unsigned int *from, unsigned int *to)
{
	StringRef text = sm.getBufferData(sm.getFileID(name.getLocation()));
	Token semi;

	if (!next_token(rparen.getLocation(), sm, lo, &semi) || !semi.is(tok::semi))
		return false;
	*from = sm.getFileOffset(name.getLocation());
	*to = sm.getFileOffset(semi.getLocation()) + 1;
	while (*from > 0 && blank(text[*from - 1]))
		(*from)--;
	if ((*from > 0 && text[*from - 1] != '\n') || (*to < text.size() && text[*to] != '\n'))
		return false;
	if (*to < text.size())
		(*to)++;
	return true;
}

/*
 * get_cpu() whose value is only printed: raw_smp_processor_id() in its
 * place, and the put_cpu() that ended the region dropped with its line.
 * Only when the function holds exactly one get_cpu() and the put_cpu()
 * calls are statements of their own lines.
 */
static void fix_get_cpu(DiagnosticBuilder &diag, const finder &f, SourceLocation at,
			const SourceManager &sm, const LangOptions &lo)
{
	if (!f.function || at.isMacroID())
		return;
	SourceRange body = f.function->getBody()->getSourceRange();
	FileID fid = sm.getFileID(body.getBegin());
	unsigned int e = sm.getFileOffset(body.getEnd());
	std::vector<std::pair<unsigned, unsigned>> puts;
	SourceLocation loc = body.getBegin(), get_loc, call_end;
	int gets = 0;
	Token t, r;

	while (raw_token(loc, sm, lo, &t) && sm.getFileOffset(t.getLocation()) < e) {
		unsigned int from, to;

		if (empty_call(t, "get_cpu", sm, lo, &r)) {
			gets++;
			/* the finding is at the get_cpu() or at the store of its value */
			if (sm.getSpellingLineNumber(t.getLocation()) == sm.getSpellingLineNumber(at)) {
				get_loc = t.getLocation();
				call_end = Lexer::getLocForEndOfToken(r.getLocation(), 0, sm, lo);
			}
		} else if (empty_call(t, "put_cpu", sm, lo, &r)) {
			if (!own_line(t, r, sm, lo, &from, &to))
				return;
			puts.emplace_back(from, to);
		}
		if (!next_token(t.getLocation(), sm, lo, &t))
			break;
		loc = t.getLocation();
	}
	if (gets != 1 || call_end.isInvalid() || puts.empty())
		return;
	diag << FixItHint::CreateReplacement(CharSourceRange::getCharRange(get_loc, call_end),
					     "raw_smp_processor_id()");
	SourceLocation file_start = sm.getLocForStartOfFile(fid);

	for (const auto &p : puts)
		diag << FixItHint::CreateRemoval(CharSourceRange::getCharRange(
			file_start.getLocWithOffset((int)p.first),
			file_start.getLocWithOffset((int)p.second)));
}

} // namespace

void add_fixits(DiagnosticBuilder &diag, enum tdx_rule_id rule, ASTContext &ctx,
		SourceLocation at)
{
	const SourceManager &sm = ctx.getSourceManager();
	const LangOptions &lo = ctx.getLangOpts();
	finder f(at);

	if (rule != TDX_RULE_unbraced_multiline_body && rule != TDX_RULE_unused_attr_on_used &&
	    rule != TDX_RULE_get_cpu_for_print)
		return;
	f.TraverseDecl(ctx.getTranslationUnitDecl());
	if (rule == TDX_RULE_unbraced_multiline_body)
		fix_braces(diag, f, at, sm, lo);
	else if (rule == TDX_RULE_unused_attr_on_used)
		fix_attribute(diag, f, sm, lo);
	else
		fix_get_cpu(diag, f, at, sm, lo);
}

} // namespace tdxtidy
