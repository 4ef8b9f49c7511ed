#include "Dispatch.h"
#include "MapMaximum.h"

// No fused multiply-adds: the sums are bit for bit those of the Swift reference.
#pragma STDC FP_CONTRACT OFF

/// Cell `x` of a line of `length` cells filtered with the `taps` weights centred
/// on it, `step` floats apart, zero outside the line: the taps in order, as the
/// Swift reference adds them.
SUBPIX_INLINE float blur_cell(const float *line, ptrdiff_t step, ptrdiff_t length, ptrdiff_t x, const float *weights, ptrdiff_t taps) {
    ptrdiff_t radius = taps / 2;
    ptrdiff_t first = radius - x > 0 ? radius - x : 0, last = length + radius - x < taps ? length + radius - x : taps;
    float total = 0;
    for (ptrdiff_t tap = first; tap < last; tap++) total += weights[tap] * line[(x + tap - radius) * step];
    return total;
}

/// The rows pass: each cell of `row` from its `taps` neighbours along the row,
/// sixteen cells at a time where the window lies inside the row.
SUBPIX_INLINE void blur_row(const float *row, ptrdiff_t width, const float *weights, ptrdiff_t taps, float *out) {
    ptrdiff_t radius = taps / 2;
    ptrdiff_t begin = radius < width ? radius : width, end = width - radius > begin ? width - radius : begin;
    for (ptrdiff_t x = 0; x < begin; x++) out[x] = blur_cell(row, 1, width, x, weights, taps);
    ptrdiff_t x = begin;
    for (; x + 16 <= end; x += 16) {
        v16f total = v16f_splat(0.0f);
        for (ptrdiff_t tap = 0; tap < taps; tap++) total += v16f_splat(weights[tap]) * v16f_load(row + x + tap - radius);
        v16f_store(out + x, total);
    }
    for (; x < width; x++) out[x] = blur_cell(row, 1, width, x, weights, taps);
}

/// The columns pass for output row `y`: the rows `y − radius … y + radius` of
/// `rows` that exist, weighted in tap order, sixteen columns at a time.
SUBPIX_INLINE void blur_column_row(const float *rows, ptrdiff_t height, ptrdiff_t width, ptrdiff_t y,
                                   const float *weights, ptrdiff_t taps, float *out) {
    ptrdiff_t radius = taps / 2;
    ptrdiff_t first = radius - y > 0 ? radius - y : 0, last = height + radius - y < taps ? height + radius - y : taps;
    ptrdiff_t whole = width - width % 16;
    for (ptrdiff_t x = 0; x < whole; x += 16) {
        v16f total = v16f_splat(0.0f);
        for (ptrdiff_t tap = first; tap < last; tap++) {
            total += v16f_splat(weights[tap]) * v16f_load(rows + (y + tap - radius) * width + x);
        }
        v16f_store(out + x, total);
    }
    for (ptrdiff_t x = whole; x < width; x++) out[x] = blur_cell(rows + x, width, height, y, weights, taps);
}

SUBPIX_INLINE float subpix_gaussian_blur_f32_body(
    const float *map, ptrdiff_t height, ptrdiff_t width, const float *weights, ptrdiff_t taps, float *scratch, float *out
) {
    for (ptrdiff_t y = 0; y < height; y++) blur_row(map + y * width, width, weights, taps, scratch + y * width);
    for (ptrdiff_t y = 0; y < height; y++) blur_column_row(scratch, height, width, y, weights, taps, out + y * width);
    return map_maximum(out, height * width);
}

SUBPIX_DISPATCHED(float, subpix_gaussian_blur_f32,
    (const float *map, ptrdiff_t height, ptrdiff_t width, const float *weights, ptrdiff_t taps, float *scratch, float *out),
    (map, height, width, weights, taps, scratch, out))

float subpix_maximum_f32(const float *values, ptrdiff_t count) {
    return map_maximum(values, count);
}
