#include "Dispatch.h"
#include "ExponentialRow.h"
#include "RowInterleave.h"
#include "ThreadScratch.h"
#include "WindowRowDirect.h"
#include "WindowSums.h"

/// Scratch buffers of one call, carved from one block of the thread's scratch.
typedef struct {
    float *e, *v;                 // per input plane and band row: exp and exp·x
    float *depthE, *depthT, *depthV;   // the depth window's planes summed (3D)
    float *rowS, *rowT, *rowD, *rowV;  // height window sums per output row and input column
    float *laneS, *laneT, *laneD, *laneV;   // eight output rows interleaved
    float *outS, *outX, *outY, *outD, *outV;   // width window sums, eight rows a lane
    float *lines;                  // one output row's sums, padded (direct width windows)
    float *sums;                   // window_sums_rows scratch
    float *zeros;                  // a zero row for missing lanes
} scratch_t;

SUBPIX_INLINE int subpix_window_soft_argmax_f32_body(
    const subpix_window_soft_argmax *op, const float *x, float peak,
    ptrdiff_t first_row, ptrdiff_t last_row, float *coords, float *values
) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height, *width = &op->width;
    ptrdiff_t rows = last_row - first_row;
    if (rows <= 0) return 0;
    ptrdiff_t W = width->length, Wo = width->outputs, Ho = height->outputs;
    ptrdiff_t P = (W + 7) & ~(ptrdiff_t)7;   // scratch rows: whole vectors, zero past W
    ptrdiff_t top = first_row * height->stride - height->padding;   // input row of band row 0
    ptrdiff_t band = (rows - 1) * height->stride + height->kernel;
    ptrdiff_t plane = band * P;
    ptrdiff_t span = (Wo - 1) * width->stride + width->kernel;
    int wantValues = values != NULL, volumetric = op->volumetric;
    int collapse = volumetric;   // 3D: sum each depth window's planes first
    ptrdiff_t kernelRows = height->kernel * P > width->kernel * 8 ? height->kernel * P : width->kernel * 8;
    int direct = width_windows_are_direct(width);

    ptrdiff_t count = depth->length * plane * (1 + wantValues) + (collapse ? 3 * plane : 0)
        + (2 + volumetric + wantValues) * rows * P + 4 * span * 8 + 5 * Wo * 8 + 4 * kernelRows + P
        + 4 * direct_row_length(width);
    float *memory = subpix_scratch_acquire((size_t)count);
    if (memory == NULL) return -1;
    scratch_t s;
    float *next = memory;
#define TAKE(n) (next += (n), next - (n))
    s.zeros = TAKE(P);
    s.e = TAKE(depth->length * plane);
    s.v = wantValues ? TAKE(depth->length * plane) : NULL;
    s.depthE = collapse ? TAKE(plane) : s.e;
    s.depthT = collapse ? TAKE(plane) : NULL;
    s.depthV = collapse ? TAKE(plane) : s.v;
    s.rowS = TAKE(rows * P); s.rowT = TAKE(rows * P);
    s.rowD = volumetric ? TAKE(rows * P) : NULL;
    s.rowV = wantValues ? TAKE(rows * P) : NULL;
    s.laneS = TAKE(span * 8); s.laneT = TAKE(span * 8); s.laneD = TAKE(span * 8); s.laneV = TAKE(span * 8);
    s.outS = TAKE(Wo * 8); s.outX = TAKE(Wo * 8); s.outY = TAKE(Wo * 8); s.outD = TAKE(Wo * 8); s.outV = TAKE(Wo * 8);
    s.sums = TAKE(4 * kernelRows);
    s.lines = TAKE(4 * direct_row_length(width));
