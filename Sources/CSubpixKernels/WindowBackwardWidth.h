// The width passes of the conv_soft_argmax2d / 3d backward kernel
// (WindowSoftArgmaxBackward.c): per output row, the forward's window sums along
// the width, each window's terms of the gradient, and their transposed sums
// over the outputs that read each cell, written into the rows of the height
// pass. The header of the kernel has the maths.
//
// Both passes of the transposed window sums reuse the forward's van Herk sums:
// the cells an output's window reads are `o·s − p … o·s − p + k − 1`, so the
// outputs that read cell `j` are the window of `k` rows starting at `j` in the
// "stuffed" sequence that holds output `o` at row `o·s − p − first + k − 1`
// (zeros between outputs when the stride is more than one). The tap of cell `j`
// in `o`'s window is `k − 1 − u` with `u` the row's tap in the stuffed window,
// and kornia's offsets are antisymmetric (`o(k − 1 − u) = −o(u)`), so
//
//     Σ_o a(o) · offset(tap) = shift · Σ_u a − scale · Σ_u u · a.
#ifndef SUBPIX_WINDOW_BACKWARD_WIDTH_H
#define SUBPIX_WINDOW_BACKWARD_WIDTH_H

#include <string.h>

#include "RowInterleave.h"
#include "SubpixKernels.h"
#include "WindowSums.h"

/// The outputs of `axis` whose windows read a cell of `first ..< last`.
SUBPIX_INLINE void covering_outputs(const subpix_window_axis *axis, ptrdiff_t first, ptrdiff_t last, ptrdiff_t *lo, ptrdiff_t *hi) {
    ptrdiff_t lowest = first + axis->padding - axis->kernel + 1;   // o·s >= lowest
    ptrdiff_t l = lowest <= 0 ? 0 : (lowest + axis->stride - 1) / axis->stride;
    ptrdiff_t h = (last - 1 + axis->padding) / axis->stride + 1;  // o·s <= last − 1 + p
    *lo = l;
    *hi = h < axis->outputs ? h : axis->outputs;
}

/// Row of output `o` in the stuffed sequence of the cells from `first` on.
SUBPIX_INLINE ptrdiff_t stuffed_row(const subpix_window_axis *axis, ptrdiff_t output, ptrdiff_t first) {
    return output * axis->stride - axis->padding - first + axis->kernel - 1;
}

/// The output at row `r` of the stuffed sequence of the cells from `first` on,
/// or −1 for a row of zeros.
SUBPIX_INLINE ptrdiff_t stuffed_output(const subpix_window_axis *axis, ptrdiff_t r, ptrdiff_t first) {
    ptrdiff_t start = r + first + axis->padding - axis->kernel + 1;   // o · stride
    if (start < 0 || start % axis->stride != 0) return -1;
    return start / axis->stride < axis->outputs ? start / axis->stride : -1;
}

/// Scratch buffers of one call, carved from one allocation.
typedef struct {
    float *zeros;                     // a zero row for missing lanes
    float *e;                         // exp of the input rows read, every plane
    float *depthE, *depthT;           // a depth window's planes summed, plain and depth-tap weighted (3D)
    float *rowS, *rowT, *rowD;        // height window sums per output row and input column
    float *laneS, *laneT, *laneD;     // eight output rows interleaved (width padding included)
    float *laneGx, *laneGy, *laneGd, *laneGv, *laneV;   // their cotangents and pooled values interleaved
    float *outS, *outX, *outY, *outD; // width window sums
    float *stuffA, *stuffB, *stuffY, *stuffZ, *stuffC;  // per-output terms, stuffed along the width
    float *hatA, *hatR, *hatY, *hatZ, *hatC;   // per-output terms of one row, after kernel − 1 zeros (direct pass)
    float *sumA, *sumWeightedA, *sumB, *sumY, *sumZ, *sumC;   // their transposed width sums
    float *stuffG, *stuffH, *stuffD, *stuffV;   // per output row and input column, stuffed along the height
    float *cellG, *cellH, *cellWeightedH, *cellD, *cellV;   // their transposed height sums
    float *planeG, *planeC;           // g and c of every plane (3D: summed over the depth outputs)
    float *sums;                      // window_sums_rows scratch
} backward_scratch;

