/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/sched.h: cond_resched() as a statement expression. */
#ifndef _TDX_TS_LINUX_SCHED_H
#define _TDX_TS_LINUX_SCHED_H

extern int _cond_resched(void);
extern void __might_resched(const char *file, int line, unsigned int offsets);

#define cond_resched() ({					\
	__might_resched(__FILE__, __LINE__, 0);			\
	_cond_resched();					\
})

#endif /* _TDX_TS_LINUX_SCHED_H */
