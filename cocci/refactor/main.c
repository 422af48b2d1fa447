// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-refactor: apply Coccinelle patch modes to DIR, all files or none.
 *
 *   tdxcheck-refactor [--timeout S] [--diff] RULE.cocci DIR
 *   tdxcheck-refactor [--timeout S] [--diff] --all DIR
 *   tdxcheck-refactor --recover DIR
 *
 * spatch works on a scratch copy of the files that name a TDX primitive; the
 * parse gate makes sure it sees all that it could change; DIR is replaced by
 * the journaled commit only when every step succeeded, and not at all when a
 * file was edited meanwhile.  --all runs every rule that has a patch mode,
 * in name order, round after round until a round changes nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "refactor.h"
#include "xalloc.h"

#define MAX_ROUNDS 8
#define MACROS "tdxcheck-macros.h"

struct rule {
	char *path;
	char *name;		/* file name without .cocci */
	bool *changed;		/* per file of the tree: this rule changed it */
	bool shares_facts;	/* reads and writes $TDXCHECK_FACTS */
	char *notes;		/* the facts of its last application, for its notes */
};

#define USAGE "usage: " RF_NAME " [--timeout SECONDS] [--diff] (RULE.cocci | --all) DIR\n" \
	      "       " RF_NAME " --recover DIR\n"

static void usage(void)
{
	fputs(USAGE, stderr);
	exit(2);
}

/* --help: what a user asked for goes to standard output, exit 0. */
static void help(void)
{
	fputs(USAGE
	      "\nApply Coccinelle patch modes to the .c and .h files of DIR: every file or none.\n"
	      "\n"
	      "  RULE.cocci         one rule: a path, or the name of one of tdxcheck's\n"
	      "  --all              every rule with a patch mode, round after round until\n"
	      "                     a round changes nothing\n"
	      "  --diff             print the unified diff (a/ b/ relative to DIR), write nothing\n"
	      "  --timeout SECONDS  limit for the whole run (default 600)\n"
	      "  --recover          finish or roll back a run that was killed\n"
	      "\n"
	      "Exit status: 0 done or nothing to change, 1 the refactor could not be done\n"
	      "(nothing written), 2 bad input.  See cocci/README.md.\n", stdout);
	exit(0);
}

static bool exists_in(const char *dir, const char *name)
{
	char *p = rf_path(dir, name);
	bool ok = !access(p, R_OK);

	free(p);
	return ok;
}

/* The rules: $TDXCHECK_COCCI_DIR, the source tree of a build, or the install. */
static char *rules_dir(void)
{
	const char *env = getenv("TDXCHECK_COCCI_DIR");
	const char *rel[] = { TDX_COCCI_SOURCE_REL, "../share/tdxcheck/cocci" };
	char exe[PATH_MAX], real[PATH_MAX];
	ssize_t n;
	size_t i;

	if (env && *env)
		return tdx_xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		for (i = 0; i < 2; i++) {
			char *d = tdx_xasprintf("%s/%s", exe, rel[i]);

			if (exists_in(d, MACROS) && realpath(d, real)) {
				free(d);
				return tdx_xstrdup(real);
			}
			free(d);
		}
	}
	fprintf(stderr, RF_NAME ": cannot find the rules (" MACROS "); set TDXCHECK_COCCI_DIR\n");
	exit(2);
}

static bool word_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* A rule with a patch mode has a rule header `@... depends on ... patch ...@`. */
static bool has_patch_mode(const char *path)
{
	char *text, *line, *p;
	size_t len;
	bool yes = false;

	if (rf_read_file(path, &text, &len))
		return false;
	for (line = text; line && !yes; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		char *eol = strchr(line, '\n');

		if (*line != '@')
			continue;
		if (eol)
			*eol = '\0';
		p = strstr(line, "depends on");
		for (; p && !yes; p = strstr(p + 1, "patch"))
			yes = !strncmp(p, "patch", 5) && !word_char(p[-1]) && !word_char(p[5]);
		if (eol)
			*eol = '\n';
	}
	free(text);
	return yes;
}

static struct rule make_rule(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct rule r = { tdx_xstrdup(path), tdx_xstrdup(base), NULL, false, NULL };
	char *dot = strstr(r.name, ".cocci"), *text;
	size_t len;

	if (dot)
		*dot = '\0';
	if (!rf_read_file(path, &text, &len)) {
		r.shares_facts = strstr(text, "TDXCHECK_FACTS") != NULL;
		free(text);
	}
	return r;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct rule *)a)->name, ((const struct rule *)b)->name);
}

