/* SPDX-License-Identifier: GPL-2.0 */
/* NULL, true and false as include/linux/stddef.h spells them. */
#ifndef _TDX_TS_LINUX_STDDEF_H
#define _TDX_TS_LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

enum {
	false	= 0,
	true	= 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

#endif /* _TDX_TS_LINUX_STDDEF_H */
