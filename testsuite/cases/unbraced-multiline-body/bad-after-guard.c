// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/printk.h>
#include <asm/tdx.h>

/*
 * The shape of the kernel's guard(mutex)(&lock) (linux/cleanup.h): a
 * variable whose cleanup runs at the end of its scope.  GCC puts the rest
 * of the scope inside the declaration's cleanup: it is still the
 * function's code.
 */
struct tdx_lock {
	int held;
};

void tdx_lock_release(struct tdx_lock **lock);

#define tdx_guard(lock) \
	struct tdx_lock *__guard __attribute__((__cleanup__(tdx_lock_release))) = (lock)

static struct tdx_lock tdx_module_lock;

int tdx_sys_rd(u64 field, u64 *value)
{
	struct tdx_module_args args = {
		.rdx = field,
	};
	u64 ret;

	tdx_guard(&tdx_module_lock);
	ret = seamcall_ret(TDH_SYS_RD, &args);
	if (ret) /* expect: unbraced-multiline-body */
		pr_err("TDH.SYS.RD failed: field 0x%llx, error 0x%llx\n",
		       field, ret);
	*value = args.r8;
	return ret ? -1 : 0;
}

/*
 * check-name: statements after a cleanup declaration (guard()) are judged
 */
