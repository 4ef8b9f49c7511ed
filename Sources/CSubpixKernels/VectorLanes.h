// The vector type and helpers of one lane count, written once: `Vectors.h`
// includes this file for 8 and for 16 lanes (`SUBPIX_LANES`), giving `v8f`,
// `v8i`, `v8f_load`, ... and `v16f`, `v16i`, `v16f_load`, .... A kernel picks
// its lane count; the compiler maps the lanes onto the registers of the path
// it compiles for (a 16-lane vector is one AVX-512 register, two AVX2 ones, four
// SSE2 or NEON ones). Deliberately no include guard.
#define VF SUBPIX_PASTE3(v, SUBPIX_LANES, f)
#define VI SUBPIX_PASTE3(v, SUBPIX_LANES, i)
#define VFN(op) SUBPIX_PASTE4(v, SUBPIX_LANES, f_, op)

typedef float VF __attribute__((vector_size(4 * SUBPIX_LANES)));
typedef int32_t VI __attribute__((vector_size(4 * SUBPIX_LANES)));

SUBPIX_INLINE VF VFN(load)(const float *p) { VF v; memcpy(&v, p, sizeof v); return v; }
SUBPIX_INLINE void VFN(store)(float *p, VF v) { memcpy(p, &v, sizeof v); }
SUBPIX_INLINE VF VFN(splat)(float s) { return (VF){0} + s; }

/// `mask ? a : b` per lane, `mask` from a comparison (all bits set or none).
SUBPIX_INLINE VF VFN(select)(VI mask, VF a, VF b) {
    return (VF)(((VI)a & mask) | ((VI)b & ~mask));
}

/// The lanes added as a balanced tree (lane `l` with `l + half`, halving).
SUBPIX_INLINE float VFN(sum)(VF v) {
    float lanes[SUBPIX_LANES];
    memcpy(lanes, &v, sizeof v);
    for (int half = SUBPIX_LANES / 2; half > 0; half /= 2) {
        for (int lane = 0; lane < half; lane++) lanes[lane] += lanes[lane + half];
    }
    return lanes[0];
}

/// The largest lane, as a balanced tree like `sum` (a short dependency chain:
/// the profiles of render_gaussian2d wait on it). A NaN lane may or may not win.
SUBPIX_INLINE float VFN(max)(VF v) {
    float lanes[SUBPIX_LANES];
    memcpy(lanes, &v, sizeof v);
    for (int half = SUBPIX_LANES / 2; half > 0; half /= 2) {
        for (int lane = 0; lane < half; lane++) {
            lanes[lane] = lanes[lane + half] > lanes[lane] ? lanes[lane + half] : lanes[lane];
        }
    }
    return lanes[0];
}

/// `2^t` for `t <= 0`, which is `exp(x)` for `t = x · log2(e)` (the kernels
/// fold `log2(e)` into the scale of their one fused multiply-add `x · a − b`).
/// `t = n + f` with `n = round(t)`, `|f| <= 1/2`; `2^f` by its degree-6 Taylor
/// polynomial (truncation below 1.2e-7 relative), `2^n` built in the exponent
/// bits. Below −126 gives 0 (as the Swift exponentials give 0 below `exp(−87)`),
/// NaN stays NaN.
SUBPIX_INLINE VF VFN(exp2_nonpositive)(VF t) {
    VI tiny = t < -126.0f;
    VF clamped = VFN(select)(tiny, VFN(splat)(-126.0f), t);
    VF shifted = clamped + 12582912.0f;   // 1.5 * 2^23 puts round(t) in the low bits
    VF f = clamped - (shifted - 12582912.0f);
    VF p = 1.0f + f * (0.693147181f + f * (0.240226507f + f * (0.0555041087f + f * (0.00961812911f
        + f * (0.00133335581f + f * 0.000154035304f)))));
    VF power = (VF)(((VI)shifted << 23) + (127 << 23));
    return (VF)((VI)(p * power) & ~tiny);   // 0 where t was below −126
}

/// `exp(x)` for `x <= 0` where the result itself is reported, not summed: the
/// Swift exponentials' Cody–Waite scheme, `n = round(x / ln 2)`,
/// `r = x − n · ln 2` with `ln 2` split in two so that `r` keeps its accuracy
/// however large `|x|` is, `e^r` by its degree-6 Taylor polynomial, `2^n` in
/// the exponent bits: within 3·10⁻⁷ relative of `exp` at any `x`, where the
/// folded `2^(x · log2(e))` above loses `|x|`·6·10⁻⁸. Below −87 gives 0, NaN
/// stays NaN.
SUBPIX_INLINE VF VFN(exp_nonpositive)(VF x) {
    VI tiny = x < -87.0f;
    VF clamped = VFN(select)(tiny, VFN(splat)(-87.0f), x);
    VF shifted = clamped * SUBPIX_LOG2E + 12582912.0f;   // 1.5 * 2^23 puts round(x / ln 2) in the low bits
    VF n = shifted - 12582912.0f;
    VF r = (clamped - n * 0.693145751953125f) - n * 1.428606765330187e-6f;
    VF p = 1.0f + r * (1.0f + r * (0.5f + r * (0.16666667f + r * (0.041666668f + r * (0.008333334f
        + r * 0.0013888889f)))));
    VF power = (VF)(((VI)shifted << 23) + (127 << 23));
    return (VF)((VI)(p * power) & ~tiny);   // 0 where x was below −87
}

#undef VF
#undef VI
#undef VFN
