/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-shaped integer types for the testsuite cases (include/linux/types.h,
 * include/uapi/asm-generic/int-ll64.h).  Cases include only these headers so
 * that every engine sees the same declarations the kernel would give it.
 */
#ifndef _TDX_TS_LINUX_TYPES_H
#define _TDX_TS_LINUX_TYPES_H

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef _Bool bool;
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef unsigned long uintptr_t;
typedef u64 phys_addr_t;

#include <linux/stddef.h>

#endif /* _TDX_TS_LINUX_TYPES_H */
