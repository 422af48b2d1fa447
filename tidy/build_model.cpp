// SPDX-License-Identifier: GPL-2.0
/*
 * clang's C++ AST translated into the model: the same facts, in the same
 * order, as the GCC plugin (plugin/build_model.c) reads from GENERIC and the
 * libclang front end (clang/build_model.c) reads through libclang.  This
 * file follows the libclang builder step by step, so the two can be read
 * side by side; what libclang 14 hides (operator kinds, a for loop's parts,
 * a variable's initialiser, macro locations) is asked of the AST directly.
 *
 * Where the compilers' trees differ, GCC's C front end defines the model:
 *  - calls are numbered in the order GCC walks them (a call before its
 *    arguments; a for loop's init, then its step, then its condition);
 *  - a compound statement without declarations is no block of its own
 *    (GCC keeps a statement list, or the one statement), except as a body;
 *  - labels are statements of their own, followed by what they label;
 *  - do { } while (0) is its body, not a loop;
 *  - constant expressions (-EIO, TDX_SUCCESS) are folded, so a macro that
 *    only gives a constant leaves no expansion behind.
 * Braces, keywords, the else, ';' and spelled attributes are read from the
 * file's tokens (source_tokens.cpp) at the positions the AST gives.
 *
 * New model fields: a fact of a function belongs in fn_for_decl() (every
 * declaration) or translate_function() (the definition); a fact of a call
 * in walk_call(); of an argument in classify_arg().
 */
#include "build_model.h"

#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace tdxtidy {
namespace {

/* A location: a token of a file, or a clang location (then its expansion point). */
struct xloc {
	SourceLocation cl;
	tok_file *f = nullptr;
	long tok = -1;
};

struct fpos {
	tok_file *f = nullptr;
	unsigned int off = 0;
};

/* Where a statement ends in the text: a token of a file. */
struct send {
	tok_file *f = nullptr;
	long tok = -1;
};

using stmts = std::vector<const Stmt *>;

/*
 * What libclang shows in place of a node: a ConstantExpr is its operand, an
 * opaque value its source expression.
 */
static const Stmt *shown(const Stmt *s)
{
	for (;;) {
		const auto *ov = dyn_cast_or_null<OpaqueValueExpr>(s);

		if (const auto *ce = dyn_cast_or_null<ConstantExpr>(s))
			s = ce->getSubExpr();
		else if (ov && ov->getSourceExpr())
			s = ov->getSourceExpr();
		else
			return s;
	}
}

/* Expressions libclang 14 shows only as "unexposed": what GCC does not see. */
static bool unexposed(const Stmt *s)
{
	return isa<ImplicitCastExpr, PredefinedExpr, BinaryConditionalOperator,
		   OpaqueValueExpr, ChooseExpr, DesignatedInitExpr, DesignatedInitUpdateExpr,
		   ImplicitValueInitExpr, NoInitExpr, OffsetOfExpr, VAArgExpr, AtomicExpr,
		   ParenListExpr, ShuffleVectorExpr, ConvertVectorExpr, SourceLocExpr,
		   ArrayInitLoopExpr, ArrayInitIndexExpr, ExtVectorElementExpr>(s);
}

/* The expression and statement children of s, in source order. */
static stmts kids(const Stmt *s)
{
	stmts out;

	if (!s)
		return out;
	if (const auto *ile = dyn_cast<InitListExpr>(s)) {
		if (ile->getSyntacticForm())
			s = ile->getSyntacticForm();
	}
	if (const auto *bc = dyn_cast<BinaryConditionalOperator>(s)) {
		/* a ?: b: the condition once, as GCC's SAVE_EXPR */
		out.push_back(shown(bc->getCommon()));
		out.push_back(shown(bc->getFalseExpr()));
		return out;
	}
	for (const Stmt *k : s->children())
		if (k)
			out.push_back(shown(k));
	return out;
}

static const Stmt *only_kid(const Stmt *s)
{
	stmts k = kids(s);

	return k.size() == 1 ? k[0] : nullptr;
}

static const Stmt *last_kid(const Stmt *s)
{
	stmts k = kids(s);

	return k.empty() ? nullptr : k.back();
}

/* Through implicit conversions and parentheses: what GCC never sees. */
static const Stmt *strip_implicit(const Stmt *s)
{
	s = shown(s);
	while (s && (unexposed(s) || isa<ParenExpr>(s))) {
		const Stmt *k = only_kid(s);

		if (!k)
			break;
		s = k;
	}
	return s;
}

/* Through casts too: GCC's strip_conversions. */
static const Stmt *strip_conversions(const Stmt *s)
{
	for (;;) {
		s = strip_implicit(s);
		if (!s || !isa<CStyleCastExpr>(s))
			return s;
		s = last_kid(s);
	}
}

static QualType canon(const Stmt *s)
{
	const auto *e = dyn_cast_or_null<Expr>(s);

	return e ? e->getType().getCanonicalType() : QualType();
}

static bool is_pointer(const Stmt *s)
{
	QualType t = canon(s);

	return !t.isNull() && t->isPointerType();
}

static bool is_void(const Stmt *s)
{
	QualType t = canon(s);

	return !t.isNull() && t->isVoidType();
}

static const Decl *referenced(const Stmt *s)
{
	const auto *d = dyn_cast_or_null<DeclRefExpr>(s);

	return d ? d->getDecl() : nullptr;
}

static const FunctionDecl *ref_function(const Stmt *s)
{
	return dyn_cast_or_null<FunctionDecl>(referenced(s));
}

/* Where libclang puts a cursor: a variable's or member's name, else the start. */
static SourceLocation cursor_loc(const Stmt *s)
{
	if (const auto *ic = dyn_cast<ImplicitCastExpr>(s))
		return cursor_loc(ic->getSubExpr());
	if (const auto *d = dyn_cast<DeclRefExpr>(s))
		return d->getLocation();
	if (const auto *m = dyn_cast<MemberExpr>(s))
		return m->getMemberLoc();
	return s->getBeginLoc();
}

static bool is_comparison(const std::string &op)
{
	return op == "==" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=";
}

class builder {
public:
	builder(ASTContext &ctx, const skipped_ranges &skipped)
		: ctx(ctx), sm(ctx.getSourceManager()),
		  toks(ctx.getSourceManager(), ctx.getLangOpts(), skipped) {}
	struct tdx_tu *build();

private:
	ASTContext &ctx;
	const SourceManager &sm;
	token_files toks;
	struct tdx_tu *tu = nullptr;

	/* The function being translated. */
	struct tdx_function *fn = nullptr;
	int fn_idx = -1;
	std::map<const VarDecl *, struct tdx_var *> vars;
	struct tdx_stmt *cur = nullptr;	/* receives the calls being walked */
	bool skip_for_init = false;	/* the next for loop's init is a statement already */
	std::set<std::pair<const tok_file *, unsigned int>> points;

	/* ---- locations ---- */
	fpos point(SourceLocation l);
	bool written(SourceLocation l, fpos *p);
	const char *outer_macro(SourceLocation l);
	struct tdx_loc loc_model(SourceLocation l);
	struct tdx_loc loc_tok(const tok_file *f, long i);
	struct tdx_loc xloc_model(const xloc &x);
	bool xloc_in_macro(const xloc &x) { return x.tok < 0 && x.cl.isMacroID(); }
	xloc xloc_of(const Stmt *s) { xloc x; x.cl = cursor_loc(s); return x; }
	xloc xloc_of(const Decl *d) { xloc x; x.cl = d->getLocation(); return x; }
	bool begin_tok(const Stmt *s, tok_file **f, long *tok);

	/* ---- operators ---- */
	std::string binary_op(const Stmt *s, xloc *where);
	std::string unary_op(const Stmt *s, bool *postfix, xloc *where);

	/* ---- types, attributes ---- */
	void collect_fields(const RecordDecl *rd, std::vector<const char *> *out);
	void set_struct(struct tdx_type *ty, QualType rec);
	void set_type(struct tdx_type *ty, QualType type);
	bool name_tok(const Decl *d, tok_file **f, long *tok);

