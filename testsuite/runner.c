// SPDX-License-Identifier: GPL-2.0
/*
 * tdx-case-runner: run one engine on one testsuite case and compare the
 * findings it prints with the case's expectations, exactly.
 *
 *   tdx-case-runner [--engine NAME] [--quiet] CASE -- COMMAND ARGS...
 *
 * CASE is a .c file or a folder of .c files (a cross-file case), which may
 * hold .h files too: a header the .c files include, whose expectations count
 * (a wrapper defined in a header is reported there).  "@FILES@" is only the
 * .c files, what a compiler is given; "@HEADERS@" (alone or inside a longer
 * argument, like "@FILES@") becomes the headers, for an engine such as
 * Coccinelle that reads a header only as a file of its own.  A line that
 * must be reported ends with "/ * expect: rule[, rule...] * /"; a trailer line
 * "known-to-miss: ENGINE: reason" lets ENGINE report a subset of them.  In
 * COMMAND, an argument "@FILES@" becomes the case's files (absolute paths),
 * and "@FILES@" inside a longer argument is repeated once per file.
 *
 * Findings are lines "PATH:LINE:COL[-COL]: ... [tdx-RULE]" on the engine's
 * stdout or stderr.  The runner fails (exit 1) on a missing or unexpected
 * (file, line, rule), on a non-zero engine exit and on a signal; it prints the
 * engine's output then.  A bad command line or a malformed case is exit 2.
 *
 * Plain C11 and POSIX, so it runs wherever the engines run; the rule names
 * come from checks/rules.def, so a case can name only catalogued rules.
 */
/* realpath() and getline() are POSIX.1-2008/XSI: ask for them under -std=c11 too. */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const rule_names[] = {
#define TDX_RULE(ident, name, severity, message, doc) name,
#include "../checks/rules.def"
};

#define NR_RULES (sizeof(rule_names) / sizeof(rule_names[0]))

struct case_file {
	char *path;		/* as found: CASE or CASE/name.c */
	char *abs;		/* realpath */
	const char *base;	/* basename of path */
	bool header;		/* a folder's .h: in @HEADERS@, not in @FILES@ */
};

/* One (file, line, rule); 'seen' marks a match during the comparison. */
struct finding {
	int file;		/* index in files[], or -1: a file not in the case */
	char *other;		/* file == -1: the path the engine printed */
	unsigned int line;
	char *rule;
	bool seen;
};

struct finding_set {
	struct finding *v;
	size_t nr, alloc;
};

static const char *prog = "tdx-case-runner";
static struct case_file *files;
static size_t nr_files;
static char **miss_engines;	/* engines named by known-to-miss: */
static size_t nr_miss_engines;

static void __attribute__((noreturn, format(printf, 1, 2))) die_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die_usage("out of memory");
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static bool known_rule(const char *name)
{
	size_t i;

	for (i = 0; i < NR_RULES; i++)
		if (!strcmp(rule_names[i], name))
			return true;
	return false;
}

