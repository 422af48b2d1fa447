// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for what the gate reads before any git runs: mailbox
 * splitting, subjects, and the unified-diff parser with its path checks.
 * Any input must give a parsed patch or an error, never a crash, a leak
 * or undefined behaviour.  Every crash found becomes a file in
 * regressions/, run by the fuzz tests on every build.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "mbox.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one_mail(const char *mail, size_t len)
{
	struct gate_patch p;
	char err[512], *buf = tdx_xmalloc(len + 1), *subject;
	size_t i;

	memcpy(buf, mail, len);
	buf[len] = '\0';
	subject = gate_mail_subject(buf, len);
	free(subject);
	/* the parser takes the buffer over, also when it fails */
	if (!gate_patch_parse(&p, buf, len, "fuzz", err, sizeof(err))) {
		for (i = 0; i < p.nr_files; i++) {
			const struct gate_file *f = &p.files[i];

			/* a parsed patch never names a path out of its tree */
			if (!gate_path_safe(f->path) ||
			    (f->old_path && !gate_path_safe(f->old_path)))
				abort();
		}
	}
	gate_patch_release(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	size_t *starts, n, k;

	n = gate_mbox_split(buf, size, &starts);
	for (k = 0; k < n; k++)
		one_mail(buf + starts[k], (k + 1 < n ? starts[k + 1] : size) - starts[k]);
	free(starts);
	return 0;
}
