// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* KVM's side of 6.16: the leaf wrappers are SEAMCALLs by construction. */
void tdx_flush_vp(struct tdx_vp *vp)
{
	tdh_vp_flush(vp); /* expect: status-ignored */
}

int tdx_key_config(struct tdx_td *td)
{
	if (tdh_mng_key_config(td))
		return -EIO;
	return 0;
}

/*
 * check-name: a tdh_*() leaf wrapper's status dropped, and one checked
 */
