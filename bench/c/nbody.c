/* bench/programs/nbody.py in C: the same three bodies, steps and operation order (d2 ** 0.5 is
 * pow(d2, 0.5), as CPython computes it), printed as Python prints round(x, 6). */
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    double x, y, vx, vy, m;
} Body;

static void step(Body *bodies, int n, double dt) {
    for (int i = 0; i < n; i++) {
        Body *a = &bodies[i];
        for (int j = i + 1; j < n; j++) {
            Body *b = &bodies[j];
            double dx = a->x - b->x;
            double dy = a->y - b->y;
            double d2 = dx * dx + dy * dy + 0.01;
            double mag = dt / (d2 * pow(d2, 0.5));
            a->vx -= dx * b->m * mag;
            a->vy -= dy * b->m * mag;
            b->vx += dx * a->m * mag;
            b->vy += dy * a->m * mag;
        }
    }
    for (int i = 0; i < n; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
    }
}

/* repr(round(v, 6)) for |v| < 1e16: six decimals, trailing zeros dropped, at least one kept. */
static void print_round6(double v, const char *end) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.6f", v);
    size_t len = strlen(buf);
    while (len > 0 && buf[len - 1] == '0' && buf[len - 2] != '.') {
        buf[--len] = '\0';
    }
    printf("%s%s", buf, end);
}

int main(void) {
    Body bodies[3] = {
        {0.0, 0.0, 0.0, 0.0, 10.0},
        {1.0, 0.0, 0.0, 1.0, 1.0},
        {-1.5, 0.0, 0.0, -0.8, 0.5},
    };
    for (int s = 0; s < 400000; s++) {
        step(bodies, 3, 0.001);
    }
    print_round6(bodies[1].x, " ");
    print_round6(bodies[2].y, "\n");
    return 0;
}
