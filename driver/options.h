/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tdxcheck's command line.  The driver's own options are long options (and
 * -p, -j); everything else is the compiler's, because as kbuild's CHECK the
 * driver receives sparse's and gcc's flags mixed with the source file.
 */
#ifndef TDXCHECK_DRIVER_OPTIONS_H
#define TDXCHECK_DRIVER_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "argv.h"
#include "rules.h"

enum tdx_format { TDX_FMT_GCC, TDX_FMT_CHECKPATCH, TDX_FMT_JSON, TDX_FMT_SARIF };

enum tdx_frontend { TDX_FE_GCC, TDX_FE_CLANG };

enum tdx_mode {
	TDX_MODE_CHECK,		/* check files */
	TDX_MODE_REPORT,	/* `tdxcheck report --db FILE` */
	TDX_MODE_HELP,
	TDX_MODE_VERSION,
	TDX_MODE_LIST_RULES,
};

struct tdx_opts {
	enum tdx_mode mode;
	enum tdx_format format;
	enum tdx_frontend frontend;	/* --frontend=gcc|clang */
	struct tdx_config cfg;
	/* the same selection, passed on to the plugin as given */
	const char *types, *ignore, *scope, *primitives;
	const char *db;
	const char *db_timeout;	/* --db-timeout: seconds a facts writer waits for a lock */
	const char *plugin;	/* --plugin=PATH, else TDXCHECK_PLUGIN, else found */
	const char *cc;		/* --cc=GCC, else TDXCHECK_CC, else gcc */
	const char *compdb;	/* -p */
	unsigned int jobs;	/* -j, default 1 */
	bool sparse, error, dump_model, dry_run;
	struct tdx_argv compiler;	/* every other word, in order: flags and files */
};

/*
 * Parse argv.  Returns 0, or -1 with a one-line reason in err (unknown
 * option, missing or bad argument).
 */
int tdx_opts_parse(struct tdx_opts *o, int argc, char *const argv[],
		   char *err, size_t errlen);
void tdx_opts_release(struct tdx_opts *o);

#endif /* TDXCHECK_DRIVER_OPTIONS_H */
