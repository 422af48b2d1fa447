/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Finding a file that ships with us (the GCC plugin, tdxcheck-clang,
 * tdxcheck for the gate) relative to the running executable, so that an
 * installed tree, a relocated prefix (DESTDIR, a copied /opt tree) and a
 * build tree all work without configuration, and never a different copy
 * from PATH.
 */
#ifndef TDXCHECK_DRIVER_COMPANION_H
#define TDXCHECK_DRIVER_COMPANION_H

#include <stddef.h>

struct tdx_companion {
	const char *name;	/* its file name */
	const char *what;	/* what it is, for messages: "the plugin" */
	const char *env;	/* the environment variable that may name it */
	const char *option;	/* the option that may name it, or NULL */
	int mode;		/* access() mode it needs: R_OK or X_OK */
	const char *rel[2];	/* where to look, from this executable's directory */
};

/*
 * explicit_path when not NULL (the option), else $env, else rel[0], else
 * rel[1].  Returns a malloc'd path, or NULL with a one-line reason in err.
 */
char *tdx_companion_find(const struct tdx_companion *c, const char *explicit_path,
			 char *err, size_t errlen);

#endif /* TDXCHECK_DRIVER_COMPANION_H */
