// Float vectors of 8 and 16 lanes in the compiler's generic vector extension
// (`v8f`, `v16f` and their helpers, from `VectorLanes.h`): each path lowers them
// to its own registers — an 8-lane vector is two SSE2 (or NEON) registers, one
// AVX2 register; a 16-lane one is four, two, or one AVX-512 register. Every
// helper is always inlined, so it takes the target of its caller.
#ifndef SUBPIX_VECTORS_H
#define SUBPIX_VECTORS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

// Every function that takes or returns a vector is always inlined into a
// kernel, so no vector ever crosses a call boundary and the calling-convention
// difference the compiler warns about between the paths never arises.
#pragma clang diagnostic ignored "-Wpsabi"

#define SUBPIX_INLINE static inline __attribute__((always_inline))
#define SUBPIX_PASTE3_(a, b, c) a##b##c
#define SUBPIX_PASTE3(a, b, c) SUBPIX_PASTE3_(a, b, c)
#define SUBPIX_PASTE4_(a, b, c, d) a##b##c##d
#define SUBPIX_PASTE4(a, b, c, d) SUBPIX_PASTE4_(a, b, c, d)

/// log2(e): `exp(x) = 2^(x · log2(e))`.
#define SUBPIX_LOG2E 1.44269504088896341f

#define SUBPIX_LANES 8
#include "VectorLanes.h"
#undef SUBPIX_LANES
#define SUBPIX_LANES 16
#include "VectorLanes.h"
#undef SUBPIX_LANES

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

/// How many of the `count` floats at `p` are NaN.
SUBPIX_INLINE ptrdiff_t count_nan(const float *p, ptrdiff_t count) {
    v8i lanes = {0};
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        v8f v = v8f_load(p + i);
        lanes -= (v != v);
    }
    ptrdiff_t nan = 0;
    for (int l = 0; l < 8; l++) nan += lanes[l];
    for (; i < count; i++) nan += p[i] != p[i];
    return nan;
}

/// `v8f_exp2_nonpositive` of one value (the tails of rows).
SUBPIX_INLINE float exp2_nonpositive(float t) {
    v8f v = v8f_exp2_nonpositive(v8f_splat(t));
    return v[0];
}

/// `v8f_exp_nonpositive` of one value.
SUBPIX_INLINE float exp_nonpositive(float x) {
    v8f v = v8f_exp_nonpositive(v8f_splat(x));
    return v[0];
}


#endif
