/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The translation unit libclang parsed, as the neutral model (checks/model.h):
 * the same facts, in the same order, as the GCC plugin records.
 */
#ifndef TDXCHECK_CLANG_BUILD_MODEL_H
#define TDXCHECK_CLANG_BUILD_MODEL_H

#include <clang-c/Index.h>

#include "model.h"

/* The model of ctu; main_file names it as the user gave it. */
struct tdx_tu *bm_build(CXTranslationUnit ctu, const char *main_file);

#endif /* TDXCHECK_CLANG_BUILD_MODEL_H */