	/* ---- functions and variables ---- */
	struct tdx_var *add_param(struct tdx_function *f, const ParmVarDecl *p);
	void add_params(struct tdx_function *f, const FunctionDecl *fd, bool track);
	struct tdx_function *fn_for_decl(const FunctionDecl *fd);
	void note_spelled_unused(struct tdx_function *f, const FunctionDecl *fd);
	void mark_address_taken(const FunctionDecl *fd);
	struct tdx_var *var_of(const Stmt *ref);
	struct tdx_var *add_local(const Decl *d);
	bool add_block_vars(const Stmt *block);

	/* ---- expressions ---- */
	bool constant_expr(const Stmt *s);
	bool evaluates(const Stmt *s);
	bool int_constant(const Stmt *cond, long long *value);
	bool constant_true(const Stmt *cond);
	void note_expansion(const xloc &x);
	const char *outer_macro_of(const Stmt *value);
	void record_store(const Stmt *lhs, const xloc &loc, const Stmt *rhs, int call,
			  bool is_init);
	void walk_addr(const Stmt *op, const xloc &loc);
	bool is_address_of(const Stmt *s, const Stmt **operand);
	void classify_arg(struct tdx_call *call, const Expr *arg);
	int walk_call(const CallExpr *t, bool used);
	void walk_decl(const Decl *d, const xloc &loc);
	void walk_decl_stmt(const DeclStmt *s, const xloc &loc);
	void walk_kids(const Stmt *t, const xloc &loc);
	void walk_asm(const GCCAsmStmt *t, const xloc &loc);
	int walk_expr(const Stmt *t, bool used, int argof, xloc loc);
	void walk_stmt_expr(const Stmt *s, bool used, const xloc &ploc);

	/* ---- statements ---- */
	struct tdx_stmt *stmt_at(enum tdx_stmt_kind kind, const xloc &x);
	void stmt_move(struct tdx_stmt *st, tok_file *f, long tok);
	void set_end(struct tdx_stmt *st, send *end, tok_file *f, long tok);
	void add_block_kids(struct tdx_stmt *st, const Stmt *block, bool take_loc, send *end);
	struct tdx_stmt *translate_block(const CompoundStmt *t, send *end);
	struct tdx_stmt *translate_body(const Stmt *t, tok_file *f, long start, send *end);
	const char *cond_var(const Stmt *cond);
	struct tdx_stmt *translate_if(const IfStmt *t, send *end);
	tok_file *loop_macro_body(const Stmt *loop, const Stmt *body, long *body_tok);
	void end_at_invocation(struct tdx_stmt *st, send *end, const Stmt *t);
	struct tdx_stmt *translate_loop(const Stmt *t, send *end);
	struct tdx_stmt *translate_switch(const SwitchStmt *t, send *end);
	struct tdx_stmt *simple_stmt(enum tdx_stmt_kind kind, const xloc &x, const Stmt *t,
				     tok_file *sf, long start, send *end);
	xloc gcc_expr_loc(const Stmt *t);
	struct tdx_stmt *translate(const Stmt *t, tok_file *sf, long start, send *end);
	void translate_function(const FunctionDecl *fd);
	void find_fn_refs(const Stmt *s);
};

/* ---- locations ---- */

fpos builder::point(SourceLocation l)
{
	fpos p;
	std::pair<FileID, unsigned> d = sm.getDecomposedLoc(sm.getExpansionLoc(l));

	p.f = toks.get(d.first);
	p.off = d.second;
	return p;
}

/* Where the token at l is written, when that is in a file (not a macro body). */
bool builder::written(SourceLocation l, fpos *p)
{
	p->f = nullptr;
	if (l.isInvalid())
		return false;
	std::pair<FileID, unsigned> d = sm.getDecomposedLoc(sm.getFileLoc(l));

	if (l.isMacroID()) {
		fpos pt = point(l);

		/* a macro argument is written in the file; a body token is not */
		if (!pt.f || d.second == pt.off)
			return false;
	}
	p->f = toks.get(d.first);
	p->off = d.second;
	return p->f != nullptr;
}

/* The outermost macro l was expanded from: the name at its expansion point. */
const char *builder::outer_macro(SourceLocation l)
{
	if (!l.isMacroID())
		return nullptr;
	fpos p = point(l);

	if (!p.f)
		return nullptr;
	long i = tok_index(p.f, p.off);

	if (i < 0 || p.f->v[i].kind != TOK_IDENT)
		return nullptr;
	std::string name = p.f->text.substr(p.f->v[i].off, p.f->v[i].end - p.f->v[i].off).str();

	return tdx_str(tu, name.c_str());
}

struct tdx_loc builder::loc_model(SourceLocation l)
{
	struct tdx_loc out = { nullptr, 0, 0, 0 };

	if (l.isInvalid())
		return out;
	std::pair<FileID, unsigned> d = sm.getDecomposedLoc(sm.getExpansionLoc(l));
	const FileEntry *fe = sm.getFileEntryForID(d.first);

	if (!fe)
		return out;
	out = tdx_loc_make(tu, fe->getName().str().c_str(), sm.getLineNumber(d.first, d.second),
			   sm.getColumnNumber(d.first, d.second));
	out.handle = d.second + 1;
	return out;
}

struct tdx_loc builder::loc_tok(const tok_file *f, long i)
{
	struct tdx_loc out = { nullptr, 0, 0, 0 };

