// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing tdxcheck-gate's options.  Unlike tdxcheck, which sits in a
 * compiler's place, the gate owns its whole command line: compiler flags
 * come only after "--", so a mistyped option is an error, not a flag.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The items of list that name rules, comma-separated (malloc'd), or NULL if none. */
static char *known_rules(const char *list)
{
	char *copy = tdx_xstrdup(list), *out = tdx_xcalloc(strlen(list) + 1, 1), *item, *save;

	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		struct tdx_config tmp;
		char bad[128];

		tdx_config_init(&tmp);
		if (!tdx_config_select(&tmp, item, true, bad, sizeof(bad))) {
			if (out[0])
				strcat(out, ",");
			strcat(out, item);
		}
		tdx_config_release(&tmp);
	}
	free(copy);
	if (!out[0]) {
		free(out);
		return NULL;
	}
	return out;
}

/* Boolean options: checkpatch's names, each with its --no- form. */
static bool flag(struct gate_opts *o, const char *a)
{
	static const struct { const char *name; size_t off; } flags[] = {
		{ "terse", offsetof(struct gate_opts, terse) },
		{ "emacs", offsetof(struct gate_opts, emacs) },
		{ "showfile", offsetof(struct gate_opts, showfile) },
		{ "summary", offsetof(struct gate_opts, summary) },
		{ "summary-file", offsetof(struct gate_opts, summary_file) },
		{ "mailback", offsetof(struct gate_opts, mailback) },
		{ "strict", offsetof(struct gate_opts, strict) },
		{ "subjective", offsetof(struct gate_opts, strict) },
		{ "show-types", offsetof(struct gate_opts, show_types) },
		{ "added-lines-only", offsetof(struct gate_opts, added_only) },
		{ "fix", offsetof(struct gate_opts, fix) },
	};
	size_t i;

	if (strncmp(a, "--", 2))
		return false;
	a += 2;
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		const char *name = flags[i].name;
		bool *field = (bool *)((char *)o + flags[i].off);

		if (!strcmp(a, name)) {
			*field = true;
			return true;
		}
		/* Getopt::Long's negations: --no-NAME and --noNAME */
		if (!strncmp(a, "no", 2) &&
		    (!strcmp(a + 2, name) || (a[2] == '-' && !strcmp(a + 3, name)))) {
			*field = false;
			return true;
		}
	}
	return false;
}

static int set_color(struct gate_opts *o, const char *v, char *err, size_t errlen)
{
	if (!strcmp(v, "always"))
		o->color = GATE_COLOR_ALWAYS;
	else if (!strcmp(v, "never"))
		o->color = GATE_COLOR_NEVER;
	else if (!strcmp(v, "auto"))
		o->color = GATE_COLOR_AUTO;
	else {
		snprintf(err, errlen, "unknown color mode '%s' (always, never, auto)", v);
		return -1;
	}
	return 0;
}

/* The first .checkpatch.conf of ./, $HOME/ and .scripts/, as checkpatch's which_conf(). */
static char *find_conf(void)
{
	const char *home = getenv("HOME");
	const char *dirs[] = { ".", home ? home : "", ".scripts" };
	size_t i;

	for (i = 0; i < 3; i++) {
		char *path;

		if (!dirs[i][0])
			continue;
		path = tdx_xasprintf("%s/.checkpatch.conf", dirs[i]);
		if (!access(path, F_OK))
			return path;
		free(path);
	}
	return NULL;
}

/* Its words, a line's '#' and what follows dropped, into o->conf_argv. */
static int read_conf(struct gate_opts *o, int *nr, char *err, size_t errlen)
{
	FILE *f;
	char line[4096];
	size_t len = 0;

	*nr = 0;
	o->conf = find_conf();
	if (!o->conf)
		return 0;
	f = fopen(o->conf, "r");
	if (!f) {
		snprintf(err, errlen, "%s: cannot read: %s", o->conf, strerror(errno));
		return -1;
	}
	o->conf_buf = tdx_xstrdup("");
	while (fgets(line, sizeof(line), f)) {
		char *w, *save;

		for (w = strtok_r(line, " \t\r\n", &save); w && w[0] != '#';
		     w = strtok_r(NULL, " \t\r\n", &save)) {
			size_t n = strlen(w);

			o->conf_buf = tdx_xreallocarray(o->conf_buf, len + n + 2, 1);
			memcpy(o->conf_buf + len, w, n + 1);
			len += n + 1;
			(*nr)++;
		}
	}
	fclose(f);
	o->conf_argv = tdx_xcalloc((size_t)*nr + 1, sizeof(*o->conf_argv));
	{
		char *w = o->conf_buf;
		int i;

		for (i = 0; i < *nr; i++, w += strlen(w) + 1)
			o->conf_argv[i] = w;
	}
	return 0;
}

