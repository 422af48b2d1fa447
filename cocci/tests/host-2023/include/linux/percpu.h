/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/percpu.h, the little the 2023 host code uses, for compiling. */
#ifndef _HOST_2023_LINUX_PERCPU_H
#define _HOST_2023_LINUX_PERCPU_H

#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define __this_cpu_read(var)		(var)
#define __this_cpu_write(var, val)	((var) = (val))

#endif /* _HOST_2023_LINUX_PERCPU_H */
