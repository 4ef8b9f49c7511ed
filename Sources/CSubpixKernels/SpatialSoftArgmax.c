#include "Dispatch.h"
#include "MapMaximum.h"

/// One map: a maximum pass, then the exponentials and the three sums in one
/// pass (the map, 12 KB for 64 × 48, is still in cache), sixteen lanes wide
/// (one AVX-512 register, two AVX2 ones).
SUBPIX_INLINE void spatial_soft_argmax_map(
    const float *map, ptrdiff_t height, ptrdiff_t width, float temperature,
    const float *xs, const float *ys, float *out
) {
    // e = exp(t·x − t·max) = 2^(a·x − b)
    float a = temperature * SUBPIX_LOG2E, b = map_maximum(map, height * width) * a;
    // Each row is summed in sixteen lanes, then added to the map's lanes: no lane
    // adds more than a row's worth of terms before the row totals are combined.
    v16f mass = v16f_splat(0.0f), momentX = mass, momentY = mass;
    float tailMass = 0, tailX = 0, tailY = 0;
    ptrdiff_t whole = width - width % 16;
    for (ptrdiff_t row = 0; row < height; row++) {
        const float *line = map + row * width;
        v16f rowMass = v16f_splat(0.0f), rowX = rowMass;
        for (ptrdiff_t column = 0; column < whole; column += 16) {
            v16f e = v16f_exp2_nonpositive(v16f_load(line + column) * a - b);
            rowMass += e;
            rowX += e * v16f_load(xs + column);
        }
        for (ptrdiff_t column = whole; column < width; column++) {
            float e = exp2_nonpositive(line[column] * a - b);
            tailMass += e;
            tailX += e * xs[column];
            tailY += e * ys[row];
        }
        mass += rowMass;
        momentX += rowX;
        momentY += rowMass * ys[row];
    }
    float total = v16f_sum(mass) + tailMass;
    out[0] = (v16f_sum(momentX) + tailX) / total;
    out[1] = (v16f_sum(momentY) + tailY) / total;
}

SUBPIX_INLINE int subpix_spatial_soft_argmax_f32_body(
    const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width,
    float temperature, const float *xs, const float *ys, float *out
) {
    for (ptrdiff_t map = first; map < last; map++) {
        spatial_soft_argmax_map(x + map * height * width, height, width, temperature, xs, ys, out + 2 * map);
    }
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_spatial_soft_argmax_f32,
    (const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width,
     float temperature, const float *xs, const float *ys, float *out),
    (x, first, last, height, width, temperature, xs, ys, out))
