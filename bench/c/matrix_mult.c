/* bench/programs/matrix_mult.py in C: the same LCG matrices, product of rows with the columns
 * of the transposed second matrix in the same summation order, and the same printed figures. */
#include <stdio.h>
#include <stdlib.h>

#define N 250

static double *make_matrix(int n, long seed) {
    double *m = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n * n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648L;
        m[i] = (double)seed / 2147483648.0 - 0.5;
    }
    return m;
}

static double *matmul(const double *a, const double *b, int n) {
    double *bt = malloc(sizeof(double) * n * n);
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
            bt[j * n + i] = b[i * n + j];
        }
    }
    double *c = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n; i++) {
        const double *ai = a + i * n;
        for (int j = 0; j < n; j++) {
            const double *bj = bt + j * n;
            double s = 0.0;
            for (int k = 0; k < n; k++) {
                s += ai[k] * bj[k];
            }
            c[i * n + j] = s;
        }
    }
    free(bt);
    return c;
}

int main(void) {
    int n = N;
    double *a = make_matrix(n, 1);
    double *b = make_matrix(n, 2);
    double *c = matmul(a, b, n);
    double trace = 0.0, total = 0.0;
    for (int i = 0; i < n; i++) {
        trace += c[i * n + i];
        for (int j = 0; j < n; j++) {
            total += c[i * n + j] * ((i + j) % 2 == 0 ? 1.0 : -1.0);
        }
    }
    printf("%.9f %.9f %.9f %.9f\n", trace, total, c[0], c[(n - 1) * n + (n - 2)]);
    free(a);
    free(b);
    free(c);
    return 0;
}
