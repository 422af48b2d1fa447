// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* 6.12: one struct carries the inputs in and the outputs back. */
static int read_sys_metadata_field(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {};
	u64 sret;

	args.rdx = field_id;
	sret = seamcall_ret(TDH_SYS_RD, &args);
	if (sret != TDX_SUCCESS)
		return -EIO;

	*data = args.r8;
	return 0;
}

int get_tdx_sys_info_features(u64 *features)
{
	return read_sys_metadata_field(0x0A00000300000008ULL, features);
}

/*
 * check-name: 6.12 shape: scalar input not a register name, output through a u64 pointer
 */
