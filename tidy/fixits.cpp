// SPDX-License-Identifier: GPL-2.0
/* Fix-its: see fixits.h. */
#include "fixits.h"

namespace tdxtidy {

void add_fixits(clang::DiagnosticBuilder &diag, enum tdx_rule_id rule, clang::ASTContext &ctx,
		clang::SourceLocation at, const struct tdx_finding *fd)
{
	(void)diag;
	(void)rule;
	(void)ctx;
	(void)at;
	(void)fd;
}

} // namespace tdxtidy
