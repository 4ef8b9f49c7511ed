#include <math.h>

#include "Dispatch.h"
#include "ThreadScratch.h"
#include "WindowCoordinates.h"

// kornia 0.9's conv soft-argmax of the windows the shared pass marked (a NaN x):
// each window's softmax on its own, by the separable online rescale. Along the
// width, per input row and output column, the window's largest logit `m = max x/T`
// and its sums relative to it, `Σ e`, `Σ t·e`, `Σ e·x` with `e = exp(x/T − m)`;
// along the height, per output, the rows' maxima combined into `M` and each row's
// sums scaled by `exp(m − M) ≤ 1` (nothing overflows or cancels, and the largest
// term is 1); in 3D the same along the depth. Direct window sums, eight output
// columns a vector.

/// Lane `l` of `row[first + l · stride]`.
SUBPIX_INLINE v8f own_gather(const float *row, ptrdiff_t first, ptrdiff_t stride) {
    if (stride == 1) return v8f_load(row + first);
    float lanes[8];
    for (int l = 0; l < 8; l++) lanes[l] = row[first + l * stride];
    return v8f_load(lanes);
}

/// Lanes `< count` of `v` at `p` (whole vectors stay whole).
SUBPIX_INLINE void own_store(float *p, v8f v, ptrdiff_t count) {
    float lanes[8];
    v8f_store(lanes, v);
    for (ptrdiff_t l = 0; l < count; l++) p[l] = lanes[l];
}

/// The first `count` floats at `p` in a vector (zeros after).
SUBPIX_INLINE v8f own_load(const float *p, ptrdiff_t count) {
    float lanes[8] = {0};
    for (ptrdiff_t l = 0; l < count; l++) lanes[l] = p[l];
    return v8f_load(lanes);
}

/// The largest of `a` and `b` per lane, NaN ignored (the NaN reaches the sums through `e`).
SUBPIX_INLINE v8f own_max(v8f a, v8f b) { return v8f_select(b > a, b, a); }

/// Whether any lane of `v` is NaN.
SUBPIX_INLINE int own_any_nan(v8f v) {
    float lanes[8];
    v8f_store(lanes, v);
    for (int l = 0; l < 8; l++) if (lanes[l] != lanes[l]) return 1;
    return 0;
}

SUBPIX_INLINE int subpix_window_soft_argmax_own_f32_body(
    const subpix_window_soft_argmax *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
    ptrdiff_t held_first, ptrdiff_t held_rows, float *out_x, float *out_y, float *out_d, float *values
) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height, *width = &op->width;
    ptrdiff_t rows = last_row - first_row;
    if (rows <= 0) return 0;
    ptrdiff_t D = depth->length, H = height->length, W = width->length, Wo = width->outputs;
    ptrdiff_t Wv = (Wo + 7) & ~(ptrdiff_t)7, padded = (Wv - 1) * width->stride + width->kernel;
    // Input rows the band reads, clipped to the map.
    ptrdiff_t top = first_row * height->stride - height->padding, bottom = (last_row - 1) * height->stride - height->padding + height->kernel;
    top = top < 0 ? 0 : top;
    bottom = bottom > H ? H : bottom;
    ptrdiff_t inputRows = bottom > top ? bottom - top : 0;
    ptrdiff_t count = 2 * padded + 4 * D * inputRows * Wv + 5 * D * rows * Wv;
    float *memory = subpix_scratch_acquire((size_t)count);
    if (memory == NULL) return -1;
    float *next = memory;
#define TAKE(n) (next += (n), next - (n))
    float *logits = TAKE(padded), *line = TAKE(padded);
    float *rowM = TAKE(D * inputRows * Wv), *rowS = TAKE(D * inputRows * Wv), *rowX = TAKE(D * inputRows * Wv), *rowV = TAKE(D * inputRows * Wv);
    float *colM = TAKE(D * rows * Wv), *colS = TAKE(D * rows * Wv), *colX = TAKE(D * rows * Wv), *colY = TAKE(D * rows * Wv);
    float *colV = TAKE(D * rows * Wv);
