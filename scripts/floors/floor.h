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

/// Window-3 maxima along `rows` rows of `width` (edges see only the cells inside).
static void rowmax(const float *x, float *out, int rows, int width) {
    for (int r = 0; r < rows; r++) {
        const float *a = x + (size_t)r * width; float *o = out + (size_t)r * width;
        o[0] = fmaxf(a[0], a[1]);
        for (int c = 1; c < width - 1; c++) o[c] = fmaxf(fmaxf(a[c - 1], a[c]), a[c + 1]);
        o[width - 1] = fmaxf(a[width - 2], a[width - 1]);
    }
}

/// Strict maxima of a 3 x 3 (x 3) window, fused in one pass over the rows: per
/// input row its window-3 row maxima (a ring of three rows per plane), per plane
/// the maximum of its three ring rows (3D), then out = x where x is greater than
/// the other 8 (26) values of its window, 0 elsewhere and wherever the window
/// leaves the map. `ring` holds 3 * depth * width floats, `box` depth * width.
/// (The inputs hold no NaN, so unlike subpix the floor does not look for one.)
static inline void window3_nms(const float *x, float *out, float *ring, float *box, int depth, int height, int width) {
    size_t plane = (size_t)height * width;
    int first = depth > 1 ? 1 : 0, last = depth > 1 ? depth - 2 : 0;   // planes that may hold maxima
#define RING(d, r) (ring + ((size_t)(d) * 3 + (r) % 3) * width)
    for (int d = 0; d < depth; d++) rowmax(x + d * plane, RING(d, 0), 2, width);
    for (int d = 0; d < depth; d++) {
        if (d < first || d > last) { memset(out + d * plane, 0, plane * sizeof(float)); continue; }
        memset(out + d * plane, 0, width * sizeof(float));
        memset(out + d * plane + (size_t)(height - 1) * width, 0, width * sizeof(float));
    }
    for (int i = 1; i < height - 1; i++) {
        for (int d = 0; d < depth; d++) rowmax(x + d * plane + (size_t)(i + 1) * width, RING(d, i + 1), 1, width);
        if (depth > 1) {
            for (int d = 0; d < depth; d++) {
                const float *a = RING(d, i - 1), *b = RING(d, i), *c = RING(d, i + 1);
                float *o = box + (size_t)d * width;
                for (int j = 0; j < width; j++) o[j] = fmaxf(fmaxf(a[j], b[j]), c[j]);
            }
        }
        for (int d = first; d <= last; d++) {
            const float *c = x + d * plane + (size_t)i * width, *up = RING(d, i - 1), *down = RING(d, i + 1);
            const float *front = depth > 1 ? box + (size_t)(d - 1) * width : up;
            const float *back = depth > 1 ? box + (size_t)(d + 1) * width : down;
            float *o = out + d * plane + (size_t)i * width;
            o[0] = o[width - 1] = 0;
            for (int j = 1; j < width - 1; j++) {
                float m = fmaxf(fmaxf(fmaxf(up[j], down[j]), fmaxf(c[j - 1], c[j + 1])), fmaxf(front[j], back[j]));
                o[j] = c[j] > m ? c[j] : 0.f;
            }
        }
    }
#undef RING
}

/// The 2D conv soft-argmax workloads of `subpix bench`, as
/// `run(name, maps, H, W, kernel, stride, padding, reps)` (square kernels, strides, paddings).
#define FLOOR_CSA2D_WORKLOADS(run)                  \
    run("csa2d_doc", 20 * 16, 50, 32, 3, 2, 1, 30);   \
    run("csa2d_large", 1, 512, 512, 5, 1, 2, 30);     \
    run("csa2d_pose", 4 * 17, 64, 48, 3, 1, 1, 30);   \
    run("csa2d_k3", 1, 512, 512, 3, 1, 1, 20);        \
    run("csa2d_k7", 1, 512, 512, 7, 1, 3, 20);        \
    run("csa2d_k15", 1, 512, 512, 15, 1, 7, 10)

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
