// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

#define TDX_RETURN_ERRNO(sret, data, args)				\
	do {								\
		switch (sret) {						\
		case TDX_SUCCESS:					\
			if (data)					\
				*(data) = (args).r8;			\
			return 0;					\
		default:						\
			return -EIO;					\
		}							\
	} while (0)

int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {
		.rdx = field_id,
	};
	u64 sret;

	sret = __seamcall_ret(TDH_SYS_RD, &args);
	TDX_RETURN_ERRNO(sret, data, args);
}

/*
 * check-name: the switch comes from a macro expansion: never reported
 */