static void add_finding(struct finding_set *set, int file, const char *other,
			unsigned int line, const char *rule)
{
	struct finding *f;
	size_t i;

	/* A set: the same (file, line, rule) twice counts once. */
	for (i = 0; i < set->nr; i++) {
		f = &set->v[i];
		if (f->file == file && f->line == line && !strcmp(f->rule, rule) &&
		    (file >= 0 || !strcmp(f->other, other)))
			return;
	}
	if (set->nr == set->alloc) {
		set->alloc = set->alloc ? 2 * set->alloc : 16;
		set->v = xrealloc(set->v, set->alloc * sizeof(*set->v));
	}
	f = &set->v[set->nr++];
	f->file = file;
	f->other = other ? xstrndup(other, strlen(other)) : NULL;
	f->line = line;
	f->rule = xstrndup(rule, strlen(rule));
	f->seen = false;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* "/ * expect: a, b * /" on one line: add each rule, reject unknown names. */
static void parse_expect(const char *line, int file, unsigned int lineno,
			 struct finding_set *expected)
{
	const char *p = line, *end, *tok, *tok_end;

	for (;;) {
		p = strstr(p, "/*");
		if (!p)
			return;
		p = skip_space(p + 2);
		if (!strncmp(p, "expect:", 7))
			break;
	}
	p += 7;
	end = strstr(p, "*/");
	if (!end)
		die_usage("%s:%u: unterminated expect comment", files[file].path, lineno);

	while (p < end) {
		p = skip_space(p);
		tok = p;
		while (p < end && *p != ',')
			p++;
		tok_end = p;
		while (tok_end > tok && (tok_end[-1] == ' ' || tok_end[-1] == '\t'))
			tok_end--;
		if (tok_end > tok) {
			char *rule = xstrndup(tok, tok_end - tok);

			if (!known_rule(rule))
				die_usage("%s:%u: unknown rule '%s' in expect comment",
					  files[file].path, lineno, rule);
			add_finding(expected, file, NULL, lineno, rule);
			free(rule);
		} else {
			die_usage("%s:%u: empty rule name in expect comment",
				  files[file].path, lineno);
		}
		if (p < end)
			p++;	/* the comma */
	}
}

/* "known-to-miss: ENGINE: reason", anywhere in a comment line. */
static void parse_known_to_miss(const char *line, int file, unsigned int lineno)
{
	const char *p = strstr(line, "known-to-miss:"), *e;

	if (!p)
		return;
	p = skip_space(p + strlen("known-to-miss:"));
	e = p;
	while (*e && *e != ':' && *e != ' ' && *e != '\t' && *e != '\n')
		e++;
	if (e == p || *e != ':')
		die_usage("%s:%u: known-to-miss needs 'ENGINE: reason'",
			  files[file].path, lineno);
	miss_engines = xrealloc(miss_engines, (nr_miss_engines + 1) * sizeof(*miss_engines));
	miss_engines[nr_miss_engines++] = xstrndup(p, e - p);
}

static void read_case_file(int file, struct finding_set *expected)
{
	FILE *fp = fopen(files[file].path, "r");
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;

	if (!fp)
		die_usage("%s: %s", files[file].path, strerror(errno));
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		parse_expect(line, file, lineno, expected);
		parse_known_to_miss(line, file, lineno);
	}
	free(line);
	fclose(fp);
}

