#include "Dispatch.h"
#include "ExponentialRow.h"
#include "ThreadScratch.h"
#include "WindowBackwardWidth.h"

// The input gradient of conv_soft_argmax2d (the maths is in the header):
// exponentials of the rows read, the forward's height window sums, a width pass
// per output row (WindowBackwardWidth.h), the transposed height sums, and
// `x̄ = e · ((g + x · c) / T + c)` per cell.

SUBPIX_INLINE int subpix_window_soft_argmax_backward_f32_body(
    const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
    const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient
) {
    const subpix_window_axis *height = &op->height, *width = &op->width;
    ptrdiff_t cells = last_row - first_row;
    if (cells <= 0) return 0;
    if (op->volumetric) return -2;
    ptrdiff_t H = height->length, W = width->length, Wo = width->outputs, Ho = height->outputs;
    ptrdiff_t kh = height->kernel, kw = width->kernel;
    ptrdiff_t P = (W + 7) & ~(ptrdiff_t)7;   // scratch rows: whole vectors, zero past W
    ptrdiff_t firstOutput, lastOutput;
    covering_outputs(height, first_row, last_row, &firstOutput, &lastOutput);
    ptrdiff_t outputs = lastOutput > firstOutput ? lastOutput - firstOutput : 0;
    // Input rows the outputs' windows read, and the exponentials of those and of the gradient's rows.
    ptrdiff_t top = firstOutput * height->stride - height->padding;
    ptrdiff_t band = outputs > 0 ? (outputs - 1) * height->stride + kh : 0;
    ptrdiff_t eTop = top < first_row ? top : first_row;
    ptrdiff_t eRows = (top + band > last_row ? top + band : last_row) - eTop;
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
    int withValues = values_cotangent != NULL;

    ptrdiff_t count = zeros + P + eRows * P + 2 * outputs * pitch + 4 * hat + 2 * span * 8 + 4 * Wo * 8
        + 3 * Wo * 8 + 4 * stuffedW * 8 + 5 * W * 8 + 3 * stuffedH * P + 4 * cells * P + 4 * windowScratch;
    float *memory = subpix_scratch_acquire((size_t)count);
    if (memory == NULL) return -1;
    backward_scratch s;
    float *next = memory;
#define TAKE(n) (next += (n), next - (n))
    s.zeros = TAKE(zeros); s.junk = TAKE(P);
    s.e = TAKE(eRows * P);
    s.rowS = TAKE(outputs * pitch); s.rowT = TAKE(outputs * pitch);
    s.hatA = TAKE(hat); s.hatR = TAKE(hat); s.hatY = TAKE(hat); s.hatC = TAKE(hat);
    s.laneS = TAKE(span * 8); s.laneT = TAKE(span * 8);
    s.laneGx = TAKE(Wo * 8); s.laneGy = TAKE(Wo * 8); s.laneGv = TAKE(Wo * 8); s.laneV = TAKE(Wo * 8);
    s.outS = TAKE(Wo * 8); s.outX = TAKE(Wo * 8); s.outY = TAKE(Wo * 8);
    s.stuffA = TAKE(stuffedW * 8); s.stuffB = TAKE(stuffedW * 8); s.stuffY = TAKE(stuffedW * 8); s.stuffC = TAKE(stuffedW * 8);
    s.sumA = TAKE(W * 8); s.sumWeightedA = TAKE(W * 8); s.sumB = TAKE(W * 8); s.sumY = TAKE(W * 8); s.sumC = TAKE(W * 8);
    s.stuffG = TAKE(stuffedH * P); s.stuffH = TAKE(stuffedH * P); s.stuffV = TAKE(stuffedH * P);
    s.cellG = TAKE(cells * P); s.cellH = TAKE(cells * P); s.cellWeightedH = TAKE(cells * P); s.cellV = TAKE(cells * P);
    s.sums = TAKE(4 * windowScratch);
#undef TAKE
    for (ptrdiff_t i = 0; i < zeros; i++) s.zeros[i] = 0;
    for (ptrdiff_t i = 0; i < hat; i++) {   // the direct pass writes only hat[kw − 1 ..< kw − 1 + Wo]
        if (i >= kw - 1 && i < kw - 1 + Wo) continue;
        s.hatA[i] = 0; s.hatR[i] = 0; s.hatY[i] = 0; s.hatC[i] = 0;
    }
    for (ptrdiff_t r = 0; r < stuffedH; r++) {
        if (stuffed_output(height, r, first_row) >= 0) continue;   // written by the width pass
        for (ptrdiff_t c = 0; c < P; c++) { s.stuffG[r * P + c] = 0; s.stuffH[r * P + c] = 0; s.stuffV[r * P + c] = 0; }
    }

    // e = exp((x − peak) / T) = 2^(a·x − b); rows in the padding are zero.
    float a = SUBPIX_LOG2E / op->temperature, b = peak * a;
    for (ptrdiff_t i = 0; i < eRows; i++) {
        ptrdiff_t r = eTop + i;
        exponential_row(r >= 0 && r < H ? x + r * W : NULL, W, P, a, b, s.e + i * P, NULL);
    }

    if (outputs > 0) {
        // The forward's height window sums of the outputs that read these rows.
        const float *bandE = s.e + (top - eTop) * P;
        window_sums_rows(bandE, P, P, kh, height->stride, outputs, s.rowS + pad, s.rowT + pad, pitch, s.sums);
        const float *cotangentX = coords_cotangent, *cotangentY = coords_cotangent + Ho * Wo;
        if (direct) {
            for (ptrdiff_t row = 0; row < outputs; row++) {
                float *rows[2] = { s.rowS + row * pitch, s.rowT + row * pitch };
                for (int k = 0; k < 2; k++) {
                    for (ptrdiff_t c = 0; c < pad; c++) rows[k][c] = 0;
                    for (ptrdiff_t c = pad + P; c < pitch; c++) rows[k][c] = 0;
                }
                backward_row_direct(
                    op, &s, P, pitch, row, firstOutput + row, first_row, cotangentX, cotangentY, values_cotangent, values);
            }
        } else {
            for (ptrdiff_t group = firstOutput; group < lastOutput; group += 8) {
                int lanes = lastOutput - group < 8 ? (int)(lastOutput - group) : 8;
                backward_row_group(
                    op, &s, P, group, lanes, firstOutput, first_row, cotangentX, cotangentY, values_cotangent, values);
            }
        }
    }
    // Transposed height sums: per gradient row, over the output rows that read it.
    window_sums_rows(s.stuffG, P, P, kh, 1, cells, s.cellG, NULL, P, s.sums);
    window_sums_rows(s.stuffH, P, P, kh, 1, cells, s.cellH, s.cellWeightedH, P, s.sums);
    if (withValues) window_sums_rows(s.stuffV, P, P, kh, 1, cells, s.cellV, NULL, P, s.sums);

    // x̄ = e · ((g + x · c) / T + c), g = Σ (α·offset + ρ), c = Σ γ.
    float inverseT = 1.0f / op->temperature, scaleY = height->scale, shiftY = height->shift;
    ptrdiff_t whole = W - W % 8;
    for (ptrdiff_t i = 0; i < cells; i++) {
        const float *e = s.e + (first_row + i - eTop) * P, *line = x + (first_row + i) * W;
        const float *g = s.cellG + i * P, *h = s.cellH + i * P, *hw = s.cellWeightedH + i * P, *c = s.cellV + i * P;
        float *out = gradient + (first_row + i) * W;
        for (ptrdiff_t j = 0; j < whole; j += 8) {
            v8f total = v8f_load(g + j) + (shiftY * v8f_load(h + j) - scaleY * v8f_load(hw + j));
            v8f scaled = withValues ? (total + v8f_load(line + j) * v8f_load(c + j)) * inverseT + v8f_load(c + j) : total * inverseT;
            v8f_store(out + j, v8f_load(e + j) * scaled);
        }
        for (ptrdiff_t j = whole; j < W; j++) {
            float total = g[j] + (shiftY * h[j] - scaleY * hw[j]);
            out[j] = e[j] * (withValues ? (total + line[j] * c[j]) * inverseT + c[j] : total * inverseT);
        }
    }
    subpix_scratch_release(memory);
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_window_soft_argmax_backward_f32,
    (const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
     const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient),
    (op, x, peak, first_row, last_row, coords_cotangent, values_cotangent, values, gradient))