	if (!f || i < 0)
		return out;
	out = tdx_loc_make(tu, f->path.c_str(), f->v[i].line, f->v[i].col);
	out.handle = f->v[i].off + 1;
	return out;
}

struct tdx_loc builder::xloc_model(const xloc &x)
{
	return x.tok >= 0 ? loc_tok(x.f, x.tok) : loc_model(x.cl);
}

/* The token at which s begins, when it is written in a file (not a macro body). */
bool builder::begin_tok(const Stmt *s, tok_file **f, long *tok)
{
	fpos p;

	*f = nullptr;
	*tok = -1;
	if (cursor_loc(s).isMacroID() || !written(s->getBeginLoc(), &p))
		return false;
	*f = p.f;
	*tok = tok_index(p.f, p.off);
	return *tok >= 0;
}

/* ---- operators: the AST knows them ---- */

std::string builder::binary_op(const Stmt *s, xloc *where)
{
	const auto *b = dyn_cast<BinaryOperator>(s);

	*where = xloc_of(s);
	if (!b)
		return "";
	where->cl = b->getOperatorLoc();
	return b->getOpcodeStr().str();
}

std::string builder::unary_op(const Stmt *s, bool *postfix, xloc *where)
{
	const auto *u = dyn_cast<UnaryOperator>(s);

	*postfix = false;
	*where = xloc_of(s);
	if (!u)
		return "";
	*postfix = u->isPostfix();
	where->cl = u->getOperatorLoc();
	return UnaryOperator::getOpcodeStr(u->getOpcode()).str();
}

/* ---- types ---- */

void builder::collect_fields(const RecordDecl *rd, std::vector<const char *> *out)
{
	for (const FieldDecl *fd : rd->fields()) {
		QualType t = fd->getType().getCanonicalType();
		const RecordDecl *sub = t->getAsRecordDecl();

		/* an anonymous struct or union: its members are ours */
		if (sub && !sub->getIdentifier() && !sub->getTypedefNameForAnonDecl() &&
		    (fd->getName().empty() || fd->isAnonymousStructOrUnion())) {
			if (sub->getDefinition())
				collect_fields(sub->getDefinition(), out);
			continue;
		}
		if (fd->getName().empty())
			continue;
		out->push_back(tdx_str(tu, fd->getName().str().c_str()));
	}
}

void builder::set_struct(struct tdx_type *ty, QualType rec)
{
	const RecordDecl *rd = rec->getAsRecordDecl();
	std::vector<const char *> names;

	if (!rd)
		return;
	if (rd->getIdentifier())
		ty->struct_tag = tdx_str(tu, rd->getName().str().c_str());
	if (!rd->getDefinition())
		return;
	collect_fields(rd->getDefinition(), &names);
	tdx_type_set_fields(tu, ty, names.data(), names.size());
}

void builder::set_type(struct tdx_type *ty, QualType type)
{
	QualType t = type.getCanonicalType();

	if ((t->isBuiltinType() && !t->isVoidType()) || t->isEnumeralType()) {
		ty->class_ = TDX_TYPE_SCALAR;
	} else if (t->isPointerType()) {
		QualType to = t->getPointeeType().getCanonicalType();

		if (to->isRecordType()) {
			ty->class_ = TDX_TYPE_STRUCT_PTR;
			set_struct(ty, to);
		} else if (to->isFunctionType()) {
			ty->class_ = TDX_TYPE_FUNC_PTR;
		} else {
			ty->class_ = TDX_TYPE_POINTER;
		}
	} else if (t->isRecordType()) {
		ty->class_ = TDX_TYPE_STRUCT;
		set_struct(ty, t);
	} else {
		ty->class_ = TDX_TYPE_OTHER;
	}
}

/* ---- spelled attributes ---- */

/* enum tdx_unused_spelling bits of the tokens [from, to) of f. */
static unsigned int unused_spelling(const tok_file *f, long from, long to)
{
	unsigned int bits = TDX_UNUSED_NONE;
	long attr_end = -1;

	for (long i = from; i >= 0 && i < to; i = tok_step(f, i, 1)) {
		if (f->v[i].kind != TOK_IDENT)
			continue;
		if (tok_is(f, i, "__always_unused"))
			bits |= TDX_UNUSED_ALWAYS;
		else if (tok_is(f, i, "__maybe_unused"))
			bits |= TDX_UNUSED_MAYBE;
		else if (tok_is(f, i, "__attribute__") || tok_is(f, i, "__attribute"))
			attr_end = tok_match(f, tok_step(f, i, 1));
		else if ((tok_is(f, i, "unused") || tok_is(f, i, "__unused__")) && i < attr_end)
			bits |= TDX_UNUSED_ATTR;
	}
	return bits;
}

/*
 * A function declaration whose name is token name: the tokens from the
 * start of the declaration (after the previous ';', '{' or '}' outside
 * brackets) to the name, and after the parameter list up to ';', '{', '='
 * or ','.
 */
static unsigned int function_unused(const tok_file *f, long name)
{
	unsigned int bits;
	long i, p;
	int depth = 0;

	for (i = tok_step(f, name, -1); i >= 0; i = tok_step(f, i, -1)) {
		if (tok_punct(f, i, ')') || tok_punct(f, i, ']')) {
			depth++;
		} else if (tok_punct(f, i, '(') || tok_punct(f, i, '[')) {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (tok_punct(f, i, ';') || tok_punct(f, i, '{') ||
					  tok_punct(f, i, '}'))) {
			break;
		}
	}
	bits = unused_spelling(f, i < 0 ? 0 : tok_step(f, i, 1), name);
	p = tok_step(f, name, 1);
	if (!tok_punct(f, p, '('))
		return bits;
	p = tok_match(f, p);
	if (p < 0)
		return bits;
	depth = 0;
	for (i = tok_step(f, p, 1); i >= 0; i = tok_step(f, i, 1)) {
		if (tok_punct(f, i, '(') || tok_punct(f, i, '['))
			depth++;
		else if ((tok_punct(f, i, ')') || tok_punct(f, i, ']')) && depth > 0)
			depth--;
		else if (depth == 0 && (tok_punct(f, i, ';') || tok_punct(f, i, '{') ||
					tok_punct(f, i, '=') || tok_punct(f, i, ',')))
			break;
	}
	return bits | unused_spelling(f, tok_step(f, p, 1), i < 0 ? (long)f->nr() : i);
}

/* From token i, step to the ',' or unmatched bracket that ends one parameter. */
static long param_edge(const tok_file *f, long i, int step)
{
	int depth = 0;

	for (; i >= 0; i = tok_step(f, i, step)) {
		bool open = tok_punct(f, i, '(') || tok_punct(f, i, '[');
		bool close = tok_punct(f, i, ')') || tok_punct(f, i, ']');

		if (step < 0 ? close : open) {
			depth++;
		} else if (step < 0 ? open : close) {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && tok_punct(f, i, ',')) {
			break;
		}
	}
	return i;
}

static unsigned int param_unused(const tok_file *f, long name)
{
	long from = param_edge(f, tok_step(f, name, -1), -1);
	long to = param_edge(f, name, 1);

	return unused_spelling(f, from < 0 ? 0 : tok_step(f, from, 1),
			       to < 0 ? (long)f->nr() : to);
}

/* The token of a declaration's name, when written in a file. */
bool builder::name_tok(const Decl *d, tok_file **f, long *tok)
{
	fpos p;

	*f = nullptr;
	*tok = -1;
	if (d->getLocation().isMacroID() || !written(d->getLocation(), &p))
		return false;
	*f = p.f;
	*tok = tok_index(p.f, p.off);
	return *tok >= 0;
}

/* ---- functions and variables ---- */

struct tdx_var *builder::add_param(struct tdx_function *f, const ParmVarDecl *p)
{
	std::string name = p->getName().str();
	struct tdx_var *var = tdx_var_add(tu, f, name.empty() ? nullptr : name.c_str(), true);
	tok_file *tf;
	long t;

	set_type(&var->type, p->getType());
	var->loc = loc_model(p->getLocation());
	if (name_tok(p, &tf, &t))
		var->spelled_unused = param_unused(tf, t);
	return var;
}

void builder::add_params(struct tdx_function *f, const FunctionDecl *fd, bool track)
{
	for (const ParmVarDecl *p : fd->parameters()) {
		struct tdx_var *var = add_param(f, p);

		if (track)
			vars[p] = var;
	}
}

/*
 * A builtin used without a declaration (GCC's DECL_IS_UNDECLARED_BUILTIN):
 * clang declares it implicitly at its first use, so only its name tells.
 */
static bool undeclared_builtin(const FunctionDecl *fd)
{
	static const char *const prefixes[] = { "__builtin_", "__sync_", "__atomic_" };
	std::string name = fd->getName().str();

	for (const char *p : prefixes)
		if (!name.compare(0, strlen(p), p))
			return true;
	return false;
}

static bool internal(const FunctionDecl *fd)
{
	Linkage l = fd->getLinkageInternal();

	return l == InternalLinkage || l == ModuleInternalLinkage;
}

/* The model's function for a FunctionDecl, created as a declaration. */
struct tdx_function *builder::fn_for_decl(const FunctionDecl *fd)
{
	if (!fd || undeclared_builtin(fd) || !fd->getIdentifier())
		return nullptr;
	std::string name = fd->getName().str();
	/* always_inline on any declaration counts; clang marks later ones inherited */
	bool always_inline = fd->hasAttr<AlwaysInlineAttr>();

	if (tdx_function_index(tu, name.c_str()) >= 0) {
		struct tdx_function *known = tdx_function_get(tu, name.c_str());

		known->always_inline |= always_inline;
		return known;
	}
	struct tdx_function *f = tdx_function_get(tu, name.c_str());

	f->always_inline = always_inline;

	f->loc = loc_model(fd->getLocation());
	f->is_static = internal(fd);
	f->returns_void = fd->getReturnType().getCanonicalType()->isVoidType();
	add_params(f, fd, false);
	return f;
}

void builder::note_spelled_unused(struct tdx_function *f, const FunctionDecl *fd)
{
	tok_file *tf;
	long t;

	if (!name_tok(fd, &tf, &t))
		return;
	unsigned int bits = function_unused(tf, t);

	if (!bits)
		return;
	if (!f->spelled_unused)
		f->attr_loc = loc_model(fd->getLocation());
	f->spelled_unused |= bits;
}

void builder::mark_address_taken(const FunctionDecl *fd)
{
	struct tdx_function *f = fn_for_decl(fd);

	if (f)
		f->address_taken = true;
}

struct tdx_var *builder::var_of(const Stmt *ref)
{
	const auto *vd = dyn_cast_or_null<VarDecl>(referenced(ref));

	if (!vd)
		return nullptr;
	auto it = vars.find(vd);
	return it == vars.end() ? nullptr : it->second;
}

struct tdx_var *builder::add_local(const Decl *d)
{
	const auto *vd = dyn_cast<VarDecl>(d);

	if (!vd || vd->getStorageClass() == SC_Extern)
		return nullptr;
	auto it = vars.find(vd);
	if (it != vars.end())
		return it->second;
	if (vd->getName().empty())
		return nullptr;
	struct tdx_var *var = tdx_var_add(tu, fn, vd->getName().str().c_str(), false);

