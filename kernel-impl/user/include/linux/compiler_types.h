/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/compiler_types.h>, which kbuild
 * force-includes in every compile (-include): the attributes the layer
 * spells without including anything.
 */
#ifndef TDX_USER_LINUX_COMPILER_TYPES_H
#define TDX_USER_LINUX_COMPILER_TYPES_H

#define __always_inline	inline __attribute__((__always_inline__))

#endif /* TDX_USER_LINUX_COMPILER_TYPES_H */
