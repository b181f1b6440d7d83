/* bench/programs/int_loop.py in C, for the "within 2x of C at -O2" target. */
#include <stdio.h>

static long work(long n) {
    long total = 0;
    for (long i = 0; i < n; i++) {
        total += (i * i + 3 * i) % 7;
    }
    return total;
}

int main(void) {
    printf("%ld\n", work(8000000));
    return 0;
}
