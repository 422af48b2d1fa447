// SPDX-License-Identifier: GPL-2.0
/*
 * A generic helper calling through its pointer that never receives a TDX
 * primitive: inlining is no concern of this rule.
 */
#include <linux/types.h>
#include <asm/tdx.h>

static inline u64 call_twice(u64 (*op)(u64 x), u64 x)
{
	return op(op(x));
}

static u64 add_one(u64 x)
{
	return x + 1;
}

u64 tdx_next_leaf(u64 fn, struct tdx_module_args *args)
{
	return seamcall(fn, args) ? 0 : call_twice(add_one, fn);
}

/*
 * check-name: a wrapper called through a pointer that only ever gets an ordinary function
 */
