// SPDX-License-Identifier: GPL-2.0
/*
 * A series, patch by patch: checkpatch -g checks each commit and
 * checkpatch 00*.patch each file, because every step of a series must be
 * clean (bisection), not only its end.  A finding a patch adds is its
 * patch's even when a later one takes it out again.
 *
 * Nothing is written to the user's tree: a commit's files come from git, a
 * patch is applied to copies.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git.h"
#include "mbox.h"
#include "output.h"
#include "report.h"
#include "run.h"
#include "scratch.h"
#include "series.h"
#include "xalloc.h"

static int fail(const char *msg)
{
	fprintf(stderr, "tdxcheck-gate: %s\n", msg);
	return 2;
}

/*
 * Parse a patch or a mail; a mail without a diff (a cover letter, an empty
 * commit) is an input with nothing added, as checkpatch counts it.
 */
static int parse(struct gate_patch *p, char *buf, size_t len, const char *name, char *err,
		 size_t errlen)
{
	char *subject;

	if (!gate_patch_parse(p, buf, len, name, err, errlen))
		return 0;
	subject = p->headerless ? gate_mail_subject(p->buf, p->len) : NULL;
	if (subject) {
		free(subject);
		return 0;
	}
	gate_patch_release(p);
	return -1;
}

static char *numbered(const char *what, size_t n)
{
	char name[64];

	snprintf(name, sizeof(name), "%s-%zu", what, n);
	return gate_scratch_path(name);
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

int gate_series_git(struct gate_session *s)
{
	const struct gate_opts *o = s->o;
	struct gate_commits commits = { 0 };
	char err[PATH_MAX + 1024];
	size_t i;
	int ret = 0;

	for (i = 0; i < o->nr_inputs; i++) {
		if (gate_git_commits(s->top, o->inputs[i], &commits, err, sizeof(err))) {
			gate_commits_release(&commits);
			return fail(err);
		}
	}
	if (!commits.nr) {
		/* an empty range changes nothing: clean, not bad input */
		struct gate_blames none = { 0 };

		if (o->format != GATE_FMT_JSON &&
		    gate_report(stdout, o, NULL, &none, o->input, o->input, NULL))
			return fail("cannot write the report");
		return gate_session_finish(s);
	}
	s->framed = commits.nr > 1;
	for (i = 0; i < commits.nr && ret < 2; i++) {
		const struct gate_commit *c = &commits.v[i];
		struct gate_patch p = { 0 };
		char *mail = numbered("commit.patch", i), *tree = numbered("commit", i), *name;
		char *pre = numbered("parent", i);
		char *buf;
		size_t len;

		if (asprintf(&name, "Commit %.12s (\"%s\")", c->id, c->subject) < 0)
			name = NULL;
		if (!name || gate_git_commit_patch(s->top, c->id, mail, err, sizeof(err))) {
			ret = fail(name ? err : "out of memory");
		} else if (!(buf = gate_read_file(mail, &len))) {
			snprintf(err, sizeof(err), "%s: cannot read", mail);
			ret = fail(err);
		} else if (parse(&p, buf, len, name, err, sizeof(err)) ||
			   gate_git_commit_files(s->top, c->id, &p, tree, false, err,
						 sizeof(err)) ||
			   gate_git_commit_files(s->top, c->id, &p, pre, true, err,
						 sizeof(err))) {
			ret = fail(err);
		} else {
			ret = worse(ret, gate_session_check(s, &p, pre, tree, name, c->id));
		}
		gate_patch_release(&p);
		free(name);
		free(mail);
		free(tree);
		free(pre);
	}
	gate_commits_release(&commits);
	return ret < 2 ? worse(ret, gate_session_finish(s)) : ret;
}

struct item {
	char *name;		/* as checkpatch names it: the file, "Your patch", a mail */
	const char *arg;	/* the input it is from, as given ("-": standard input) */
	char *path;		/* a file git apply can read */
	struct gate_patch p;
};

static void items_release(struct item *v, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++) {
		free(v[i].name);
		free(v[i].path);
		gate_patch_release(&v[i].p);
	}
	free(v);
}

