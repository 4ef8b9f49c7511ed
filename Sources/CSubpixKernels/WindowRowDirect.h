// The width windows of conv_soft_argmax read straight from one output row's
// height sums, for windows of at most three cells moved by one cell (3 × 3 with
// stride 1: csa2d_dense, the viewer): each window sums its cells from three
// shifted loads of the row, and the outputs are written in place. Wider or
// strided windows interleave eight rows instead (van Herk sums per lane), whose
// transposes and copies this case does not need.
#ifndef SUBPIX_WINDOW_ROW_DIRECT_H
#define SUBPIX_WINDOW_ROW_DIRECT_H

#include <string.h>
#include "WindowCoordinates.h"

/// Whether the width windows of `axis` can be read directly.
SUBPIX_INLINE int width_windows_are_direct(const subpix_window_axis *axis) {
    return axis->stride == 1 && axis->kernel <= 3 && axis->padding < axis->kernel;
}

/// How many floats one padded row holds: the windows' span, whole vectors past it.
SUBPIX_INLINE ptrdiff_t direct_row_length(const subpix_window_axis *axis) { return axis->outputs + 8 + axis->kernel; }

/// `row` (`width` cells) behind `padding` zeros, zeros after, `length` in all.
SUBPIX_INLINE void padded_row(const float *row, ptrdiff_t width, ptrdiff_t padding, ptrdiff_t length, float *line) {
    memset(line, 0, (size_t)padding * sizeof(float));
    memcpy(line + padding, row, (size_t)width * sizeof(float));
    memset(line + padding + width, 0, (size_t)(length - padding - width) * sizeof(float));
}

/// `Σ_t line[o + t]` over the window (summed in the order of `window_sums_rows`).
SUBPIX_INLINE v8f direct_sum(const float *line, ptrdiff_t kernel) {
    v8f sum = v8f_load(line);
    if (kernel > 1) sum += v8f_load(line + 1);
    if (kernel > 2) sum += v8f_load(line + 2);
    return sum;
}

/// `Σ_t t · line[o + t]`.
SUBPIX_INLINE v8f direct_taps(const float *line, ptrdiff_t kernel) {
    if (kernel == 1) return v8f_splat(0);
    v8f taps = v8f_load(line + 1);
    if (kernel > 2) taps += 2 * v8f_load(line + 2);
    return taps;
}

/// The first `count` (at most 8) floats of `p` in a vector, zeros after.
SUBPIX_INLINE v8f load_first(const float *p, ptrdiff_t count) {
    if (count == 8) return v8f_load(p);
    float lanes[8] = {0};
    memcpy(lanes, p, (size_t)count * sizeof(float));
    return v8f_load(lanes);
}

/// Stores the first `count` (at most 8) lanes of `v` at `p`.
SUBPIX_INLINE void store_first(float *p, v8f v, ptrdiff_t count) {
    float lanes[8];
    v8f_store(lanes, v);
    memcpy(p, lanes, (size_t)count * sizeof(float));
}

/// One output row: its height sums `mass` (`Σ e`), `y` (`Σ t_y·e`), `d` and
/// `value` (NULL when absent) padded into `lines` (four rows of
/// `direct_row_length`), then every window's coordinates into `out_x`, `out_y`,
/// `out_d` and its value into `out_value` (NULL when absent).
SUBPIX_INLINE void width_windows_direct(
    const subpix_window_soft_argmax *op, const float *mass, const float *y, const float *d, const float *value,
    float x_weight, float y_base, float d_base, float *lines,
    float *out_x, float *out_y, float *out_d, float *out_value
) {
    const subpix_window_axis *width = &op->width;
    ptrdiff_t k = width->kernel, outputs = width->outputs, length = direct_row_length(width);
    float *lineS = lines, *lineY = lines + length, *lineD = lines + 2 * length, *lineV = lines + 3 * length;
    padded_row(mass, width->length, width->padding, length, lineS);
    padded_row(y, width->length, width->padding, length, lineY);
    if (d != NULL) padded_row(d, width->length, width->padding, length, lineD);
    if (value != NULL) padded_row(value, width->length, width->padding, length, lineV);
    window_centres centres = { .x_weight = v8f_splat(x_weight), .y_base = v8f_splat(y_base), .d_base = v8f_splat(d_base) };
    for (ptrdiff_t o = 0; o < outputs; o += 8) {
        ptrdiff_t count = outputs - o < 8 ? outputs - o : 8;
        window_sums sums = {
            .mass = direct_sum(lineS + o, k), .x = direct_taps(lineS + o, k), .y = direct_sum(lineY + o, k),
            .d = d != NULL ? direct_sum(lineD + o, k) : v8f_splat(0),
            .value = value != NULL ? direct_sum(lineV + o, k) : v8f_splat(0),
        };
        centres.centre_sum = load_first(op->column_centre_sum + o, count);
        centres.in_range = load_first(op->column_in_range + o, count);
        window_outputs result = window_outputs_of(op, sums, centres);
        if (count == 8) {
            v8f_store(out_x + o, result.x);
            v8f_store(out_y + o, result.y);
            if (d != NULL) v8f_store(out_d + o, result.d);
            if (value != NULL) v8f_store(out_value + o, result.value);
        } else {
            store_first(out_x + o, result.x, count);
            store_first(out_y + o, result.y, count);
            if (d != NULL) store_first(out_d + o, result.d, count);
            if (value != NULL) store_first(out_value + o, result.value, count);
        }
    }
}

#endif
