// SPDX-License-Identifier: GPL-2.0
/*
 * Constructs the plugin must translate without crashing the compiler:
 * K&R definitions, nested functions, statement expressions, computed goto,
 * asm goto, _Generic, VLAs, labels, empty bodies, switch without braces,
 * Duff's device, a loop in a statement expression.
 */
typedef unsigned long long u64;
u64 __seamcall(u64 fn, void *args);

int knr(a, b)
	int a;
	char *b;
{
	return a + !b;
}

int nested(int x)
{
	int inner(int y) { return y + x; }

	return inner(2);
}

int stmt_expr(int n)
{
	int v = ({ int t = n; while (t > 3) t--; t; });
	int w = ({ __seamcall(1, 0); 2; });

	return v + w;
}

int computed(int i)
{
	static void *tbl[] = { &&one, &&two };

	goto *tbl[i & 1];
one:
	return 1;
two:
	return 2;
}

int asm_goto(void)
{
	asm goto("" : : : : out);
	return 0;
out:
	return 1;
}

#define kind(x) _Generic((x), int: 1, long: 2, default: 3)

int generic(long l)
{
	return kind(l) + kind(1);
}

int vla(int n)
{
	int a[n];
	int s = 0;

	for (int i = 0; i < n; i++)
		a[i] = i;
	for (;;) {
		if (s++ > n)
			break;
	}
	for (int i = 0; i < n; i++) ;
	while (0) {}
	do ; while (0);
	switch (n)
		case 1: s++;
	switch (n) {
	}
	return s + a[0];
}

void duff(char *to, const char *from, int count)
{
	int n = (count + 3) / 4;

	switch (count % 4) {
	case 0: do { *to++ = *from++;
	case 3: *to++ = *from++;
	case 2: *to++ = *from++;
	case 1: *to++ = *from++;
		} while (--n > 0);
	}
}

void empty(void) { }
int unterminated_if(int x) { if (x) return 1; else if (x > 2) return 2; else return 3; }
