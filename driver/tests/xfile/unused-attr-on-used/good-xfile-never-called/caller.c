// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>

int tdx_sys_init(void);
int tdx_enable(void);

int tdx_enable(void)
{
	return tdx_sys_init();
}
