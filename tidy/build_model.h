/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clang's C++ AST translated into tdxcheck's model (checks/model.h), inside
 * clang-tidy: the same facts, in the same order, as the GCC plugin and the
 * libclang front end give the rules.
 */
#ifndef TDXCHECK_TIDY_BUILD_MODEL_H
#define TDXCHECK_TIDY_BUILD_MODEL_H

#include <clang/AST/ASTContext.h>

#include "model_cxx.h"
#include "source_tokens.h"

namespace tdxtidy {

/*
 * The model of the unit ctx holds.  skipped: the #if branches the
 * preprocessor left out, whose text never counts as code.  The caller frees
 * the result with tdx_tu_free().
 */
struct tdx_tu *build_model(clang::ASTContext &ctx, const skipped_ranges &skipped);

} // namespace tdxtidy

#endif /* TDXCHECK_TIDY_BUILD_MODEL_H */