#undef TAKE
    float inverseT = 1.0f / op->temperature;
    v8f zero = v8f_splat(0.0f), minusInfinity = v8f_splat(-INFINITY);

    // Width windows of every input row read: logits padded with −∞, values with 0. A
    // stride that skips the row's last cells leaves them past `padded`: no window reads them.
    for (ptrdiff_t c = 0; c < padded; c++) { logits[c] = -INFINITY; line[c] = 0; }
    ptrdiff_t read = W < padded - width->padding ? W : padded - width->padding;
    for (ptrdiff_t z = 0; z < D; z++) {
        for (ptrdiff_t i = 0; i < inputRows; i++) {
            const float *source = x + (z * H + top + i) * W;
            for (ptrdiff_t c = 0; c < read; c++) { logits[width->padding + c] = source[c] * inverseT; line[width->padding + c] = source[c]; }
            ptrdiff_t at = (z * inputRows + i) * Wv;
            for (ptrdiff_t o = 0; o < Wo; o += 8) {
                ptrdiff_t first = o * width->stride;
                v8f m = minusInfinity;
                for (ptrdiff_t t = 0; t < width->kernel; t++) m = own_max(m, own_gather(logits, first + t, width->stride));
                v8f s = zero, tx = zero, v = zero;
                for (ptrdiff_t t = 0; t < width->kernel; t++) {
                    v8f e = v8f_exp_nonpositive(own_gather(logits, first + t, width->stride) - m);
                    s += e;
                    tx += (float)t * e;
                    v += e * own_gather(line, first + t, width->stride);
                }
                v8f_store(rowM + at + o, m); v8f_store(rowS + at + o, s); v8f_store(rowX + at + o, tx); v8f_store(rowV + at + o, v);
            }
        }
    }
    // Height windows of every plane, the rows' sums rescaled to the window's maximum.
    for (ptrdiff_t z = 0; z < D; z++) {
        for (ptrdiff_t r = 0; r < rows; r++) {
            ptrdiff_t start = (first_row + r) * height->stride - height->padding, at = (z * rows + r) * Wv;
            for (ptrdiff_t o = 0; o < Wo; o += 8) {
                v8f m = minusInfinity, s = zero, tx = zero, ty = zero, v = zero;
                for (ptrdiff_t u = 0; u < height->kernel; u++) {
                    if (start + u < 0 || start + u >= H) continue;
                    m = own_max(m, v8f_load(rowM + (z * inputRows + start + u - top) * Wv + o));
                }
                for (ptrdiff_t u = 0; u < height->kernel; u++) {
                    if (start + u < 0 || start + u >= H) continue;
                    ptrdiff_t from = (z * inputRows + start + u - top) * Wv + o;
                    v8f f = v8f_exp_nonpositive(v8f_load(rowM + from) - m), rs = f * v8f_load(rowS + from);
                    s += rs;
                    tx += f * v8f_load(rowX + from);
                    ty += (float)u * rs;
                    v += f * v8f_load(rowV + from);
                }
                v8f_store(colM + at + o, m); v8f_store(colS + at + o, s); v8f_store(colX + at + o, tx);
                v8f_store(colY + at + o, ty); v8f_store(colV + at + o, v);
            }
        }
    }
    // Depth windows (a 2D map: one plane, one tap), then the marked windows' outputs.
    ptrdiff_t marked = 0;
    for (ptrdiff_t od = 0; od < depth->outputs; od++) {
        ptrdiff_t start = od * depth->stride - depth->padding;
        for (ptrdiff_t r = 0; r < rows; r++) {
            ptrdiff_t row = od * height->outputs + first_row + r, held = (od * held_rows + first_row + r - held_first) * Wo;
            for (ptrdiff_t o = 0; o < Wo; o += 8) {
                ptrdiff_t lanes = Wo - o < 8 ? Wo - o : 8;
                v8f outX = own_load(out_x + held + o, lanes);
                if (!own_any_nan(outX)) continue;
                v8f m = minusInfinity;
                for (ptrdiff_t v = 0; v < depth->kernel; v++) {
                    if (start + v < 0 || start + v >= D) continue;
                    m = own_max(m, v8f_load(colM + ((start + v) * rows + r) * Wv + o));
                }
                window_sums sums = { zero, zero, zero, zero, zero };
                for (ptrdiff_t v = 0; v < depth->kernel; v++) {
                    if (start + v < 0 || start + v >= D) continue;
                    ptrdiff_t from = ((start + v) * rows + r) * Wv + o;
                    v8f f = v8f_exp_nonpositive(v8f_load(colM + from) - m), s = f * v8f_load(colS + from);
                    sums.mass += s;
                    sums.x += f * v8f_load(colX + from);
                    sums.y += f * v8f_load(colY + from);
                    sums.d += (float)v * s;
                    sums.value += f * v8f_load(colV + from);
                }
                window_centres centres = {
                    .centre_sum = own_load(op->column_centre_sum + o, lanes), .in_range = own_load(op->column_in_range + o, lanes),
                    .x_weight = v8f_splat(op->row_x_weight[row]), .y_base = v8f_splat(op->row_y_base[row]),
                    .d_base = v8f_splat(op->row_d_base[row]),
                };
                subpix_window_soft_argmax own = *op;
                own.eps = 0;         // the window's largest term is 1: no eps
                own.weak_mass = 0;   // and nothing left to mark
                window_outputs result = window_outputs_of(&own, sums, centres);
                float xs[8], ys[8], ds[8], vs[8], was[8];
                v8f_store(xs, result.x); v8f_store(ys, result.y); v8f_store(ds, result.d); v8f_store(vs, result.value);
                v8f_store(was, outX);
                for (ptrdiff_t l = 0; l < lanes; l++) {
                    if (was[l] == was[l]) continue;
                    out_x[held + o + l] = xs[l];
                    out_y[held + o + l] = ys[l];
                    if (out_d != NULL) out_d[held + o + l] = ds[l];
                    if (values != NULL) values[held + o + l] = vs[l];
                    marked++;
                }
            }
        }
    }
    subpix_scratch_release(memory);
    return marked > INT32_MAX ? INT32_MAX : (int)marked;
}

SUBPIX_DISPATCHED(int, subpix_window_soft_argmax_own_f32,
    (const subpix_window_soft_argmax *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
     ptrdiff_t held_first, ptrdiff_t held_rows, float *out_x, float *out_y, float *out_d, float *values),
    (op, x, first_row, last_row, held_first, held_rows, out_x, out_y, out_d, values))
