/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/sched.h>: cond_resched() is counted by the
 * simulator, so a test sees where the retry loop lets other tasks run.
 */
#ifndef TDX_USER_LINUX_SCHED_H
#define TDX_USER_LINUX_SCHED_H

void tdx_sim_cond_resched(void);

#define cond_resched()	tdx_sim_cond_resched()

#endif /* TDX_USER_LINUX_SCHED_H */
