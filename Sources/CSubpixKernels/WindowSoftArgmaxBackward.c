#include "Dispatch.h"
#include "ExponentialRow.h"
#include "ThreadScratch.h"
#include "WindowBackwardWidth.h"

// The input gradient of conv_soft_argmax2d / 3d (the maths is in the header): the
// exponentials of the rows read, every plane; per depth output the depth window's
// planes summed (3D), the forward's height window sums, a width pass per output
// row (WindowBackwardWidth.h) and the transposed height sums, added to the
// planes its depth window reads; then `x̄ = e · ((g + x · c) / T + c)` per cell.

/// `x̄ = e · ((g + x · c) / T + c)` for one row of `width` cells (`c` unread
/// without values); `g` is read as `g + shift · h − scale · hw` when `h` is not NULL
/// (the height's offset term, not yet added).
SUBPIX_INLINE void gradient_row(
    const float *e, const float *line, const float *g, const float *h, const float *hw, float shift, float scale,
    const float *c, int withValues, float inverseT, ptrdiff_t width, float *out
) {
    ptrdiff_t whole = width - width % 8;
    v8f zero = v8f_splat(0.0f);
    for (ptrdiff_t j = 0; j < whole; j += 8) {
        v8f total = v8f_load(g + j) + (h ? shift * v8f_load(h + j) - scale * v8f_load(hw + j) : zero);
        v8f scaled = withValues ? (total + v8f_load(line + j) * v8f_load(c + j)) * inverseT + v8f_load(c + j) : total * inverseT;
        v8f_store(out + j, v8f_load(e + j) * scaled);
    }
    for (ptrdiff_t j = whole; j < width; j++) {
        float total = g[j] + (h ? shift * h[j] - scale * hw[j] : 0);
        out[j] = e[j] * (withValues ? (total + line[j] * c[j]) * inverseT + c[j] : total * inverseT);
    }
}

/// 3D: the planes of the depth window starting at plane `start`, summed plain
/// (`depthE`) and with the depth tap as weight (`depthT`), `size` floats each.
SUBPIX_INLINE void sum_depth_window(const subpix_window_axis *depth, const backward_scratch *s, ptrdiff_t start, ptrdiff_t size) {
    for (ptrdiff_t i = 0; i < size; i++) { s->depthE[i] = 0; s->depthT[i] = 0; }
    for (ptrdiff_t t = 0; t < depth->kernel; t++) {
        if (start + t < 0 || start + t >= depth->length) continue;
        const float *e = s->e + (start + t) * size;
        for (ptrdiff_t i = 0; i < size; i++) { s->depthE[i] += e[i]; s->depthT[i] += (float)t * e[i]; }
    }
}

/// 3D: adds one depth output's transposed sums (`size` floats) to the planes of
/// its depth window — `g` with the height's and the depth tap's offset terms, and `c`.
SUBPIX_INLINE void add_to_depth_window(
    const subpix_window_soft_argmax *op, const backward_scratch *s, ptrdiff_t start, ptrdiff_t size, int withValues
) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height;
    for (ptrdiff_t t = 0; t < depth->kernel; t++) {
        if (start + t < 0 || start + t >= depth->length) continue;
        float offsetD = depth->scale * (float)t - depth->shift;
        float *g = s->planeG + (start + t) * size, *c = s->planeC + (start + t) * size;
        for (ptrdiff_t i = 0; i < size; i++) {
            g[i] += s->cellG[i] + (height->shift * s->cellH[i] - height->scale * s->cellWeightedH[i]) + offsetD * s->cellD[i];
        }
        if (withValues) for (ptrdiff_t i = 0; i < size; i++) c[i] += s->cellV[i];
    }
}