	var->loc = loc_model(vd->getLocation());
	var->is_static = vd->getStorageClass() == SC_Static;
	set_type(&var->type, vd->getType());
	vars[vd] = var;
	return var;
}

/* The variables a compound statement declares (GCC's BIND_EXPR_VARS). */
bool builder::add_block_vars(const Stmt *block)
{
	bool any = false;

	for (const Stmt *s : kids(block)) {
		/* a label's statement is in the block too */
		while (isa<LabelStmt>(s))
			s = last_kid(s);
		const auto *ds = dyn_cast_or_null<DeclStmt>(s);

		if (!ds)
			continue;
		for (const Decl *d : ds->decls()) {
			if (isa<VarDecl>(d)) {
				add_local(d);
				any = true;
			}
		}
	}
	return any;
}

/* ---- expressions ---- */

/*
 * An expression that GCC folds to a constant leaves no location, so no
 * macro expansion, behind.
 */
bool builder::constant_expr(const Stmt *s)
{
	s = shown(s);
	if (!s)
		return false;
	if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
		UnaryExprOrTypeTraitExpr>(s))
		return true;
	if (isa<DeclRefExpr>(s))
		return isa<EnumConstantDecl>(referenced(s));
	if (isa<CompoundAssignOperator>(s))
		return false;
	if (!isa<UnaryOperator, BinaryOperator, ConditionalOperator, ParenExpr,
		 CStyleCastExpr>(s) && !unexposed(s))
		return false;
	stmts k = kids(s);
	bool all = !k.empty();

	for (size_t i = 0; i < k.size() && all; i++)
		all = constant_expr(k[i]);
	if (all && isa<BinaryOperator>(s))
		all = cast<BinaryOperator>(s)->getOpcode() != BO_Assign;
	if (all && isa<UnaryOperator>(s)) {
		UnaryOperatorKind op = cast<UnaryOperator>(s)->getOpcode();

		all = !cast<UnaryOperator>(s)->isIncrementDecrementOp() && op != UO_AddrOf &&
		      op != UO_Deref;
	}
	return all;
}

/* libclang's clang_Cursor_Evaluate() succeeds: an int or floating value. */
bool builder::evaluates(const Stmt *s)
{
	const auto *e = dyn_cast_or_null<Expr>(shown(s));
	Expr::EvalResult r;

	if (!e)
		return false;
	e = e->IgnoreParens();
	if (e->isValueDependent() || !e->EvaluateAsRValue(r, ctx))
		return false;
	return r.Val.isInt() || r.Val.isFloat();
}

bool builder::int_constant(const Stmt *cond, long long *value)
{
	const Stmt *s = strip_conversions(cond);
	const auto *e = dyn_cast_or_null<Expr>(s);
	Expr::EvalResult r;

	if (!e || !constant_expr(s))
		return false;
	e = e->IgnoreParens();
	if (e->isValueDependent() || !e->EvaluateAsRValue(r, ctx) || !r.Val.isInt())
		return false;
	*value = r.Val.getInt().getExtValue();
	return true;
}

bool builder::constant_true(const Stmt *cond)
{
	long long v;

	return !cond || (int_constant(cond, &v) && v != 0);
}

void builder::note_expansion(const xloc &x)
{
	if (!xloc_in_macro(x))
		return;
	const char *name = outer_macro(x.cl);
	fpos p = point(x.cl);

	if (!name || !p.f)
		return;
	if (!points.insert(std::make_pair(p.f, p.off)).second)
		return;
	tdx_expansion_add(tu, fn, name, loc_model(x.cl));
}

const char *builder::outer_macro_of(const Stmt *value)
{
	value = strip_implicit(value);
	/* GCC's constants carry no location, so no macro */
	if (!value || constant_expr(value))
		return nullptr;
	return outer_macro(cursor_loc(value));
}

/* A store to lhs at loc; the right-hand side (if any) gave call index call. */
void builder::record_store(const Stmt *lhs, const xloc &loc, const Stmt *rhs, int call,
			   bool is_init)
{
	std::string field;
	bool have_field = false;
	const Stmt *base = strip_implicit(lhs);

	for (;;) {
		if (const auto *m = dyn_cast<MemberExpr>(base)) {
			const Stmt *obj = shown(m->getBase());

			/* p->f: the store is through p, not to a local */
			if (!obj || is_pointer(obj))
				break;
			field = m->getMemberDecl()->getName().str();
			have_field = true;
			base = strip_implicit(obj);
		} else if (const auto *a = dyn_cast<ArraySubscriptExpr>(base)) {
			walk_expr(shown(a->getRHS()), true, -1, loc);
			if (!have_field) {
				field = "[]";
				have_field = true;
			}
			base = strip_implicit(shown(a->getLHS()));
			/* p[i] = x is *(p + i) = x: a read of p, no store to a local */
			if (is_pointer(base)) {
				walk_expr(base, true, -1, loc);
				return;
			}
		} else {
			break;
		}
	}
	struct tdx_var *var = var_of(base);

	if (!var) {
		walk_expr(base, true, -1, loc);
		return;
	}
	struct tdx_store *st = tdx_store_add(tu, var);

	st->loc = xloc_model(loc);
	st->field = have_field ? tdx_str(tu, field.c_str()) : nullptr;
	st->is_init = is_init;
	st->call = call;
	st->macro = rhs ? outer_macro_of(rhs) : nullptr;
}

void builder::walk_addr(const Stmt *op, const xloc &loc)
{
	op = strip_implicit(op);
	for (;;) {
		if (const auto *m = dyn_cast<MemberExpr>(op)) {
			const Stmt *obj = shown(m->getBase());

			if (is_pointer(obj)) {
				walk_expr(obj, true, -1, loc);
				return;
			}
			op = strip_implicit(obj);
		} else if (const auto *a = dyn_cast<ArraySubscriptExpr>(op)) {
			walk_expr(shown(a->getRHS()), true, -1, loc);
			op = strip_implicit(shown(a->getLHS()));
			if (is_pointer(op)) {
				walk_expr(op, true, -1, loc);
				return;
			}
		} else {
			break;
		}
	}
	if (isa<DeclRefExpr>(op)) {
		if (const FunctionDecl *fd = ref_function(op)) {
			mark_address_taken(fd);
		} else {
			struct tdx_var *var = var_of(op);

			if (var)
				var->address_taken = true;
		}
		return;
	}
	walk_expr(op, true, -1, loc);
}

bool builder::is_address_of(const Stmt *s, const Stmt **operand)
{
	const auto *u = dyn_cast_or_null<UnaryOperator>(s);

	if (!u || u->getOpcode() != UO_AddrOf)
		return false;
	*operand = strip_implicit(shown(u->getSubExpr()));
	return *operand != nullptr;
}

void builder::classify_arg(struct tdx_call *call, const Expr *arg)
{
	const Stmt *s = strip_conversions(arg), *op;
	enum tdx_arg_kind kind = TDX_ARG_OTHER;
	std::string name;

	if (const auto *il = dyn_cast_or_null<IntegerLiteral>(s)) {
		if (il->getValue() == 0)
			kind = TDX_ARG_NULL;
	} else if (const FunctionDecl *fd = ref_function(s)) {
		kind = TDX_ARG_FUNC;
		name = fd->getName().str();
	} else if (isa_and_nonnull<DeclRefExpr>(s) &&
		   isa<ParmVarDecl>(cast<DeclRefExpr>(s)->getDecl()) && var_of(s)) {
		/* a parameter passed on: sc_retry(func, fn, args) */
		kind = TDX_ARG_PARAM;
		name = cast<DeclRefExpr>(s)->getDecl()->getName().str();
	} else if (is_address_of(s, &op) && isa<DeclRefExpr>(op)) {
		if (const FunctionDecl *fd2 = ref_function(op)) {
			kind = TDX_ARG_FUNC;
			name = fd2->getName().str();
		} else if (var_of(op)) {
			kind = TDX_ARG_ADDR_LOCAL;
			name = cast<DeclRefExpr>(op)->getDecl()->getName().str();
		}
	}
	tdx_arg_add(tu, call, kind, name.empty() ? nullptr : name.c_str());
}