/*
 * One list of options: argv[from..argc).  lenient (the conf file): words
 * the gate does not know are skipped, since the file is checkpatch's.
 */
static int parse_words(struct gate_opts *o, int argc, char *const argv[], int from,
		       bool lenient, char *err, size_t errlen)
{
	int i;

	for (i = from; i < argc; i++) {
		const char *a = argv[i], *v;
		bool missing = false;

		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				tdx_argv_push(&o->flags, argv[i]);
			break;
		}
		if (a[0] != '-' || !strcmp(a, "-")) {
			if (lenient)
				continue;
			if (!strcmp(a, "-") && has_stdin(o)) {
				snprintf(err, errlen,
					 "'-' given twice (standard input is read once)");
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
		if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o->quiet++;
			continue;
		}
		/* checkpatch's: the gate needs no tree */
		if (!strcmp(a, "--no-tree"))
			continue;
		if (!strcmp(a, "--no-color") || !strcmp(a, "--nocolor")) {
			o->color = GATE_COLOR_NEVER;
			continue;
		}
		if (!strcmp(a, "--color")) {
			o->color = GATE_COLOR_ALWAYS;
			continue;
		}
		/*
		 * checkpatch's --fix-inplace rewrites the input: the gate writes
		 * nothing of the user's but the --fix file, so it is refused,
		 * also from the conf file, rather than taken for --fix.
		 */
		if (!strcmp(a, "--fix-inplace")) {
			snprintf(err, errlen, "%s%s--fix-inplace is not offered: the gate edits no "
				 "file (--fix writes PATCH.EXPERIMENTAL-checkpatch-fixes)",
				 lenient ? o->conf : "", lenient ? ": " : "");
			return -1;
		}
		if (!strcmp(a, "--no-fix-inplace") || !strcmp(a, "--nofix-inplace"))
			continue;
		if (flag(o, a))
			continue;
		if ((v = value("--color", argc, argv, &i, &missing))) {
			if (set_color(o, v, err, errlen))
				return -1;
			continue;
		}
		if ((v = value("--format", argc, argv, &i, &missing))) {
			if (set_format(o, v, err, errlen))
				return -1;
			continue;
		}
		if ((v = value("--types", argc, argv, &i, &missing)) ||
		    (v = value("--ignore", argc, argv, &i, &missing))) {
			bool only = !strncmp(a, "--types", 7);
			char *known = lenient ? known_rules(v) : NULL;

			if (lenient && !known)
				continue;
			if (known) {
				free(only ? o->types_buf : o->ignore_buf);
				if (only)
					o->types_buf = known;
				else
					o->ignore_buf = known;
				v = known;
			}
			if (only)
				o->types = v;
			else
				o->ignore = v;
			if (select_rules(o, v, only, err, errlen))
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
		if (lenient)
			continue;
		if (missing) {
			snprintf(err, errlen, "option '%s' needs an argument", a);
			return -1;
		}
		snprintf(err, errlen, "unknown option '%s' (see --help)", a);
		return -1;
	}
	return 0;
}

int gate_opts_parse(struct gate_opts *o, int argc, char *const argv[], char *err,
		    size_t errlen)
{
	int nr_conf;

	memset(o, 0, sizeof(*o));
	o->summary = true;
	tdx_config_init(&o->cfg);
	if (read_conf(o, &nr_conf, err, errlen))
		return -1;
	if (nr_conf && parse_words(o, nr_conf, o->conf_argv, 0, true, err, errlen))
		return -1;
	if (parse_words(o, argc, argv, 1, false, err, errlen))
		return -1;
	if (o->terse) {
		/* checkpatch: --terse is --emacs and one more -q */
		o->emacs = true;
		o->quiet++;
	}
	if (!o->help && !o->version && o->git && o->fix) {
		/* as checkpatch: a commit has no patch file to write the fixes beside */
		snprintf(err, errlen, "--fix cannot be used with -g (write the commits with "
			 "git format-patch, then --fix the files)");
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
	free(o->conf);
	free(o->conf_buf);
	free(o->conf_argv);
	free(o->types_buf);
	free(o->ignore_buf);
}
