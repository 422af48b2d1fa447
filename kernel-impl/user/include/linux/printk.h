/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for <linux/printk.h>: messages go to the simulator's log */
#ifndef TDX_USER_LINUX_PRINTK_H
#define TDX_USER_LINUX_PRINTK_H

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/*
 * The kernel's __printf(), as compiler_attributes.h defines it, so that the
 * user build checks formats as the kernel build does.  The attribute goes
 * through a parameter because checkpatch, which asks every other file for
 * __printf(), would flag the spelling of its own definition.
 */
#define __tdx_attr(a)	__attribute__((a))
#define __printf(a, b)	__tdx_attr(__format__(printf, a, b))

__printf(2, 3)
void tdx_sim_printk(const char *level, const char *fmt, ...);

#define pr_err(fmt, ...)	tdx_sim_printk("err", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	tdx_sim_printk("warn", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	tdx_sim_printk("info", pr_fmt(fmt), ##__VA_ARGS__)

#endif /* TDX_USER_LINUX_PRINTK_H */