int builder::walk_call(const CallExpr *t, bool used)
{
	const Stmt *fnexpr = shown(t->getCallee());
	const Stmt *target = strip_conversions(fnexpr);
	const FunctionDecl *callee = ref_function(target);
	std::string via;
	xloc loc = xloc_of(t);

	if (callee) {
		fn_for_decl(callee);
	} else if (target) {
		const Stmt *p = target;

		if (const auto *u = dyn_cast<UnaryOperator>(p))
			if (u->getOpcode() == UO_Deref)
				p = strip_conversions(shown(u->getSubExpr()));
		if (const auto *m = dyn_cast_or_null<MemberExpr>(p))
			via = m->getMemberDecl()->getName().str();
		else if (const Decl *d = referenced(p))
			if (const auto *nd = dyn_cast<NamedDecl>(d))
				via = nd->getName().str();
	}
	note_expansion(loc);
	std::string cname = callee ? callee->getName().str() : "";
	int idx = tdx_call_add(tu, fn_idx, callee ? cname.c_str() : nullptr);
	struct tdx_call *call = tu->calls[idx];

	call->via = via.empty() ? nullptr : tdx_str(tu, via.c_str());
	call->loc = xloc_model(loc);
	call->macro = outer_macro(loc.cl);
	call->result_used = used;
	call->returns_void = is_void(t);
	if (cur)
		tdx_stmt_add_call(tu, cur, idx);
	if (!callee && fnexpr)
		walk_expr(fnexpr, true, -1, loc);
	for (const Expr *arg : t->arguments()) {
		classify_arg(call, arg);
		walk_expr(shown(arg), true, idx, loc);
	}
	return idx;
}

void builder::walk_decl(const Decl *d, const xloc &loc)
{
	const auto *vd = dyn_cast<VarDecl>(d);

	if (!vd || vd->getStorageClass() == SC_Extern)
		return;
	add_local(vd);
	const Expr *init = vd->getInit();

	if (!init)
		return;
	xloc dl = xloc_of(vd);
	int call = walk_expr(shown(init), true, -1, loc);
	auto it = vars.find(vd);

	if (it == vars.end())
		return;
	struct tdx_store *st = tdx_store_add(tu, it->second);

	st->loc = xloc_model(dl);
	st->is_init = true;
	st->call = call;
	st->macro = outer_macro_of(shown(init));
}

void builder::walk_decl_stmt(const DeclStmt *s, const xloc &loc)
{
	for (const Decl *d : s->decls())
		walk_decl(d, loc);
}

/* Every child, as operands: used, not an argument. */
void builder::walk_kids(const Stmt *t, const xloc &loc)
{
	for (const Stmt *k : kids(t))
		walk_expr(k, true, -1, loc);
}

/* The operand lists of an asm statement: outputs are stores. */
void builder::walk_asm(const GCCAsmStmt *t, const xloc &loc)
{
	for (const Expr *o : t->outputs())
		record_store(shown(o), loc, nullptr, -1, false);
	for (const Expr *in : t->inputs())
		walk_expr(shown(in), true, -1, loc);
}

/*
 * Walk an expression (or, inside a statement expression, a statement) for
 * calls, stores, reads and macro expansions.  used: its value is used.
 * argof: it is a direct argument of that call.  Returns the index of the
 * call t is (through conversions), else -1.
 */
int builder::walk_expr(const Stmt *t, bool used, int argof, xloc loc)
{
	t = shown(t);
	if (!t)
		return -1;
	if (isa<DeclRefExpr>(t)) {
		if (const FunctionDecl *fd = ref_function(t)) {
			mark_address_taken(fd);
			return -1;
		}
		struct tdx_var *var = var_of(t);

		if (var) {
			struct tdx_read *rd = tdx_read_add(tu, var);

			rd->loc = xloc_model(loc);
			rd->call = argof;
		}
		return -1;
	}
	if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
		UnaryExprOrTypeTraitExpr>(t))
		return -1;	/* sizeof and alignof are folded */
	if (unexposed(t) || isa<ParenExpr>(t)) {
		stmts k = kids(t);

		if (k.size() == 1)
			return walk_expr(k[0], used, argof, loc);
		for (const Stmt *s : k)
			walk_expr(s, true, -1, loc);
		return -1;
	}
	if (isa<CStyleCastExpr>(t)) {
		if (!constant_expr(t))
			note_expansion(xloc_of(t));
		if (is_void(t)) {
			const Stmt *v = last_kid(t);

			int call;

			used = false;	/* (void)f(): the value is dropped */
			/* (void)(&a == &b) in typecheck(): GCC folds it away */
			if (v && evaluates(v))
				return -1;
			call = walk_expr(v, used, argof, loc);
			if (call >= 0)
				tu->calls[call]->void_cast = true;
			return call;
		}
		return walk_expr(last_kid(t), used, argof, loc);
	}
	if (const auto *ce = dyn_cast<CallExpr>(t))
		return walk_call(ce, used);
	if (isa<CompoundAssignOperator>(t)) {
		const auto *b = cast<BinaryOperator>(t);

		binary_op(t, &loc);
		note_expansion(loc);
		/* GCC: lhs = lhs OP rhs */
		walk_expr(shown(b->getLHS()), true, -1, loc);
		walk_expr(shown(b->getRHS()), true, -1, loc);
		record_store(shown(b->getLHS()), loc, nullptr, -1, false);
		return -1;
	}
	if (const auto *b = dyn_cast<BinaryOperator>(t)) {
		int r = -1;

		binary_op(t, &loc);
		if (!constant_expr(t))
			note_expansion(loc);
		if (b->getOpcode() == BO_Assign) {
			int call = walk_expr(shown(b->getRHS()), true, -1, loc);

			record_store(shown(b->getLHS()), loc, shown(b->getRHS()), call, false);
		} else if (b->getOpcode() == BO_Comma) {
			walk_expr(shown(b->getLHS()), false, -1, loc);
			r = walk_expr(shown(b->getRHS()), used, argof, loc);
		} else {
			walk_expr(shown(b->getLHS()), true, -1, loc);
			walk_expr(shown(b->getRHS()), true, -1, loc);
		}
		return r;
	}
	if (const auto *u = dyn_cast<UnaryOperator>(t)) {
		bool post;
		const Stmt *operand = shown(u->getSubExpr());

		unary_op(t, &post, &loc);
		if (!constant_expr(t))
			note_expansion(loc);
		if (u->getOpcode() == UO_AddrOf) {
			walk_addr(operand, loc);
		} else if (u->isIncrementDecrementOp()) {
			walk_expr(operand, true, -1, loc);
			record_store(operand, loc, nullptr, -1, false);
		} else if (u->getOpcode() == UO_Extension) {
			return walk_expr(operand, used, argof, loc);
		} else {
			walk_expr(operand, true, -1, loc);
		}
		return -1;
	}
	if (isa<ConditionalOperator>(t)) {
		stmts k = kids(t);

		if (!constant_expr(t))
			note_expansion(xloc_of(t));
		for (size_t i = 0; i < k.size(); i++)
			walk_expr(k[i], i == 0 || used, -1, loc);
		return -1;
	}
	if (const auto *m = dyn_cast<MemberExpr>(t)) {
		const Stmt *obj = shown(m->getBase());
		bool arrow = obj && is_pointer(obj);

		loc = xloc_of(t);
		note_expansion(loc);
		walk_expr(obj, true, arrow ? -1 : argof, loc);
		return -1;
	}
	if (isa<ArraySubscriptExpr>(t)) {
		note_expansion(xloc_of(t));
		walk_kids(t, loc);
		return -1;
	}
	if (const auto *se = dyn_cast<StmtExpr>(t)) {
		note_expansion(xloc_of(t));
		walk_stmt_expr(se->getSubStmt(), used, loc);
		return -1;
	}
	if (const auto *ds = dyn_cast<DeclStmt>(t)) {
		walk_decl_stmt(ds, loc);
		return -1;
	}
	if (isa<CompoundStmt>(t)) {
		walk_stmt_expr(t, false, loc);
		return -1;
	}
	if (const auto *as = dyn_cast<GCCAsmStmt>(t)) {
		walk_asm(as, loc);
		return -1;
	}
	if (isa<LabelStmt, CaseStmt, DefaultStmt>(t))
		/* the labelled statement */
		return walk_expr(last_kid(t), false, -1, loc);
	if (isa<IfStmt>(t)) {
		stmts k = kids(t);

		for (size_t i = 0; i < k.size(); i++)
			walk_expr(k[i], i == 0, -1, loc);
		return -1;
	}
	if (isa<ForStmt, WhileStmt, DoStmt, SwitchStmt, ReturnStmt, GotoStmt,
		IndirectGotoStmt>(t)) {
		walk_kids(t, loc);
		return -1;
	}
	if (isa<BreakStmt, ContinueStmt, NullStmt>(t))
		return -1;
	if (!constant_expr(t))
		note_expansion(xloc_of(t));
	walk_kids(t, loc);
	return -1;
}