/* Every rule with a patch mode, discovered, in name order: a fixed order. */
static struct rule *all_rules(const char *dir, size_t *n)
{
	struct rule *v = NULL;
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	if (!d) {
		fprintf(stderr, RF_NAME ": %s: %s\n", dir, strerror(errno));
		exit(2);
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *p;

		if (len < 7 || strcmp(e->d_name + len - 6, ".cocci"))
			continue;
		p = rf_path(dir, e->d_name);
		if (has_patch_mode(p)) {
			v = tdx_xreallocarray(v, *n + 1, sizeof(*v));
			v[(*n)++] = make_rule(p);
		}
		free(p);
	}
	closedir(d);
	qsort(v, *n, sizeof(*v), by_name);
	return v;
}

static struct rule one_rule(const char *arg, const char *dir)
{
	char *p = tdx_xstrdup(arg);

	/* a bare rule name is one of ours */
	if (access(p, R_OK) && !strchr(arg, '/') && dir) {
		free(p);
		p = rf_path(dir, arg);
	}
	if (access(p, R_OK)) {
		fprintf(stderr, RF_NAME ": %s: cannot read\n", arg);
		exit(2);
	}
	if (!has_patch_mode(p)) {
		fprintf(stderr, RF_NAME ": %s: the rule has no patch mode\n", arg);
		exit(2);
	}
	return make_rule(p);
}

/*
 * spatch reads kernel macros it cannot parse from macro files: ours
 * (DEFINE_PER_CPU and friends, which Coccinelle's own standard.h defines in
 * a form it cannot parse either) first, then standard.h for the rest.
 */
static const char **macro_options(const char *dir)
{
	static const char *opts[5];
	const char *home = getenv("COCCINELLE_HOME");
	const char *std[] = { home, "/usr/lib/coccinelle", "/usr/local/lib/coccinelle" };
	size_t i, n = 0;

	opts[n++] = "--macro-file-builtins";
	opts[n++] = rf_path(dir, MACROS);
	for (i = 0; i < 3; i++) {
		if (std[i] && exists_in(std[i], "standard.h")) {
			opts[n++] = "--macro-file";
			opts[n++] = rf_path(std[i], "standard.h");
			break;
		}
	}
	opts[n] = NULL;
	return opts;
}

static int spatch_patch(const struct rf_tree *t, const struct rule *r, const char *const *mopts,
			bool in_place)
{
	const char *argv[24];
	size_t n = 0;
	int rc;

	argv[n++] = rf_spatch();
	argv[n++] = "-D";
	argv[n++] = "patch";
	if (in_place)
		argv[n++] = "--in-place";
	argv[n++] = "--no-show-diff";
	argv[n++] = "--very-quiet";
	argv[n++] = "--no-includes";
	argv[n++] = "--include-headers";
	while (*mopts)
		argv[n++] = *mopts++;
	argv[n++] = "--sp-file";
	argv[n++] = r->path;
	argv[n++] = "--dir";
	argv[n++] = t->copy;
	argv[n] = NULL;
	rc = rf_run((char *const *)argv, "/dev/null", false);
	if (rc > 0)
		fprintf(stderr, RF_NAME ": %s: spatch failed (exit %d) on %s; nothing changed\n",
			r->name, rc, t->dir);
	return rc != 0;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The facts file deduplicated and sorted in place; how many facts it holds. */
static long settle_facts(const char *path)
{
	char *text, *line, **v = NULL;
	size_t len, n = 0, i, kept = 0;
	FILE *fp;

	if (rf_read_file(path, &text, &len))
		return 0;
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		v = tdx_xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = line;
	}
	qsort(v, n, sizeof(*v), by_str);
	fp = fopen(path, "w");
	for (i = 0; fp && i < n; i++) {
		if (i && !strcmp(v[i], v[i - 1]))
			continue;
		fprintf(fp, "%s\n", v[i]);
		kept++;
	}
	if (fp)
		fclose(fp);
	free(v);
	free(text);
	return (long)kept;
}

/* The rule's notes, with the scratch copy's numbered names put back. */
static void print_notes(const struct rf_tree *t, const char *path)
{
	char *text, *line;
	size_t len, i;

	if (rf_read_file(path, &text, &len))
		return;
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		bool named = false;

		if (strncmp(line, "note ", 5))
			continue;
		line += 5;
		for (i = 0; i < t->n && !named; i++) {
			char *copy = rf_copy_path(t, i);
			size_t cl = strlen(copy);

			if (!strncmp(line, copy, cl) && line[cl] == ':') {
				fprintf(stderr, "%s/%s%s\n", t->dir, t->files[i].rel, line + cl);
				named = true;
			}
			free(copy);
		}
		if (!named)
			fprintf(stderr, "%s\n", line);
	}
	free(text);
}

