// SPDX-License-Identifier: GPL-2.0
/*
 * The commit: DIR's changed files replaced all together or not at all.
 *
 * DIR/.tdxcheck-refactor.journal lists the files (NUL-terminated paths
 * relative to DIR) under a header saying how far the commit got:
 *   prepare  the new texts are being written as FILE.tdxcheck-new;
 *   commit   all are written: they are being renamed over the old files.
 * The header changes by an atomic rename of the whole journal.  Whatever
 * stops a run (SIGKILL, a crash, power), the next run or `--recover` reads
 * the journal and rolls a prepare back or finishes a commit.  The other
 * signals are blocked while the commit runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refactor.h"
#include "xalloc.h"

#define JOURNAL ".tdxcheck-refactor.journal"
#define NEW_SUFFIX ".tdxcheck-new"
#define HEAD_PREPARE "tdxcheck-refactor prepare\n"
#define HEAD_COMMIT "tdxcheck-refactor commit\n"

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	fsync(fd);
	return close(fd);
}

static int write_journal(const struct rf_tree *t, const char *head)
{
	char *path = rf_path(t->real, JOURNAL), *tmp = rf_path(t->real, JOURNAL ".tmp");
	size_t len = strlen(head), i, at;
	char *text;
	int rc;

	for (i = 0; i < t->n; i++)
		if (t->files[i].changed)
			len += strlen(t->files[i].rel) + 1;
	text = tdx_xmalloc(len + 1);
	at = strlen(head);
	memcpy(text, head, at);
	for (i = 0; i < t->n; i++) {
		if (!t->files[i].changed)
			continue;
		memcpy(text + at, t->files[i].rel, strlen(t->files[i].rel) + 1);
		at += strlen(t->files[i].rel) + 1;
	}
	rc = rf_write_file(tmp, text, len, 0600, true) || rename(tmp, path) || sync_dir(t->real);
	if (rc)
		fprintf(stderr, RF_NAME ": %s: cannot write the journal: %s; nothing changed\n",
			path, strerror(errno));
	free(text);
	free(path);
	free(tmp);
	return rc;
}

static bool read_only(const char *path, int mode)
{
	struct stat st;

	return access(path, mode) || stat(path, &st) || !(st.st_mode & 0222);
}

/* Every changed file can be replaced: the file and its directory are writable. */
static int writable(const struct rf_tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *p, *d;
		int bad;

		if (!t->files[i].changed)
			continue;
		p = rf_path(t->real, t->files[i].rel);
		d = tdx_xstrdup(p);
		dirname(d);
		/* the mode bits too: root may write anything, but 0444 says keep it */
		bad = read_only(p, W_OK) ? 1 : read_only(d, W_OK | X_OK) ? 2 : 0;
		if (bad)
			fprintf(stderr, RF_NAME ": %s/%s: %s is read-only; nothing changed\n",
				t->dir, t->files[i].rel, bad == 1 ? "the file" : "its directory");
		free(p);
		free(d);
		if (bad)
			return 1;
	}
	return 0;
}

static void roll_back(const struct rf_tree *t)
{
	char *path = rf_path(t->real, JOURNAL);
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *n;

		if (!t->files[i].changed)
			continue;
		n = tdx_xasprintf("%s/%s" NEW_SUFFIX, t->real, t->files[i].rel);
		unlink(n);
		free(n);
	}
	unlink(path);
	free(path);
}

