/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/typecheck.h: compile-time check that x has type type. */
#ifndef _TDX_TS_LINUX_TYPECHECK_H
#define _TDX_TS_LINUX_TYPECHECK_H

#define typecheck(type, x) \
({	type __dummy; \
	typeof(x) __dummy2; \
	(void)(&__dummy == &__dummy2); \
	1; \
})

#endif /* _TDX_TS_LINUX_TYPECHECK_H */