/* A statement expression's block: its variables, then its statements. */
void builder::walk_stmt_expr(const Stmt *s, bool used, const xloc &ploc)
{
	if (!isa<CompoundStmt>(s)) {
		walk_expr(s, used, -1, ploc);
		return;
	}
	add_block_vars(s);
	stmts k = kids(s);

	/* GCC keeps the last value in a temporary, used or not */
	for (size_t i = 0; i < k.size(); i++)
		walk_expr(k[i], i + 1 == k.size() && isa<Expr>(k[i]), -1, ploc);
}

/* ---- statements ---- */

struct tdx_stmt *builder::stmt_at(enum tdx_stmt_kind kind, const xloc &x)
{
	struct tdx_stmt *st = tdx_stmt_new(tu, kind);

	st->from_macro = xloc_in_macro(x);
	st->loc = xloc_model(x);
	st->last_line = st->loc.line;
	note_expansion(x);
	return st;
}

void builder::stmt_move(struct tdx_stmt *st, tok_file *f, long tok)
{
	if (f && tok >= 0 && !st->from_macro)
		st->loc = loc_tok(f, tok);
}

void builder::set_end(struct tdx_stmt *st, send *end, tok_file *f, long tok)
{
	end->f = f;
	end->tok = tok;
	if (f && tok >= 0) {
		unsigned int line = f->v[tok].line;

		if (line > st->last_line || !st->from_macro)
			st->last_line = line;
	}
}

static void no_end(send *end)
{
	end->f = nullptr;
	end->tok = -1;
}

/* The first token after the ')' that closes the header opened at paren. */
static long body_after_header(tok_file *f, long paren)
{
	if (!f || !tok_punct(f, paren, '('))
		return -1;
	paren = tok_match(f, paren);
	return paren < 0 ? -1 : tok_step(f, paren, 1);
}

/*
 * The statements of a compound statement, as kids of st (labels flattened);
 * *end: where the last one ends.
 */
void builder::add_block_kids(struct tdx_stmt *st, const Stmt *block, bool take_loc, send *end)
{
	send kid_end;

	no_end(end);
	for (const Stmt *s : kids(block)) {
		while (isa<LabelStmt>(s)) {
			tdx_stmt_add_kid(tu, st, stmt_at(TDX_STMT_OTHER, xloc_of(s)));
			s = last_kid(s);
		}
		struct tdx_stmt *kid = translate(s, nullptr, -1, &kid_end);

		if (!kid)
			continue;
		*end = kid_end;
		if (!st->nr_kids && take_loc)
			st->loc = kid->loc;
		tdx_stmt_add_kid(tu, st, kid);
		if (kid->last_line > st->last_line && kid->loc.file == st->loc.file)
			st->last_line = kid->last_line;
	}
}

/*
 * A compound statement that is not a body.  GCC keeps a block (with its
 * braces) only when it declares variables; otherwise its statements, or
 * the one statement.
 */
struct tdx_stmt *builder::translate_block(const CompoundStmt *t, send *end)
{
	bool decls = add_block_vars(t);
	tok_file *f;
	long open;
	struct tdx_stmt *st;
	send kid_end;

	no_end(end);
	if (decls) {
		st = stmt_at(TDX_STMT_BLOCK, xloc_of(t));
		if (begin_tok(t, &f, &open) && tok_punct(f, open, '{')) {
			st->braced = true;
			add_block_kids(st, t, false, &kid_end);
			set_end(st, end, f, tok_match(f, open));
			return st;
		}
		add_block_kids(st, t, false, end);
		return st;
	}
	st = tdx_stmt_new(tu, TDX_STMT_BLOCK);
	add_block_kids(st, t, true, end);
	if (!st->nr_kids)
		return nullptr;
	if (st->nr_kids == 1)
		return st->kids[0];
	return st;
}

/*
 * The body of if/else/for/while/do starting at token start of f (-1 when
 * unknown): braced when the text there is '{'.
 */
struct tdx_stmt *builder::translate_body(const Stmt *t, tok_file *f, long start, send *end)
{
	struct tdx_stmt *st;

	no_end(end);
	if (f && start >= 0 && tok_punct(f, start, '{') && isa<CompoundStmt>(t)) {
		send kid_end;

		add_block_vars(t);
		st = tdx_stmt_new(tu, TDX_STMT_BLOCK);
		add_block_kids(st, t, false, &kid_end);
		st->braced = true;
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, tok_match(f, start));
		return st;
	}
	st = translate(t, f, start, end);
	if (st && f && start >= 0 && !st->from_macro &&
	    (st->kind == TDX_STMT_EXPR || st->kind == TDX_STMT_RETURN ||
	     st->kind == TDX_STMT_BREAK || st->kind == TDX_STMT_CONTINUE ||
	     st->kind == TDX_STMT_GOTO)) {
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, tok_stmt_end(f, start));
	}
	if (!st) {
		/* an empty statement ';' */
		st = tdx_stmt_new(tu, TDX_STMT_OTHER);
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		if (f && start >= 0)
			set_end(st, end, f, start);
	}
	return st;
}

const char *builder::cond_var(const Stmt *cond)
{
	const Stmt *t = strip_conversions(cond);
	struct tdx_var *var = nullptr;

	if (const auto *u = dyn_cast_or_null<UnaryOperator>(t))
		if (u->getOpcode() == UO_LNot)
			t = strip_conversions(shown(u->getSubExpr()));
	if (const auto *b = dyn_cast_or_null<BinaryOperator>(t)) {
		if (!isa<CompoundAssignOperator>(b) && is_comparison(b->getOpcodeStr().str())) {
			var = var_of(strip_conversions(shown(b->getLHS())));
			if (!var)
				var = var_of(strip_conversions(shown(b->getRHS())));
		}
	} else {
		var = var_of(t);
	}
	return var ? var->name : nullptr;
}

/* Does t leave the loop it is the body of: break (not a nested one), return, goto? */
static bool leaves(const Stmt *t, bool nested)
{
	if (!t)
		return false;
	if (isa<BreakStmt>(t))
		return !nested;
	if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt>(t))
		return true;
	if (isa<ForStmt, WhileStmt, DoStmt, SwitchStmt>(t))
		nested = true;
	for (const Stmt *k : kids(t))
		if (leaves(k, nested))
			return true;
	return false;
}

struct tdx_stmt *builder::translate_if(const IfStmt *t, send *end)
{
	struct tdx_stmt *st = stmt_at(TDX_STMT_IF, xloc_of(t));
	struct tdx_stmt *then_st, *else_st = nullptr;
	tok_file *f = nullptr;
	send then_end, else_end;
	long kw = -1, body = -1;
	const Stmt *cond = shown(t->getCond()), *then_c = t->getThen(), *else_c = t->getElse();