#undef TAKE
    for (ptrdiff_t c = 0; c < P; c++) s.zeros[c] = 0;

    // e = exp((x − peak) / T) = 2^(a·x − b), once per input element of the band;
    // rows in the padding are zero.
    float a = SUBPIX_LOG2E / op->temperature, b = peak * a;
    for (ptrdiff_t d = 0; d < depth->length; d++) {
        for (ptrdiff_t i = 0; i < band; i++) {
            ptrdiff_t r = top + i;
            const float *line = r >= 0 && r < height->length ? x + (d * height->length + r) * W : NULL;
            exponential_row(line, W, P, a, b, s.e + d * plane + i * P, wantValues ? s.v + d * plane + i * P : NULL);
        }
    }

    ptrdiff_t outputMap = depth->outputs * Ho * Wo;
    float *planeX = coords + (volumetric ? outputMap : 0), *planeY = planeX + outputMap, *planeD = coords;
    for (ptrdiff_t od = 0; od < depth->outputs; od++) {
        if (collapse) {
            // The depth window's planes, summed (with the depth tap as weight for Σ t_d·e).
            ptrdiff_t start = od * depth->stride - depth->padding;
            for (ptrdiff_t i = 0; i < plane; i++) { s.depthE[i] = 0; s.depthT[i] = 0; }
            if (wantValues) for (ptrdiff_t i = 0; i < plane; i++) s.depthV[i] = 0;
            for (ptrdiff_t t = 0; t < depth->kernel; t++) {
                ptrdiff_t d = start + t;
                if (d < 0 || d >= depth->length) continue;
                const float *e = s.e + d * plane;
                float tap = (float)t;
                for (ptrdiff_t i = 0; i < plane; i++) { s.depthE[i] += e[i]; s.depthT[i] += tap * e[i]; }
                if (wantValues) { const float *v = s.v + d * plane; for (ptrdiff_t i = 0; i < plane; i++) s.depthV[i] += v[i]; }
            }
        }
        // Height windows: per output row, per input column.
        window_sums_rows(s.depthE, P, P, height->kernel, height->stride, rows, s.rowS, s.rowT, P, s.sums);
        if (volumetric) window_sums_rows(s.depthT, P, P, height->kernel, height->stride, rows, s.rowD, NULL, P, s.sums);
        if (wantValues) window_sums_rows(s.depthV, P, P, height->kernel, height->stride, rows, s.rowV, NULL, P, s.sums);

        if (direct) {
            // Width windows of up to three cells moved by one: read each row directly.
            for (ptrdiff_t r = 0; r < rows; r++) {
                ptrdiff_t row = od * Ho + first_row + r, position = row * Wo;
                width_windows_direct(
                    op, s.rowS + r * P, s.rowT + r * P, volumetric ? s.rowD + r * P : NULL, wantValues ? s.rowV + r * P : NULL,
                    op->row_x_weight[row], op->row_y_base[row], op->row_d_base[row], s.lines,
                    planeX + position, planeY + position, planeD + position, wantValues ? values + position : NULL);
            }
            continue;
        }
        // Width windows, eight output rows at a time (one per lane).
        for (ptrdiff_t group = 0; group < rows; group += 8) {
            int lanes = rows - group < 8 ? (int)(rows - group) : 8;
            const float *rowsS[8], *rowsT[8], *rowsD[8], *rowsV[8];
            v8f xWeight, yBase, dBase;
            for (int l = 0; l < 8; l++) {
                int live = l < lanes;
                ptrdiff_t offset = (group + l) * P;
                rowsS[l] = live ? s.rowS + offset : s.zeros;
                rowsT[l] = live ? s.rowT + offset : s.zeros;
                rowsD[l] = live && volumetric ? s.rowD + offset : s.zeros;
                rowsV[l] = live && wantValues ? s.rowV + offset : s.zeros;
                ptrdiff_t row = od * Ho + first_row + group + (live ? l : 0);
                xWeight[l] = op->row_x_weight[row];
                yBase[l] = op->row_y_base[row];
                dBase[l] = op->row_d_base[row];
            }
            interleave_rows(rowsS, W, width->padding, span, s.laneS);
            interleave_rows(rowsT, W, width->padding, span, s.laneT);
            window_sums_rows(s.laneS, 8, 8, width->kernel, width->stride, Wo, s.outS, s.outX, 8, s.sums);
            window_sums_rows(s.laneT, 8, 8, width->kernel, width->stride, Wo, s.outY, NULL, 8, s.sums);
            if (volumetric) {
                interleave_rows(rowsD, W, width->padding, span, s.laneD);
                window_sums_rows(s.laneD, 8, 8, width->kernel, width->stride, Wo, s.outD, NULL, 8, s.sums);
            }
            if (wantValues) {
                interleave_rows(rowsV, W, width->padding, span, s.laneV);
                window_sums_rows(s.laneV, 8, 8, width->kernel, width->stride, Wo, s.outV, NULL, 8, s.sums);
            }
            // Coordinates (and values) in place of the sums, eight rows a vector.
            for (ptrdiff_t ox = 0; ox < Wo; ox++) {
                window_sums sums = {
                    .mass = v8f_load(s.outS + ox * 8), .x = v8f_load(s.outX + ox * 8), .y = v8f_load(s.outY + ox * 8),
                    .d = volumetric ? v8f_load(s.outD + ox * 8) : v8f_splat(0),
                    .value = wantValues ? v8f_load(s.outV + ox * 8) : v8f_splat(0),
                };
                window_centres centres = {
                    .centre_sum = v8f_splat(op->column_centre_sum[ox]), .in_range = v8f_splat(op->column_in_range[ox]),
                    .x_weight = xWeight, .y_base = yBase, .d_base = dBase,
                };
                window_outputs result = window_outputs_of(op, sums, centres);
                v8f_store(s.outX + ox * 8, result.x);
                v8f_store(s.outY + ox * 8, result.y);
                if (volumetric) v8f_store(s.outD + ox * 8, result.d);
                if (wantValues) v8f_store(s.outV + ox * 8, result.value);
            }
            float *outX[8], *outY[8], *outD[8], *outV[8];
            for (int l = 0; l < lanes; l++) {
                ptrdiff_t position = (od * Ho + first_row + group + l) * Wo;
                outX[l] = planeX + position;
                outY[l] = planeY + position;
                outD[l] = planeD + position;
                outV[l] = wantValues ? values + position : NULL;
            }
            deinterleave_rows(s.outX, Wo, lanes, outX);
            deinterleave_rows(s.outY, Wo, lanes, outY);
            if (volumetric) deinterleave_rows(s.outD, Wo, lanes, outD);
            if (wantValues) deinterleave_rows(s.outV, Wo, lanes, outV);
        }
    }
    subpix_scratch_release(memory);
    if (!(op->weak_mass > 0)) return 0;
    ptrdiff_t marked = 0;
    for (ptrdiff_t od = 0; od < depth->outputs; od++) marked += count_nan(planeX + (od * Ho + first_row) * Wo, rows * Wo);
    return marked > INT32_MAX ? INT32_MAX : (int)marked;
}

SUBPIX_INLINE int subpix_window_sums_f32_body(
    const float *x, ptrdiff_t kernel, ptrdiff_t stride, ptrdiff_t outputs, float *sums, float *weighted
) {
    float *scratch = subpix_scratch_acquire((size_t)(4 * kernel * 8));
    if (scratch == NULL) return -1;
    window_sums_rows(x, 8, 8, kernel, stride, outputs, sums, weighted, 8, scratch);
    subpix_scratch_release(scratch);
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_window_soft_argmax_f32,
    (const subpix_window_soft_argmax *op, const float *x, float peak,
     ptrdiff_t first_row, ptrdiff_t last_row, float *coords, float *values),
    (op, x, peak, first_row, last_row, coords, values))

SUBPIX_DISPATCHED(int, subpix_window_sums_f32,
    (const float *x, ptrdiff_t kernel, ptrdiff_t stride, ptrdiff_t outputs, float *sums, float *weighted),
    (x, kernel, stride, outputs, sums, weighted))
