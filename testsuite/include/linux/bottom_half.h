/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/bottom_half.h: local_bh_disable()/local_bh_enable() are
 * static inline functions over the out-of-line __local_bh_*_ip().
 */
#ifndef _TDX_TS_LINUX_BH_H
#define _TDX_TS_LINUX_BH_H

#include <linux/compiler.h>

#define SOFTIRQ_DISABLE_OFFSET	(2 * (1UL << 8))

extern void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
extern void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);

static inline void local_bh_disable(void)
{
	__local_bh_disable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

static inline void local_bh_enable(void)
{
	__local_bh_enable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

#endif /* _TDX_TS_LINUX_BH_H */
