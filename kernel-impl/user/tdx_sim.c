// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated TDX module and the hooks behind the user/include shims.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include "tdx_sim.h"

struct sim_step {
	u64 status;
	bool has_out;
	struct tdx_module_args out;
};

static struct sim_step script[SIM_MAX_CALLS];
static unsigned int nsteps;
static unsigned int next_step;
static bool has_default;
static u64 default_status;

static struct sim_call calls[SIM_MAX_CALLS];
static unsigned int ncalls;

static char log_buf[SIM_LOG_SIZE];
static size_t log_len;
static unsigned int might_sleep_count;
static unsigned int cond_resched_count;
static int cpu;

void sim_reset(void)
{
	nsteps = 0;
	next_step = 0;
	has_default = false;
	ncalls = 0;
	log_len = 0;
	log_buf[0] = '\0';
	might_sleep_count = 0;
	cond_resched_count = 0;
	cpu = 0;
}

void sim_push(u64 status, const struct tdx_module_args *out)
{
	struct sim_step *s;

	if (nsteps == SIM_MAX_CALLS) {
		fprintf(stderr, "tdx_sim: script longer than %d steps\n", SIM_MAX_CALLS);
		abort();
	}
	s = &script[nsteps++];
	s->status = status;
	s->has_out = false;
	if (out) {
		s->has_out = true;
		s->out = *out;
	}
}

void sim_set_default(u64 status)
{
	has_default = true;
	default_status = status;
}

void sim_set_cpu(int c)
{
	cpu = c;
}

unsigned int sim_ncalls(void)
{
	return ncalls;
}

const struct sim_call *sim_call(unsigned int i)
{
	return i < ncalls ? &calls[i] : NULL;
}

unsigned int sim_might_sleep_count(void)
{
	return might_sleep_count;
}

unsigned int sim_cond_resched_count(void)
{
	return cond_resched_count;
}

const char *sim_log(void)
{
	return log_buf;
}

/*
 * Reading a register, as the instruction does.  memcheck reports an undefined
 * value only where it decides something (a branch, an address), which a copy
 * is not: ask it explicitly, at the SEAMCALL that passes the register.
 */
static u64 read_reg(const u64 *reg)
{
	(void)VALGRIND_CHECK_MEM_IS_DEFINED(reg, sizeof(*reg));
	return *reg;
}

static u64 sim_seamcall(u64 fn, struct tdx_module_args *args, bool ret)
{
	struct sim_call *c;
	struct sim_step step;

	if (ncalls == SIM_MAX_CALLS) {
		fprintf(stderr, "tdx_sim: more than %d SEAMCALLs\n", SIM_MAX_CALLS);
		abort();
	}
	c = &calls[ncalls++];
	c->fn = fn;
	c->ret = ret;
	c->in.rcx = read_reg(&args->rcx);
	c->in.rdx = read_reg(&args->rdx);
	c->in.r8 = read_reg(&args->r8);
	c->in.r9 = read_reg(&args->r9);
	c->in.r10 = read_reg(&args->r10);
	c->in.r11 = read_reg(&args->r11);

	if (next_step < nsteps) {
		step = script[next_step++];
	} else if (has_default) {
		step.status = default_status;
		step.has_out = false;
	} else {
		fprintf(stderr, "tdx_sim: unscripted SEAMCALL %llu\n",
			(unsigned long long)fn);
		abort();
	}

	/* The instruction failed: seamcall.S returns before the stores */
	if (step.status == TDX_SEAMCALL_VMFAILINVALID ||
	    step.status == TDX_SEAMCALL_GP || step.status == TDX_SEAMCALL_UD)
		return step.status;

	if (ret) {
		if (step.has_out) {
			*args = step.out;
		} else {
			args->rcx = SIM_CLOBBER;
			args->rdx = SIM_CLOBBER;
			args->r8 = SIM_CLOBBER;
			args->r9 = SIM_CLOBBER;
			args->r10 = SIM_CLOBBER;
			args->r11 = SIM_CLOBBER;
		}
	}
	return step.status;
}

u64 __seamcall(u64 fn, struct tdx_module_args *args)
{
	return sim_seamcall(fn, args, false);
}

u64 __seamcall_ret(u64 fn, struct tdx_module_args *args)
{
	return sim_seamcall(fn, args, true);
}

void tdx_sim_printk(const char *level, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(log_buf + log_len, sizeof(log_buf) - log_len, "<%s>", level);
	if (n > 0 && (size_t)n < sizeof(log_buf) - log_len)
		log_len += n;
	va_start(ap, fmt);
	n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(log_buf) - log_len)
		log_len += n;
}

void tdx_sim_might_sleep(void)
{
	might_sleep_count++;
}

void tdx_sim_cond_resched(void)
{
	cond_resched_count++;
}

int tdx_sim_cpu(void)
{
	return cpu;
}
