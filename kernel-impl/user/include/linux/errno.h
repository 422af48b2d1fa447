/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for <linux/errno.h>: the Linux numbers, spelled out so
 * that the layer under test never sees the C library's <errno.h>.
 */
#ifndef TDX_USER_LINUX_ERRNO_H
#define TDX_USER_LINUX_ERRNO_H

#define EIO		5
#define EACCES		13
#define ENODEV		19
#define EINVAL		22
#define EOPNOTSUPP	95

#endif /* TDX_USER_LINUX_ERRNO_H */
