// Runs every kernel of Sources/CSubpixKernels (linked unchanged) on seeded
// inputs with the baseline path forced (or, given `avx2`, the AVX2 + FMA one),
// and prints every output value's bits under a heading per case (inputs.h's
// `emit`); scripts/check-arm64-kernels.sh builds this for x86-64 and for
// aarch64 and compares the listings. The inputs hold the
// Swift kernel tests' hard cases: NaN, ±∞, −0, ties, peaks on the border,
// window terms spanning 1 … 1e-30, and sizes that leave vector tails.
//
// This file is compiled without contraction so that the inputs are the same
// bits on both machines; the kernels keep the flags SwiftPM gives them.
#pragma STDC FP_CONTRACT OFF

#include <stdlib.h>

#include "SubpixKernels.h"
#include "ThreadScratch.h"
#include "inputs.h"
#include "window_op.h"

static char label[200];
#define LABEL(...) (snprintf(label, sizeof label, __VA_ARGS__), label)
#define FLOATS(n) ((float *)calloc((size_t)(n), sizeof(float)))

/// `count` coordinates: pixels `0 ..< count`, or normalised to [-1, 1].
static float *grid(ptrdiff_t count, int normalized) {
    float *g = FLOATS(count);
    for (ptrdiff_t i = 0; i < count; i++) g[i] = normalized ? -1 + (float)i * (2.0f / (float)(count > 1 ? count - 1 : 1)) : (float)i;
    return g;
}

/// spatial_soft_argmax2d and its backward: six maps per call (noise, a border
/// peak, ties with a −0, a NaN, +∞, −∞).
static void check_spatial_soft_argmax(rng *r) {
    static const ptrdiff_t shapes[][2] = {{1, 1}, {3, 5}, {64, 48}, {7, 13}, {2, 17}, {5, 33}};
    static const float temperatures[] = {0.5f, 1, 10};
    enum { maps = 6 };
    for (int s = 0; s < 6; s++) for (int t = 0; t < 3; t++) for (int normalized = 0; normalized < 2; normalized++) {
        ptrdiff_t H = shapes[s][0], W = shapes[s][1], size = H * W;
        float *x = FLOATS(maps * size), *xs = grid(W, normalized), *ys = grid(H, normalized);
        fill_noise(r, x, (size_t)(maps * size));
        x[1 * size + size - 1] = 20;                              // a peak in the last cell
        for (ptrdiff_t i = 0; i < size; i++) x[2 * size + i] = 1.5f;   // ties everywhere
        x[2 * size] = -0.0f;
        x[3 * size + size / 2] = NAN;
        x[4 * size + size / 3] = INFINITY;
        x[5 * size + size / 2] = -INFINITY;
        float coords[2 * maps], cotangent[2 * maps], *gradient = FLOATS(maps * size);
        subpix_spatial_soft_argmax_f32(x, 0, maps, H, W, temperatures[t], xs, ys, coords);
        emit(LABEL("spatial_soft_argmax/%tdx%td/T%g/n%d", H, W, temperatures[t], normalized), coords, 2 * maps);
        fill_noise(r, cotangent, 2 * maps);
        subpix_spatial_soft_argmax_backward_f32(x, 0, maps, H, W, temperatures[t], xs, ys, coords, cotangent, gradient);
        emit(LABEL("spatial_soft_argmax_backward/%tdx%td/T%g/n%d", H, W, temperatures[t], normalized), gradient, (size_t)(maps * size));
        free(x); free(xs); free(ys); free(gradient);
    }
}

