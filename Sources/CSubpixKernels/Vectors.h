// Eight-lane float vectors in the compiler's generic vector extension: the
// baseline build lowers them to two SSE2 (or NEON) registers, the AVX2 build
// to one. Every helper is always inlined, so it takes the target of its caller.
#ifndef SUBPIX_VECTORS_H
#define SUBPIX_VECTORS_H

#include <stdint.h>
#include <string.h>

// Every function that takes or returns a vector is always inlined into a
// kernel, so no vector ever crosses a call boundary and the calling-convention
// difference the compiler warns about between the two paths never arises.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float v8f __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));

#define SUBPIX_INLINE static inline __attribute__((always_inline))

SUBPIX_INLINE v8f v8f_load(const float *p) { v8f v; memcpy(&v, p, sizeof v); return v; }
SUBPIX_INLINE void v8f_store(float *p, v8f v) { memcpy(p, &v, sizeof v); }
SUBPIX_INLINE v8f v8f_splat(float s) { return (v8f){s, s, s, s, s, s, s, s}; }

/// `mask ? a : b` per lane, `mask` from a comparison (all bits set or none).
SUBPIX_INLINE v8f v8f_select(v8i mask, v8f a, v8f b) {
    return (v8f)(((v8i)a & mask) | ((v8i)b & ~mask));
}

SUBPIX_INLINE float v8f_sum(v8f v) {
    return ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
}

SUBPIX_INLINE float v8f_max(v8f v) {
    float best = v[0];
    for (int lane = 1; lane < 8; lane++) best = v[lane] > best ? v[lane] : best;
    return best;
}

/// Transposes eight vectors in place: afterwards `v[j][l]` is the old `v[l][j]`.
SUBPIX_INLINE void v8f_transpose(v8f v[8]) {
    v8f t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = __builtin_shufflevector(v[i], v[i + 1], 0, 8, 1, 9, 4, 12, 5, 13);
        t[i + 1] = __builtin_shufflevector(v[i], v[i + 1], 2, 10, 3, 11, 6, 14, 7, 15);
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = __builtin_shufflevector(t[i], t[i + 2], 0, 1, 8, 9, 4, 5, 12, 13);
        u[i + 1] = __builtin_shufflevector(t[i], t[i + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        u[i + 2] = __builtin_shufflevector(t[i + 1], t[i + 3], 0, 1, 8, 9, 4, 5, 12, 13);
        u[i + 3] = __builtin_shufflevector(t[i + 1], t[i + 3], 2, 3, 10, 11, 6, 7, 14, 15);
    }
    for (int j = 0; j < 4; j++) {
        v[j] = __builtin_shufflevector(u[j], u[j + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        v[j + 4] = __builtin_shufflevector(u[j], u[j + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

/// `2^t` for `t <= 0`, which is `exp(x)` for `t = x · log2(e)` (the kernels
/// fold `log2(e)` into the scale of their one fused multiply-add `x · a − b`).
/// `t = n + f` with `n = round(t)`, `|f| <= 1/2`; `2^f` by its degree-6 Taylor
/// polynomial (truncation below 1.2e-7 relative), `2^n` built in the exponent
/// bits. Below −126 gives 0 (as the Swift exponentials give 0 below `exp(−87)`),
/// NaN stays NaN.
SUBPIX_INLINE v8f v8f_exp2_nonpositive(v8f t) {
    v8i tiny = t < v8f_splat(-126.0f);
    v8f clamped = v8f_select(tiny, v8f_splat(-126.0f), t);
    v8f shifted = clamped + 12582912.0f;   // 1.5 * 2^23 puts round(t) in the low bits
    v8f f = clamped - (shifted - 12582912.0f);
    v8f p = 1.0f + f * (0.693147181f + f * (0.240226507f + f * (0.0555041087f + f * (0.00961812911f
        + f * (0.00133335581f + f * 0.000154035304f)))));
    v8f power = (v8f)(((v8i)shifted << 23) + (127 << 23));
    return (v8f)((v8i)(p * power) & ~tiny);   // 0 where t was below −126
}

/// The same for one value (the tails of rows).
SUBPIX_INLINE float exp2_nonpositive(float t) {
    v8f v = v8f_exp2_nonpositive(v8f_splat(t));
    return v[0];
}

/// log2(e): `exp(x) = 2^(x · log2(e))`.
#define SUBPIX_LOG2E 1.44269504088896341f

#endif
