// SPDX-License-Identifier: GPL-2.0
/*
 * The C library's errno numbers, built without user/include, so that the
 * tests can check the shim's <linux/errno.h> against them.
 */
#include <errno.h>

const int libc_eio = EIO;
const int libc_eacces = EACCES;
const int libc_enodev = ENODEV;
const int libc_eopnotsupp = EOPNOTSUPP;