/// render_gaussian2d: σ of 0 and NaN, an infinite mean, a σ narrow enough that
/// the tails are subnormal, a wide one; per-map and broadcast σ.
static void check_render_gaussian(rng *r) {
    static const ptrdiff_t shapes[][2] = {{1, 1}, {7, 5}, {16, 16}, {33, 17}, {48, 64}, {3, 33}};
    enum { maps = 6 };
    for (int s = 0; s < 6; s++) for (int normalized = 0; normalized < 2; normalized++) for (int broadcast = 0; broadcast < 2; broadcast++) {
        ptrdiff_t H = shapes[s][0], W = shapes[s][1];
        float *xs = grid(W, normalized), *ys = grid(H, normalized), *profiles = FLOATS(W + H), *out = FLOATS(maps * H * W);
        float span = normalized ? 1 : (float)(W > H ? W : H), means[2 * maps], stds[2 * maps];
        ptrdiff_t meanIndex[maps], stdIndex[maps];
        for (int m = 0; m < maps; m++) {
            means[2 * m] = uniform(r, 0, span);
            means[2 * m + 1] = uniform(r, 0, span);
            stds[2 * m] = uniform(r, 0.3f, 3) * (normalized ? 0.1f : 1);
            stds[2 * m + 1] = uniform(r, 0.3f, 3) * (normalized ? 0.1f : 1);
            meanIndex[m] = m;
            stdIndex[m] = broadcast ? 0 : m;
        }
        stds[2 * 1] = 0; stds[2 * 2 + 1] = NAN; means[2 * 3] = INFINITY;
        stds[2 * 4] = normalized ? 0.01f : 0.2f;   // tails below 2^-126
        stds[2 * 5 + 1] = 50;
        subpix_render_gaussian_f32(xs, W, ys, H, means, meanIndex, stds, stdIndex, 0, maps, profiles, out);
        emit(LABEL("render_gaussian/%tdx%td/n%d/b%d", H, W, normalized, broadcast), out, (size_t)(maps * H * W));
        free(xs); free(ys); free(profiles); free(out);
    }
}

/// One conv_soft_argmax geometry on one map: the forward with values over all
/// output rows, again in two bands without values, and the backward (input rows
/// in two bands) with and without a values cotangent.
static void check_window_op(rng *r, const char *geometry, subpix_window_soft_argmax *op, const float *x) {
    char name[sizeof label];
    snprintf(name, sizeof name, "%s", geometry);   // `geometry` may be `label`, which LABEL overwrites
    ptrdiff_t D = op->depth.length, H = op->height.length, W = op->width.length;
    ptrdiff_t Ho = op->height.outputs, outputs = op->depth.outputs * Ho * op->width.outputs, axes = op->volumetric ? 3 : 2;
    float peak = peak_of(x, (size_t)(D * H * W));
    float *coords = FLOATS(axes * outputs), *values = FLOATS(outputs), *banded = FLOATS(axes * outputs);
    subpix_window_soft_argmax_f32(op, x, peak, 0, Ho, coords, values);
    emit(LABEL("window_soft_argmax/%s/coords", name), coords, (size_t)(axes * outputs));
    emit(LABEL("window_soft_argmax/%s/values", name), values, (size_t)outputs);
    subpix_window_soft_argmax_f32(op, x, peak, 0, Ho / 2, banded, NULL);
    subpix_window_soft_argmax_f32(op, x, peak, Ho / 2, Ho, banded, NULL);
    emit(LABEL("window_soft_argmax/%s/banded", name), banded, (size_t)(axes * outputs));

    float *coordsCotangent = FLOATS(axes * outputs), *valuesCotangent = FLOATS(outputs), *gradient = FLOATS(D * H * W);
    fill_noise(r, coordsCotangent, (size_t)(axes * outputs));
    fill_noise(r, valuesCotangent, (size_t)outputs);
    float factors = op->width.factor + op->height.factor + (op->volumetric ? op->depth.factor : 0), largest = 0;
    for (ptrdiff_t i = 0; i < D * H * W; i++) if (isfinite(x[i]) && fabsf(x[i]) > largest) largest = fabsf(x[i]);
    for (int withValues = 0; withValues < 2; withValues++) {
        const float *vc = withValues ? valuesCotangent : NULL;
        subpix_window_soft_argmax_backward_f32(op, x, peak, 0, H / 3, coordsCotangent, vc, values, gradient);
        subpix_window_soft_argmax_backward_f32(op, x, peak, H / 3, H, coordsCotangent, vc, values, gradient);
        // The size of one window's terms in a cell's gradient (see SubpixKernels.h), with
        // e/D <= 1, |offset| <= 1, |S/D| <= 1, |V/D| <= max |x| and cotangents within 3:
        // e·(α·offset + ρ)/T and e·(x·γ/T + γ). They may cancel to 0: the comparison's floor.
        float terms = 3 * (2 * factors + (withValues ? 2 * largest + op->temperature : 0)) / op->temperature;
        emit(LABEL("window_soft_argmax_backward/%s/v%d~%g", name, withValues, terms), gradient, (size_t)(D * H * W));
    }
    free(coords); free(values); free(banded); free(coordsCotangent); free(valuesCotangent); free(gradient);
}

