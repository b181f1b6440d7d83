/* bench/programs/fib.py in C, for the "within 2x of C at -O2" target. */
#include <stdio.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
    printf("%ld\n", fib(34));
    return 0;
}
