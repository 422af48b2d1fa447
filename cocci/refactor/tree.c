// SPDX-License-Identifier: GPL-2.0
/*
 * DIR's .c and .h files and the scratch copy spatch works on.  Only the files
 * that name a TDX primitive are copied: every rule leaves the others alone.
 * A symlinked .c or .h leading outside DIR is refused (spatch would write
 * through it); one leading inside is skipped, its target is in the walk.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refactor.h"
#include "xalloc.h"

char *rf_path(const char *dir, const char *rel)
{
	return tdx_xasprintf("%s/%s", dir, rel);
}

/*
 * Numbered, not named as in DIR: spatch --in-place copies its result with a
 * shell command that splits names with spaces and expands glob characters,
 * and then still exits 0.  Only the .c or .h suffix matters to spatch.
 */
char *rf_copy_path(const struct rf_tree *t, size_t i)
{
	const char *rel = t->files[i].rel;

	return tdx_xasprintf("%s/%06zu.%c", t->copy, i, rel[strlen(rel) - 1]);
}

uint64_t rf_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;	/* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*p++;
		h *= 0x100000001b3ull;
	}
	return h;
}

int rf_read_file(const char *path, char **text, size_t *len)
{
	size_t cap = 8192, n = 0;
	char *buf;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	buf = tdx_xmalloc(cap + 1);
	while ((got = read(fd, buf + n, cap - n)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			close(fd);
			return -1;
		}
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = tdx_xreallocarray(buf, cap + 1, 1);
		}
	}
	close(fd);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

static bool c_source(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && name[n - 2] == '.' && (name[n - 1] == 'c' || name[n - 1] == 'h');
}

static struct rf_tree *walking;
static int walk_status;

static bool inside(const char *real, const char *root)
{
	size_t n = strlen(root);

	return !strncmp(real, root, n) && (real[n] == '/' || real[n] == '\0' || n == 1);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	struct rf_tree *t = walking;
	const char *rel = path + strlen(t->real) + 1;
	char real[PATH_MAX];
	struct rf_file *f;

	(void)ftw;
	if (type == FTW_DNR) {
		fprintf(stderr, RF_NAME ": %s/%s: cannot read the directory; nothing changed\n",
			t->dir, rel);
		walk_status = 2;
		return 1;
	}
	if (type == FTW_NS) {
		fprintf(stderr, RF_NAME ": %s/%s: %s; nothing changed\n", t->dir, rel,
			strerror(errno));
		walk_status = 2;
		return 1;
	}
	if (!c_source(path))
		return 0;
	if (type == FTW_SL || type == FTW_SLN) {
		if (!realpath(path, real)) {
			fprintf(stderr, RF_NAME ": %s/%s: symlink leads nowhere; nothing changed\n",
				t->dir, rel);
			walk_status = 2;
			return 1;
		}
		if (!inside(real, t->real)) {
			fprintf(stderr,
				RF_NAME ": %s/%s: symlink leads outside %s (%s); nothing changed\n",
				t->dir, rel, t->dir, real);
			walk_status = 2;
			return 1;
		}
		return 0;	/* its target is one of the walk's own files */
	}
	if (type != FTW_F || !S_ISREG(st->st_mode))
		return 0;
	t->files = tdx_xreallocarray(t->files, t->n + 1, sizeof(*t->files));
	f = &t->files[t->n++];
	memset(f, 0, sizeof(*f));
	f->rel = tdx_xstrdup(rel);
	f->mode = st->st_mode & 07777;
	f->size = st->st_size;
	f->mtime = st->st_mtim;
	return rf_stopped();
}

static int by_rel(const void *a, const void *b)
{
	return strcmp(((const struct rf_file *)a)->rel, ((const struct rf_file *)b)->rel);
}

int rf_tree_scan(struct rf_tree *t, const char *dir)
{
	char real[PATH_MAX];
	struct stat st;
	size_t i;

	memset(t, 0, sizeof(*t));
	t->dir = tdx_xstrdup(dir);
	if (stat(dir, &st) || !S_ISDIR(st.st_mode) || !realpath(dir, real)) {
		fprintf(stderr, RF_NAME ": %s: not a directory\n", dir);
		return 2;
	}
	t->real = tdx_xstrdup(real);
	walking = t;
	walk_status = 0;
	if (nftw(t->real, visit, 32, FTW_PHYS) < 0) {
		fprintf(stderr, RF_NAME ": %s: %s\n", dir, strerror(errno));
		return 2;
	}
	if (walk_status)
		return walk_status;
	if (rf_stopped())
		return 1;
	if (!t->n) {
		fprintf(stderr, RF_NAME ": %s: no .c or .h file in it; nothing to do\n", dir);
		return 2;
	}
	qsort(t->files, t->n, sizeof(*t->files), by_rel);
	for (i = 0; i < t->n && !rf_stopped(); i++) {
		struct rf_file *f = &t->files[i];
		char *p = rf_path(t->real, f->rel), *text;
		size_t len;

		if (rf_read_file(p, &text, &len)) {
			fprintf(stderr, RF_NAME ": %s/%s: cannot read: %s; nothing changed\n",
				t->dir, f->rel, strerror(errno));
			free(p);
			return 2;
		}
		f->hash = rf_hash(text, len);
		f->candidate = rf_names_primitive(text, len);
		free(text);
		free(p);
	}
	return rf_stopped() ? 1 : 0;
}