/// conv_soft_argmax2d: every small kernel, stride and padding on a map whose
/// exponentials span 1 … 1e-30 around a peak (eps 0) and on noise; a NaN map.
static void check_window_2d(rng *r) {
    static const ptrdiff_t sizes[][2] = {{13, 17}, {9, 7}, {16, 33}};
    static const ptrdiff_t kernels[][2] = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}, {3, 7}, {8, 2}, {5, 4}};
    subpix_window_axis depth = window_axis(1, 1, 1, 0, 0);
    for (int s = 0; s < 3; s++) for (int kind = 0; kind < 2; kind++) {
        ptrdiff_t H = sizes[s][0], W = sizes[s][1];
        float *x = FLOATS(H * W);
        if (kind == 0) {
            for (ptrdiff_t i = 0; i < H * W; i++) x[i] = uniform(r, -69, -46);   // exp: 1e-30 … 1e-20
            x[(H / 3) * W + W / 2] = 0;
            x[(H - 1) * W] = -0.5f;   // a second, lower peak in a corner
        } else {
            fill_noise(r, x, (size_t)(H * W));
        }
        for (int k = 0; k < 10; k++) for (ptrdiff_t stride = 1; stride <= 3; stride++) {
            ptrdiff_t ky = kernels[k][0], kx = kernels[k][1], most = (ky < kx ? ky : kx) / 2;
            for (ptrdiff_t padding = 0; padding <= most; padding++) {
                if (ky > H + 2 * padding || kx > W + 2 * padding) continue;
                int normalized = (int)((k + stride + padding) % 2);
                subpix_window_soft_argmax op = window_op(
                    depth, window_axis(H, ky, stride, padding, normalized), window_axis(W, kx, stride, padding, normalized),
                    kind == 0 ? 1 : 0.5f, kind == 0 ? 0 : 1e-8f, 0);
                check_window_op(r, LABEL("2d/%s/%tdx%td/k%tdx%td/s%td/p%td", kind ? "noise" : "span", H, W, ky, kx, stride, padding), &op, x);
                free_window_op(&op);
            }
        }
        free(x);
    }
    float *x = FLOATS(5 * 11);
    fill_noise(r, x, 5 * 11);
    x[2 * 11 + 4] = NAN;
    subpix_window_soft_argmax op = window_op(depth, window_axis(5, 3, 1, 1, 0), window_axis(11, 3, 1, 1, 0), 1, 1e-8f, 0);
    check_window_op(r, "2d/nan/5x11/k3x3/s1/p1", &op, x);
    free_window_op(&op);
    free(x);
}

/// `padding`, or less where the kernel reaches fewer cells beyond its centre (kornia's limit).
static ptrdiff_t padding_within(ptrdiff_t kernel, ptrdiff_t padding) { return padding < kernel / 2 ? padding : kernel / 2; }

