#include <math.h>

#include "Dispatch.h"
#include "FloatMode.h"
#include "Vectors.h"

/// `weights = softmax(−(coords − mean)² / (2σ²))` over `count` coordinates,
/// sixteen lanes wide. The maximum skips NaN exponents, but a NaN exponent
/// (σ of 0 or NaN, an infinite mean) makes its exponential NaN, hence the total
/// and every weight: the whole profile is NaN, as torch's softmax makes it.
SUBPIX_INLINE void gaussian_profile(const float *coords, ptrdiff_t count, float mean, float std, float *weights) {
    float factor = -0.5f * (1.0f / (std * std));
    ptrdiff_t whole = count - count % 16;
    v16f peaks = v16f_splat(-INFINITY);
    for (ptrdiff_t k = 0; k < whole; k += 16) {
        v16f distance = v16f_load(coords + k) - mean;
        v16f exponent = distance * distance * factor;
        v16f_store(weights + k, exponent);
        peaks = v16f_select(exponent > peaks, exponent, peaks);
    }
    float peak = v16f_max(peaks);
    for (ptrdiff_t k = whole; k < count; k++) {
        float distance = coords[k] - mean;
        weights[k] = distance * distance * factor;
        peak = weights[k] > peak ? weights[k] : peak;
    }
    // exp(w − peak): the subtraction is exact near the peak, and the
    // exponential keeps its relative accuracy far from it (every cell is reported).
    float total = 0;
    v16f totals = v16f_splat(0.0f);
    for (ptrdiff_t k = 0; k < whole; k += 16) {
        v16f e = v16f_exp_nonpositive(v16f_load(weights + k) - peak);
        v16f_store(weights + k, e);
        totals += e;
    }
    for (ptrdiff_t k = whole; k < count; k++) {
        weights[k] = exp_nonpositive(weights[k] - peak);
        total += weights[k];
    }
    total += v16f_sum(totals);
    for (ptrdiff_t k = 0; k < whole; k += 16) v16f_store(weights + k, v16f_load(weights + k) / total);
    for (ptrdiff_t k = whole; k < count; k++) weights[k] /= total;
}

/// One map: the two profiles into `profiles`, then their outer product.
SUBPIX_INLINE void render_map(
    const float *xs, ptrdiff_t width, const float *ys, ptrdiff_t height,
    const float *mean, const float *std, float *profiles, float *out
) {
    float *columns = profiles, *rows = profiles + width;
    gaussian_profile(xs, width, mean[0], std[0], columns);
    gaussian_profile(ys, height, mean[1], std[1], rows);
    ptrdiff_t whole = width - width % 16;
    for (ptrdiff_t row = 0; row < height; row++) {
        float *line = out + row * width, weight = rows[row];
        for (ptrdiff_t column = 0; column < whole; column += 16) v16f_store(line + column, v16f_load(columns + column) * weight);
        for (ptrdiff_t column = whole; column < width; column++) line[column] = columns[column] * weight;
    }
}

SUBPIX_INLINE int subpix_render_gaussian_f32_body(
    const float *xs, ptrdiff_t width, const float *ys, ptrdiff_t height,
    const float *means, const ptrdiff_t *mean_index, const float *stds, const ptrdiff_t *std_index,
    ptrdiff_t first, ptrdiff_t last, float *profiles, float *out
) {
    // The tails of two profiles multiply to values below 2^-126 in most cells;
    // x86 computes such subnormal products in microcode, which doubled the time
    // of a whole render. Flush them to zero while rendering.
    subpix_float_mode mode = subpix_flush_subnormal_results();
    for (ptrdiff_t map = first; map < last; map++) {
        render_map(xs, width, ys, height, means + 2 * mean_index[map], stds + 2 * std_index[map], profiles,
            out + map * height * width);
    }
    subpix_restore_float_mode(mode);
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_render_gaussian_f32,
    (const float *xs, ptrdiff_t width, const float *ys, ptrdiff_t height,
     const float *means, const ptrdiff_t *mean_index, const float *stds, const ptrdiff_t *std_index,
     ptrdiff_t first, ptrdiff_t last, float *profiles, float *out),
    (xs, width, ys, height, means, mean_index, stds, std_index, first, last, profiles, out))
