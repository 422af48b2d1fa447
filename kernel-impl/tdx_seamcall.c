// SPDX-License-Identifier: GPL-2.0
/*
 * The C half of the host SEAMCALL layer: retry on entropy exhaustion,
 * status to errno, and the leaves this module uses.
 *
 * Nothing here disables preemption.  A SEAMCALL can take a long time and the
 * retry loop issues several, so the caller decides the context: CPU-local
 * leaves run on a task bound to the CPU (see module.c), not under get_cpu().
 *
 * This file is also built for user space against user/include, with a
 * simulated TDX module in place of seamcall.S (see user/).
 */
#define pr_fmt(fmt) "tdx_ref: " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/types.h>

#include "seamcall.h"

/*
 * Issue @func until the TDX module stops reporting TDX_RND_NO_ENTROPY, at
 * most TDX_RND_RETRY_LOOPS times.  __seamcall_ret() writes the output
 * registers back even on failure, so every attempt starts again from the
 * caller's inputs.
 *
 * __always_inline, here and in sc_retry_errno(): @func is always an assembly
 * function, and only inlining turns "func(fn, args)" into a direct call of
 * it.  Kept out of line (plain inline is a hint), it would be an indirect
 * call: a retpoline, an IBT/CFI target.
 */
static __always_inline u64 sc_retry(u64 (*func)(u64 fn, struct tdx_module_args *args),
				    u64 fn, struct tdx_module_args *args)
{
	const struct tdx_module_args in = *args;
	int retry = TDX_RND_RETRY_LOOPS;
	u64 sret;

	might_sleep();

	for (;;) {
		sret = func(fn, args);
		if (sret != TDX_RND_NO_ENTROPY || !--retry)
			break;
		*args = in;
		cond_resched();
	}

	return sret;
}

/*
 * Only for statuses the caller cannot tell apart by errno.  The CPU number is
 * a hint for the log: reading it must not pin the task to the CPU, so no
 * get_cpu() (which would disable preemption for a printk).
 */
static void seamcall_err(u64 fn, u64 sret, const struct tdx_module_args *args)
{
	pr_err("SEAMCALL %llu failed on CPU %d: 0x%016llx\n",
	       fn, raw_smp_processor_id(), sret);
	pr_err("RCX 0x%016llx RDX 0x%016llx R8 0x%016llx\n",
	       args->rcx, args->rdx, args->r8);
	pr_err("R9 0x%016llx R10 0x%016llx R11 0x%016llx\n",
	       args->r9, args->r10, args->r11);
}

static __always_inline int sc_retry_errno(u64 (*func)(u64 fn, struct tdx_module_args *args),
					  u64 fn, struct tdx_module_args *args)
{
	u64 sret = sc_retry(func, fn, args);

	if (sret == TDX_SUCCESS)
		return 0;

	/* No TDX module loaded, or it is busy with another SEAMCALL */
	if (sret == TDX_SEAMCALL_VMFAILINVALID)
		return -ENODEV;

	/* SEAM is not enabled on this CPU */
	if (sret == TDX_SEAMCALL_GP)
		return -EOPNOTSUPP;

	/* The CPU is not in VMX operation */
	if (sret == TDX_SEAMCALL_UD)
		return -EACCES;

	seamcall_err(fn, sret, args);
	return -EIO;
}

/**
 * seamcall() - issue a leaf that only takes inputs
 * @fn: leaf number
 * @args: input registers; not written
 *
 * Context: process context, preemption enabled.
 * Return: 0, -ENODEV (no module), -EOPNOTSUPP (#GP), -EACCES (#UD), or -EIO
 * for any other status, which is logged.
 */
int seamcall(u64 fn, struct tdx_module_args *args)
{
	return sc_retry_errno(__seamcall, fn, args);
}

/**
 * seamcall_ret() - issue a leaf and collect its output registers
 * @fn: leaf number
 * @args: input registers; on return, the output registers
 *
 * Context: process context, preemption enabled.
 * Return: as seamcall().
 */
int seamcall_ret(u64 fn, struct tdx_module_args *args)
{
	return sc_retry_errno(__seamcall_ret, fn, args);
}

/**
 * tdx_sys_init() - TDH.SYS.INIT, the TDX module's global initialisation
 *
 * Must succeed once, on any CPU, before any CPU runs tdx_sys_lp_init().
 * Return: as seamcall().
 */
int tdx_sys_init(void)
{
	/* RCX holds the module attributes, all of them reserved: zero */
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_INIT, &args);
}

/**
 * tdx_sys_lp_init() - TDH.SYS.LP.INIT, per logical CPU initialisation
 *
 * Initialises the CPU it runs on, so the caller keeps the task on that CPU
 * (a bound kworker, as smp_call_on_cpu() gives) rather than disabling
 * preemption.
 * Return: as seamcall().
 */
int tdx_sys_lp_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args);
}

/**
 * tdx_sys_rd() - TDH.SYS.RD, read one global metadata field
 * @field_id: the field, in RDX
 * @data: where the field's value (R8) goes; not written on failure
 *
 * Return: as seamcall().
 */
int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = { .rdx = field_id };
	int ret;

	ret = seamcall_ret(TDH_SYS_RD, &args);
	if (ret)
		return ret;

	*data = args.r8;
	return 0;
}

/**
 * tdx_read_max_tdmrs() - how many TDMRs the TDX module accepts
 * @max_tdmrs: the value; not written on failure
 *
 * Return: as seamcall().
 */
int tdx_read_max_tdmrs(u16 *max_tdmrs)
{
	u64 val;
	int ret;

	/* The field is 16 bits wide: refuse to build if the ID says otherwise */
	BUILD_BUG_ON(((MD_FIELD_ID_MAX_TDMRS >> MD_FIELD_ID_ELE_SIZE_SHIFT) &
		      MD_FIELD_ID_ELE_SIZE_MASK) != MD_FIELD_ID_ELE_SIZE_16BIT);

	ret = tdx_sys_rd(MD_FIELD_ID_MAX_TDMRS, &val);
	if (ret)
		return ret;

	*max_tdmrs = (u16)val;
	return 0;
}
