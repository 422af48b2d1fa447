// SPDX-License-Identifier: GPL-2.0
/*
 * Operators of unary and binary expressions, read from clang's own
 * expression node.
 *
 * An expression cursor holds the clang::Stmt it shows (data[1]).  A Stmt
 * starts with the bit-field union of Stmt.h; in clang 14 a UnaryOperator's
 * is { Stmt and Expr bits (18), Opc:5, CanOverflow:1, HasFPFeatures:1;
 * SourceLocation Loc } and a BinaryOperator's (also a compound assignment)
 * { 18 bits, Opc:6, HasFPFeatures:1; SourceLocation OpLoc }, the opcodes
 * numbered as in OperationKinds.def.  This is clang's private layout, so
 * ops_init() proves it on a unit whose operators are known before anything
 * trusts it: with another libclang the reading is off and the front end
 * falls back on the tokens, which do not see into macro bodies.
 */
#include <stdint.h>
#include <string.h>

#include "operators.h"

#define EXPR_BITS	18

static const char *const unary_ops[] = {
	"++", "--", "++", "--", "&", "*", "+", "-", "~", "!", "__real__", "__imag__",
	"__extension__", "co_await",
};

static const char *const binary_ops[] = {
	".*", "->*", "*", "/", "%", "+", "-", "<<", ">>", "<=>", "<", ">", "<=", ">=",
	"==", "!=", "&", "^", "|", "&&", "||", "=", "*=", "/=", "%=", "+=", "-=",
	"<<=", ">>=", "&=", "^=", "|=", ",",
};

static bool usable, asm_usable;

/*
 * clang 14's AsmStmt after the Stmt bits: SourceLocation AsmLoc; bool
 * IsSimple, IsVolatile; unsigned NumOutputs, NumInputs.
 */
#define ASM_NUM_OUTPUTS	16
#define ASM_NUM_INPUTS	20

static int raw_asm_outputs(CXCursor c, unsigned int *inputs)
{
	const unsigned char *stmt = c.data[1];
	uint32_t outs, ins;

	if (!stmt || clang_getCursorKind(c) != CXCursor_GCCAsmStmt)
		return -1;
	memcpy(&outs, stmt + ASM_NUM_OUTPUTS, sizeof(outs));
	memcpy(&ins, stmt + ASM_NUM_INPUTS, sizeof(ins));
	if (inputs)
		*inputs = ins;
	return outs < 1000 ? (int)outs : -1;
}

int ops_asm_outputs(CXCursor c)
{
	return asm_usable ? raw_asm_outputs(c, NULL) : -1;
}

static bool raw_read(CXCursor c, const char **op, bool *postfix, CXSourceLocation *where)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	const unsigned char *stmt = c.data[1];
	uint32_t bits, loc;
	unsigned int opc;

	if (!stmt || (k != CXCursor_UnaryOperator && k != CXCursor_BinaryOperator &&
		      k != CXCursor_CompoundAssignOperator))
		return false;
	memcpy(&bits, stmt, sizeof(bits));
	memcpy(&loc, stmt + 4, sizeof(loc));
	*where = clang_getCursorLocation(c);
	where->int_data = loc;
	*postfix = false;
	if (k == CXCursor_UnaryOperator) {
		opc = (bits >> EXPR_BITS) & 0x1f;
		if (opc >= sizeof(unary_ops) / sizeof(unary_ops[0]))
			return false;
		*op = unary_ops[opc];
		*postfix = opc < 2;
		return true;
	}
	opc = (bits >> EXPR_BITS) & 0x3f;
	if (opc >= sizeof(binary_ops) / sizeof(binary_ops[0]))
		return false;
	*op = binary_ops[opc];
	return true;
}

bool ops_read(CXCursor c, const char **op, bool *postfix, CXSourceLocation *where)
{
	return usable && raw_read(c, op, postfix, where);
}

/* ---- the proof ---- */

static const char probe_src[] =
	"#define SET(v) v = 2\n"
	"void f(int x, int *p)\n"
	"{\n"
	"\tx = 1; x++; --x; p = &x; x += *p; SET(x); x = !x == -x;\n"
	"\tasm(\"\" : \"=r\" (x), \"+r\" (*p) : \"r\" (x));\n"
	"}\n";

/* Every operator of the probe, in visiting order, with its line and column. */
static const struct { const char *op; bool postfix; unsigned int line, col; } expected[] = {
	{ "=", false, 4, 4 }, { "++", true, 4, 10 }, { "--", false, 4, 14 },
	{ "=", false, 4, 21 }, { "&", false, 4, 23 }, { "+=", false, 4, 29 },
	{ "*", false, 4, 32 }, { "=", false, 4, 36 }, { "=", false, 4, 46 },
	{ "==", false, 4, 51 }, { "!", false, 4, 48 }, { "-", false, 4, 54 },
};

struct probe {
	size_t seen;
	bool ok, asm_ok;
};

static enum CXChildVisitResult check_op(CXCursor c, CXCursor parent, CXClientData data)
{
	struct probe *p = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXSourceLocation where;
	unsigned int line, col;
	const char *op;
	bool postfix;

	(void)parent;
	if (k == CXCursor_GCCAsmStmt) {
		unsigned int ins = 0;

		p->asm_ok = raw_asm_outputs(c, &ins) == 2 && ins == 1;
		return CXChildVisit_Continue;
	}
	if (k != CXCursor_UnaryOperator && k != CXCursor_BinaryOperator &&
	    k != CXCursor_CompoundAssignOperator)
		return CXChildVisit_Recurse;
	if (p->seen >= sizeof(expected) / sizeof(expected[0]) ||
	    !raw_read(c, &op, &postfix, &where)) {
		p->ok = false;
		return CXChildVisit_Break;
	}
	/* the macro's "=" is at its expansion point: SET */
	clang_getExpansionLocation(where, NULL, &line, &col, NULL);
	if (strcmp(op, expected[p->seen].op) || postfix != expected[p->seen].postfix ||
	    line != expected[p->seen].line || col != expected[p->seen].col)
		p->ok = false;
	p->seen++;
	return p->ok ? CXChildVisit_Recurse : CXChildVisit_Break;
}

bool ops_init(CXIndex index)
{
	struct CXUnsavedFile file = { "tdxcheck-probe.c", probe_src, sizeof(probe_src) - 1 };
	const char *const args[] = { "-w" };
	CXTranslationUnit tu = NULL;
	struct probe p = { 0, true, false };

	if (clang_parseTranslationUnit2(index, file.Filename, args, 1, &file, 1,
					CXTranslationUnit_None, &tu) != CXError_Success || !tu)
		return usable = false;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), check_op, &p);
	clang_disposeTranslationUnit(tu);
	usable = p.ok && p.seen == sizeof(expected) / sizeof(expected[0]);
	asm_usable = p.asm_ok;
	return usable;
}