/// One depth output's rows of `W_out`: the cotangents of its coordinates (`d`
/// NULL in 2D) and of its values, and the forward's values (both NULL without a
/// values cotangent). The passes also take `volumetric` and `values` as flags, which
/// the kernel passes as constants so that each combination compiles without the
/// others' work.
typedef struct { const float *x, *y, *d, *v, *pooled; } output_planes;

/// The terms of a window's gradient from its sums — `sum = Σ e`, `tapX = Σ t_x · e`,
/// and over the height and depth (already offset) `tapY = Σ offset_y · e`,
/// `tapD = Σ t_d · e` — its pooled value `pooled = V / D` (the forward's output)
/// and its cotangents: `α_x`, `α_y`, `α_d`, `γ` and
/// `ρ = −Σ_a α_a · S_a / D − γ · pooled` of the header's formula.
typedef struct { v8f alphaX, alphaY, alphaD, gamma, rho; } window_terms;

SUBPIX_INLINE window_terms window_terms_of(
    const subpix_window_soft_argmax *op, v8f sum, v8f tapX, v8f tapY, v8f tapD, v8f pooled, v8f gx, v8f gy, v8f gd, v8f gv
) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height, *width = &op->width;
    v8f reciprocal = 1.0f / (sum + op->eps);
    window_terms terms;
    terms.alphaX = gx * (width->factor * reciprocal);
    terms.alphaY = gy * (height->factor * reciprocal);
    terms.alphaD = gd * (depth->factor * reciprocal);
    terms.gamma = gv * reciprocal;
    v8f offsetX = width->scale * tapX - width->shift * sum;
    v8f offsetY = height->scale * tapY - height->shift * sum;
    v8f offsetD = depth->scale * tapD - depth->shift * sum;
    terms.rho = -(terms.alphaX * offsetX + terms.alphaY * offsetY + terms.alphaD * offsetD) * reciprocal
        - terms.gamma * pooled;
    return terms;
}

/// The first `count` (at most 8) floats at `p`, zeros after.
SUBPIX_INLINE v8f v8f_load_first(const float *p, ptrdiff_t count) {
    if (count >= 8) return v8f_load(p);
    float lanes[8] = {0};
    memcpy(lanes, p, (size_t)count * sizeof(float));
    return v8f_load(lanes);
}

/// Stores the first `count` (at most 8) lanes of `v` at `p`.
SUBPIX_INLINE void v8f_store_first(float *p, v8f v, ptrdiff_t count) {
    if (count >= 8) { v8f_store(p, v); return; }
    float lanes[8];
    v8f_store(lanes, v);
    memcpy(p, lanes, (size_t)count * sizeof(float));
}

