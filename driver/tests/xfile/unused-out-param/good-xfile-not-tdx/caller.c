// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/stddef.h>

void copy_report(void *dst, const void *src, size_t len, size_t *copied);
void save_report(void *dst, const void *src);

void save_report(void *dst, const void *src)
{
	copy_report(dst, src, 64, NULL);
}
