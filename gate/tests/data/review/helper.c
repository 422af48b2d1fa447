
/* Not called yet: the next patches of the series call it. */
static int __always_unused sys_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_INIT, &args) ? -EIO : 0;
}
