/* SPDX-License-Identifier: GPL-2.0 */
/* The errno values of include/uapi/asm-generic/errno-base.h that cases use. */
#ifndef _TDX_TS_LINUX_ERRNO_H
#define _TDX_TS_LINUX_ERRNO_H

#define EPERM		 1
#define ENOENT		 2
#define EIO		 5
#define ENXIO		 6
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define EOPNOTSUPP	95

#endif /* _TDX_TS_LINUX_ERRNO_H */
