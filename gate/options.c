// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing tdxcheck-gate's options.  Unlike tdxcheck, which sits in a
 * compiler's place, the gate owns its whole command line: compiler flags
 * come only after "--", so a mistyped option is an error, not a flag.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "xalloc.h"

/* --name=VALUE or --name VALUE; *missing when the value is absent. */
static const char *value(const char *name, int argc, char *const argv[], int *i, bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int set_format(struct gate_opts *o, const char *v, char *err, size_t errlen)
{
	if (!strcmp(v, "checkpatch"))
		o->format = GATE_FMT_CHECKPATCH;
	else if (!strcmp(v, "gcc"))
		o->format = GATE_FMT_GCC;
	else if (!strcmp(v, "json"))
		o->format = GATE_FMT_JSON;
	else {
		snprintf(err, errlen, "unknown format '%s' (checkpatch, gcc, json)", v);
		return -1;
	}
	return 0;
}

static int select_rules(struct gate_opts *o, const char *list, bool only, char *err,
			size_t errlen)
{
	char bad[128];

	if (tdx_config_select(&o->cfg, list, only, bad, sizeof(bad))) {
		snprintf(err, errlen, "unknown rule '%s' in --%s", bad, only ? "types" : "ignore");
		return -1;
	}
	return 0;
}

static bool has_stdin(const struct gate_opts *o)
{
	size_t i;

	for (i = 0; i < o->nr_inputs; i++)
		if (!strcmp(o->inputs[i], "-"))
			return true;
	return false;
}

int gate_opts_parse(struct gate_opts *o, int argc, char *const argv[], char *err,
		    size_t errlen)
{
	int i;

	memset(o, 0, sizeof(*o));
	tdx_config_init(&o->cfg);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		bool missing = false;

		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				tdx_argv_push(&o->flags, argv[i]);
			break;
		}
		if (a[0] != '-' || !strcmp(a, "-")) {
			if (!strcmp(a, "-") && has_stdin(o)) {
				snprintf(err, errlen, "'-' given twice (standard input is read once)");
				return -1;
			}
			o->inputs = tdx_xreallocarray(o->inputs, o->nr_inputs + 1,
						      sizeof(*o->inputs));
			o->inputs[o->nr_inputs++] = a;
			o->input = o->inputs[0];
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			o->help = true;
			return 0;
		}
		if (!strcmp(a, "--version")) {
			o->version = true;
			return 0;
		}
		if (!strcmp(a, "-g") || !strcmp(a, "--git")) {
			o->git = true;
			continue;
		}
		/* checkpatch's: the gate needs no tree and always shows types */
		if (!strcmp(a, "--no-tree") || !strcmp(a, "--show-types"))
			continue;
		if ((v = value("--format", argc, argv, &i, &missing))) {
			if (set_format(o, v, err, errlen))
				return -1;
			continue;
		}
		if ((v = value("--types", argc, argv, &i, &missing))) {
			o->types = v;
			if (select_rules(o, v, true, err, errlen))
				return -1;
			continue;
		}
		if ((v = value("--ignore", argc, argv, &i, &missing))) {
			o->ignore = v;
			if (select_rules(o, v, false, err, errlen))
				return -1;
			continue;
		}
		if ((v = value("--scope", argc, argv, &i, &missing))) {
			o->scope = v;
			if (tdx_config_set_scope(&o->cfg, v)) {
				snprintf(err, errlen, "unknown scope '%s' (tdx, all)", v);
				return -1;
			}
			continue;
		}
		if ((v = value("--primitives", argc, argv, &i, &missing))) {
			o->primitives = v;
			continue;
		}
		if ((v = value("--tdxcheck", argc, argv, &i, &missing))) {
			o->tdxcheck = v;
			continue;
		}
		if ((v = value("-p", argc, argv, &i, &missing))) {
			o->compdb = v;
			continue;
		}
		if (missing) {
			snprintf(err, errlen, "option '%s' needs an argument", a);
			return -1;
		}
		snprintf(err, errlen, "unknown option '%s' (see --help)", a);
		return -1;
	}
	if (!o->help && !o->version && !o->input) {
		snprintf(err, errlen, o->git ? "-g needs a revision or a range A..B"
			 : "no patch given (a file, or - for standard input; see --help)");
		return -1;
	}
	return 0;
}

void gate_opts_release(struct gate_opts *o)
{
	tdx_config_release(&o->cfg);
	tdx_argv_release(&o->flags);
	free(o->inputs);
}
