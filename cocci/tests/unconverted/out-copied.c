// SPDX-License-Identifier: GPL-2.0
/*
 * Not converted: the helper hands its output struct to a function that
 * still takes struct tdx_module_output, so its type cannot change alone.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <asm/tdx.h>

u64 __tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9,
		      struct tdx_module_output *out);

void tdx_save_output(struct tdx_module_output *out);

static u64 tdx_call_and_save(u64 fn, u64 rcx, struct tdx_module_output *out)
{
	u64 ret = __tdx_module_call(fn, rcx, 0, 0, 0, out);

	tdx_save_output(out);
	return ret;
}

u64 tdx_info(void)
{
	struct tdx_module_output out;

	return tdx_call_and_save(TDG_VP_INFO, 0, &out);
}
