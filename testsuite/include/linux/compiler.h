/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The attribute and inline macros of include/linux/compiler_types.h and
 * compiler_attributes.h, with the same shapes:
 *
 *  - `inline` carries gnu_inline, an implicit unused (__inline_maybe_unused)
 *    and notrace, so a front end that looks only at the attribute list sees
 *    "unused" on every kernel inline function although nobody spelled it;
 *  - __always_inline is `inline` plus always_inline, so it carries the same
 *    implicit unused;
 *  - __always_unused and __maybe_unused are both __attribute__((__unused__)).
 */
#ifndef _TDX_TS_LINUX_COMPILER_H
#define _TDX_TS_LINUX_COMPILER_H

#define __always_unused		__attribute__((__unused__))
#define __maybe_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __gnu_inline		__attribute__((__gnu_inline__))
#define __noinline		__attribute__((__noinline__))
#define noinline		__attribute__((__noinline__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __must_check		__attribute__((__warn_unused_result__))
#define __cold			__attribute__((__cold__))
/* include/linux/compiler_attributes.h */
#define fallthrough		__attribute__((__fallthrough__))
#define notrace			__attribute__((__no_instrument_function__))

/* Not KBUILD_EXTRA_WARN2: the default kernel build. */
#define __inline_maybe_unused	__maybe_unused

#define inline inline __gnu_inline __inline_maybe_unused notrace
#define __inline__ inline

#define __always_inline		inline __attribute__((__always_inline__))

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		__asm__ __volatile__("" : : : "memory")

#define _THIS_IP_  ({ __label__ __here; __here: (unsigned long)&&__here; })

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

#endif /* _TDX_TS_LINUX_COMPILER_H */
