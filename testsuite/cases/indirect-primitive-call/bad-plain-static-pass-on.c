// SPDX-License-Identifier: GPL-2.0
/*
 * The inner wrapper is __always_inline, but the outer one that passes the
 * primitive on to it is plain static: inlining the inner one into an
 * out-of-line outer one still calls __seamcall through a pointer.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static __always_inline u64 call_leaf(sc_func_t leaf, u64 fn, struct tdx_module_args *args)
{
	return leaf(fn, args);
}

static int call_errno(sc_func_t leaf, u64 fn, struct tdx_module_args *args) /* expect: indirect-primitive-call */
{
	return call_leaf(leaf, fn, args) == TDX_SUCCESS ? 0 : -EIO;
}

int tdx_key_config(void)
{
	struct tdx_module_args args = {};

	return call_errno(__seamcall, TDH_SYS_KEY_CONFIG, &args);
}

/*
 * check-name: a plain static wrapper passing __seamcall on to an always-inline one that calls it
 */
