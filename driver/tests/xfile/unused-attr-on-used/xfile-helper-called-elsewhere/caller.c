// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>

int tdx_sys_lp_init(void);
int tdx_cpu_enable(void);

int tdx_cpu_enable(void)
{
	return tdx_sys_lp_init();
}
