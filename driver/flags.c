// SPDX-License-Identifier: GPL-2.0
/*
 * Compiler flag filtering.
 *
 * kbuild hands a checker sparse's flags and gcc's flags in one argv.  gcc
 * rejects sparse's (-Wbitwise, -mlittle-endian), must not write dependency
 * files into the build (-Wp,-MMD,dir/.file.o.d would overwrite the ones make
 * reads) and must never see __CHECKER__, which switches the kernel headers
 * to sparse-only annotations.  Warnings are gcc's job during the real
 * compile: tdxcheck runs gcc with -w, so every -W option can go.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "flags.h"

enum action { KEEP, DROP };

/* Options that take their argument as the next word (or joined). */
struct with_arg {
	const char *name;
	enum action action;
};

static const struct with_arg with_arg[] = {
	{ "-I", KEEP }, { "-D", KEEP }, { "-U", KEEP },
	{ "-include", KEEP }, { "-imacros", KEEP }, { "-isystem", KEEP },
	{ "-iquote", KEEP }, { "-idirafter", KEEP }, { "-iprefix", KEEP },
	{ "-iwithprefix", KEEP }, { "-iwithprefixbefore", KEEP },
	{ "-isysroot", KEEP }, { "--sysroot", KEEP }, { "-x", KEEP },
	{ "-Xpreprocessor", KEEP },
	{ "-o", DROP }, { "-MF", DROP }, { "-MT", DROP }, { "-MQ", DROP },
	{ "-Xassembler", DROP }, { "-Xlinker", DROP }, { "--param", DROP },
	{ "-gcc-base-dir", DROP }, { "-multiarch-dir", DROP },	/* sparse */
};

/* Exact words or prefixes dropped. */
static const char *const drop_exact[] = {
	"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-w",
	"-pg", "-pipe", "-v", "-pedantic", "-pedantic-errors",
	"-mlittle-endian", "-mbig-endian", "-msize-long", "-msize-llp64",	/* sparse */
	"-fsyntax-only", "-fmem2reg", "-fno-mem2reg",
};

static const char *const drop_prefix[] = {
	"-W",			/* warnings; -Wp, is looked at first */
	"-g",			/* debug info */
	"-fplugin",		/* other plugins: -fplugin=, -fplugin-arg- */
	"-fdiagnostic-prefix", "-fmax-warnings", "-fmemcpy-max-count",	/* sparse */
	"-fdump-", "-foptim",	/* sparse's -fdump-ir, -foptim-*; gcc dumps */
	"--arch=", "--os=",	/* sparse */
	"--param=",
};

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* -D__CHECKER__, -D__CHECKER__=1, -D__STDC__ (gcc defines it itself). */
static bool bad_macro(const char *def)
{
	static const char *const names[] = { "__CHECKER__", "__STDC__" };
	size_t i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (!strncmp(def, names[i], n) && (def[n] == '\0' || def[n] == '='))
			return true;
	}
	return false;
}

static void keep_pair(struct tdx_argv *flags, const char *opt, const char *arg)
{
	if (!strcmp(opt, "-D") && bad_macro(arg))
		return;
	tdx_argv_push(flags, opt);
	tdx_argv_push(flags, arg);
}

/*
 * -Wp,a,b,c hands a..c to the preprocessor: keep what defines or includes,
 * drop dependency output (-MD FILE, -MMD FILE, -MF FILE, -MT/-MQ TARGET).
 */
static void filter_wp(struct tdx_argv *flags, const char *list)
{
	char buf[4096], out[4096];
	char *save = NULL, *tok;
	size_t used = 0;

	snprintf(buf, sizeof(buf), "%s", list);
	out[0] = '\0';
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "-MD") || !strcmp(tok, "-MMD") || !strcmp(tok, "-MF") ||
		    !strcmp(tok, "-MT") || !strcmp(tok, "-MQ")) {
			strtok_r(NULL, ",", &save);	/* its file or target */
			continue;
		}
		if (!strcmp(tok, "-MP") || !strcmp(tok, "-MG") || starts(tok, "-MF") ||
		    starts(tok, "-MT") || starts(tok, "-MQ"))
			continue;
		if (starts(tok, "-D") && bad_macro(tok + 2))
			continue;
		used += (size_t)snprintf(out + used, sizeof(out) - used, ",%s", tok);
		if (used >= sizeof(out))
			return;
	}
	if (out[0])
		tdx_argv_pushf(flags, "-Wp%s", out);
}

int tdx_flags_filter(int argc, char *const argv[], struct tdx_argv *flags,
		     struct tdx_argv *files, char *err, size_t errlen)
{
	int i;
	size_t k;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		bool done = false;

		if (a[0] != '-' || !strcmp(a, "-")) {
			tdx_argv_push(files, a);
			continue;
		}
		/* Exact names first: -iwithprefixbefore is not -iwithprefix joined. */
		for (k = 0; k < sizeof(with_arg) / sizeof(with_arg[0]) && !done; k++) {
			if (strcmp(a, with_arg[k].name))
				continue;
			if (i + 1 >= argc) {
				snprintf(err, errlen, "option '%s' needs an argument", a);
				return -1;
			}
			if (with_arg[k].action == KEEP)
				keep_pair(flags, a, argv[i + 1]);
			i++;
			done = true;
		}
		/* Joined: -Idir, -DX=1, -MFfile, --sysroot=dir. */
		for (k = 0; k < sizeof(with_arg) / sizeof(with_arg[0]) && !done; k++) {
			const char *name = with_arg[k].name;
			size_t n = strlen(name);

			if (strncmp(a, name, n) || (name[1] == '-' && a[n] != '='))
				continue;
			if (with_arg[k].action == KEEP &&
			    !(!strcmp(name, "-D") && bad_macro(a + 2)))
				tdx_argv_push(flags, a);
			done = true;
		}
		if (done)
			continue;
		if (starts(a, "-Wp,")) {
			filter_wp(flags, a + 4);
			continue;
		}
		for (k = 0; k < sizeof(drop_exact) / sizeof(drop_exact[0]) && !done; k++)
			done = !strcmp(a, drop_exact[k]);
		for (k = 0; k < sizeof(drop_prefix) / sizeof(drop_prefix[0]) && !done; k++)
			done = starts(a, drop_prefix[k]);
		if (!done)
			tdx_argv_push(flags, a);
	}
	return 0;
}
