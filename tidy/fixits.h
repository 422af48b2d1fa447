/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fix-its for the rules whose fix is mechanical and fits one spot of one
 * file: braces for unbraced-multiline-body, the attribute dropped for
 * unused-attr-on-used, raw_smp_processor_id() for get-cpu-for-print.  They
 * rewrite what the finding points at the way cocci/'s patch mode does.
 */
#ifndef TDXCHECK_TIDY_FIXITS_H
#define TDXCHECK_TIDY_FIXITS_H

#include <clang/AST/ASTContext.h>
#include <clang/Basic/Diagnostic.h>

#include "model_cxx.h"
#include "rules.h"

namespace tdxtidy {

/* The fix-its of the finding of rule at at, when the rule has them. */
void add_fixits(clang::DiagnosticBuilder &diag, enum tdx_rule_id rule, clang::ASTContext &ctx,
		clang::SourceLocation at);

} // namespace tdxtidy

#endif /* TDXCHECK_TIDY_FIXITS_H */