	no_end(end);
	if (!cond || !then_c)
		return st;
	if (begin_tok(t, &f, &kw) && tok_is(f, kw, "if"))
		body = body_after_header(f, tok_step(f, kw, 1));
	if (body < 0)
		f = nullptr;
	else
		stmt_move(st, f, kw);
	cur = st;
	st->cond_call = walk_expr(cond, true, -1, xloc_of(cond));
	/* GCC tests a call's value against 0 unless it is a _Bool already */
	if (st->cond_call >= 0 && !canon(strip_implicit(cond))->isBooleanType())
		st->cond_call = -1;
	st->cond_var = cond_var(cond);
	cur = nullptr;
	then_st = translate_body(then_c, f, body, &then_end);
	tdx_stmt_add_kid(tu, st, then_st);
	set_end(st, end, then_end.f, then_end.tok);
	if (else_c) {
		long else_body = -1;

		if (f && then_end.f == f && then_end.tok >= 0) {
			long else_kw = tok_step(f, then_end.tok, 1);

			if (tok_is(f, else_kw, "else")) {
				st->else_loc = loc_tok(f, else_kw);
				else_body = tok_step(f, else_kw, 1);
			}
		}
		else_st = translate_body(else_c, else_body >= 0 ? f : nullptr, else_body,
					 &else_end);
		set_end(st, end, else_end.f, else_end.tok);
	}
	tdx_stmt_add_kid(tu, st, else_st);
	return st;
}

/*
 * A loop from a macro (for_each_cpu(cpu, mask) body): the body written
 * after the invocation starts after its ')'.
 */
tok_file *builder::loop_macro_body(const Stmt *loop, const Stmt *body, long *body_tok)
{
	*body_tok = -1;
	if (!cursor_loc(loop).isMacroID() || cursor_loc(body).isMacroID())
		return nullptr;
	fpos p = point(cursor_loc(loop));

	if (!p.f)
		return nullptr;
	long i = tok_index(p.f, p.off);

	if (i < 0)
		return nullptr;
	*body_tok = body_after_header(p.f, tok_step(p.f, i, 1));
	return *body_tok >= 0 ? p.f : nullptr;
}

/* The statement of a macro invocation ends at the ';' after it. */
void builder::end_at_invocation(struct tdx_stmt *st, send *end, const Stmt *t)
{
	fpos p = point(cursor_loc(t));

	if (p.f) {
		long i = tok_index(p.f, p.off);

		if (i >= 0)
			set_end(st, end, p.f, tok_stmt_end(p.f, i));
	}
}

struct tdx_stmt *builder::translate_loop(const Stmt *t, send *end)
{
	tok_file *f = nullptr;
	struct tdx_stmt *st, *body_st, *init_st = nullptr;
	send body_end;
	const Stmt *cond = nullptr, *body = nullptr, *init = nullptr, *inc = nullptr;
	long kw = -1, body_tok = -1;
	bool have_kw;

	no_end(end);
	have_kw = begin_tok(t, &f, &kw);
	if (const auto *fs = dyn_cast<ForStmt>(t)) {
		body = fs->getBody();
		init = fs->getInit();
		cond = shown(fs->getCond());
		inc = shown(fs->getInc());
		if (have_kw && tok_is(f, kw, "for"))
			body_tok = body_after_header(f, tok_step(f, kw, 1));
		else
			kw = -1;
	} else if (const auto *ws = dyn_cast<WhileStmt>(t)) {
		cond = shown(ws->getCond());
		body = ws->getBody();
		if (have_kw && tok_is(f, kw, "while"))
			body_tok = body_after_header(f, tok_step(f, kw, 1));
		else
			kw = -1;
	} else {
		const auto *ds = cast<DoStmt>(t);
		long long v;

		body = ds->getBody();
		cond = shown(ds->getCond());
		if (have_kw && tok_is(f, kw, "do"))
			body_tok = tok_step(f, kw, 1);
		else
			kw = -1;
		if (int_constant(cond, &v) && v == 0) {
			/* do { } while (0) runs once: a block, not a loop */
			note_expansion(xloc_of(t));
			if (kw < 0)
				return translate(body, nullptr, -1, end);
			return translate_body(body, f, body_tok, end);
		}
	}
	if (!body)
		return nullptr;
	if (kw < 0)
		f = loop_macro_body(t, body, &body_tok);
	if (isa<ForStmt>(t) && init && skip_for_init) {
		skip_for_init = false;
	} else if (isa<ForStmt>(t) && init) {
		/* GCC puts 'for (i = 0;' before the loop: its calls come first */
		init_st = tdx_stmt_new(tu, TDX_STMT_EXPR);
		cur = init_st;
		walk_expr(init, false, -1, xloc_of(init));
		cur = nullptr;
	}
	st = stmt_at(isa<ForStmt>(t) ? TDX_STMT_FOR : isa<WhileStmt>(t) ? TDX_STMT_WHILE :
		     TDX_STMT_DO, xloc_of(t));
	stmt_move(st, f, kw);
	cur = st;
	if (inc)
		walk_expr(inc, false, -1, xloc_of(inc));
	if (cond)
		walk_expr(cond, true, -1, xloc_of(cond));
	st->cond_var = cond ? cond_var(cond) : nullptr;
	cur = nullptr;
	if (init_st)
		for (size_t j = 0; j < init_st->nr_calls; j++)
			tdx_stmt_add_call(tu, st, init_st->calls[j]);
	st->never_exits = constant_true(cond) && !leaves(body, false);
	body_st = translate_body(body, f, body_tok, &body_end);
	tdx_stmt_add_kid(tu, st, body_st);
	set_end(st, end, body_end.f, body_end.tok);
	if (isa<DoStmt>(t) && body_end.f && body_end.tok >= 0) {
		/* do body while (cond); */
		tok_file *bf = body_end.f;
		long w = tok_step(bf, body_end.tok, 1);

		if (tok_is(bf, w, "while")) {
			long paren = tok_step(bf, w, 1);
			long semi = tok_step(bf, tok_match(bf, paren), 1);

			if (tok_punct(bf, semi, ';'))
				set_end(st, end, bf, semi);
		}
	}
	if (st->from_macro && end->tok < 0)
		end_at_invocation(st, end, t);
	return st;
}

struct tdx_stmt *builder::translate_switch(const SwitchStmt *t, send *end)
{
	struct tdx_stmt *st = stmt_at(TDX_STMT_SWITCH, xloc_of(t));
	struct tdx_stmt *arm = nullptr;
	tok_file *f;
	send kid_end;
	const Stmt *cond = shown(t->getCond()), *body = t->getBody();
	stmts body_kids;
	long kw;

	no_end(end);
	if (!cond || !body)
		return st;
	if (begin_tok(t, &f, &kw) && tok_is(f, kw, "switch")) {
		long open = body_after_header(f, tok_step(f, kw, 1));

		if (tok_punct(f, open, '{'))
			set_end(st, end, f, tok_match(f, open));
	}
	cur = st;
	st->cond_call = walk_expr(cond, true, -1, xloc_of(cond));
	st->cond_var = cond_var(cond);
	cur = nullptr;
	if (isa<CompoundStmt>(body)) {
		add_block_vars(body);
		body_kids = kids(body);
	} else {
		body_kids.push_back(body);
	}
	for (const Stmt *s : body_kids) {
		struct tdx_stmt *kid;

		for (;;) {
			if (isa<CaseStmt, DefaultStmt>(s)) {
				if (!arm || arm->nr_kids) {
					arm = stmt_at(TDX_STMT_CASE, xloc_of(s));
					tdx_stmt_add_kid(tu, st, arm);
				}
				if (isa<DefaultStmt>(s))
					arm->is_default = true;
			} else if (isa<LabelStmt>(s) && arm) {
				tdx_stmt_add_kid(tu, arm, stmt_at(TDX_STMT_OTHER, xloc_of(s)));
			} else {
				break;
			}
			s = last_kid(s);
		}
		if (!arm) {
			walk_expr(s, false, -1, xloc_of(s));	/* unreachable */
			continue;
		}
		if (const auto *fs = dyn_cast<ForStmt>(s)) {
			/* in an arm, GCC's 'for (i = 0;' stays a statement before the loop */
			const Stmt *init = fs->getInit();

			if (init && !isa<DeclStmt>(init)) {
				kid = simple_stmt(TDX_STMT_EXPR, gcc_expr_loc(init), init, nullptr,
						  -1, &kid_end);
				cur = kid;
				walk_expr(init, false, -1, xloc_of(init));
				cur = nullptr;
				tdx_stmt_add_kid(tu, arm, kid);
				skip_for_init = true;
			}
		}
		kid = translate(s, nullptr, -1, &kid_end);
		if (!kid)
			continue;
		tdx_stmt_add_kid(tu, arm, kid);
		if (kid->last_line > arm->last_line)
			arm->last_line = kid->last_line;
	}
	if (st->from_macro && end->tok < 0)
		end_at_invocation(st, end, t);
	return st;
}

