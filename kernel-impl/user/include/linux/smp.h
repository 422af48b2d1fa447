/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/smp.h>: only raw_smp_processor_id(), whose
 * value the simulator sets.  get_cpu() and preempt_disable() are deliberately
 * absent: the layer must not need them, and would not build if it used them.
 */
#ifndef TDX_USER_LINUX_SMP_H
#define TDX_USER_LINUX_SMP_H

int tdx_sim_cpu(void);

#define raw_smp_processor_id()	tdx_sim_cpu()

#endif /* TDX_USER_LINUX_SMP_H */