/// conv_soft_argmax3d on noise volumes, odd and even kernels, strides 1 and 2
/// (normalised coordinates with stride 2).
static void check_window_3d(rng *r) {
    static const ptrdiff_t sizes[][3] = {{4, 9, 11}, {3, 5, 5}, {5, 8, 19}};
    static const ptrdiff_t kernels[][3] = {{3, 3, 3}, {2, 3, 3}, {3, 4, 5}, {1, 3, 3}, {3, 1, 1}};
    for (int s = 0; s < 3; s++) {
        ptrdiff_t D = sizes[s][0], H = sizes[s][1], W = sizes[s][2];
        float *x = FLOATS(D * H * W);
        fill_noise(r, x, (size_t)(D * H * W));
        x[D * H * W - 1] = 9;   // the peak in the last voxel
        for (int k = 0; k < 5; k++) for (ptrdiff_t stride = 1; stride <= 2; stride++) for (ptrdiff_t pad = 0; pad <= 1; pad++) {
            const ptrdiff_t *kernel = kernels[k];
            int normalized = stride == 2;
            subpix_window_soft_argmax op = window_op(
                window_axis(D, kernel[0], stride, padding_within(kernel[0], pad), normalized),
                window_axis(H, kernel[1], stride, padding_within(kernel[1], pad), normalized),
                window_axis(W, kernel[2], stride, padding_within(kernel[2], pad), normalized), 1, 1e-8f, 1);
            check_window_op(r, LABEL("3d/%tdx%tdx%td/k%td%td%td/s%td/p%td", D, H, W, kernel[0], kernel[1], kernel[2], stride, pad), &op, x);
            free_window_op(&op);
        }
        free(x);
    }
}

/// The window sums alone, as WindowSumsTests runs them: eight sequences of 37
/// terms, a 1 in each and 2^-100 … 2^-66 (about 1e-30 … 1e-20) elsewhere, built
/// in the bits.
static void check_window_sums(rng *r) {
    enum { length = 37 };
    for (ptrdiff_t kernel = 1; kernel <= 15; kernel += kernel == 9 ? 6 : 1) for (ptrdiff_t stride = 1; stride <= 3; stride++) {
        for (ptrdiff_t padding = 0; padding <= kernel / 2; padding++) {
            ptrdiff_t padded = length + 2 * padding, outputs = (padded - kernel) / stride + 1;
            float *x = FLOATS(padded * 8), *sums = FLOATS(outputs * 8), *weighted = FLOATS(outputs * 8);
            for (int lane = 0; lane < 8; lane++) for (int cell = 0; cell < length; cell++) {
                uint32_t bits = (uint32_t)(27 + next_bits(r) % 35) << 23 | (uint32_t)(next_bits(r) & 0x7FFFFF);
                float term;
                memcpy(&term, &bits, sizeof term);
                x[(cell + padding) * 8 + lane] = cell == 3 * lane + 2 ? 1 : term;
            }
            subpix_window_sums_f32(x, kernel, stride, outputs, sums, weighted);
            emit(LABEL("window_sums/k%td/s%td/p%td/sums", kernel, stride, padding), sums, (size_t)(outputs * 8));
            emit(LABEL("window_sums/k%td/s%td/p%td/weighted", kernel, stride, padding), weighted, (size_t)(outputs * 8));
            free(x); free(sums); free(weighted);
        }
    }
}

/// One strict-maxima kernel on `x`: mask and values, rows in two blocks each.
static void check_strict_maxima_case(subpix_strict_maxima op, const float *x, unsigned char *mask, float *values) {
    ptrdiff_t H = op.height, size = op.depth * H * op.width;
    subpix_strict_maxima_f32(&op, x, 0, H / 3, mask, NULL);
    subpix_strict_maxima_f32(&op, x, H / 3, H, mask, NULL);
    subpix_strict_maxima_f32(&op, x, 0, H / 2, NULL, values);
    subpix_strict_maxima_f32(&op, x, H / 2, H, NULL, values);
    char name[sizeof label];
    snprintf(name, sizeof name, "strict_maxima/%tdx%tdx%td/k%td%td%td", op.depth, H, op.width,
             op.kernel_depth, op.kernel_height, op.kernel_width);
    emit_bytes(LABEL("%s/mask", name), mask, (size_t)size);
    emit(LABEL("%s/values", name), values, (size_t)size);
}

