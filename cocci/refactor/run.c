// SPDX-License-Identifier: GPL-2.0
/*
 * Child processes (spatch, diff) under the run's time limit, and the signals
 * that end a run.  A handler only notes the signal and kills the child's
 * process group; the main line notices, removes the scratch copy and dies of
 * the same signal.  The commit blocks them (journal.c): only SIGKILL can stop
 * it, and the journal covers that.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "refactor.h"

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t timed_out;
static volatile pid_t child;
static const int stops[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static void on_signal(int sig)
{
	if (sig == SIGALRM)
		timed_out = 1;
	else
		stop_signal = sig;
	if (child > 0)
		kill(-child, SIGKILL);
}

void rf_signals_init(double limit)
{
	struct sigaction sa;
	struct itimerval it;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		sigaction(stops[i], &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = (time_t)limit;
	it.it_value.tv_usec = (suseconds_t)((limit - (double)(time_t)limit) * 1e6);
	if (!it.it_value.tv_sec && !it.it_value.tv_usec)
		it.it_value.tv_usec = 1;
	setitimer(ITIMER_REAL, &it, NULL);
}

void rf_block_signals(bool block)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		sigaddset(&set, stops[i]);
	sigaddset(&set, SIGALRM);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

bool rf_stopped(void)
{
	return stop_signal || timed_out;
}

static bool committed;

/* The commit is done: from now on a signal cannot undo it, nor a time limit. */
void rf_committed(void)
{
	struct itimerval off;

	memset(&off, 0, sizeof(off));
	setitimer(ITIMER_REAL, &off, NULL);
	signal(SIGALRM, SIG_IGN);	/* drops one pending while the commit ran */
	committed = true;
	timed_out = 0;
}

void rf_finish_stopped(struct rf_tree *t)
{
	int sig = stop_signal;

	rf_tree_remove_scratch(t);
	if (committed && sig) {
		fprintf(stderr, RF_NAME ": %s: stopped by signal %d once the change was made\n",
			t->dir, sig);
	} else if (!sig) {
		fprintf(stderr, RF_NAME ": %s: the run went over its time limit; nothing changed\n",
			t->dir);
		exit(1);
	} else {
		fprintf(stderr, RF_NAME ": %s: stopped by signal %d; nothing changed\n", t->dir,
			sig);
	}
	signal(sig, SIG_DFL);
	rf_block_signals(false);
	raise(sig);
	exit(128 + sig);
}

const char *rf_spatch(void)
{
	const char *s = getenv("SPATCH");

	return s && *s ? s : "spatch";
}

int rf_run(char *const argv[], const char *out_path, bool err_too)
{
	pid_t pid;
	int status;

	if (rf_stopped())
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, RF_NAME ": %s: %s\n", argv[0], strerror(errno));
		return -1;
	}
	if (pid == 0) {
		/* its own group, so the kill reaches what it starts; dies with us */
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		signal(SIGPIPE, SIG_DFL);
		if (out_path) {
			int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

			if (fd < 0 || dup2(fd, 1) < 0 || (err_too && dup2(fd, 2) < 0))
				_exit(127);
			close(fd);
		}
		execvp(argv[0], argv);
		fprintf(stderr, RF_NAME ": %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	child = pid;
	if (rf_stopped())
		kill(-pid, SIGKILL);
	rf_fault("spatch", 0);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			child = 0;
			return -1;
		}
	}
	child = 0;
	if (rf_stopped())
		return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/*
 * Fault injection for the tests: TDXCHECK_REFACTOR_FAULT=spatch:SIG sends
 * SIG to ourselves once the first child runs; prepare:N and rename:N kill us
 * outright after N files of the commit.  No timing is involved.
 */
void rf_fault(const char *phase, long n)
{
	const char *f = getenv("TDXCHECK_REFACTOR_FAULT");
	size_t len = strlen(phase);
	static bool spatch_done;

	if (!f || strncmp(f, phase, len) || f[len] != ':')
		return;
	if (!strcmp(phase, "spatch")) {
		if (spatch_done)
			return;
		spatch_done = true;
		raise(atoi(f + len + 1));
		return;
	}
	if (atol(f + len + 1) == n)
		raise(SIGKILL);
}
