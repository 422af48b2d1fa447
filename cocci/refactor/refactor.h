/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tdxcheck-refactor: Coccinelle patch modes applied to a tree, all files or
 * none.  The pieces: the tree and its scratch copy (tree.c), the parse gate
 * (gate.c), child processes under a time limit and signals (run.c), and the
 * journal that makes the final renames all-or-nothing (journal.c).
 *
 * Every function that can fail prints one line naming the file and returns
 * the exit status the command should end with: 1 when the refactor could not
 * be done (nothing changed), 2 for bad input.
 */
#ifndef TDXCHECK_REFACTOR_H
#define TDXCHECK_REFACTOR_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#define RF_NAME "tdxcheck-refactor"

/* One .c or .h file of DIR, as it was when the run copied it. */
struct rf_file {
	char *rel;		/* path relative to DIR */
	mode_t mode;
	off_t size;
	struct timespec mtime;
	uint64_t hash;		/* of its content at copy time */
	bool candidate;		/* names a TDX primitive: a rule may change it */
	bool changed;		/* the scratch copy differs from it */
};

struct rf_tree {
	char *dir;		/* DIR as given, for messages */
	char *real;		/* DIR's real path */
	char *scratch;		/* $TMPDIR/tdxcheck-refactor.PID.XXXXXX */
	char *copy;		/* scratch/tree: the candidates, which spatch changes */
	struct rf_file *files;
	size_t n;
};

/* tree.c */
int rf_tree_scan(struct rf_tree *t, const char *dir);
int rf_tree_copy(struct rf_tree *t);
int rf_tree_unchanged_since_copy(const struct rf_tree *t);
/* hash of each candidate's scratch copy, in file order */
int rf_tree_copy_hashes(const struct rf_tree *t, uint64_t *out);
int rf_tree_mark_changed(struct rf_tree *t);
void rf_tree_remove_scratch(struct rf_tree *t);
void rf_remove_stale_scratch(void);
char *rf_path(const char *dir, const char *rel);
/* where file i is in the scratch copy */
char *rf_copy_path(const struct rf_tree *t, size_t i);
int rf_read_file(const char *path, char **text, size_t *len);
/* Write len bytes of text to path (created with mode); with sync, fsync'd. */
int rf_write_file(const char *path, const char *text, size_t len, mode_t mode, bool sync);
uint64_t rf_hash(const char *p, size_t n);

/* gate.c: the parts of each candidate a rule could change must parse */
bool rf_names_primitive(const char *text, size_t len);
int rf_gate(const struct rf_tree *t, const char *const *spatch_opts);

/* run.c */
void rf_signals_init(double limit);
bool rf_stopped(void);		/* a signal or the time limit ended the run */
void rf_finish_stopped(struct rf_tree *t) __attribute__((noreturn));
void rf_committed(void);
/*
 * Run argv: stdout to out_path (NULL: ours), stderr there too when err_too.
 * Its exit status, or -1 when the run was stopped or it could not start.
 */
int rf_run(char *const argv[], const char *out_path, bool err_too);
void rf_block_signals(bool block);
/* test hook: TDXCHECK_REFACTOR_FAULT=<phase>:<n or signal> */
void rf_fault(const char *phase, long n);
const char *rf_spatch(void);

/* journal.c */
int rf_commit(struct rf_tree *t);
int rf_recover(const char *dir, bool quiet_if_none);
bool rf_journal_pending(const char *dir);

#endif /* TDXCHECK_REFACTOR_H */
