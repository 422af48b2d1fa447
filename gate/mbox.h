/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mailboxes of patches, as git format-patch --stdout writes them: where each
 * mail begins, and its subject.
 */
#ifndef TDXCHECK_GATE_MBOX_H
#define TDXCHECK_GATE_MBOX_H

#include <stddef.h>

/*
 * The offsets where the mails of buf begin, in *starts (malloc'd): 0, then
 * every line "From <commit id> " that git format-patch starts a mail with.
 * Returns how many (1 for a lone patch or a plain diff).
 */
size_t gate_mbox_split(const char *buf, size_t len, size_t **starts);

/*
 * The Subject: header of the mail in buf, unfolded, its leading tags
 * ("[PATCH v2 2/3]") dropped as git am does; NULL when it has none.
 */
char *gate_mail_subject(const char *buf, size_t len);

#endif /* TDXCHECK_GATE_MBOX_H */
