/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The translation unit clang-tidy is checking, shared by the nine tdx-*
 * checks: its model is built once, on the first check's turn, and freed
 * when clang-tidy is done with the unit.
 */
#ifndef TDXCHECK_TIDY_UNIT_H
#define TDXCHECK_TIDY_UNIT_H

#include <clang/AST/ASTContext.h>
#include <clang/Lex/Preprocessor.h>

#include "model_cxx.h"
#include "source_tokens.h"

namespace tdxtidy {

/*
 * Called from each check's registerPPCallbacks(): starts a new unit when pp
 * is a preprocessor not seen yet, and records the #if branches it skips.
 */
void unit_start(clang::Preprocessor *pp);
/* The unit's model, built on first use. */
const struct tdx_tu *unit_model(clang::ASTContext &ctx);

} // namespace tdxtidy

#endif /* TDXCHECK_TIDY_UNIT_H */