/// Width pass of one output row `oy` (row `row` of the height sums) for a width
/// window of at most three cells moved by one: the window sums and the
/// transposed sums by shifted loads along the row, no interleaving. The rows of
/// height sums are held padded (`rowS[c]` is padded column `c`, zeros outside the map).
SUBPIX_INLINE void backward_row_direct(
    const subpix_window_soft_argmax *op, const backward_scratch *s, ptrdiff_t P, ptrdiff_t pitch, ptrdiff_t row, ptrdiff_t oy,
    ptrdiff_t firstCell, output_planes planes, int volumetric, int values
) {
    const subpix_window_axis *width = &op->width;
    ptrdiff_t W = width->length, Wo = width->outputs, kw = width->kernel, lead = kw - 1;
    const float *rs = s->rowS + row * pitch, *rt = s->rowT + row * pitch, *rd = s->rowD + row * pitch;
    const float *gx = planes.x + oy * Wo, *gy = planes.y + oy * Wo, *gd = volumetric ? planes.d + oy * Wo : NULL;
    const float *gv = values ? planes.v + oy * Wo : NULL, *pv = values ? planes.pooled + oy * Wo : NULL;
    v8f zero = v8f_splat(0.0f);
    for (ptrdiff_t ox = 0; ox < Wo; ox += 8) {
        ptrdiff_t count = Wo - ox < 8 ? Wo - ox : 8;
        v8f sum = v8f_load(rs + ox), tapX = zero, tapY = v8f_load(rt + ox), tapD = volumetric ? v8f_load(rd + ox) : zero;
        for (ptrdiff_t t = 1; t < kw; t++) {
            v8f e = v8f_load(rs + ox + t);
            sum += e;
            tapX += (float)t * e;
            tapY += v8f_load(rt + ox + t);
            if (volumetric) tapD += v8f_load(rd + ox + t);
        }
        window_terms terms = window_terms_of(
            op, sum, tapX, tapY, tapD, values ? v8f_load_first(pv + ox, count) : zero, v8f_load_first(gx + ox, count),
            v8f_load_first(gy + ox, count), volumetric ? v8f_load_first(gd + ox, count) : zero,
            values ? v8f_load_first(gv + ox, count) : zero);
        v8f_store_first(s->hatA + lead + ox, terms.alphaX, count);
        v8f_store_first(s->hatR + lead + ox, terms.rho, count);
        v8f_store_first(s->hatY + lead + ox, terms.alphaY, count);
        v8f_store_first(s->hatZ + lead + ox, terms.alphaD, count);
        v8f_store_first(s->hatC + lead + ox, terms.gamma, count);
    }
    // Cell j (padded column q = j + p) is tap t of output q − t, at hat index q + lead − t.
    float offset[3];
    for (ptrdiff_t t = 0; t < kw; t++) offset[t] = width->scale * (float)t - width->shift;
    ptrdiff_t at = stuffed_row(&op->height, oy, firstCell) * P;
    float *toG = s->stuffG + at, *toH = s->stuffH + at, *toD = s->stuffD + at, *toV = s->stuffV + at;
    for (ptrdiff_t j = 0; j < W; j += 8) {   // whole vectors: the rows are P wide
        ptrdiff_t base = j + width->padding + lead;
        v8f g = zero, h = zero, d = zero, c = zero;
        for (ptrdiff_t t = 0; t < kw; t++) {
            g += v8f_load(s->hatA + base - t) * offset[t] + v8f_load(s->hatR + base - t);
            h += v8f_load(s->hatY + base - t);
            d += v8f_load(s->hatZ + base - t);
            c += v8f_load(s->hatC + base - t);
        }
        v8f_store(toG + j, g);
        v8f_store(toH + j, h);
        if (volumetric) v8f_store(toD + j, d);
        if (values) v8f_store(toV + j, c);
    }
}

