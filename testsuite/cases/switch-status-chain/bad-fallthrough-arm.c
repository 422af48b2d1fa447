// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/compiler.h>
#include <asm/tdx.h>

/*
 * A case that only says `fallthrough;` is one more label of the next arm
 * (6.12 arch/x86/kvm/x86.c kvm_handle_invpcid()): every arm still returns.
 */
int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {
		.rdx = field_id,
	};
	u64 sret;

	sret = __seamcall_ret(TDH_SYS_RD, &args);

	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		*data = args.r8;
		return 0;
	case TDX_SEAMCALL_GP:
		/* TDX not enabled in the BIOS: the same as no module */
		fallthrough;
	case TDX_SEAMCALL_VMFAILINVALID:
		return -ENODEV;
	default:
		if (!data)
			return -EINVAL;
		return -EIO;
	}
}

/*
 * check-name: a fallthrough-only case is a label of the next arm, which returns
 */