int rf_write_file(const char *path, const char *text, size_t len, mode_t mode, bool sync)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	ssize_t w;

	if (fd < 0)
		return -1;
	if (sync)
		fchmod(fd, mode);	/* the mode as asked, whatever the umask */
	while (len) {
		w = write(fd, text, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			close(fd);
			return -1;
		}
		text += w;
		len -= w;
	}
	if (sync && fsync(fd)) {
		close(fd);
		return -1;
	}
	return close(fd);
}

int rf_tree_copy(struct rf_tree *t)
{
	const char *tmp = getenv("TMPDIR");
	size_t i;

	t->scratch = tdx_xasprintf("%s/" RF_NAME ".%ld.XXXXXX", tmp && *tmp ? tmp : "/tmp",
				   (long)getpid());
	if (!mkdtemp(t->scratch)) {
		fprintf(stderr, RF_NAME ": %s: cannot make the scratch copy: %s\n", t->scratch,
			strerror(errno));
		free(t->scratch);
		t->scratch = NULL;
		return 1;
	}
	t->copy = rf_path(t->scratch, "tree");
	if (mkdir(t->copy, 0700)) {
		fprintf(stderr, RF_NAME ": %s: %s\n", t->copy, strerror(errno));
		return 1;
	}
	for (i = 0; i < t->n && !rf_stopped(); i++) {
		struct rf_file *f = &t->files[i];
		char *from, *to, *text;
		size_t len;
		int bad;

		if (!f->candidate)
			continue;
		from = rf_path(t->real, f->rel);
		to = rf_copy_path(t, i);
		bad = rf_read_file(from, &text, &len);
		if (!bad) {
			/* the copy is ours to write whatever DIR's modes are */
			bad = rf_write_file(to, text, len, 0600, false);
			if (!bad && rf_hash(text, len) != f->hash) {
				fprintf(stderr, RF_NAME ": %s/%s: changed during the run; "
					"nothing changed\n", t->dir, f->rel);
				free(text);
				free(from);
				free(to);
				return 1;
			}
			free(text);
		}
		if (bad) {
			fprintf(stderr, RF_NAME ": %s: cannot copy to %s: %s; nothing changed\n",
				from, to, strerror(errno));
			free(from);
			free(to);
			return 1;
		}
		free(from);
		free(to);
	}
	return rf_stopped() ? 1 : 0;
}

int rf_tree_copy_hashes(const struct rf_tree *t, uint64_t *out)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *p, *text;
		size_t len;

		out[i] = t->files[i].hash;
		if (!t->files[i].candidate)
			continue;
		p = rf_copy_path(t, i);
		if (rf_read_file(p, &text, &len)) {
			fprintf(stderr, RF_NAME ": %s: %s; nothing changed\n", p, strerror(errno));
			free(p);
			return 1;
		}
		out[i] = rf_hash(text, len);
		free(text);
		free(p);
	}
	return 0;
}

int rf_tree_mark_changed(struct rf_tree *t)
{
	uint64_t *h = tdx_xcalloc(t->n, sizeof(*h));
	size_t i;

	if (rf_tree_copy_hashes(t, h)) {
		free(h);
		return 1;
	}
	for (i = 0; i < t->n; i++)
		t->files[i].changed = h[i] != t->files[i].hash;
	free(h);
	return 0;
}

/*
 * DIR is as the run found it: a file edited meanwhile would otherwise be
 * overwritten with the stale copy, or miss a conversion its new text needs.
 */
int rf_tree_unchanged_since_copy(const struct rf_tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct rf_file *f = &t->files[i];
		char *p = rf_path(t->real, f->rel), *text = NULL;
		struct stat st;
		size_t len;
		bool same;

		same = !lstat(p, &st) && S_ISREG(st.st_mode) && st.st_size == f->size;
		if (same && (f->candidate || f->changed))
			same = !rf_read_file(p, &text, &len) && rf_hash(text, len) == f->hash;
		else if (same)
			same = st.st_mtim.tv_sec == f->mtime.tv_sec &&
			       st.st_mtim.tv_nsec == f->mtime.tv_nsec;
		free(text);
		free(p);
		if (!same) {
			fprintf(stderr, RF_NAME ": %s/%s: changed during the run; nothing changed\n",
				t->dir, f->rel);
			return 1;
		}
	}
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void rf_tree_remove_scratch(struct rf_tree *t)
{
	if (t->scratch)
		remove_tree(t->scratch);
}

/*
 * A run killed outright (SIGKILL) cannot remove its scratch copy: the next
 * run removes every copy of ours whose process is gone.
 */
void rf_remove_stale_scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	const char *prefix = RF_NAME ".";
	DIR *d;
	struct dirent *e;

	tmp = tmp && *tmp ? tmp : "/tmp";
	d = opendir(tmp);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char *end, *p;
		long pid;
		struct stat st;

		if (strncmp(e->d_name, prefix, strlen(prefix)))
			continue;
		pid = strtol(e->d_name + strlen(prefix), &end, 10);
		if (pid <= 0 || *end != '.' || pid == getpid())
			continue;
		if (!kill(pid, 0) || errno != ESRCH)
			continue;
		p = rf_path(tmp, e->d_name);
		if (!lstat(p, &st) && S_ISDIR(st.st_mode) && st.st_uid == getuid())
			remove_tree(p);
		free(p);
	}
	closedir(d);
}