static void add_file(const char *path)
{
	char abs[PATH_MAX];
	struct case_file *f;
	const char *slash;

	if (!realpath(path, abs))
		die_usage("%s: %s", path, strerror(errno));
	files = xrealloc(files, (nr_files + 1) * sizeof(*files));
	f = &files[nr_files++];
	f->path = xstrndup(path, strlen(path));
	f->abs = xstrndup(abs, strlen(abs));
	slash = strrchr(f->path, '/');
	f->base = slash ? slash + 1 : f->path;
	f->header = false;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect_case(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t nr = 0, i;

	if (stat(path, &st))
		die_usage("%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		if (!ends_with(path, ".c"))
			die_usage("%s: a case is a .c file or a folder of .c files", path);
		add_file(path);
		return;
	}

	dir = opendir(path);
	if (!dir)
		die_usage("%s: %s", path, strerror(errno));
	while ((de = readdir(dir))) {
		size_t len;
		char *full;

		if (de->d_name[0] == '.' ||
		    (!ends_with(de->d_name, ".c") && !ends_with(de->d_name, ".h")))
			continue;
		len = strlen(path) + strlen(de->d_name) + 2;
		full = xrealloc(NULL, len);
		snprintf(full, len, "%s/%s", path, de->d_name);
		names = xrealloc(names, (nr + 1) * sizeof(*names));
		names[nr++] = full;
	}
	closedir(dir);
	qsort(names, nr, sizeof(*names), cmp_str);
	for (i = 0; i < nr; i++) {
		add_file(names[i]);
		files[nr_files - 1].header = ends_with(names[i], ".h");
		free(names[i]);
	}
	free(names);
	for (i = 0; i < nr_files && files[i].header; i++)
		;
	if (i == nr_files)
		die_usage("%s: no .c files in case folder", path);
}

/* The case's name: its file or folder name, without a trailing slash. */
static const char *case_base(char *path)
{
	char *slash;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* good-* must be silent, bad-* must expect something: catch a broken case early. */
static void check_case_kind(const char *name, const struct finding_set *expected)
{
	size_t i;
	int nr;

	if (!strncmp(name, "bad-", 4) && !expected->nr)
		die_usage("%s: a bad- case without any expect comment", name);
	for (i = 0; i < nr_files; i++) {
		if (strncmp(files[i].base, "good-", 5) && strncmp(name, "good-", 5))
			continue;
		nr = 0;
		for (size_t j = 0; j < expected->nr; j++)
			nr += expected->v[j].file == (int)i;
		if (nr)
			die_usage("%s: a good- case with expect comments", files[i].path);
	}
}

static char **build_argv(char **cmd, int nr_cmd)
{
	char **argv = NULL;
	size_t n = 0;
	int i;

	for (i = 0; i < nr_cmd; i++) {
		const char *at = strstr(cmd[i], "@FILES@");
		bool headers = false;
		size_t k, mark = 7;

		if (!at) {
			at = strstr(cmd[i], "@HEADERS@");
			headers = true;
			mark = 9;
		}
		if (at) {
			for (k = 0; k < nr_files; k++) {
				size_t pre = at - cmd[i], len;
				char *arg;

				if (files[k].header != headers)
					continue;
				len = pre + strlen(files[k].abs) + strlen(at + mark) + 1;
				arg = xrealloc(NULL, len);
				snprintf(arg, len, "%.*s%s%s", (int)pre, cmd[i], files[k].abs,
					 at + mark);
				argv = xrealloc(argv, (n + 1) * sizeof(*argv));
				argv[n++] = arg;
			}
			continue;
		}
		argv = xrealloc(argv, (n + 1) * sizeof(*argv));
		argv[n++] = cmd[i];
	}
	argv = xrealloc(argv, (n + 1) * sizeof(*argv));
	argv[n] = NULL;
	return argv;
}

/* Run argv with stdout and stderr into one buffer; return the wait status. */
static int run_engine(char **argv, char **out, size_t *out_len)
{
	int pipefd[2], status;
	pid_t pid;
	size_t len = 0, cap = 4096;
	char *buf = xrealloc(NULL, cap);
	ssize_t r;

	if (pipe(pipefd))
		die_usage("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die_usage("fork: %s", strerror(errno));
	if (!pid) {
		close(pipefd[0]);
		dup2(pipefd[1], STDOUT_FILENO);
		dup2(pipefd[1], STDERR_FILENO);
		close(pipefd[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: cannot run %s: %s\n", prog, argv[0], strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	for (;;) {
		if (cap - len < 1024) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		r = read(pipefd[0], buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += r;
	}
	close(pipefd[0]);
	buf[len] = '\0';
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die_usage("waitpid: %s", strerror(errno));
	*out = buf;
	*out_len = len;
	return status;
}

/* Which case file a printed path names: same file, else same basename. */
static int match_file(const char *path)
{
	char abs[PATH_MAX];
	const char *base = strrchr(path, '/');
	size_t i;

	if (realpath(path, abs))
		for (i = 0; i < nr_files; i++)
			if (!strcmp(abs, files[i].abs))
				return i;
	base = base ? base + 1 : path;
	for (i = 0; i < nr_files; i++)
		if (!strcmp(base, files[i].base))
			return i;
	return -1;
}

static bool parse_uint(const char **p, unsigned long *v)
{
	const char *s = *p;
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	*v = strtoul(s, &end, 10);
	*p = end;
	return true;
}

/*
 * One output line: PATH:LINE:COL[-COL]: ... [tdx-RULE].  The location is the
 * first ":LINE:COL[-COL]:" so that paths may hold colons only before it.
 */
static void parse_output_line(const char *line, struct finding_set *found)
{
	const char *tag = NULL, *p, *q, *rule_end;
	unsigned long lineno, col;
	char *path, *rule;

	for (p = line; (p = strstr(p, "[tdx-")); p++)
		tag = p;
	if (!tag)
		return;
	rule_end = strchr(tag, ']');
	if (!rule_end)
		return;

	for (p = strchr(line, ':'); p && p < tag; p = strchr(p + 1, ':')) {
		q = p + 1;
		if (!parse_uint(&q, &lineno) || *q != ':')
			continue;
		q++;
		if (!parse_uint(&q, &col))
			continue;
		if (*q == '-') {
			q++;
			if (!parse_uint(&q, &col))
				continue;
		}
		if (*q != ':')
			continue;
		if (p == line)
			return;
		path = xstrndup(line, p - line);
		rule = xstrndup(tag + 5, rule_end - tag - 5);
		{
			int file = match_file(path);

			add_finding(found, file, file < 0 ? path : NULL, lineno, rule);
		}
		free(path);
		free(rule);
		return;
	}
}

static void parse_output(char *out, struct finding_set *found)
{
	char *line = out, *nl;

	while (*line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		parse_output_line(line, found);
		if (!nl)
			break;
		*nl = '\n';
		line = nl + 1;
	}
}

static bool same(const struct finding *a, const struct finding *b)
{
	return a->file == b->file && a->file >= 0 && a->line == b->line &&
	       !strcmp(a->rule, b->rule);
}

static const char *finding_path(const struct finding *f)
{
	return f->file >= 0 ? files[f->file].path : f->other;
}

static void usage(void)
{
	die_usage("usage: %s [--engine NAME] [--quiet] CASE -- COMMAND ARGS...", prog);
}

int main(int argc, char **argv)
{
	struct finding_set expected = { 0 }, found = { 0 };
	const char *engine = NULL, *case_path = NULL;
	bool quiet = false, may_miss = false, failed = false;
	char **cmd_argv, *out, *case_copy;
	size_t out_len, i, j, nr_missing = 0, nr_unexpected = 0;
	int status, argi;

	for (argi = 1; argi < argc; argi++) {
		if (!strcmp(argv[argi], "--")) {
			argi++;
			break;
		} else if (!strcmp(argv[argi], "--engine")) {
			if (++argi >= argc)
				die_usage("--engine needs a NAME");
			engine = argv[argi];
		} else if (!strncmp(argv[argi], "--engine=", 9)) {
			engine = argv[argi] + 9;
		} else if (!strcmp(argv[argi], "--quiet")) {
			quiet = true;
		} else if (argv[argi][0] == '-' && argv[argi][1]) {
			die_usage("unknown option '%s'", argv[argi]);
		} else if (!case_path) {
			case_path = argv[argi];
		} else {
			die_usage("more than one CASE: '%s'", argv[argi]);
		}
	}
	if (!case_path || argi >= argc)
		usage();

	case_copy = xstrndup(case_path, strlen(case_path));
	collect_case(case_copy);
	for (i = 0; i < nr_files; i++)
		read_case_file(i, &expected);
	check_case_kind(case_base(case_copy), &expected);
	for (i = 0; engine && i < nr_miss_engines; i++)
		may_miss |= !strcmp(miss_engines[i], engine);

	cmd_argv = build_argv(argv + argi, argc - argi);
	status = run_engine(cmd_argv, &out, &out_len);
	parse_output(out, &found);

	if (WIFSIGNALED(status)) {
		printf("engine killed by signal %d\n", WTERMSIG(status));
		failed = true;
	} else if (WEXITSTATUS(status)) {
		printf("engine exited with status %d\n", WEXITSTATUS(status));
		failed = true;
	}

	for (i = 0; i < expected.nr; i++)
		for (j = 0; j < found.nr; j++)
			if (same(&expected.v[i], &found.v[j]))
				expected.v[i].seen = found.v[j].seen = true;

	for (i = 0; i < expected.nr; i++) {
		const struct finding *f = &expected.v[i];

		if (f->seen)
			continue;
		if (may_miss) {
			if (!quiet)
				printf("known-to-miss: %s:%u: %s\n", finding_path(f), f->line, f->rule);
			continue;
		}
		printf("missing: %s:%u: %s\n", finding_path(f), f->line, f->rule);
		nr_missing++;
	}
	for (i = 0; i < found.nr; i++) {
		const struct finding *f = &found.v[i];

		if (f->seen)
			continue;
		printf("unexpected: %s:%u: %s\n", finding_path(f), f->line, f->rule);
		nr_unexpected++;
	}
	failed |= nr_missing || nr_unexpected;

	if (failed || !quiet) {
		printf("--- engine%s%s:", engine ? " " : "", engine ? engine : "");
		for (i = 0; cmd_argv[i]; i++)
			printf(" %s", cmd_argv[i]);
		printf("\n%s%s--- end of engine output\n", out,
		       out_len && out[out_len - 1] != '\n' ? "\n" : "");
	}
	if (!quiet || failed)
		printf("%s: %s: %zu expected, %zu found, %zu missing, %zu unexpected\n",
		       failed ? "FAIL" : "PASS", case_path, expected.nr, found.nr,
		       nr_missing, nr_unexpected);
	return failed ? 1 : 0;
}
