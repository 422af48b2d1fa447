/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/build_bug.h>: C11's static_assert, which
 * takes the two-argument form the kernel's also accepts.
 */
#ifndef TDX_USER_LINUX_BUILD_BUG_H
#define TDX_USER_LINUX_BUILD_BUG_H

#include <assert.h>

#define BUILD_BUG_ON(cond)	static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif /* TDX_USER_LINUX_BUILD_BUG_H */
