/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt_disable()/preempt_enable() as include/linux/preempt.h builds them
 * with CONFIG_PREEMPT_COUNT: do-while statements around barrier() and a
 * count update, so a front end sees the region only as macro expansions.
 */
#ifndef _TDX_TS_LINUX_PREEMPT_H
#define _TDX_TS_LINUX_PREEMPT_H

#include <linux/compiler.h>

extern void preempt_count_add(int val);
extern void preempt_count_sub(int val);
extern bool preempt_count_dec_and_test(void);
extern void preempt_schedule(void);

#define preempt_count_inc()	preempt_count_add(1)
#define preempt_count_dec()	preempt_count_sub(1)
#define __preempt_schedule()	preempt_schedule()

#define preempt_disable() \
do { \
	preempt_count_inc(); \
	barrier(); \
} while (0)

#define preempt_enable_no_resched() \
do { \
	barrier(); \
	preempt_count_dec(); \
} while (0)

#define preempt_enable() \
do { \
	barrier(); \
	if (unlikely(preempt_count_dec_and_test())) \
		__preempt_schedule(); \
} while (0)

#endif /* _TDX_TS_LINUX_PREEMPT_H */
