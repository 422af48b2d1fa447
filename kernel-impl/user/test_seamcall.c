// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of tdx_seamcall.c against the simulated TDX module.
 *
 * Usage: test_seamcall [CASE...]; no CASE runs them all.  Prints one line
 * per case and closes with "N passed, N failed"; exits 1 if any failed.
 * The case "uninit-control" is not part of "all": it passes uninitialised
 * registers on purpose, to show that the memcheck run would catch it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>

#include "tdx_sim.h"

/* errno_libc.c: the C library's numbers, which the shim must match */
extern const int libc_eio, libc_eacces, libc_enodev, libc_eopnotsupp;

static const char *current;
static int failed_checks;

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "%s: %s:%d: CHECK(%s) failed\n",\
				current, __FILE__, __LINE__, #cond);	\
			failed_checks++;				\
		}							\
	} while (0)

#define CHECK_U64(got, want)						\
	do {								\
		u64 g_ = (got), w_ = (want);				\
		if (g_ != w_) {						\
			fprintf(stderr, "%s: %s:%d: %s is 0x%llx, want 0x%llx\n",\
				current, __FILE__, __LINE__, #got,	\
				(unsigned long long)g_,			\
				(unsigned long long)w_);		\
			failed_checks++;				\
		}							\
	} while (0)

#define TDX_OPERAND_INVALID	0xc000010000000000ULL

static const char other_error_log[] =
	"<err>tdx_ref: SEAMCALL 34 failed on CPU 3: 0xc000010000000000\n"
	"<err>tdx_ref: RCX 0x00000000000000a1 RDX 0x00000000000000a2 R8 0x00000000000000a3\n"
	"<err>tdx_ref: R9 0x00000000000000a4 R10 0x00000000000000a5 R11 0x00000000000000a6\n";

static const struct tdx_module_args sample_in = {
	.rcx = 0x1111111111111111ULL, .rdx = 0x2222222222222222ULL,
	.r8 = 0x3333333333333333ULL, .r9 = 0x4444444444444444ULL,
	.r10 = 0x5555555555555555ULL, .r11 = 0x6666666666666666ULL,
};

static const struct tdx_module_args sample_out = {
	.rcx = 0xa1, .rdx = 0xa2, .r8 = 0xa3, .r9 = 0xa4, .r10 = 0xa5, .r11 = 0xa6,
};

static const struct tdx_module_args zero_args;

static bool args_equal(const struct tdx_module_args *a, const struct tdx_module_args *b)
{
	return a->rcx == b->rcx && a->rdx == b->rdx && a->r8 == b->r8 &&
	       a->r9 == b->r9 && a->r10 == b->r10 && a->r11 == b->r11;
}

/* Every register reaches the module exactly as the caller set it */
static void test_inputs_exact(void)
{
	struct tdx_module_args args = sample_in;

	sim_push(TDX_SUCCESS, &sample_out);
	CHECK(seamcall(0x1234, &args) == 0);
	CHECK(sim_ncalls() == 1);
	CHECK_U64(sim_call(0)->fn, 0x1234);
	CHECK(!sim_call(0)->ret);
	CHECK(args_equal(&sim_call(0)->in, &sample_in));
	/* __seamcall() takes inputs only: the block is left as it was */
	CHECK(args_equal(&args, &sample_in));
	CHECK(sim_might_sleep_count() == 1);
	CHECK(strcmp(sim_log(), "") == 0);
}

/* __seamcall_ret() brings the output registers back in the same struct */
static void test_outputs_back(void)
{
	struct tdx_module_args args = sample_in;

	sim_push(TDX_SUCCESS, &sample_out);
	CHECK(seamcall_ret(0x99, &args) == 0);
	CHECK(sim_ncalls() == 1);
	CHECK(sim_call(0)->ret);
	CHECK(args_equal(&sim_call(0)->in, &sample_in));
	CHECK(args_equal(&args, &sample_out));
}

static void check_sw_error(u64 status, int want_errno)
{
	struct tdx_module_args args = sample_in;

	sim_push(status, NULL);
	CHECK(seamcall_ret(TDH_SYS_RD, &args) == want_errno);
	CHECK(sim_ncalls() == 1);
	/* no retry, nothing logged, no output registers */
	CHECK(sim_cond_resched_count() == 0);
	CHECK(strcmp(sim_log(), "") == 0);
	CHECK(args_equal(&args, &sample_in));
}

static void test_vmfailinvalid(void)
{
	check_sw_error(TDX_SEAMCALL_VMFAILINVALID, -ENODEV);
}

static void test_gp(void)
{
	check_sw_error(TDX_SEAMCALL_GP, -EOPNOTSUPP);
}

