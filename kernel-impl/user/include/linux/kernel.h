/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/kernel.h>: might_sleep() is counted by the
 * simulator so a test can see that the layer declares itself preemptible.
 */
#ifndef TDX_USER_LINUX_KERNEL_H
#define TDX_USER_LINUX_KERNEL_H

void tdx_sim_might_sleep(void);

#define might_sleep()	tdx_sim_might_sleep()

#endif /* TDX_USER_LINUX_KERNEL_H */
