// SPDX-License-Identifier: GPL-2.0
/* Plugin front end tests: no headers, the kernel shapes written out. */
typedef unsigned long long u64;
struct tdx_module_args { u64 rcx, rdx, r8, r9; };

u64 __seamcall(u64 fn, struct tdx_module_args *args);
void pr_err(const char *fmt, ...);
int my_fw_call(int op);

static int tdx_init(u64 fn)
{
	struct tdx_module_args args = {};

	__seamcall(fn, &args);
	if (__seamcall(fn, &args))
		pr_err("failed %llu\n",
		       fn);
	return tdx_init != 0;
}

int not_tdx(int x)
{
	my_fw_call(1);
	if (x)
		pr_err("not TDX code: judged with scope=all only %d\n",
		       x);
	return 0;
}
