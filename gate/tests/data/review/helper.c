
/* Not called yet: the next patches of the series call it. */
static int __always_unused sys_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_INIT, &args) ? -EIO : 0;
}

/* Reads a global field; the caller may want the registers too. */
static u64 sys_rd(u64 field, struct tdx_module_args *out)
{
	struct tdx_module_args args = { .rdx = field };
	u64 ret = __seamcall(TDH_SYS_RD, &args);

	if (out)
		*out = args;
	return ret;
}
