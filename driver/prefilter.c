// SPDX-License-Identifier: GPL-2.0
/*
 * The prefilter: gcc -E -fdirectives-only on each unit, then a scan of its
 * identifiers.  Directives only: the includes and conditionals are done, as
 * in the build, but no macro is expanded and every #define is kept whole,
 * so a name a macro would produce is there in its definition (the plugin
 * also counts a call written through a macro named like a primitive).  It
 * costs a third of a full -E and a fifth of sparse on a kernel unit.  What
 * it cannot see is a name pasted with ## from pieces none of which matches
 * a pattern.  -P drops the line markers nobody reads here.  Comments and
 * string and character literals are skipped; a mistake in the scan can only
 * keep a unit, never drop one that names a primitive, because every other
 * identifier is tested.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "name_match.h"
#include "prefilter.h"

struct scan {
	struct tdx_job *pre;		/* their preprocessing runs */
	const char *const *out;
	bool *keep;
	const struct tdx_name_match *match;
};

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

static bool scan_text(const char *s, size_t n, const struct tdx_name_match *m)
{
	size_t i = 0, start;

	while (i < n) {
		char c = s[i];

		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *end = memmem(s + i + 2, n - i - 2, "*/", 2);

			i = end ? (size_t)(end - s) + 2 : n;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (c == '"' || c == '\'') {
			for (i++; i < n && s[i] != c && s[i] != '\n'; i++)
				if (s[i] == '\\' && i + 1 < n)
					i++;
			i++;
		} else if (isdigit((unsigned char)c)) {
			/* a pp-number: 0x1e+u is one, its letters name nothing */
			for (i++; i < n && (ident_char(s[i]) || s[i] == '.' ||
					    ((s[i] == '+' || s[i] == '-') &&
					     strchr("eEpP", s[i - 1]))); i++)
				;
		} else if (ident_char(c)) {
			for (start = i; i < n && ident_char(s[i]); i++)
				;
			if (tdx_name_match(m, s + start, i - start))
				return true;
		} else {
			i++;
		}
	}
	return false;
}

bool tdx_prefilter_text(const char *text, size_t len, const struct tdx_config *cfg)
{
	struct tdx_name_match m;
	bool named;

	tdx_name_match_init(&m, cfg);
	named = scan_text(text, len, &m);
	tdx_name_match_release(&m);
	return named;
}

/* The unit preprocessed into path names a primitive; true when unreadable. */
static bool file_names_primitive(const char *path, const struct tdx_name_match *m)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	bool named = true;

	if (!f)
		return true;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 1 << 22;
			text = tdx_xreallocarray(text, cap, 1);
		}
		got = fread(text + len, 1, cap - len, f);
		len += got;
		if (!got)
			break;
	}
	if (!ferror(f))
		named = scan_text(text, len, m);
	fclose(f);
	free(text);
	return named;
}

static void pre_done(struct tdx_job *job, void *data)
{
	struct scan *s = data;
	size_t i = (size_t)(job - s->pre);

	/* failed: keep it, the check reports the compiler's error */
	s->keep[i] = tdx_wait_code(job->status) ||
		     file_names_primitive(s->out[i], s->match);
	unlink(s->out[i]);
}

/* The check's compiler and flags, without what is the plugin's, then -E. */
static void preprocess_argv(struct tdx_argv *pre, const struct tdx_argv *check,
			    const char *out)
{
	size_t i;

	for (i = 0; i + 1 < check->nr; i++) {
		const char *a = check->v[i];

		if (!strcmp(a, "-fsyntax-only") || !strncmp(a, "-fplugin", 8))
			continue;
		tdx_argv_push(pre, a);
	}
	tdx_argv_push(pre, "-E");
	tdx_argv_push(pre, "-fdirectives-only");
	tdx_argv_push(pre, "-P");
	tdx_argv_push(pre, "-o");
	tdx_argv_push(pre, out);
	tdx_argv_push(pre, check->v[check->nr - 1]);
}

long tdx_prefilter(struct tdx_job **jobs, const char *const *out, size_t nr,
		   unsigned int parallel, const struct tdx_config *cfg)
{
	struct tdx_name_match m;
	struct scan s = { NULL, out, NULL, &m };
	struct tdx_job **list;
	size_t i, kept = 0;
	int ret;

	if (!nr)
		return 0;
	tdx_name_match_init(&m, cfg);
	s.pre = tdx_xcalloc(nr, sizeof(*s.pre));
	s.keep = tdx_xcalloc(nr, sizeof(*s.keep));
	list = tdx_xcalloc(nr, sizeof(*list));
	for (i = 0; i < nr; i++) {
		s.pre[i].name = jobs[i]->name;
		s.pre[i].dir = jobs[i]->dir;
		s.pre[i].err_path = jobs[i]->err_path;
		preprocess_argv(&s.pre[i].argv, &jobs[i]->argv, out[i]);
		list[i] = &s.pre[i];
	}
	ret = tdx_jobs_run(list, nr, parallel, pre_done, &s);
	for (i = 0; i < nr; i++) {
		if (ret || s.keep[i])
			jobs[kept++] = jobs[i];
		tdx_argv_release(&s.pre[i].argv);
	}
	free(list);
	free(s.keep);
	free(s.pre);
	tdx_name_match_release(&m);
	return ret ? -1 : (long)kept;
}
