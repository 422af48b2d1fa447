/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/string.h: the memory helpers cases use. */
#ifndef _TDX_TS_LINUX_STRING_H
#define _TDX_TS_LINUX_STRING_H

#include <linux/types.h>

extern void *memset(void *s, int c, size_t n);
extern void *memcpy(void *dest, const void *src, size_t n);

#endif /* _TDX_TS_LINUX_STRING_H */