/// nms2d / nms3d on the awkward values (StrictMaximaKernelTests' shapes and
/// windows): every window that fits the small maps, two on the large ones.
static void check_strict_maxima(rng *r) {
    static const ptrdiff_t shapes[][3] = {
        {1, 3, 3}, {1, 9, 7}, {1, 16, 33}, {1, 5, 8}, {1, 30, 13}, {1, 11, 64}, {3, 3, 3}, {4, 11, 19}, {6, 9, 8}, {1, 5, 5},
        {1, 203, 157}, {5, 130, 70},
    };
    static const ptrdiff_t kernels[][3] = {
        {1, 3, 3}, {1, 1, 3}, {1, 3, 1}, {1, 2, 2}, {1, 5, 5}, {1, 4, 7}, {1, 1, 2}, {1, 9, 4},
        {3, 3, 3}, {2, 2, 2}, {3, 4, 5}, {5, 1, 1}, {1, 1, 6}, {4, 7, 2},
    };
    for (int s = 0; s < 12; s++) {
        ptrdiff_t D = shapes[s][0], H = shapes[s][1], W = shapes[s][2], size = D * H * W;
        float *x = FLOATS(size), *values = FLOATS(size);
        unsigned char *mask = calloc((size_t)size, 1);
        fill_awkward(r, x, (size_t)size);
        int large = s >= 10;
        for (int k = 0; k < 14; k++) {
            subpix_strict_maxima op = {D, H, W, kernels[k][0], kernels[k][1], kernels[k][2]};
            if (op.kernel_depth > D || op.kernel_height > H || op.kernel_width > W) continue;
            if (large && k != 0 && k != 5 && k != 8) continue;
            check_strict_maxima_case(op, x, mask, values);
        }
        free(x); free(values); free(mask);
    }
}