/// The kernel for one combination of `volumetric` and `withValues`, which the
/// entry point passes as constants.
SUBPIX_INLINE int window_backward(
    const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
    const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient,
    int volumetric, int withValues
) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height, *width = &op->width;
    ptrdiff_t cells = last_row - first_row;
    if (cells <= 0) return 0;
    ptrdiff_t D = depth->length, H = height->length, W = width->length, Wo = width->outputs, Ho = height->outputs;
    ptrdiff_t kh = height->kernel, kw = width->kernel;
    ptrdiff_t P = (W + 7) & ~(ptrdiff_t)7;   // scratch rows: whole vectors, zero past W
    ptrdiff_t firstOutput, lastOutput;
    covering_outputs(height, first_row, last_row, &firstOutput, &lastOutput);
    ptrdiff_t outputs = lastOutput > firstOutput ? lastOutput - firstOutput : 0;
    // Input rows the outputs' windows read, and the exponentials of those and of the gradient's rows.
    ptrdiff_t top = firstOutput * height->stride - height->padding;
    ptrdiff_t band = outputs > 0 ? (outputs - 1) * height->stride + kh : 0;
    ptrdiff_t eTop = top < first_row ? top : first_row;
    ptrdiff_t eRows = (top + band > last_row ? top + band : last_row) - eTop, plane = eRows * P;
    ptrdiff_t span = (Wo - 1) * width->stride + kw, stuffedW = W + kw - 1, stuffedH = cells + kh - 1;
    ptrdiff_t zeros = P > Wo ? P : Wo;
    // A width window of at most three cells moved by one runs the direct pass on
    // rows of height sums padded by the width padding (pitch `pitch`); any other
    // the interleaved van Herk pass.
    int direct = width->stride == 1 && kw <= 3 && width->padding < kw;
    ptrdiff_t pad = direct ? width->padding : 0;
    ptrdiff_t pitch = direct ? (P + 2 * pad + kw + 15) & ~(ptrdiff_t)7 : P;
    ptrdiff_t hat = P + Wo + 2 * kw + 16;
    ptrdiff_t windowScratch = kh * P > kw * 8 ? kh * P : kw * 8;

    ptrdiff_t count = zeros + D * plane + (volumetric ? 2 * plane + 2 * D * cells * P : 0) + 3 * outputs * pitch
        + 5 * hat + 3 * span * 8 + 5 * Wo * 8 + 4 * Wo * 8 + 5 * stuffedW * 8 + 6 * W * 8 + 4 * stuffedH * P
        + 5 * cells * P + 4 * windowScratch;
    float *memory = subpix_scratch_acquire((size_t)count);
    if (memory == NULL) return -1;
    backward_scratch s;
    float *next = memory;
#define TAKE(n) (next += (n), next - (n))
    s.zeros = TAKE(zeros);
    s.e = TAKE(D * plane);
    s.depthE = volumetric ? TAKE(plane) : s.e;
    s.depthT = volumetric ? TAKE(plane) : NULL;
    s.planeG = volumetric ? TAKE(D * cells * P) : NULL;
    s.planeC = volumetric ? TAKE(D * cells * P) : NULL;
    s.rowS = TAKE(outputs * pitch); s.rowT = TAKE(outputs * pitch); s.rowD = TAKE(outputs * pitch);
    s.hatA = TAKE(hat); s.hatR = TAKE(hat); s.hatY = TAKE(hat); s.hatZ = TAKE(hat); s.hatC = TAKE(hat);
    s.laneS = TAKE(span * 8); s.laneT = TAKE(span * 8); s.laneD = TAKE(span * 8);
    s.laneGx = TAKE(Wo * 8); s.laneGy = TAKE(Wo * 8); s.laneGd = TAKE(Wo * 8); s.laneGv = TAKE(Wo * 8); s.laneV = TAKE(Wo * 8);
    s.outS = TAKE(Wo * 8); s.outX = TAKE(Wo * 8); s.outY = TAKE(Wo * 8); s.outD = TAKE(Wo * 8);
    s.stuffA = TAKE(stuffedW * 8); s.stuffB = TAKE(stuffedW * 8); s.stuffY = TAKE(stuffedW * 8);
    s.stuffZ = TAKE(stuffedW * 8); s.stuffC = TAKE(stuffedW * 8);
    s.sumA = TAKE(W * 8); s.sumWeightedA = TAKE(W * 8); s.sumB = TAKE(W * 8); s.sumY = TAKE(W * 8);
    s.sumZ = TAKE(W * 8); s.sumC = TAKE(W * 8);
    s.stuffG = TAKE(stuffedH * P); s.stuffH = TAKE(stuffedH * P); s.stuffD = TAKE(stuffedH * P); s.stuffV = TAKE(stuffedH * P);
    s.cellG = TAKE(cells * P); s.cellH = TAKE(cells * P); s.cellWeightedH = TAKE(cells * P);
    s.cellD = TAKE(cells * P); s.cellV = TAKE(cells * P);
    s.sums = TAKE(4 * windowScratch);