/*
 * Runs of a fact-sharing rule that do not write, each reading the facts of
 * the one before ($TDXCHECK_FACTS) and writing its own, until two agree.
 * *last holds the facts the previous run wrote.
 */
static int settle(const struct rf_tree *t, const struct rule *r, const char *const *mopts,
		  const char *in, const char *out, const char *phase, char **last)
{
	char *now;
	size_t len;
	int round;

	setenv("TDXCHECK_FACTS_PHASE", phase, 1);
	for (round = 0; round < MAX_ROUNDS; round++) {
		bool same;

		unlink(out);
		if (spatch_patch(t, r, mopts, false))
			return 1;
		settle_facts(out);
		if (rf_read_file(out, &now, &len))
			now = tdx_xstrdup("");	/* no file wrote a fact */
		same = *last && !strcmp(*last, now);
		free(*last);
		*last = now;
		if (rename(out, in) && errno != ENOENT)
			return 1;
		if (same)
			return 0;
	}
	fprintf(stderr, RF_NAME ": %s: its facts still change after %d runs; nothing changed\n",
		r->name, MAX_ROUNDS);
	return 1;
}

/*
 * A rule that shares facts across files (split-inout-args: a helper converts
 * in every file or in none) first runs without writing until the facts
 * settle, the shapes of helpers first, then what blocks them; then the run
 * that writes reads them.
 */
static int apply(const struct rf_tree *t, struct rule *r, const char *const *mopts)
{
	char *in, *out, *last = NULL;
	int status;

	if (!r->shares_facts)
		return spatch_patch(t, r, mopts, true);
	in = tdx_xasprintf("%s/facts-%s", t->scratch, r->name);
	out = tdx_xasprintf("%s/facts-%s.new", t->scratch, r->name);
	unlink(in);
	setenv("TDXCHECK_FACTS", in, 1);
	setenv("TDXCHECK_FACTS_OUT", out, 1);
	status = settle(t, r, mopts, in, out, "shapes", &last) ||
		 settle(t, r, mopts, in, out, "all", &last);
	free(last);
	setenv("TDXCHECK_FACTS_OUT", "/dev/null", 1);
	if (!status)
		status = spatch_patch(t, r, mopts, true);
	free(r->notes);
	r->notes = status ? NULL : tdx_xstrdup(in);
	unsetenv("TDXCHECK_FACTS");
	unsetenv("TDXCHECK_FACTS_OUT");
	unsetenv("TDXCHECK_FACTS_PHASE");
	free(in);
	free(out);
	return status;
}

/* Rules applied round after round until one round changes nothing. */
static int apply_all(struct rf_tree *t, struct rule *rules, size_t nrules, bool settle,
		     const char *const *mopts)
{
	uint64_t *before = tdx_xcalloc(t->n, sizeof(*before));
	uint64_t *after = tdx_xcalloc(t->n, sizeof(*after));
	size_t round, k, i;
	int status = 0;

	for (k = 0; k < nrules; k++)
		rules[k].changed = tdx_xcalloc(t->n, sizeof(bool));
	for (round = 0; !status; round++) {
		bool any = false;

		if (round == MAX_ROUNDS) {
			fprintf(stderr, RF_NAME ": %s: the rules still change it after %d rounds; "
				"nothing changed\n", t->dir, MAX_ROUNDS);
			status = 1;
			break;
		}
		for (k = 0; k < nrules && !status; k++) {
			status = rf_tree_copy_hashes(t, before) || apply(t, &rules[k], mopts) ||
				 rf_tree_copy_hashes(t, after);
			for (i = 0; i < t->n && !status; i++) {
				if (before[i] != after[i]) {
					rules[k].changed[i] = true;
					any = true;
				}
			}
		}
		if (!any || !settle)
			break;
	}
	free(before);
	free(after);
	return status;
}

static void summary(const struct rf_tree *t, const struct rule *rules, size_t n, FILE *out)
{
	size_t k, i;

	for (k = 0; k < n; k++) {
		bool any = false;

		fprintf(out, "%s:", rules[k].name);
		for (i = 0; i < t->n; i++) {
			if (rules[k].changed[i] && t->files[i].changed) {
				fprintf(out, " %s", t->files[i].rel);
				any = true;
			}
		}
		fprintf(out, "%s\n", any ? "" : " no change");
		if (rules[k].notes)
			print_notes(t, rules[k].notes);
	}
}

