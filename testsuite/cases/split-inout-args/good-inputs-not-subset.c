// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/* An output struct that holds fewer registers than go in. */
struct seam_out {
	u64 rcx;
	u64 rdx;
};

u64 __seamcall_legacy(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9,
		      struct seam_out *out);

/* A firmware ABI: eight inputs a0..a7, a result of four. */
struct fw_res {
	u64 a0;
	u64 a1;
	u64 a2;
	u64 a3;
};

u64 tdcall_fw(u64 fn, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5,
	      u64 a6, u64 a7, struct fw_res *res)
{
	struct tdx_module_args args = {
		.rcx = a0, .rdx = a1, .r8 = a2, .r9 = a3,
		.r10 = a4, .r11 = a5, .r12 = a6, .r13 = a7,
	};
	u64 ret;

	ret = __tdcall_ret(fn, &args);
	res->a0 = args.rcx;
	res->a1 = args.rdx;
	res->a2 = args.r8;
	res->a3 = args.r9;
	return ret;
}

u64 tdx_legacy_info(u64 *rdx)
{
	struct seam_out out = {};
	u64 ret;

	ret = __seamcall_legacy(TDH_SYS_INFO, 0, 0, 0, 0, &out);
	*rdx = out.rdx;
	return ret;
}

/*
 * check-name: scalar inputs that are not a subset of the output struct's fields
 */