#undef TAKE
    for (ptrdiff_t i = 0; i < zeros; i++) s.zeros[i] = 0;
    for (ptrdiff_t i = 0; i < hat; i++) {   // the direct pass writes only hat[kw − 1 ..< kw − 1 + Wo]
        if (i >= kw - 1 && i < kw - 1 + Wo) continue;
        s.hatA[i] = 0; s.hatR[i] = 0; s.hatY[i] = 0; s.hatZ[i] = 0; s.hatC[i] = 0;
    }
    for (ptrdiff_t r = 0; r < stuffedH; r++) {
        if (stuffed_output(height, r, first_row) >= 0) continue;   // written by the width pass
        for (ptrdiff_t c = 0; c < P; c++) {
            s.stuffG[r * P + c] = 0; s.stuffH[r * P + c] = 0; s.stuffD[r * P + c] = 0; s.stuffV[r * P + c] = 0;
        }
    }
    if (volumetric) for (ptrdiff_t i = 0; i < D * cells * P; i++) { s.planeG[i] = 0; s.planeC[i] = 0; }

    // e = exp((x − peak) / T) = 2^(a·x − b); rows in the padding are zero.
    float a = SUBPIX_LOG2E / op->temperature, b = peak * a;
    for (ptrdiff_t d = 0; d < D; d++) {
        for (ptrdiff_t i = 0; i < eRows; i++) {
            ptrdiff_t r = eTop + i;
            exponential_row(r >= 0 && r < H ? x + (d * H + r) * W : NULL, W, P, a, b, s.e + d * plane + i * P, NULL);
        }
    }

    ptrdiff_t outputMap = depth->outputs * Ho * Wo;
    const float *planeX = coords_cotangent + (volumetric ? outputMap : 0), *planeY = planeX + outputMap;
    for (ptrdiff_t od = 0; od < depth->outputs; od++) {
        ptrdiff_t start = od * depth->stride - depth->padding;
        if (volumetric) {
            sum_depth_window(depth, &s, start, plane);
        }
        if (outputs > 0) {
            // The forward's height window sums of the outputs that read these rows.
            ptrdiff_t bandStart = (top - eTop) * P;
            window_sums_rows(s.depthE + bandStart, P, P, kh, height->stride, outputs, s.rowS + pad, s.rowT + pad, pitch, s.sums);
            if (volumetric) {
                window_sums_rows(s.depthT + bandStart, P, P, kh, height->stride, outputs, s.rowD + pad, NULL, pitch, s.sums);
            }
            ptrdiff_t at = od * Ho * Wo;
            output_planes planes = {
                planeX + at, planeY + at, volumetric ? coords_cotangent + at : NULL,
                withValues ? values_cotangent + at : NULL, withValues ? values + at : NULL };
            if (direct) {
                for (ptrdiff_t row = 0; row < outputs; row++) {
                    float *rows[3] = { s.rowS + row * pitch, s.rowT + row * pitch, s.rowD + row * pitch };
                    for (int k = 0; k < 3; k++) {
                        for (ptrdiff_t c = 0; c < pad; c++) rows[k][c] = 0;
                        for (ptrdiff_t c = pad + P; c < pitch; c++) rows[k][c] = 0;
                    }
                    backward_row_direct(op, &s, P, pitch, row, firstOutput + row, first_row, planes, volumetric, withValues);
                }
            } else {
                for (ptrdiff_t group = firstOutput; group < lastOutput; group += 8) {
                    int lanes = lastOutput - group < 8 ? (int)(lastOutput - group) : 8;
                    backward_row_group(op, &s, P, group, lanes, firstOutput, first_row, planes, volumetric, withValues);
                }
            }
        }
        // Transposed height sums: per gradient row, over the output rows that read it.
        window_sums_rows(s.stuffG, P, P, kh, 1, cells, s.cellG, NULL, P, s.sums);
        window_sums_rows(s.stuffH, P, P, kh, 1, cells, s.cellH, s.cellWeightedH, P, s.sums);
        if (withValues) window_sums_rows(s.stuffV, P, P, kh, 1, cells, s.cellV, NULL, P, s.sums);
        if (!volumetric) break;
        window_sums_rows(s.stuffD, P, P, kh, 1, cells, s.cellD, NULL, P, s.sums);
        add_to_depth_window(op, &s, start, cells * P, withValues);
    }

    float inverseT = 1.0f / op->temperature;
    for (ptrdiff_t d = 0; d < D; d++) {
        for (ptrdiff_t i = 0; i < cells; i++) {
            ptrdiff_t row = first_row + i;
            const float *e = s.e + d * plane + (row - eTop) * P, *line = x + (d * H + row) * W;
            float *out = gradient + (d * H + row) * W;
            if (volumetric) {
                const float *g = s.planeG + (d * cells + i) * P, *c = s.planeC + (d * cells + i) * P;
                gradient_row(e, line, g, NULL, NULL, 0, 0, c, withValues, inverseT, W, out);
            } else {
                gradient_row(e, line, s.cellG + i * P, s.cellH + i * P, s.cellWeightedH + i * P, height->shift, height->scale,
                             s.cellV + i * P, withValues, inverseT, W, out);
            }
        }
    }
    subpix_scratch_release(memory);
    return 0;
}

SUBPIX_INLINE int subpix_window_soft_argmax_backward_f32_body(
    const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
    const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient
) {
#define WINDOW_BACKWARD(volumetric, withValues) \
    window_backward(op, x, peak, first_row, last_row, coords_cotangent, values_cotangent, values, gradient, volumetric, withValues)
    if (op->volumetric) return values_cotangent ? WINDOW_BACKWARD(1, 1) : WINDOW_BACKWARD(1, 0);
    return values_cotangent ? WINDOW_BACKWARD(0, 1) : WINDOW_BACKWARD(0, 0);
#undef WINDOW_BACKWARD
}

SUBPIX_DISPATCHED(int, subpix_window_soft_argmax_backward_f32,
    (const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
     const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient),
    (op, x, peak, first_row, last_row, coords_cotangent, values_cotangent, values, gradient))
