// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's report, line for line in checkpatch's shapes, so that the
 * tools built around checkpatch (b4's per-patch check, editors reading
 * --emacs, CI greps for "total:") take the gate for it.  Lines are the
 * post-image's: the patch's hunk headers may say otherwise (change.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "fix.h"
#include "output.h"
#include "report.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define BLUE "\033[34m"
#define RESET "\033[0m"

static const char *level_of(const struct tdx_finding *fd)
{
	return tdx_rules[fd->rule].severity;
}

/* Does o report this finding's level?  CHECK only with --strict. */
static bool reported(const struct gate_opts *o, const struct tdx_finding *fd)
{
	return o->strict || strcmp(level_of(fd), "CHECK");
}

bool gate_report_clean(const struct gate_opts *o, const struct gate_blames *b)
{
	size_t i;

	for (i = 0; i < b->nr; i++)
		if (reported(o, b->v[i].fd))
			return false;
	return true;
}

static unsigned long patch_line_of(const struct gate_blame *b)
{
	if (b->at)
		return b->at->patch_line;
	return b->nr_causes ? b->causes[0].line->patch_line : 0;
}

static int by_patch_line(const void *x, const void *y)
{
	const struct gate_blame *a = *(const struct gate_blame *const *)x;
	const struct gate_blame *b = *(const struct gate_blame *const *)y;
	unsigned long la = patch_line_of(a), lb = patch_line_of(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->fd->loc.line != b->fd->loc.line)
		return a->fd->loc.line < b->fd->loc.line ? -1 : 1;
	if (a->fd->loc.col != b->fd->loc.col)
		return a->fd->loc.col < b->fd->loc.col ? -1 : 1;
	return (int)a->fd->rule - (int)b->fd->rule;
}

static bool use_color(const struct gate_opts *o)
{
	if (o->color == GATE_COLOR_AUTO)
		return isatty(STDOUT_FILENO);
	return o->color == GATE_COLOR_ALWAYS;
}

/* checkpatch's report(): the first line, then (unless --terse) the rest. */
static void one(FILE *f, const struct gate_opts *o, const struct gate_blame *b,
		const char *file_arg)
{
	const struct tdx_finding *fd = b->fd;
	const char *level = level_of(fd), *src;
	unsigned long n = patch_line_of(b);
	bool color = use_color(o);
	size_t len = 0, i;

	if (color)
		fputs(!strcmp(level, "ERROR") ? RED : !strcmp(level, "WARNING") ? YELLOW : GREEN,
		      f);
	if (o->showfile)
		fprintf(f, "%s:%u: ", fd->loc.file, fd->loc.line);
	else if (o->emacs)
		fprintf(f, "%s:%lu: ", file_arg, n);
	fprintf(f, "%s:", level);
	if (o->show_types)
		fprintf(f, "%s%s:", color ? BLUE : "", tdx_rules[fd->rule].type);
	fprintf(f, "%s %s\n", color ? RESET : "", fd->message);
	if (o->terse)
		return;
	if (!o->showfile)
		fprintf(f, "#%lu: FILE: %s:%u:\n", n, fd->loc.file, fd->loc.line);
	if (b->at) {
		fprintf(f, "+%.*s\n", (int)b->at->len, b->at->text);
	} else {
		src = gate_text_line(&b->change->post, fd->loc.line, &len);
		fprintf(f, " %.*s\n", (int)len, src ? src : "");
		/* what made it a finding: the added lines, each where it is */
		for (i = 0; i < b->nr_causes; i++) {
			const struct gate_cause *c = &b->causes[i];

			fprintf(f, "#%lu: FILE: %s:%u:\n+%.*s\n", c->line->patch_line,
				c->change->path, c->line->line, (int)c->line->len, c->line->text);
		}
	}
	fputc('\n', f);
}

int gate_report(FILE *f, const struct gate_opts *o, const struct gate_patch *p,
		const struct gate_blames *b, const char *name, const char *file_arg,
		const char *fixes)
{
	unsigned long errors = 0, warnings = 0, checks = 0;
	const struct gate_blame **v;
	bool clean = gate_report_clean(o, b);
	size_t i, n = 0;

	if (o->mailback && clean)
		return 0;
	v = calloc(b->nr + 1, sizeof(*v));
	if (!v)
		return -1;
	for (i = 0; i < b->nr; i++)
		if (reported(o, b->v[i].fd))
			v[n++] = &b->v[i];
	qsort(v, n, sizeof(*v), by_patch_line);
	for (i = 0; i < n; i++) {
		const struct tdx_finding *fd = v[i]->fd;
		const char *level = level_of(fd);

		if (o->format == GATE_FMT_GCC) {
			const char *src = v[i]->at ? v[i]->at->text : NULL;
			size_t len = v[i]->at ? v[i]->at->len : 0;

			if (!src)
				src = gate_text_line(&v[i]->change->post, fd->loc.line, &len);
			tdx_report_gcc_one_src(f, fd, src, len);
			continue;
		}
		one(f, o, v[i], file_arg);
		if (!strcmp(level, "ERROR"))
			errors++;
		else if (!strcmp(level, "CHECK"))
			checks++;
		else
			warnings++;
	}
	free(v);
	if (o->format != GATE_FMT_CHECKPATCH)
		return ferror(f) ? -1 : 0;
	if (o->summary && !(clean && o->quiet == 1)) {
		if (o->summary_file)
			fprintf(f, "%s ", file_arg);
		fprintf(f, "total: %lu errors, %lu warnings, ", errors, warnings);
		if (o->strict)
			fprintf(f, "%lu checks, ", checks);
		fprintf(f, "%lu lines checked\n", p ? p->nr_lines : 0);
	}
	if (!o->quiet && fixes)
		gate_fix_note(f, fixes);
	if (!o->quiet) {
		fputc('\n', f);
		fprintf(f, clean ? "%s has no obvious style problems and is ready for submission.\n"
			: "%s has style problems, please review.\n", name);
	}
	return ferror(f) ? -1 : 0;
}

static int by_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* checkpatch's hash_show_words(): the list's words, upper case, sorted. */
static void show_words(FILE *f, const char *list, const char *what)
{
	char *copy, *w, *save, **words = NULL;
	size_t n = 0, i;

	if (!list || !list[0])
		return;
	copy = strdup(list);
	for (w = copy ? strtok_r(copy, ",", &save) : NULL; w; w = strtok_r(NULL, ",", &save)) {
		char **nw = realloc(words, (n + 1) * sizeof(*words));

		if (!nw)
			break;
		words = nw;
		for (i = 0; w[i]; i++)
			w[i] = w[i] == '-' ? '_' : (char)toupper((unsigned char)w[i]);
		words[n++] = w;
	}
	qsort(words, n, sizeof(*words), by_word);
	fprintf(f, "\nNOTE: %s message types:", what);
	for (i = 0; i < n; i++)
		fprintf(f, " %s%s", strncmp(words[i], "TDX_", 4) ? "TDX_" : "", words[i]);
	fputc('\n', f);
	free(words);
	free(copy);
}

void gate_report_notes(FILE *f, const struct gate_opts *o, int exit_status)
{
	if (o->quiet || o->format != GATE_FMT_CHECKPATCH)
		return;
	show_words(f, o->types, "Used");
	show_words(f, o->ignore, "Ignored");
	if (exit_status)
		fputs("\nNOTE: If any of the findings are false positives, please report\n"
		      "      them to tdxcheck's maintainers, see README.md.\n", f);
}
