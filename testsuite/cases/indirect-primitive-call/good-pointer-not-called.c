// SPDX-License-Identifier: GPL-2.0
/*
 * The primitive is passed as a pointer but never called through it here:
 * the function stores it in an ops table, or compares it.  What calls it
 * later is another function's business.
 */
#include <linux/types.h>
#include <asm/tdx.h>

struct tdx_ops {
	sc_func_t call;
};

static struct tdx_ops tdx_ops;

static void tdx_set_call(sc_func_t call)
{
	tdx_ops.call = call;
}

static bool tdx_is_plain(sc_func_t call)
{
	return call == __seamcall;
}

int tdx_ops_init(void)
{
	tdx_set_call(__seamcall);
	return tdx_is_plain(__seamcall_ret) ? 1 : 0;
}

/*
 * check-name: a function that stores or compares the primitive's pointer without calling it
 */
