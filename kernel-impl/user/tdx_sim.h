/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A scriptable stand-in for the TDX module, linked in place of seamcall.S.
 *
 * A test queues the statuses the module answers with, in order; the
 * simulator records every SEAMCALL (leaf, variant, input registers) and
 * behaves as seamcall.S does around the instruction:
 *  - VMfailInvalid, #GP and #UD never reach the module: RAX is the software
 *    status and the register block is not written, even by __seamcall_ret();
 *  - any status the module itself returns, success or error, makes
 *    __seamcall_ret() store the output registers; a step without scripted
 *    outputs stores SIM_CLOBBER, as a real module leaves junk on failure;
 *  - __seamcall() never writes the register block.
 * It reads every input register so that memcheck reports an uninitialised
 * one at the SEAMCALL that passed it.
 */
#ifndef TDX_SIM_H
#define TDX_SIM_H

#include "../seamcall.h"

#define SIM_MAX_CALLS	64
#define SIM_LOG_SIZE	4096
#define SIM_CLOBBER	0xdeadbeefdeadbeefULL

struct sim_call {
	u64 fn;
	bool ret;			/* through __seamcall_ret() */
	struct tdx_module_args in;	/* the registers at the instruction */
};

/* Forget the script, the record, the log and the counters */
void sim_reset(void);
/* Answer the next SEAMCALL with @status and, if @out, these outputs */
void sim_push(u64 status, const struct tdx_module_args *out);
/* Answer every SEAMCALL past the script with @status (default: abort) */
void sim_set_default(u64 status);
/* The CPU that raw_smp_processor_id() reports */
void sim_set_cpu(int cpu);

unsigned int sim_ncalls(void);
const struct sim_call *sim_call(unsigned int i);
unsigned int sim_might_sleep_count(void);
unsigned int sim_cond_resched_count(void);
const char *sim_log(void);

#endif /* TDX_SIM_H */
