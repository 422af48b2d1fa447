/* SPDX-License-Identifier: GPL-2.0 */
/* tdxcheck-gate's command line, checkpatch's where it has the same option. */
#ifndef TDXCHECK_GATE_OPTIONS_H
#define TDXCHECK_GATE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "argv.h"
#include "rules.h"

enum gate_format { GATE_FMT_CHECKPATCH, GATE_FMT_GCC, GATE_FMT_JSON };

struct gate_opts {
	const char *input;	/* the first of inputs */
	const char **inputs;	/* patch files and "-", or with -g revisions and ranges */
	size_t nr_inputs;
	bool git;		/* -g, --git */
	bool help, version;
	enum gate_format format;
	struct tdx_config cfg;	/* only to refuse a bad selection before any work */
	const char *types, *ignore, *scope, *primitives;	/* passed to tdxcheck */
	const char *compdb;	/* -p */
	const char *tdxcheck;	/* --tdxcheck=PATH */
	struct tdx_argv flags;	/* the words after "--" */
};

/* Returns 0, or -1 with a one-line reason naming the option in err. */
int gate_opts_parse(struct gate_opts *o, int argc, char *const argv[], char *err,
		    size_t errlen);
void gate_opts_release(struct gate_opts *o);

#endif /* TDXCHECK_GATE_OPTIONS_H */