/*
 * A simple statement (expression, return, break, ...) at x: its first token
 * is start when known, else the one the AST gives; it ends at its ';'.
 */
struct tdx_stmt *builder::simple_stmt(enum tdx_stmt_kind kind, const xloc &x, const Stmt *t,
				      tok_file *sf, long start, send *end)
{
	struct tdx_stmt *st = stmt_at(kind, x);
	tok_file *f;
	long first;

	no_end(end);
	if (st->from_macro) {
		end_at_invocation(st, end, t);
		return st;
	}
	if (!begin_tok(t, &f, &first)) {
		fpos p;

		if (!written(cursor_loc(t), &p))
			return st;
		f = p.f;
		first = tok_index(f, p.off);
		if (first < 0)
			return st;
	}
	if (start < 0 || sf != f)
		start = first;
	stmt_move(st, f, start);
	set_end(st, end, f, tok_stmt_end(f, start));
	return st;
}

/*
 * The location GCC gives a statement's expression: its operator or its
 * call; a constant or a variable has none in GENERIC, so the parser uses
 * its first token (which may come from a macro: "return TDX_ERROR;").
 */
xloc builder::gcc_expr_loc(const Stmt *t)
{
	const Stmt *s = strip_implicit(t);
	xloc x = xloc_of(s);

	if (constant_expr(s) || isa<DeclRefExpr>(s)) {
		x.cl = t->getBeginLoc();
	} else if (isa<BinaryOperator>(s)) {
		binary_op(s, &x);
	} else if (isa<UnaryOperator>(s)) {
		bool post;

		unary_op(s, &post, &x);
	} else if (const auto *co = dyn_cast<ConditionalOperator>(s)) {
		/* a ? b : c: GCC's location is the '?' */
		if (!co->getQuestionLoc().isMacroID())
			x.cl = co->getQuestionLoc();
	}
	return x;
}

/*
 * One statement.  start: the token of its first word in sf when the caller
 * knows it (an unbraced body), else -1.  nullptr for what is no statement
 * of the model (a declaration without initialiser, an empty statement).
 */
struct tdx_stmt *builder::translate(const Stmt *t, tok_file *sf, long start, send *end)
{
	struct tdx_stmt *st;

	no_end(end);
	t = shown(t);
	if (!t)
		return nullptr;
	if (const auto *cs = dyn_cast<CompoundStmt>(t))
		return translate_block(cs, end);
	if (const auto *is = dyn_cast<IfStmt>(t))
		return translate_if(is, end);
	if (isa<ForStmt, WhileStmt, DoStmt>(t))
		return translate_loop(t, end);
	if (const auto *ss = dyn_cast<SwitchStmt>(t))
		return translate_switch(ss, end);
	if (const auto *rs = dyn_cast<ReturnStmt>(t)) {
		const Stmt *value = shown(rs->getRetValue());

		st = simple_stmt(TDX_STMT_RETURN, value ? gcc_expr_loc(value) : xloc_of(t), t, sf,
				 start, end);
		cur = st;
		if (value)
			walk_expr(value, true, -1, xloc_of(value));
		cur = nullptr;
		return st;
	}
	if (isa<BreakStmt>(t))
		return simple_stmt(TDX_STMT_BREAK, xloc_of(t), t, sf, start, end);
	if (isa<ContinueStmt>(t))
		return simple_stmt(TDX_STMT_CONTINUE, xloc_of(t), t, sf, start, end);
	if (isa<GotoStmt, IndirectGotoStmt>(t)) {
		st = simple_stmt(TDX_STMT_GOTO, xloc_of(t), t, sf, start, end);
		cur = st;
		walk_kids(t, xloc_of(t));
		cur = nullptr;
		return st;
	}
	if (isa<NullStmt>(t))
		return nullptr;
	if (isa<LabelStmt>(t))
		return stmt_at(TDX_STMT_OTHER, xloc_of(t));
	if (const auto *as = dyn_cast<GCCAsmStmt>(t)) {
		st = simple_stmt(TDX_STMT_OTHER, xloc_of(t), t, sf, start, end);
		cur = st;
		walk_asm(as, xloc_of(t));
		cur = nullptr;
		return st;
	}
	if (const auto *ds = dyn_cast<DeclStmt>(t)) {
		struct tdx_stmt *last = nullptr;
		auto it = ds->decl_begin();

		/* one statement per initialised automatic variable, as GCC's DECL_EXPRs */
		for (; it != ds->decl_end(); ++it) {
			const auto *vd = dyn_cast<VarDecl>(*it);

			if (!vd || vd->getStorageClass() == SC_Static ||
			    vd->getStorageClass() == SC_Extern) {
				walk_decl(*it, xloc_of(*it));
				continue;
			}
			if (!vd->getInit()) {
				add_local(vd);
				continue;
			}
			if (last)
				break;	/* the model keeps the first; rare */
			last = simple_stmt(TDX_STMT_EXPR, xloc_of(vd), t, sf, start, end);
			cur = last;
			walk_decl(vd, xloc_of(vd));
			cur = nullptr;
		}
		for (; it != ds->decl_end(); ++it) {
			cur = last;
			walk_decl(*it, xloc_of(*it));
			cur = nullptr;
		}
		return last;
	}
	if (!isa<Expr>(t))
		return nullptr;
	st = simple_stmt(TDX_STMT_EXPR, gcc_expr_loc(t), t, sf, start, end);
	cur = st;
	walk_expr(t, false, -1, xloc_of(t));
	cur = nullptr;
	return st;
}

void builder::translate_function(const FunctionDecl *fd)
{
	struct tdx_function *f = fn_for_decl(fd);
	const auto *body = dyn_cast_or_null<CompoundStmt>(fd->getBody());
	send end;
	tok_file *tf;
	long open;

	if (!f || !body)
		return;
	fn = f;
	fn_idx = tdx_function_index(tu, f->name);
	vars.clear();
	points.clear();
	cur = nullptr;
	skip_for_init = false;
	f->is_definition = true;
	f->loc = loc_model(fd->getLocation());
	f->is_static = internal(fd);
	f->returns_void = fd->getReturnType().getCanonicalType()->isVoidType();
	/* The definition's parameters replace those of a prototype. */
	f->vars = nullptr;
	f->nr_vars = f->nr_params = 0;
	f->expansions = nullptr;
	f->nr_expansions = 0;
	add_params(f, fd, true);
	note_spelled_unused(f, fd);
	add_block_vars(body);
	f->body = stmt_at(TDX_STMT_BLOCK, xloc_of(body));
	if (begin_tok(body, &tf, &open) && tok_punct(tf, open, '{')) {
		f->body->braced = true;
		add_block_kids(f->body, body, false, &end);
		set_end(f->body, &end, tf, tok_match(tf, open));
	} else {
		add_block_kids(f->body, body, false, &end);
	}
	fn = nullptr;
}

/* Functions in file-scope initialisers (ops tables) have their address taken. */
void builder::find_fn_refs(const Stmt *s)
{
	if (!s)
		return;
	if (const FunctionDecl *fd = ref_function(s))
		mark_address_taken(fd);
	for (const Stmt *k : kids(s))
		find_fn_refs(k);
}

struct tdx_tu *builder::build()
{
	const FileEntry *main = sm.getFileEntryForID(sm.getMainFileID());

	tu = tdx_tu_new(main ? main->getName().str().c_str() : "");
	for (const Decl *d : ctx.getTranslationUnitDecl()->decls()) {
		if (d->isImplicit())
			continue;
		if (const auto *fd = dyn_cast<FunctionDecl>(d)) {
			if (fd->doesThisDeclarationHaveABody()) {
				translate_function(fd);
			} else {
				struct tdx_function *f = fn_for_decl(fd);

				if (f)
					note_spelled_unused(f, fd);
			}
		} else if (const auto *vd = dyn_cast<VarDecl>(d)) {
			find_fn_refs(vd->getInit());
		}
	}
	return tu;
}

} // namespace

struct tdx_tu *build_model(ASTContext &ctx, const skipped_ranges &skipped)
{
	builder b(ctx, skipped);

	return b.build();
}

} // namespace tdxtidy