static int show_diff(const struct rf_tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const char *argv[10];
		char *a, *b, *old, *new;
		int rc;

		if (!t->files[i].changed)
			continue;
		a = tdx_xasprintf("a/%s", t->files[i].rel);
		b = tdx_xasprintf("b/%s", t->files[i].rel);
		old = rf_path(t->real, t->files[i].rel);
		new = rf_copy_path(t, i);
		argv[0] = "diff";
		argv[1] = "-u";
		argv[2] = "--label";
		argv[3] = a;
		argv[4] = "--label";
		argv[5] = b;
		argv[6] = old;
		argv[7] = new;
		argv[8] = NULL;
		rc = rf_run((char *const *)argv, NULL, false);
		free(a);
		free(b);
		free(old);
		free(new);
		if (rc != 1)
			return 1;
	}
	return 0;
}

static void unknown_option(const char *a)
{
	fprintf(stderr, RF_NAME ": unknown option '%s'\n", a);
	exit(2);
}

static double parse_timeout(const char *s)
{
	char *end;
	double v;

	if (!s)
		usage();
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v <= 0 || v > 1e6) {
		fprintf(stderr, RF_NAME ": --timeout '%s': not a number of seconds\n", s);
		exit(2);
	}
	return v;
}

static int finish(struct rf_tree *t, int status)
{
	if (rf_stopped())
		rf_finish_stopped(t);
	rf_tree_remove_scratch(t);
	return status;
}

int main(int argc, char **argv)
{
	bool all = false, diff = false, recover = false;
	const char *rule_arg = NULL, *dir = NULL;
	const char *const *mopts;
	double limit = 600;
	struct rule *rules;
	struct rf_tree t;
	size_t nrules = 1, i;
	char *rdir;
	int i_arg, status;

	for (i_arg = 1; i_arg < argc; i_arg++) {
		const char *a = argv[i_arg];

		if (!strcmp(a, "--timeout"))
			limit = parse_timeout(argv[++i_arg]);
		else if (!strncmp(a, "--timeout=", 10))
			limit = parse_timeout(a + 10);
		else if (!strcmp(a, "--all"))
			all = true;
		else if (!strcmp(a, "--diff"))
			diff = true;
		else if (!strcmp(a, "--recover"))
			recover = true;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			help();
		else if (a[0] == '-' && a[1])
			unknown_option(a);
		else if (!all && !recover && !rule_arg)
			rule_arg = a;
		else if (!dir)
			dir = a;
		else
			usage();
	}
	if (!dir && rule_arg && (all || recover)) {
		dir = rule_arg;
		rule_arg = NULL;
	}
	if (!dir || (recover && (all || diff || rule_arg)) || (!recover && all == !!rule_arg))
		usage();
	if (recover)
		return rf_recover(dir, false);

	rdir = rules_dir();
	if (all) {
		rules = all_rules(rdir, &nrules);
	} else {
		rules = tdx_xmalloc(sizeof(*rules));
		rules[0] = one_rule(rule_arg, rdir);
	}
	mopts = macro_options(rdir);

	rf_signals_init(limit);
	rf_remove_stale_scratch();
	if (rf_journal_pending(dir)) {
		if (diff) {
			fprintf(stderr, RF_NAME ": %s: an interrupted run is pending; run `" RF_NAME
				" --recover %s` first\n", dir, dir);
			return 1;
		}
		status = rf_recover(dir, true);
		if (status)
			return status;
	}
	status = rf_tree_scan(&t, dir);
	if (status)
		return finish(&t, status);
	for (i = 0; i < t.n && !t.files[i].candidate; i++)
		;
	if (i == t.n) {
		printf("%s: no file names a TDX primitive; nothing to change\n", dir);
		return 0;
	}
	status = rf_tree_copy(&t);
	if (!status)
		status = rf_gate(&t, mopts);
	if (!status)
		status = apply_all(&t, rules, nrules, all, mopts);
	if (!status)
		status = rf_tree_mark_changed(&t);
	if (status || rf_stopped())
		return finish(&t, status ? status : 1);
	if (diff) {
		status = rf_tree_unchanged_since_copy(&t) || show_diff(&t);
		summary(&t, rules, nrules, stderr);
	} else {
		status = rf_commit(&t);
		if (!status)
			summary(&t, rules, nrules, stdout);
	}
	return finish(&t, status);
}