static void test_ud(void)
{
	check_sw_error(TDX_SEAMCALL_UD, -EACCES);
}

/* Any other status is printed, with the CPU, and becomes -EIO */
static void test_other_error(void)
{
	struct tdx_module_args args = sample_in;

	sim_set_cpu(3);
	sim_push(TDX_OPERAND_INVALID, &sample_out);
	CHECK(seamcall_ret(TDH_SYS_RD, &args) == -EIO);
	CHECK(sim_ncalls() == 1);
	CHECK(strcmp(sim_log(), other_error_log) == 0);
}

/* RND_NO_ENTROPY three times, then success: four calls, same inputs each */
static void test_entropy_then_success(void)
{
	struct tdx_module_args args = sample_in;
	unsigned int i;

	for (i = 0; i < 3; i++)
		sim_push(TDX_RND_NO_ENTROPY, NULL);
	sim_push(TDX_SUCCESS, &sample_out);
	CHECK(seamcall_ret(0x77, &args) == 0);
	CHECK(sim_ncalls() == 4);
	/* __seamcall_ret() clobbered the block: each retry restores inputs */
	for (i = 0; i < sim_ncalls(); i++) {
		CHECK_U64(sim_call(i)->fn, 0x77);
		CHECK(args_equal(&sim_call(i)->in, &sample_in));
	}
	CHECK(args_equal(&args, &sample_out));
	/* preemptible between attempts, and once declared so */
	CHECK(sim_cond_resched_count() == 3);
	CHECK(sim_might_sleep_count() == 1);
	CHECK(strcmp(sim_log(), "") == 0);
}

/* The last allowed attempt still counts */
static void test_entropy_last_try(void)
{
	struct tdx_module_args args = sample_in;
	unsigned int i;

	for (i = 0; i < TDX_RND_RETRY_LOOPS - 1; i++)
		sim_push(TDX_RND_NO_ENTROPY, NULL);
	sim_push(TDX_SUCCESS, &sample_out);
	CHECK(seamcall(0x77, &args) == 0);
	CHECK(sim_ncalls() == TDX_RND_RETRY_LOOPS);
}

/* Entropy never comes back: exactly TDX_RND_RETRY_LOOPS calls, then -EIO */
static void test_entropy_forever(void)
{
	struct tdx_module_args args = sample_in;
	unsigned int i;

	sim_set_default(TDX_RND_NO_ENTROPY);
	CHECK(seamcall_ret(0x77, &args) == -EIO);
	CHECK(sim_ncalls() == 10);
	CHECK(TDX_RND_RETRY_LOOPS == 10);
	CHECK(sim_cond_resched_count() == 9);
	for (i = 0; i < sim_ncalls(); i++)
		CHECK(args_equal(&sim_call(i)->in, &sample_in));
	CHECK(strstr(sim_log(), "SEAMCALL 119 failed on CPU 0: 0x8000020300000000\n"));
}

static void test_sys_init(void)
{
	sim_push(TDX_SUCCESS, &sample_out);
	CHECK(tdx_sys_init() == 0);
	CHECK(sim_ncalls() == 1);
	CHECK_U64(sim_call(0)->fn, TDH_SYS_INIT);
	CHECK_U64(sim_call(0)->fn, 33);
	CHECK(!sim_call(0)->ret);
	CHECK(args_equal(&sim_call(0)->in, &zero_args));

	sim_reset();
	sim_push(TDX_SEAMCALL_VMFAILINVALID, NULL);
	CHECK(tdx_sys_init() == -ENODEV);
}

static void test_sys_lp_init(void)
{
	sim_push(TDX_SUCCESS, NULL);
	CHECK(tdx_sys_lp_init() == 0);
	CHECK(sim_ncalls() == 1);
	CHECK_U64(sim_call(0)->fn, 35);
	CHECK(!sim_call(0)->ret);
	CHECK(args_equal(&sim_call(0)->in, &zero_args));

	sim_reset();
	sim_push(TDX_SEAMCALL_UD, NULL);
	CHECK(tdx_sys_lp_init() == -EACCES);
}

