// Shared by the floors: a clock, seeded inputs, the best of R timed runs, and
// the polynomial exp the given floor_ssa2d.c uses (vectorisable, x <= 0).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

/// Uniform noise in [-3, 3]: i.i.d., so its local maxima are as dense as the
/// suite's standard-normal noise (any continuous i.i.d. input has the same).
static float *noise(size_t count, unsigned seed) {
    float *x = malloc(count * sizeof(float));
    srand(seed);
    for (size_t i = 0; i < count; i++) x[i] = rand() / (float)RAND_MAX * 6 - 3;
    return x;
}

static inline float fexp(float x) {
    x = x < -87.f ? -87.f : x;
    float k = floorf(x * 1.44269504f + 0.5f);
    float r = x - k * 0.693145752f - k * 1.42860677e-6f;
    float p = 1.f + r * (1.f + r * (0.5f + r * (0.166666672f + r * (0.0416666679f + r * 0.00833333377f))));
    union { float f; int i; } u = { .f = p };
    u.i += (int)k << 23;
    return u.f;
}

/// Window-3 maxima along rows of `width` (edges see only the cells inside).
static void rowmax(const float *x, float *out, int rows, int width) {
    for (int r = 0; r < rows; r++) {
        const float *a = x + (size_t)r * width; float *o = out + (size_t)r * width;
        o[0] = fmaxf(a[0], a[1]);
        for (int c = 1; c < width - 1; c++) o[c] = fmaxf(fmaxf(a[c - 1], a[c]), a[c + 1]);
        o[width - 1] = fmaxf(a[width - 2], a[width - 1]);
    }
}

/// Window-3 maxima across `count` planes of `size` elements (rows of a plane, or planes of a volume).
static void acrossmax(const float *x, float *out, int count, size_t size) {
    for (int p = 0; p < count; p++) {
        const float *mid = x + p * size, *lo = p > 0 ? mid - size : mid, *hi = p < count - 1 ? mid + size : mid;
        float *o = out + p * size;
        for (size_t i = 0; i < size; i++) o[i] = fmaxf(fmaxf(lo[i], mid[i]), hi[i]);
    }
}

/// out = x where x is the maximum of its 3 x 3 (x 3) window, else 0; a, b: scratch of x's size.
static void window3_nms(const float *x, float *out, float *a, float *b, int depth, int height, int width) {
    size_t plane = (size_t)height * width;
    rowmax(x, a, depth * height, width);
    for (int d = 0; d < depth; d++) acrossmax(a + d * plane, b + d * plane, height, width);
    const float *m = b;
    if (depth > 1) { acrossmax(b, a, depth, plane); m = a; }
    size_t n = depth * plane;
    for (size_t i = 0; i < n; i++) out[i] = x[i] == m[i] ? x[i] : 0.f;
}

/// Tells the compiler that `p` escaped and its memory was read, so the outputs
/// of a timed run count as used (otherwise it may drop stores nobody reads).
static inline void escape(void *p) { __asm__ volatile("" : : "g"(p) : "memory"); }

/// Prints `floor NAME 1 thread: T ms` with T the best of `reps` runs of `run`,
/// whose output is `out`.
#define FLOOR(name, reps, run, out, checksum)                                              \
    do {                                                                              \
        double best = 1e9;                                                            \
        for (int rep = 0; rep < (reps); rep++) {                                      \
            double t0 = now();                                                        \
            run;                                                                      \
            escape(out);                                                              \
            double dt = now() - t0;                                                   \
            if (dt < best) best = dt;                                                 \
        }                                                                             \
        printf("floor %s 1 thread: %.3f ms (checksum %f)\n", name, best * 1e3, (double)(checksum)); \
    } while (0)