/// Width pass of eight output rows `oy = first + lane` (any width window): their
/// window sums, the per-output terms, and the transposed width sums by the van
/// Herk scheme on eight rows interleaved, de-interleaved into the rows of the
/// stuffed height sequences.
SUBPIX_INLINE void backward_row_group(
    const subpix_window_soft_argmax *op, const backward_scratch *s, ptrdiff_t P, ptrdiff_t first, int lanes,
    ptrdiff_t firstOutput, ptrdiff_t firstCell, output_planes planes, int volumetric, int values
) {
    const subpix_window_axis *height = &op->height, *width = &op->width;
    ptrdiff_t W = width->length, Wo = width->outputs, kw = width->kernel;
    ptrdiff_t span = (Wo - 1) * width->stride + kw, stuffed = W + kw - 1;
    const float *rowsS[8], *rowsT[8], *rowsD[8], *gx[8], *gy[8], *gd[8], *gv[8], *pv[8];
    for (int l = 0; l < 8; l++) {
        int live = l < lanes;
        ptrdiff_t row = first + l - firstOutput, oy = first + l;
        rowsS[l] = live ? s->rowS + row * P : s->zeros;
        rowsT[l] = live ? s->rowT + row * P : s->zeros;
        rowsD[l] = live && volumetric ? s->rowD + row * P : s->zeros;
        gx[l] = live ? planes.x + oy * Wo : s->zeros;
        gy[l] = live ? planes.y + oy * Wo : s->zeros;
        gd[l] = live && volumetric ? planes.d + oy * Wo : s->zeros;
        gv[l] = live && values ? planes.v + oy * Wo : s->zeros;
        pv[l] = live && values ? planes.pooled + oy * Wo : s->zeros;
    }
    interleave_rows(rowsS, W, width->padding, span, s->laneS);
    interleave_rows(rowsT, W, width->padding, span, s->laneT);
    window_sums_rows(s->laneS, 8, 8, kw, width->stride, Wo, s->outS, s->outX, 8, s->sums);
    window_sums_rows(s->laneT, 8, 8, kw, width->stride, Wo, s->outY, NULL, 8, s->sums);
    interleave_rows(gx, Wo, 0, Wo, s->laneGx);
    interleave_rows(gy, Wo, 0, Wo, s->laneGy);
    if (volumetric) {
        interleave_rows(rowsD, W, width->padding, span, s->laneD);
        window_sums_rows(s->laneD, 8, 8, kw, width->stride, Wo, s->outD, NULL, 8, s->sums);
        interleave_rows(gd, Wo, 0, Wo, s->laneGd);
    }
    if (values) {
        interleave_rows(gv, Wo, 0, Wo, s->laneGv);
        interleave_rows(pv, Wo, 0, Wo, s->laneV);
    }

    // Per output: α_x, α_y, γ and ρ (see the header), stuffed along the width.
    v8f zero = v8f_splat(0.0f);
    for (ptrdiff_t r = 0; r < stuffed; r++) {
        if (stuffed_output(width, r, 0) >= 0) continue;   // written below
        v8f_store(s->stuffA + r * 8, zero); v8f_store(s->stuffB + r * 8, zero); v8f_store(s->stuffY + r * 8, zero);
        v8f_store(s->stuffZ + r * 8, zero); v8f_store(s->stuffC + r * 8, zero);
    }
    for (ptrdiff_t ox = 0; ox < Wo; ox++) {
        ptrdiff_t at = stuffed_row(width, ox, 0);
        if (at < 0 || at >= stuffed) continue;   // a window wholly in the padding reads no cell
        window_terms terms = window_terms_of(
            op, v8f_load(s->outS + ox * 8), v8f_load(s->outX + ox * 8), v8f_load(s->outY + ox * 8),
            volumetric ? v8f_load(s->outD + ox * 8) : zero, values ? v8f_load(s->laneV + ox * 8) : zero,
            v8f_load(s->laneGx + ox * 8), v8f_load(s->laneGy + ox * 8), volumetric ? v8f_load(s->laneGd + ox * 8) : zero,
            values ? v8f_load(s->laneGv + ox * 8) : zero);
        v8f_store(s->stuffA + at * 8, terms.alphaX);
        v8f_store(s->stuffB + at * 8, terms.rho);
        v8f_store(s->stuffY + at * 8, terms.alphaY);
        v8f_store(s->stuffZ + at * 8, terms.alphaD);
        v8f_store(s->stuffC + at * 8, terms.gamma);
    }
    // Transposed width sums: per input column, over the outputs that read it.
    window_sums_rows(s->stuffA, 8, 8, kw, 1, W, s->sumA, s->sumWeightedA, 8, s->sums);
    window_sums_rows(s->stuffB, 8, 8, kw, 1, W, s->sumB, NULL, 8, s->sums);
    window_sums_rows(s->stuffY, 8, 8, kw, 1, W, s->sumY, NULL, 8, s->sums);
    if (volumetric) window_sums_rows(s->stuffZ, 8, 8, kw, 1, W, s->sumZ, NULL, 8, s->sums);
    if (values) window_sums_rows(s->stuffC, 8, 8, kw, 1, W, s->sumC, NULL, 8, s->sums);
    // Σ (α_x · offset_x + ρ); the offset term on its own first, so that a large
    // α_x (a normalised axis of one cell) whose offsets are 0 cancels exactly.
    v8f scaleX = v8f_splat(width->scale), shiftX = v8f_splat(width->shift);
    for (ptrdiff_t j = 0; j < W; j++) {
        v8f offsetTerm = shiftX * v8f_load(s->sumA + j * 8) - scaleX * v8f_load(s->sumWeightedA + j * 8);
        v8f_store(s->sumB + j * 8, v8f_load(s->sumB + j * 8) + offsetTerm);
    }
    float *toG[8], *toH[8], *toD[8], *toV[8];
    for (int l = 0; l < lanes; l++) {
        ptrdiff_t at = stuffed_row(height, first + l, firstCell);
        toG[l] = s->stuffG + at * P;
        toH[l] = s->stuffH + at * P;
        toD[l] = s->stuffD + at * P;
        toV[l] = s->stuffV + at * P;
    }
    deinterleave_rows(s->sumB, W, lanes, toG);
    deinterleave_rows(s->sumY, W, lanes, toH);
    if (volumetric) deinterleave_rows(s->sumZ, W, lanes, toD);
    if (values) deinterleave_rows(s->sumC, W, lanes, toV);
}

#endif
