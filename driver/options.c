// SPDX-License-Identifier: GPL-2.0
/* Parsing tdxcheck's own options out of a mixed checker/compiler argv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

/* Long options of sparse and gcc that kbuild may hand a checker. */
static const char *const foreign_long[] = {
	"--arch=", "--os=", "--param", "--sysroot",
	/* clang's, in an LLVM=1 build */
	"--target=", "--gcc-toolchain=", "--prefix=", "--ld-path=",
};

/*
 * --name=VALUE or --name VALUE.  Returns the value (advancing *i past a
 * separate one), NULL when argv[*i] is not this option; *missing is set
 * when the option is there without a value.
 */
static const char *long_value(const char *name, int argc, char *const argv[], int *i,
			      bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return a;
	}
	return argv[++*i];
}

/*
 * -p DIR; -j N or -jN.  gcc has -pg, -pipe and -pthread, so -p takes its
 * value only as the next word, and -j joined only with digits.
 */
static const char *short_value(char letter, int argc, char *const argv[], int *i,
			       bool *missing)
{
	const char *a = argv[*i];

	if (a[0] != '-' || a[1] != letter)
		return NULL;
	if (a[2] && letter == 'j' && strspn(a + 2, "0123456789") == strlen(a + 2))
		return a + 2;
	if (a[2])
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return a;
	}
	return argv[++*i];
}

static int set_format(struct tdx_opts *o, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {
		[TDX_FMT_GCC] = "gcc", [TDX_FMT_CHECKPATCH] = "checkpatch",
		[TDX_FMT_JSON] = "json", [TDX_FMT_SARIF] = "sarif",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(v, names[i])) {
			o->format = (enum tdx_format)i;
			return 0;
		}
	}
	snprintf(err, errlen, "unknown format '%s' (gcc, checkpatch, json, sarif)", v);
	return -1;
}

static int select_rules(struct tdx_opts *o, const char *list, bool only,
			char *err, size_t errlen)
{
	char bad[128];

	if (tdx_config_select(&o->cfg, list, only, bad, sizeof(bad))) {
		snprintf(err, errlen, "unknown rule '%s' in --%s (see --list-rules)", bad,
			 only ? "types" : "ignore");
		return -1;
	}
	return 0;
}

int tdx_opts_parse(struct tdx_opts *o, int argc, char *const argv[],
		   char *err, size_t errlen)
{
	bool rest = false;
	int i = 1;

	memset(o, 0, sizeof(*o));
	tdx_config_init(&o->cfg);
	o->jobs = 1;
	o->mode = TDX_MODE_CHECK;
	if (argc > 1 && !strcmp(argv[1], "report")) {
		o->mode = TDX_MODE_REPORT;
		i = 2;
	}
	for (; i < argc; i++) {
		const char *a = argv[i], *v;
		bool missing = false;
		size_t k;

		if (rest || a[0] != '-' || !strcmp(a, "-")) {
			tdx_argv_push(&o->compiler, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			rest = true;
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			o->mode = TDX_MODE_HELP;
			return 0;
		}
		if (!strcmp(a, "--version")) {
			o->mode = TDX_MODE_VERSION;
			return 0;
		}
		if (!strcmp(a, "--list-rules")) {
			o->mode = TDX_MODE_LIST_RULES;
			continue;
		}
		if (!strcmp(a, "--sparse")) {
			o->sparse = true;
			continue;
		}
		if (!strcmp(a, "--error")) {
			o->error = true;
			continue;
		}
		if (!strcmp(a, "--dump-model")) {
			o->dump_model = true;
			continue;
		}
		if (!strcmp(a, "--dry-run")) {
			o->dry_run = true;
			continue;
		}
		if ((v = long_value("--format", argc, argv, &i, &missing)) && !missing) {
			if (set_format(o, v, err, errlen))
				return -1;
			continue;
		}
		if (!missing &&
		    (v = long_value("--frontend", argc, argv, &i, &missing)) && !missing) {
			if (!strcmp(v, "gcc")) {
				o->frontend = TDX_FE_GCC;
			} else if (!strcmp(v, "clang")) {
				o->frontend = TDX_FE_CLANG;
			} else {
				snprintf(err, errlen, "unknown front end '%s' (gcc, clang)", v);
				return -1;
			}
			continue;
		}
		if (!missing && (v = long_value("--types", argc, argv, &i, &missing)) && !missing) {
			o->types = v;
			if (select_rules(o, v, true, err, errlen))
				return -1;
			continue;
		}
		if (!missing && (v = long_value("--rules", argc, argv, &i, &missing)) && !missing) {
			o->types = v;
			if (select_rules(o, v, true, err, errlen))
				return -1;
			continue;
		}
		if (!missing && (v = long_value("--ignore", argc, argv, &i, &missing)) && !missing) {
			o->ignore = v;
			if (select_rules(o, v, false, err, errlen))
				return -1;
			continue;
		}
		if (!missing && (v = long_value("--scope", argc, argv, &i, &missing)) && !missing) {
			o->scope = v;
			if (tdx_config_set_scope(&o->cfg, v)) {
				snprintf(err, errlen, "unknown scope '%s' (tdx, all)", v);
				return -1;
			}
			continue;
		}
		if (!missing &&
		    (v = long_value("--primitives", argc, argv, &i, &missing)) && !missing) {
			o->primitives = v;
			tdx_config_add_primitives(&o->cfg, v);
			continue;
		}
		if (!missing && (v = long_value("--db", argc, argv, &i, &missing)) && !missing) {
			o->db = v;
			continue;
		}
		if (!missing &&
		    (v = long_value("--db-timeout", argc, argv, &i, &missing)) && !missing) {
			char *end;
			long n = strtol(v, &end, 10);

			if (!v[0] || *end || n < 0 || n > 24L * 3600) {
				snprintf(err, errlen, "bad --db-timeout '%s' (seconds, 0 to 86400)", v);
				return -1;
			}
			o->db_timeout = v;
			continue;
		}
		if (!missing && (v = long_value("--plugin", argc, argv, &i, &missing)) && !missing) {
			o->plugin = v;
			continue;
		}
		if (!missing && (v = long_value("--cc", argc, argv, &i, &missing)) && !missing) {
			o->cc = v;
			continue;
		}
		if (!missing && (v = short_value('p', argc, argv, &i, &missing)) && !missing) {
			o->compdb = v;
			continue;
		}
		if (!missing && (v = short_value('j', argc, argv, &i, &missing)) && !missing) {
			char *end;
			long n = strtol(v, &end, 10);

			if (*end || n < 1 || n > 1024) {
				snprintf(err, errlen, "bad job count '%s' for -j", v);
				return -1;
			}
			o->jobs = (unsigned int)n;
			continue;
		}
		if (missing) {
			snprintf(err, errlen, "option '%s' needs an argument", a);
			return -1;
		}
		if (a[1] == '-') {
			bool foreign = false;

			for (k = 0; k < sizeof(foreign_long) / sizeof(foreign_long[0]); k++)
				foreign |= !strncmp(a, foreign_long[k], strlen(foreign_long[k]));
			if (!foreign) {
				snprintf(err, errlen, "unknown option '%s' (see --help)", a);
				return -1;
			}
		}
		tdx_argv_push(&o->compiler, a);
	}
	return 0;
}

void tdx_opts_release(struct tdx_opts *o)
{
	tdx_config_release(&o->cfg);
	tdx_argv_release(&o->compiler);
}
