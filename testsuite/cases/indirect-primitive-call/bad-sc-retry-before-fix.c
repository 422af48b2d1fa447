// SPDX-License-Identifier: GPL-2.0
/*
 * The host SEAMCALL retry wrappers as 6.7 to 6.12 declared them: the
 * primitive comes in as a function pointer and the wrappers are only
 * "static inline", which the kernel's inline makes a hint.  Out of line,
 * "func(fn, args)" is an indirect call to an assembly function.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/shared/tdx.h>

#define TDX_SUCCESS			0ULL
#define TDX_RND_NO_ENTROPY		0x8000020300000000ULL
#define TDX_SEAMCALL_VMFAILINVALID	0x8000FF00FFFF0000ULL
#define RDRAND_RETRY_LOOPS		10

u64 __seamcall(u64 fn, struct tdx_module_args *args);
u64 __seamcall_ret(u64 fn, struct tdx_module_args *args);

typedef u64 (*sc_func_t)(u64 fn, struct tdx_module_args *args);

static inline u64 sc_retry(sc_func_t func, u64 fn, /* expect: indirect-primitive-call */
			   struct tdx_module_args *args)
{
	int retry = RDRAND_RETRY_LOOPS;
	u64 ret;

	do {
		ret = func(fn, args);
	} while (ret == TDX_RND_NO_ENTROPY && --retry);

	return ret;
}

#define seamcall(_fn, _args)		sc_retry(__seamcall, (_fn), (_args))
#define seamcall_ret(_fn, _args)	sc_retry(__seamcall_ret, (_fn), (_args))

static inline int sc_retry_prerr(sc_func_t func, u64 fn, /* expect: indirect-primitive-call */
				 struct tdx_module_args *args)
{
	u64 sret = sc_retry(func, fn, args);

	if (sret == TDX_SUCCESS)
		return 0;
	if (sret == TDX_SEAMCALL_VMFAILINVALID)
		return -ENODEV;
	pr_err("SEAMCALL (0x%016llx) failed: 0x%016llx\n", fn, sret);
	return -EIO;
}

#define seamcall_prerr(__fn, __args)	sc_retry_prerr(__seamcall, (__fn), (__args))

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};

	return seamcall_prerr(35, &args);
}

u64 tdx_sys_rd(u64 field, u64 *value)
{
	struct tdx_module_args args = { .rdx = field };
	u64 ret = seamcall_ret(34, &args);

	*value = args.r8;
	return ret;
}

/*
 * check-name: 6.12's sc_retry() and sc_retry_prerr() before the 2025 fix, both static inline
 */
