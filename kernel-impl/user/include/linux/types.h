/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/types.h>: the kernel's own definitions, so
 * that u64 is unsigned long long and "%llx" fits it as in the kernel.
 */
#ifndef TDX_USER_LINUX_TYPES_H
#define TDX_USER_LINUX_TYPES_H

#include <stdbool.h>

typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#endif /* TDX_USER_LINUX_TYPES_H */