/// iterative_quad_interp3d from every 3×3×3 strict maximum and every 37th voxel
/// (the border included) of smooth bumps, noise, and bumps holding NaN, ±∞,
/// huge and subnormal values.
static void check_iterative_quad(rng *r) {
    enum { maps = 4, D = 5, H = 23, W = 29, size = D * H * W };
    static const struct { ptrdiff_t iterations; float shift; int scale; } settings[] = {
        {5, 0.6f, 1}, {1, 0.6f, 1}, {0, 0.6f, 1}, {3, 0.3f, 0}, {8, 0.9f, 1}, {2, 0, 1},
    };
    float *volumes[3];
    for (int v = 0; v < 3; v++) {
        float *x = volumes[v] = FLOATS(maps * size);
        if (v == 1) { fill_noise(r, x, maps * size); continue; }
        for (int m = 0; m < maps; m++) for (int b = 0; b < 6; b++) {
            float cd = uniform(r, 0, D - 1), cy = uniform(r, 0, H - 1), cx = uniform(r, 0, W - 1), amplitude = uniform(r, 0.5f, 2);
            for (ptrdiff_t i = 0; i < size; i++) {
                float dd = (float)(i / (H * W)) - cd, dy = (float)(i / W % H) - cy, dx = (float)(i % W) - cx;
                x[m * size + i] += amplitude / (1 + (dx * dx + dy * dy) / 8 + dd * dd / 2);   // a bump without libm
            }
        }
    }
    static const struct { ptrdiff_t at; float value; } oddities[] = {
        {301, NAN}, {2000, INFINITY}, {4100, -INFINITY}, {5555, 3e38f}, {6001, 1e-40f}, {7777, -1e-39f},
    };
    for (int i = 0; i < 6; i++) volumes[2][oddities[i].at] = oddities[i].value;

    subpix_strict_maxima nms = {D, H, W, 3, 3, 3};
    unsigned char *mask = calloc(size, 1);
    ptrdiff_t *starts = malloc(sizeof(ptrdiff_t) * maps * size);
    float *coords = FLOATS(3 * maps * size), *values = FLOATS(maps * size);
    for (int v = 0; v < 3; v++) {
        ptrdiff_t count = 0;
        for (int m = 0; m < maps; m++) {
            subpix_strict_maxima_f32(&nms, volumes[v] + m * size, 0, H, mask, NULL);
            for (ptrdiff_t i = 0; i < size; i++) if (mask[i] || (m * size + i) % 37 == 0) starts[count++] = m * size + i;
        }
        for (int c = 0; c < 6; c++) {
            for (int m = 0; m < maps; m++) for (ptrdiff_t i = 0; i < size; i++) {   // unrefined: the grid and the input
                coords[(3 * m) * size + i] = (float)(i / (H * W));
                coords[(3 * m + 1) * size + i] = (float)(i % W);
                coords[(3 * m + 2) * size + i] = (float)(i / W % H);
            }
            memcpy(values, volumes[v], sizeof(float) * maps * size);
            subpix_iterative_quad op = {D, H, W, settings[c].iterations, settings[c].shift, settings[c].scale};
            subpix_iterative_quad_f32(&op, volumes[v], starts, count, coords, values);
            emit(LABEL("iterative_quad/v%d/c%d/coords", v, c), coords, 3 * maps * size);
            emit(LABEL("iterative_quad/v%d/c%d/values", v, c), values, maps * size);
        }
    }
    for (int v = 0; v < 3; v++) free(volumes[v]);
    free(mask); free(starts); free(coords); free(values);
}

/// The thread scratch: a kept buffer comes back, a nested request gets its own
/// memory, a request beyond what a thread keeps is served and not kept.
static void check_scratch(void) {
    float *kept = subpix_scratch_acquire(1000), *nested = subpix_scratch_acquire(10);
    subpix_scratch_release(nested);
    subpix_scratch_release(kept);
    float *again = subpix_scratch_acquire(10), *huge = subpix_scratch_acquire(SUBPIX_SCRATCH_KEEP + 1);
    float facts[4] = {again == kept, nested != kept, huge != NULL, (float)(subpix_scratch_kept() <= SUBPIX_SCRATCH_KEEP)};
    subpix_scratch_release(huge);
    subpix_scratch_release(again);
    emit("scratch/facts", facts, 4);
}

/// `kernel_check [baseline|avx2]`: the path to run (baseline unless told).
int main(int argc, char **argv) {
    int avx2 = argc > 1 && strcmp(argv[1], "avx2") == 0;
    if (argc > 1 && !avx2 && strcmp(argv[1], "baseline") != 0) return fprintf(stderr, "usage: %s [baseline|avx2]\n", argv[0]), 2;
    subpix_path path = avx2 ? SUBPIX_PATH_AVX2_FMA : SUBPIX_PATH_BASELINE;
    if (subpix_set_kernel_path(path) != path) return fprintf(stderr, "this CPU cannot run the %s path\n", argv[1]), 2;
    rng r = {20261201};
    check_spatial_soft_argmax(&r);
    check_render_gaussian(&r);
    check_window_2d(&r);
    check_window_3d(&r);
    check_window_sums(&r);
    check_strict_maxima(&r);
    check_iterative_quad(&r);
    check_scratch();
    float tuned = (float)subpix_heap_keep_warm(1 << 20, 1 << 20);   // 1 on glibc
    emit("heap_tuning/glibc", &tuned, 1);
    return 0;
}