static void test_sys_rd(void)
{
	struct tdx_module_args out = { .rdx = 0x9100000100000009ULL, .r8 = 0xabcd };
	u64 data = 42;

	sim_push(TDX_SUCCESS, &out);
	CHECK(tdx_sys_rd(0x9100000100000008ULL, &data) == 0);
	CHECK_U64(data, 0xabcd);
	CHECK(sim_ncalls() == 1);
	CHECK_U64(sim_call(0)->fn, 34);
	CHECK(sim_call(0)->ret);
	CHECK_U64(sim_call(0)->in.rdx, 0x9100000100000008ULL);
	CHECK_U64(sim_call(0)->in.rcx, 0);
	CHECK_U64(sim_call(0)->in.r8, 0);
	CHECK_U64(sim_call(0)->in.r9, 0);
	CHECK_U64(sim_call(0)->in.r10, 0);
	CHECK_U64(sim_call(0)->in.r11, 0);

	/* on failure the caller's variable is left alone */
	sim_reset();
	data = 42;
	sim_push(TDX_OPERAND_INVALID, NULL);
	CHECK(tdx_sys_rd(0x9100000100000008ULL, &data) == -EIO);
	CHECK_U64(data, 42);

	sim_reset();
	sim_push(TDX_SEAMCALL_GP, NULL);
	CHECK(tdx_sys_rd(0x9100000100000008ULL, &data) == -EOPNOTSUPP);
	CHECK_U64(data, 42);
}

static void test_max_tdmrs(void)
{
	struct tdx_module_args out = { .r8 = 64 };
	u16 max = 7;

	sim_push(TDX_SUCCESS, &out);
	CHECK(tdx_read_max_tdmrs(&max) == 0);
	CHECK(max == 64);
	CHECK_U64(sim_call(0)->in.rdx, MD_FIELD_ID_MAX_TDMRS);

	sim_reset();
	max = 7;
	sim_push(TDX_SEAMCALL_VMFAILINVALID, NULL);
	CHECK(tdx_read_max_tdmrs(&max) == -ENODEV);
	CHECK(max == 7);
}

/* The software codes are the documented ones (asm/tdx.h in 6.12) */
static void test_status_codes(void)
{
	CHECK_U64(TDX_SW_ERROR, (1ULL << 63) | (0xffULL << 40));
	CHECK_U64(TDX_SEAMCALL_VMFAILINVALID, TDX_SW_ERROR | 0xffff0000ULL);
	CHECK_U64(TDX_SEAMCALL_GP, TDX_SW_ERROR | 13);	/* X86_TRAP_GP */
	CHECK_U64(TDX_SEAMCALL_UD, TDX_SW_ERROR | 6);	/* X86_TRAP_UD */
	CHECK(EIO == libc_eio && EACCES == libc_eacces);
	CHECK(ENODEV == libc_enodev && EOPNOTSUPP == libc_eopnotsupp);
}

/* Deliberately wrong: registers from uninitialised memory */
static void test_uninit_control(void)
{
	struct tdx_module_args *args = malloc(sizeof(*args));

	CHECK(args);
	if (!args)
		return;
	sim_push(TDX_SUCCESS, NULL);
	seamcall(0x1, args);
	free(args);
}

struct test_case {
	const char *name;
	void (*fn)(void);
	bool in_all;
};

static const struct test_case cases[] = {
	{ "inputs-exact", test_inputs_exact, true },
	{ "outputs-back", test_outputs_back, true },
	{ "vmfailinvalid", test_vmfailinvalid, true },
	{ "gp", test_gp, true },
	{ "ud", test_ud, true },
	{ "other-error", test_other_error, true },
	{ "entropy-then-success", test_entropy_then_success, true },
	{ "entropy-last-try", test_entropy_last_try, true },
	{ "entropy-forever", test_entropy_forever, true },
	{ "sys-init", test_sys_init, true },
	{ "sys-lp-init", test_sys_lp_init, true },
	{ "sys-rd", test_sys_rd, true },
	{ "max-tdmrs", test_max_tdmrs, true },
	{ "status-codes", test_status_codes, true },
	{ "uninit-control", test_uninit_control, false },
	{ NULL, NULL, false },
};

static bool run(const struct test_case *c)
{
	int before = failed_checks;

	current = c->name;
	sim_reset();
	c->fn();
	printf("%s %s\n", failed_checks == before ? "ok  " : "FAIL", c->name);
	return failed_checks == before;
}

int main(int argc, char **argv)
{
	const struct test_case *c;
	unsigned int passed = 0, failed = 0;
	int a;

	if (argc < 2) {
		for (c = cases; c->name; c++) {
			if (!c->in_all)
				continue;
			if (run(c))
				passed++;
			else
				failed++;
		}
	}
	for (a = 1; a < argc; a++) {
		for (c = cases; c->name; c++)
			if (!strcmp(argv[a], c->name))
				break;
		if (!c->name) {
			fprintf(stderr, "test_seamcall: unknown case '%s'\n", argv[a]);
			return 2;
		}
		if (run(c))
			passed++;
		else
			failed++;
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
