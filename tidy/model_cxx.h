/* SPDX-License-Identifier: GPL-2.0 */
/*
 * checks/model.h as C++ sees it: model.h names a member 'class', a C++
 * keyword, spelled class_ here.  Only the spelling changes, not the layout,
 * so the C core and the tidy module agree on every struct.  Include this
 * before anything that includes model.h.
 */
#ifndef TDXCHECK_TIDY_MODEL_CXX_H
#define TDXCHECK_TIDY_MODEL_CXX_H

#define class class_
#include "model.h"
#undef class

#endif /* TDXCHECK_TIDY_MODEL_CXX_H */
