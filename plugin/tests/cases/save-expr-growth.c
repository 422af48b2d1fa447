// SPDX-License-Identifier: GPL-2.0
/*
 * A SAVE_EXPR (the index of a compound assignment) whose operand holds
 * many more SAVE_EXPRs: walking it grows the front end's map of trees seen,
 * which once freed the slot the outer SAVE_EXPR was about to fill (heap
 * corruption, a compiler abort on 6.12's mtrr/if.c).  Run under memcheck.
 */
int h(void);
int b[100];
int a[100];
unsigned long long __seamcall(unsigned long long fn, void *args);

int save_expr_growth(void)
{
	a[h() + ((b[h()] += 0)
		  + (b[h()] += 1)
		  + (b[h()] += 2)
		  + (b[h()] += 3)
		  + (b[h()] += 4)
		  + (b[h()] += 5)
		  + (b[h()] += 6)
		  + (b[h()] += 7)
		  + (b[h()] += 8)
		  + (b[h()] += 9)
		  + (b[h()] += 10)
		  + (b[h()] += 11)
		  + (b[h()] += 12)
		  + (b[h()] += 13)
		  + (b[h()] += 14)
		  + (b[h()] += 15)
		  + (b[h()] += 16)
		  + (b[h()] += 17)
		  + (b[h()] += 18)
		  + (b[h()] += 19)
		  + (b[h()] += 20)
		  + (b[h()] += 21)
		  + (b[h()] += 22)
		  + (b[h()] += 23)
		  + (b[h()] += 24)
		  + (b[h()] += 25)
		  + (b[h()] += 26)
		  + (b[h()] += 27)
		  + (b[h()] += 28)
		  + (b[h()] += 29)
		  + (b[h()] += 30)
		  + (b[h()] += 31)
		  + (b[h()] += 32)
		  + (b[h()] += 33)
		  + (b[h()] += 34)
		  + (b[h()] += 35)
		  + (b[h()] += 36)
		  + (b[h()] += 37)
		  + (b[h()] += 38)
		  + (b[h()] += 39))] += 1;
	return (int)__seamcall(0, 0);
}