static int write_file(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return -1;
	if (fwrite(buf, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f) ? -1 : 0;
}

/* The inputs as items: a mailbox of several mails is one item per mail. */
static int read_items(const struct gate_opts *o, struct item **out, size_t *nr_out,
		      char *err, size_t errlen)
{
	struct item *v = NULL;
	size_t nr = 0, i, k;

	for (i = 0; i < o->nr_inputs; i++) {
		const char *in = o->inputs[i];
		bool is_stdin = !strcmp(in, "-");
		size_t *starts, n, len;
		char *buf, real[PATH_MAX];

		if (gate_input_read(in, &buf, &len, err, errlen))
			goto bad;
		n = gate_mbox_split(buf, len, &starts);
		v = tdx_xreallocarray(v, nr + n, sizeof(*v));
		for (k = 0; k < n; k++) {
			struct item *it = &v[nr++];
			size_t end = k + 1 < n ? starts[k + 1] : len, mlen = end - starts[k];
			char *mbuf = tdx_xmalloc(mlen + 1), *subject;
			const char *shown = is_stdin ? "<stdin>" : in;

			memset(it, 0, sizeof(*it));
			it->arg = in;
			memcpy(mbuf, buf + starts[k], mlen);
			if (n == 1) {
				it->name = tdx_xstrdup(is_stdin ? "Your patch" : in);
			} else {
				subject = gate_mail_subject(mbuf, mlen);
				if (asprintf(&it->name, subject ? "%s patch %zu/%zu (\"%s\")" :
					     "%s patch %zu/%zu%s", shown, k + 1, n,
					     subject ? subject : "") < 0)
					it->name = NULL;
				free(subject);
			}
			if (n == 1 && !is_stdin) {
				it->path = tdx_xstrdup(realpath(in, real) ? real : in);
			} else {
				it->path = numbered("input.patch", nr);
				if (write_file(it->path, mbuf, mlen)) {
					snprintf(err, errlen, "%s: cannot write", it->path);
					free(mbuf);
					free(starts);
					free(buf);
					goto bad;
				}
			}
			if (parse(&it->p, mbuf, mlen, n == 1 ? shown : it->name, err, errlen)) {
				free(starts);
				free(buf);
				goto bad;
			}
		}
		free(starts);
		free(buf);
	}
	*out = v;
	*nr_out = nr;
	return 0;
bad:
	items_release(v, nr);
	return -1;
}

/*
 * One patch: the work tree when it is applied there (its pre-image: copies
 * with the patch taken back out), else a scratch copy.  A mail without a
 * diff (a cover letter) changes nothing.
 */
static int one_patch(struct gate_session *s, struct item *it)
{
	char err[PATH_MAX + 1024], *tree, *pre = gate_scratch_path("pre");
	int ret;

	if (!it->p.nr_files) {
		ret = gate_session_check(s, &it->p, NULL, s->root, it->name, it->arg);
	} else if (gate_patch_applied(s->root, it->path)) {
		if (gate_patch_copy_files(s->root, pre, &it->p, true, err, sizeof(err)) ||
		    gate_patch_apply_in(pre, it->path, true, err, sizeof(err))) {
			free(pre);
			return fail(err);
		}
		ret = gate_session_check(s, &it->p, pre, s->root, it->name, it->arg);
	} else {
		tree = gate_scratch_path("tree");
		if (gate_patch_copy_files(s->root, pre, &it->p, false, err, sizeof(err)) ||
		    gate_patch_apply_copy(s->root, tree, it->path, &it->p, err, sizeof(err))) {
			char msg[sizeof(err) + 64];

			snprintf(msg, sizeof(msg), "%s: %s",
				 strcmp(it->name, "Your patch") ? it->name : "<stdin>", err);
			free(tree);
			free(pre);
			return fail(msg);
		}
		ret = gate_session_check(s, &it->p, pre, tree, it->name, it->arg);
		free(tree);
	}
	free(pre);
	return ret;
}

/*
 * Is the whole series applied in the work tree?  Then tree holds the work
 * tree's files with the series taken back out, last patch first.
 */
static bool series_applied(struct gate_session *s, const struct item *v, size_t nr,
			   const char *tree)
{
	char err[PATH_MAX + 1024];
	size_t i;

	for (i = 0; i < nr; i++)
		if (gate_patch_copy_files(s->root, tree, &v[i].p, true, err, sizeof(err)))
			return false;
	for (i = nr; i-- > 0; )
		if (v[i].p.nr_files &&
		    gate_patch_apply_in(tree, v[i].path, true, err, sizeof(err)))
			return false;
	return true;
}

int gate_series_patches(struct gate_session *s)
{
	struct item *v = NULL;
	char err[PATH_MAX + 1024], *tree;
	size_t nr = 0, i;
	int ret = 0;

	if (read_items(s->o, &v, &nr, err, sizeof(err)))
		return fail(err);
	if (nr == 1) {
		s->input_ends = true;
		ret = one_patch(s, &v[0]);
		items_release(v, nr);
		return ret < 2 ? worse(ret, gate_session_finish(s)) : ret;
	}
	s->framed = true;
	tree = gate_scratch_path("series-applied");
	if (!series_applied(s, v, nr, tree)) {
		free(tree);
		tree = gate_scratch_path("series");
		for (i = 0; i < nr; i++) {
			if (gate_patch_copy_files(s->root, tree, &v[i].p, false, err,
						  sizeof(err))) {
				ret = fail(err);
				goto out;
			}
		}
	}
	for (i = 0; i < nr && ret < 2; i++) {
		char *pre = numbered("before", i);

		/* the patch's files as the patches before it left them */
		if (gate_patch_copy_files(tree, pre, &v[i].p, false, err, sizeof(err))) {
			free(pre);
			ret = fail(err);
			break;
		}
		if (v[i].p.nr_files &&
		    gate_patch_apply_in(tree, v[i].path, false, err, sizeof(err))) {
			char msg[sizeof(err) + PATH_MAX + 128];

			snprintf(msg, sizeof(msg), "%s: does not apply to %s with the patches "
				 "before it, nor is the series applied there (%s)", v[i].name,
				 s->root, err);
			ret = fail(msg);
			free(pre);
			break;
		}
		/* --fix writes one file per input, a mailbox's mails in it */
		s->input_ends = i + 1 == nr || v[i + 1].arg != v[i].arg;
		ret = worse(ret, gate_session_check(s, &v[i].p, pre, tree, v[i].name, v[i].arg));
		free(pre);
	}
	if (ret < 2)
		ret = worse(ret, gate_session_finish(s));
out:
	free(tree);
	items_release(v, nr);
	return ret;
}
