/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/smp.h: get_cpu() is a statement expression that disables
 * preemption and yields the CPU number; put_cpu() is preempt_enable().
 */
#ifndef _TDX_TS_LINUX_SMP_H
#define _TDX_TS_LINUX_SMP_H

#include <linux/types.h>
#include <linux/preempt.h>

extern int pcpu_hot_cpu_number(void);

#define raw_smp_processor_id()	pcpu_hot_cpu_number()
#define __smp_processor_id()	raw_smp_processor_id()
#define smp_processor_id()	__smp_processor_id()

#define get_cpu()		({ preempt_disable(); __smp_processor_id(); })
#define put_cpu()		preempt_enable()

#endif /* _TDX_TS_LINUX_SMP_H */
