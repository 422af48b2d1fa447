/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The operator of a unary or binary expression and where it is written.
 *
 * libclang 14 has no query for either (clang_getCursorUnaryOperatorKind()
 * and clang_getCursorBinaryOperatorKind() came with libclang 17), and its
 * tokens show a macro invocation, not the operators inside the macro's
 * body ("flags = arch_local_irq_save()" in local_irq_save()).  The
 * expression itself knows both: see operators.c.
 */
#ifndef TDXCHECK_CLANG_OPERATORS_H
#define TDXCHECK_CLANG_OPERATORS_H

#include <stdbool.h>

#include <clang-c/Index.h>

/*
 * Check, on a small unit parsed once, that operators can be read from this
 * libclang; false (and ops_read() always fails) when they cannot.
 */
bool ops_init(CXIndex index);
/*
 * The operator's spelling ("=", "++", "&", "+=") into op, *postfix for x++
 * and x--, its location into *where.  false when unknown.
 */
bool ops_read(CXCursor c, const char **op, bool *postfix, CXSourceLocation *where);

/* The number of output operands of a GCC asm statement, or -1 when unknown. */
int ops_asm_outputs(CXCursor c);

#endif /* TDXCHECK_CLANG_OPERATORS_H */