int rf_commit(struct rf_tree *t)
{
	size_t i, done = 0;
	int status = 0;

	if (writable(t))
		return 1;
	rf_block_signals(true);
	if (rf_tree_unchanged_since_copy(t) || write_journal(t, HEAD_PREPARE)) {
		rf_block_signals(false);
		return 1;
	}
	for (i = 0; i < t->n && !status; i++) {
		struct rf_file *f = &t->files[i];
		char *from, *to, *text;
		size_t len;

		if (!f->changed)
			continue;
		from = rf_copy_path(t, i);
		to = tdx_xasprintf("%s/%s" NEW_SUFFIX, t->real, f->rel);
		if (rf_read_file(from, &text, &len)) {
			fprintf(stderr, RF_NAME ": %s: %s; nothing changed\n", from, strerror(errno));
			status = 1;
		} else {
			if (rf_write_file(to, text, len, f->mode, true)) {
				fprintf(stderr, RF_NAME ": %s: %s; nothing changed\n", to,
					strerror(errno));
				status = 1;
			}
			free(text);
		}
		free(from);
		free(to);
		done++;
		rf_fault("prepare", (long)done);
	}
	/* a file edited while the new texts were written still stops it */
	if (status || rf_tree_unchanged_since_copy(t) || write_journal(t, HEAD_COMMIT)) {
		roll_back(t);
		rf_block_signals(false);
		return 1;
	}
	done = 0;
	for (i = 0; i < t->n; i++) {
		char *from, *to;

		if (!t->files[i].changed)
			continue;
		from = tdx_xasprintf("%s/%s" NEW_SUFFIX, t->real, t->files[i].rel);
		to = rf_path(t->real, t->files[i].rel);
		if (rename(from, to)) {
			fprintf(stderr, RF_NAME ": %s: %s; run `" RF_NAME " --recover %s`\n", to,
				strerror(errno), t->dir);
			status = 1;
		}
		free(from);
		free(to);
		if (status)
			break;
		done++;
		rf_fault("rename", (long)done);
	}
	if (!status) {
		char *path = rf_path(t->real, JOURNAL);

		sync_dir(t->real);
		unlink(path);
		free(path);
		rf_committed();
	}
	rf_block_signals(false);
	return status;
}

bool rf_journal_pending(const char *dir)
{
	char *path = rf_path(dir, JOURNAL);
	bool pending = !access(path, F_OK);

	free(path);
	return pending;
}

static bool safe_rel(const char *rel)
{
	const char *s = rel;

	if (!*rel || *rel == '/')
		return false;
	while (s) {
		if (!strncmp(s, "..", 2) && (s[2] == '/' || !s[2]))
			return false;
		s = strchr(s, '/');
		if (s)
			s++;
	}
	return true;
}

int rf_recover(const char *dir, bool quiet_if_none)
{
	char *path = rf_path(dir, JOURNAL), *tmp = rf_path(dir, JOURNAL ".tmp");
	char *text, *p, *end;
	size_t len, files = 0;
	bool commit;

	unlink(tmp);
	free(tmp);
	if (rf_read_file(path, &text, &len)) {
		if (errno != ENOENT) {
			fprintf(stderr, RF_NAME ": %s: %s\n", path, strerror(errno));
			free(path);
			return 2;
		}
		if (!quiet_if_none)
			printf("%s: no interrupted run to recover\n", dir);
		free(path);
		return 0;
	}
	commit = !strncmp(text, HEAD_COMMIT, strlen(HEAD_COMMIT));
	if (!commit && strncmp(text, HEAD_PREPARE, strlen(HEAD_PREPARE))) {
		fprintf(stderr, RF_NAME ": %s: not a journal of ours\n", path);
		free(text);
		free(path);
		return 2;
	}
	end = text + len;
	for (p = strchr(text, '\n') + 1; p < end; p += strlen(p) + 1) {
		if (!memchr(p, '\0', end - p) || !safe_rel(p)) {
			fprintf(stderr, RF_NAME ": %s: damaged journal\n", path);
			free(text);
			free(path);
			return 2;
		}
	}
	for (p = strchr(text, '\n') + 1; p < end; p += strlen(p) + 1) {
		char *from = tdx_xasprintf("%s/%s" NEW_SUFFIX, dir, p), *to = rf_path(dir, p);

		if (commit && !access(from, F_OK) && rename(from, to)) {
			fprintf(stderr, RF_NAME ": %s: %s\n", to, strerror(errno));
			free(from);
			free(to);
			free(text);
			free(path);
			return 1;
		}
		if (!commit)
			unlink(from);
		files++;
		free(from);
		free(to);
	}
	sync_dir(dir);
	unlink(path);
	printf("%s: %s an interrupted run (%zu file%s)\n", dir,
	       commit ? "finished" : "rolled back", files, files == 1 ? "" : "s");
	free(text);
	free(path);
	return 0;
}
