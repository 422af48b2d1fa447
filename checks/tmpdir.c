// SPDX-License-Identifier: GPL-2.0
/*
 * The run's temporary directory.  Its removal may run in a signal handler,
 * so it uses only async-signal-safe calls: open, getdents64, unlinkat and
 * close, with fixed buffers, no malloc and no stdio.  The handlers are in
 * place before mkdtemp() runs (the signals are blocked across both), so a
 * signal arriving at any moment finds either no directory or one it will
 * remove.  A forked child that has not exec'd yet inherits the handlers:
 * it must not remove its parent's directory, hence the owner's pid.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tmpdir.h"

static char *dir;
static volatile sig_atomic_t removing;
static pid_t owner;

/* Every signal whose default action ends the process (and that may be caught). */
static const int fatal[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV,
	SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGSTKFLT, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
	SIGIO, SIGPWR, SIGSYS,
};

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/*
 * Remove what is in the directory open as fd (depth bounds the recursion),
 * then close it.  Entries removed under the reader may make it skip some:
 * it reads the directory again until a pass removes nothing.
 */
static void empty_dir(int fd, int depth)
{
	char buf[4096] __attribute__((aligned(8)));
	bool removed = true;
	long n;

	while (removed) {
		removed = false;
		if (lseek(fd, 0, SEEK_SET) < 0)
			break;
		while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
			long pos;

			for (pos = 0; pos < n; ) {
				struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + pos);
				const char *name = d->d_name;
				int sub;

				pos += d->d_reclen;
				if (!strcmp(name, ".") || !strcmp(name, ".."))
					continue;
				if (!unlinkat(fd, name, 0)) {
					removed = true;
					continue;
				}
				if (errno != EISDIR || depth >= 64)
					continue;
				sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					     O_CLOEXEC);
				if (sub >= 0)
					empty_dir(sub, depth + 1);
				if (!unlinkat(fd, name, AT_REMOVEDIR))
					removed = true;
			}
		}
	}
	close(fd);
}

static void remove_dir(void)
{
	int fd;

	if (!dir || getpid() != owner || removing)
		return;
	removing = 1;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0)
		empty_dir(fd, 0);
	rmdir(dir);
}

static void on_exit_remove(void)
{
	remove_dir();
}

static void on_signal(int sig)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };

	remove_dir();
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	/* die of it, so that the shell and make see the signal */
	raise(sig);
}

const char *tdx_tmpdir_make(const char *prefix, char **tried)
{
	const char *base = getenv("TMPDIR");
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block, old;
	char *t;
	size_t i;
	int err;

	if (tried)
		*tried = NULL;
	if (dir)
		return dir;
	if (asprintf(&t, "%s/%s.XXXXXX", base && base[0] ? base : "/tmp", prefix) < 0)
		return NULL;
	sigemptyset(&block);
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaddset(&block, fatal[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* the handler also runs a signal that is already pending when unblocked */
	sa.sa_mask = block;
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		struct sigaction cur;

		/* a signal the caller chose to ignore (nohup, SIGPIPE) stays ignored */
		if (!sigaction(fatal[i], NULL, &cur) && cur.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal[i], &sa, NULL);
	}
	owner = getpid();
	if (mkdtemp(t)) {
		dir = t;
		atexit(on_exit_remove);
	}
	err = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (dir)
		return dir;
	if (tried)
		*tried = t;
	else
		free(t);
	errno = err;
	return NULL;
}

const char *tdx_tmpdir(void)
{
	return removing ? NULL : dir;
}

void tdx_tmpdir_remove(void)
{
	remove_dir();
}
