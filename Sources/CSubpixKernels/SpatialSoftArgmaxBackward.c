#include "Dispatch.h"
#include "MapMaximum.h"

/// One map's input gradient. With `p = e / Σe`, `e = exp(t·x − t·max)` and the
/// forward's `(X, Y)`, a cotangent `(gx, gy)` gives
///
///     x̄(i, j) = t · p(i, j) · (gx · (xs[j] − X) + gy · (ys[i] − Y))
///
/// The maximum pass, then one pass that exponentiates each element once, writes
/// `e · (gx · xs[j] + row term)` and sums `e`, then `t / Σe` scales the map (still
/// in cache). No softmax tensor is stored.
SUBPIX_INLINE void spatial_soft_argmax_backward_map(
    const float *map, ptrdiff_t height, ptrdiff_t width, float temperature,
    const float *xs, const float *ys, const float *coords, const float *cotangent, float *gradient
) {
    ptrdiff_t count = height * width;
    float a = temperature * SUBPIX_LOG2E, b = map_maximum(map, count) * a;
    float gx = cotangent[0], gy = cotangent[1];
    v16f mass = v16f_splat(0.0f);
    float tailMass = 0;
    ptrdiff_t whole = width - width % 16;
    for (ptrdiff_t row = 0; row < height; row++) {
        const float *line = map + row * width;
        float *out = gradient + row * width;
        // gx · (xs[j] − X) + gy · (ys[i] − Y) = gx · xs[j] + rowTerm
        float rowTerm = gy * (ys[row] - coords[1]) - gx * coords[0];
        v16f rowMass = v16f_splat(0.0f);
        for (ptrdiff_t column = 0; column < whole; column += 16) {
            v16f e = v16f_exp2_nonpositive(v16f_load(line + column) * a - b);
            rowMass += e;
            v16f_store(out + column, e * (gx * v16f_load(xs + column) + rowTerm));
        }
        for (ptrdiff_t column = whole; column < width; column++) {
            float e = exp2_nonpositive(line[column] * a - b);
            tailMass += e;
            out[column] = e * (gx * xs[column] + rowTerm);
        }
        mass += rowMass;
    }
    float scale = temperature / (v16f_sum(mass) + tailMass);
    ptrdiff_t wholeMap = count - count % 16;
    for (ptrdiff_t i = 0; i < wholeMap; i += 16) v16f_store(gradient + i, v16f_load(gradient + i) * scale);
    for (ptrdiff_t i = wholeMap; i < count; i++) gradient[i] *= scale;
}

SUBPIX_INLINE int subpix_spatial_soft_argmax_backward_f32_body(
    const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width, float temperature,
    const float *xs, const float *ys, const float *coords, const float *cotangent, float *gradient
) {
    ptrdiff_t size = height * width;
    for (ptrdiff_t map = first; map < last; map++) {
        spatial_soft_argmax_backward_map(
            x + map * size, height, width, temperature, xs, ys, coords + 2 * map, cotangent + 2 * map, gradient + map * size);
    }
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_spatial_soft_argmax_backward_f32,
    (const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width, float temperature,
     const float *xs, const float *ys, const float *coords, const float *cotangent, float *gradient),
    (x, first, last, height, width, temperature, xs, ys, coords, cotangent, gradient))
