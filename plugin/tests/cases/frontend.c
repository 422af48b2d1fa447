// SPDX-License-Identifier: GPL-2.0
/*
 * Front end facts, checked as a whole model dump: spelled attributes on a
 * prototype and a parameter (and the implicit one of kernel inline, which
 * must not count), braces, else, macro origin, get_cpu() as a statement
 * expression, NULL, &local, function and parameter arguments, an ops table,
 * always_inline given on the prototype only. */
typedef unsigned long long u64;
#define __always_unused __attribute__((__unused__))
#define __maybe_unused __attribute__((__unused__))
#define inline inline __attribute__((__gnu_inline__)) __maybe_unused
#define preempt_disable() do { __asm__ __volatile__("" ::: "memory"); } while (0)
#define get_cpu() ({ preempt_disable(); raw_cpu(); })
#define for_each_try(i) for ((i) = 0; (i) < 3; (i)++)

struct tdx_module_output { u64 rcx, rdx; };
struct ops { int (*call)(u64 fn, u64 *ret); };

int raw_cpu(void);
void pr_err(const char *fmt, ...);
u64 __seamcall(u64 fn, u64 rcx,
	       struct tdx_module_output *out);
static int __always_unused helper(u64 fn, u64 *ret);

static inline int wrap(int (*cb)(u64 fn, u64 *ret), u64 fn)
{
	return cb(fn, 0);
}

static int helper(u64 fn, u64 *ret __maybe_unused)
{
	struct tdx_module_output out;
	int cpu, i;
	u64 sret;

	cpu = get_cpu();
	for_each_try(i)
		sret = __seamcall(fn, 0, &out);
	if (sret) {
		pr_err("cpu %d\n", cpu);
		return -1;
	} else
		return sret == 1 ?
			1 : 0;
}

static const struct ops table = { .call = helper };

static inline __attribute__((__always_inline__)) int forced(int (*cb)(u64 fn, u64 *ret), u64 fn);
static int forced(int (*cb)(u64 fn, u64 *ret), u64 fn)
{
	return wrap(cb, fn);
}

int user(void)
{
	return wrap(helper, 1) + table.call(2, (void *)0) + forced(helper, 3);
}
