/* SPDX-License-Identifier: GPL-2.0 */
/* tdxcheck-gate's command line, checkpatch's where it has the same option. */
#ifndef TDXCHECK_GATE_OPTIONS_H
#define TDXCHECK_GATE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "argv.h"
#include "rules.h"

enum gate_format { GATE_FMT_CHECKPATCH, GATE_FMT_GCC, GATE_FMT_JSON };
enum gate_color { GATE_COLOR_AUTO, GATE_COLOR_ALWAYS, GATE_COLOR_NEVER };

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
	/* checkpatch's, with its meanings */
	int quiet;		/* -q: no frames, notes or verdict; twice: no total when clean */
	bool terse;		/* one line per finding (implies --emacs and -q) */
	bool emacs;		/* PATCH:LINE: before each finding */
	bool showfile;		/* FILE:LINE: before each finding, no "#n: FILE:" line */
	bool summary;		/* the total line (--no-summary drops it) */
	bool summary_file;	/* the total line names the patch */
	bool mailback;		/* nothing at all for a clean patch */
	bool strict;		/* CHECK-level findings too, and a checks count */
	bool show_types;	/* LEVEL:TYPE: rather than LEVEL: */
	enum gate_color color;
	bool added_only;	/* --added-lines-only: findings on added lines only */
	bool fix;		/* --fix: write PATCH.EXPERIMENTAL-checkpatch-fixes */
	char *conf;		/* the .checkpatch.conf read, or NULL */
	char *conf_buf;		/* its words, argv points into it */
	char **conf_argv;
	char *types_buf, *ignore_buf;	/* the file's lists, rules only */
};

/*
 * The options of .checkpatch.conf (the first of ./, $HOME/ and .scripts/,
 * as checkpatch looks), then argv.  An option of checkpatch's that the gate
 * has no use for is ignored in the file, as are types that are not rules
 * in its --types and --ignore.  Returns 0, or -1 with a one-line reason
 * naming the option in err.
 */
int gate_opts_parse(struct gate_opts *o, int argc, char *const argv[], char *err,
		    size_t errlen);
void gate_opts_release(struct gate_opts *o);

#endif /* TDXCHECK_GATE_OPTIONS_H */
