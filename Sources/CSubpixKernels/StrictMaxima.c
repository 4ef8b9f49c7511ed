#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "Dispatch.h"
#include "Vectors.h"

// Strict maxima (kornia 0.9's nms2d / nms3d): a position is kept when it is
// greater than every other value of its window and the whole window lies
// inside the map. The neighbour maximum is separable: per input row the
// maximum over the width window (kept in a ring of `kernel_height` rows per
// plane), per plane the maximum of its ring rows (3D), then per centre the
// maximum of the other planes, the other rows of its own plane and its own
// row's taps either side. Only interior centres are ever kept, so every read
// lies inside the map and no edge is special. A NaN anywhere in a window
// suppresses its centre: rows holding one are flagged, and the output rows
// whose window meets a flagged row are written by the definition instead.
// Sixteen lanes: one AVX-512 register, two AVX2 ones, four SSE2 / NEON ones.

typedef uint8_t v16b __attribute__((vector_size(16)));

/// `a > b ? a : b` per lane.
SUBPIX_INLINE v16f v16f_larger(v16f a, v16f b) { return v16f_select(a > b, a, b); }

SUBPIX_INLINE ptrdiff_t before_centre(ptrdiff_t kernel) { return (kernel - 1) / 2; }

/// Declares `tail`, the first column of `from ..< to` left to scalar code, and loops
/// `j` over the starts of 16-column vectors covering the rest: every 16th column, the
/// last vector ending at `to` and overlapping the one before it (whose values it
/// only writes again). Rows of fewer than 16 columns are all tail.
#define FOR_VECTORS(j, from, to, tail)                                   \
    const ptrdiff_t tail = (to) - (from) >= 16 ? (to) : (from);          \
    for (ptrdiff_t j = (from); j < tail; j = j + 16 < tail && j + 32 > tail ? tail - 16 : j + 16)

/// `out[j] = max(row[j + lo ... j + hi])` for `j` in `from ..< to`, where
/// `lo <= 0 <= hi` and those taps cover the whole row of `width` values;
/// returns whether the row holds a NaN.
SUBPIX_INLINE int row_window_max(
    const float *row, ptrdiff_t width, ptrdiff_t from, ptrdiff_t to, ptrdiff_t lo, ptrdiff_t hi, float *out
) {
    v16i nan = {0};
    FOR_VECTORS(j, from, to, tail) {
        v16f centre = v16f_load(row + j);
        nan |= centre != centre;
        v16f best = v16f_load(row + j + lo);
        for (ptrdiff_t t = lo + 1; t <= hi; t++) best = v16f_larger(best, v16f_load(row + j + t));
        v16f_store(out + j, best);
    }
    for (ptrdiff_t j = tail; j < to; j++) {
        float best = row[j + lo];
        for (ptrdiff_t t = lo + 1; t <= hi; t++) best = row[j + t] > best ? row[j + t] : best;
        out[j] = best;
    }
    int found = 0;
    for (int lane = 0; lane < 16; lane++) found |= nan[lane];
    // The columns no vector's centre tap checked: the borders and the tail.
    for (ptrdiff_t c = 0; c < from; c++) found |= row[c] != row[c];
    for (ptrdiff_t c = tail; c < width; c++) found |= row[c] != row[c];
    return found;
}

/// `out[j] = max(rows[0][j], …, rows[count − 1][j])` for `j` in `from ..< to`.
SUBPIX_INLINE void rows_max(const float *const *rows, ptrdiff_t count, ptrdiff_t from, ptrdiff_t to, float *out) {
    FOR_VECTORS(j, from, to, tail) {
        v16f best = v16f_load(rows[0] + j);
        for (ptrdiff_t r = 1; r < count; r++) best = v16f_larger(best, v16f_load(rows[r] + j));
        v16f_store(out + j, best);
    }
    for (ptrdiff_t j = tail; j < to; j++) {
        float best = rows[0][j];
        for (ptrdiff_t r = 1; r < count; r++) best = rows[r][j] > best ? rows[r][j] : best;
        out[j] = best;
    }
}

/// Where one output row goes: a mask of bytes, or the input's values at the
/// maxima and 0 elsewhere.
typedef struct { uint8_t *mask; float *values; } output_row;

SUBPIX_INLINE void clear_range(output_row out, ptrdiff_t from, ptrdiff_t to) {
    if (to <= from) return;
    if (out.mask) memset(out.mask + from, 0, (size_t)(to - from));
    else memset(out.values + from, 0, (size_t)(to - from) * sizeof(float));
}

/// Writes columns `from ..< to` of one output row: `centre[j]` against the
/// maximum of `sources[s][j]` (the other planes and rows) and of the centre
/// row's taps `lo ... hi` other than 0. Called with constant counts for the
/// common windows, so the loops over sources and taps unroll.
SUBPIX_INLINE v16i kept_lanes(
    const float *centre, const float *const *sources, ptrdiff_t count, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t j
) {
    v16f best = v16f_splat(-INFINITY);
    for (ptrdiff_t s = 0; s < count; s++) best = v16f_larger(best, v16f_load(sources[s] + j));
    for (ptrdiff_t t = lo; t <= hi; t++) if (t != 0) best = v16f_larger(best, v16f_load(centre + j + t));
    return v16f_load(centre + j) > best;
}

SUBPIX_INLINE int kept_cell(
    const float *centre, const float *const *sources, ptrdiff_t count, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t j
) {
    float best = -INFINITY;
    for (ptrdiff_t s = 0; s < count; s++) best = sources[s][j] > best ? sources[s][j] : best;
    for (ptrdiff_t t = lo; t <= hi; t++) if (t != 0) best = centre[j + t] > best ? centre[j + t] : best;
    return centre[j] > best;
}

/// Writes columns `from ..< to` of one output row: `centre[j]` against the
/// maximum of `sources[s][j]` (the other planes and rows) and of the centre
/// row's taps `lo ... hi` other than 0. Called with constant counts for the
/// common windows, so the loops over sources and taps unroll.
SUBPIX_INLINE void write_row(
    const float *centre, const float *const *sources, ptrdiff_t count, ptrdiff_t lo, ptrdiff_t hi,
    ptrdiff_t from, ptrdiff_t to, output_row out
) {
    if (out.mask) {
        FOR_VECTORS(j, from, to, tail) {
            v16b bytes = __builtin_convertvector(kept_lanes(centre, sources, count, lo, hi, j) & 1, v16b);
            memcpy(out.mask + j, &bytes, sizeof bytes);
        }
        for (ptrdiff_t j = tail; j < to; j++) out.mask[j] = (uint8_t)kept_cell(centre, sources, count, lo, hi, j);
    } else {
        FOR_VECTORS(j, from, to, tail) {
            v16i kept = kept_lanes(centre, sources, count, lo, hi, j);
            v16f_store(out.values + j, (v16f)((v16i)v16f_load(centre + j) & kept));
        }
        for (ptrdiff_t j = tail; j < to; j++) out.values[j] = kept_cell(centre, sources, count, lo, hi, j) ? centre[j] : 0.0f;
    }
}

/// One output row by the definition (`x[p] > x[q]` for every other `q` of the
/// window; false against a NaN), for rows whose window holds a NaN.
SUBPIX_INLINE void write_row_directly(
    const subpix_strict_maxima *op, const float *x, ptrdiff_t plane, ptrdiff_t row, output_row out
) {
    ptrdiff_t H = op->height, W = op->width;
    ptrdiff_t cd = before_centre(op->kernel_depth), cy = before_centre(op->kernel_height), cx = before_centre(op->kernel_width);
    for (ptrdiff_t column = cx; column < W - (op->kernel_width - 1 - cx); column++) {
        const float *centre = x + (plane * H + row) * W + column;
        int kept = 1;
        for (ptrdiff_t dz = -cd; dz < op->kernel_depth - cd && kept; dz++) {
            for (ptrdiff_t dy = -cy; dy < op->kernel_height - cy && kept; dy++) {
                const float *line = centre + (dz * H + dy) * W;
                for (ptrdiff_t dx = -cx; dx < op->kernel_width - cx; dx++) {
                    if ((dz != 0 || dy != 0 || dx != 0) && !(*centre > line[dx])) { kept = 0; break; }
                }
            }
        }
        if (out.mask) out.mask[column] = (uint8_t)kept;
        else out.values[column] = kept ? *centre : 0.0f;
    }
}

SUBPIX_INLINE int subpix_strict_maxima_f32_body(
    const subpix_strict_maxima *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
    uint8_t *mask, float *values
) {
    const ptrdiff_t D = op->depth, H = op->height, W = op->width;
    const ptrdiff_t kd = op->kernel_depth, ky = op->kernel_height, kx = op->kernel_width;
    const ptrdiff_t cd = before_centre(kd), cy = before_centre(ky), cx = before_centre(kx);
    const ptrdiff_t bd = kd - 1 - cd, by = ky - 1 - cy, bx = kx - 1 - cx;
    // Interior output rows of this range, and the interior columns of every row.
    const ptrdiff_t top = first_row > cy ? first_row : cy, bottom = last_row < H - by ? last_row : H - by;
    const ptrdiff_t from = cx, to = W - bx;

    for (ptrdiff_t p = 0; p < D; p++) {
        for (ptrdiff_t i = first_row; i < last_row; i++) {
            int interior = p >= cd && p < D - bd && i >= top && i < bottom;
            output_row out = { mask ? mask + (p * H + i) * W : NULL, values ? values + (p * H + i) * W : NULL };
            if (interior) { clear_range(out, 0, from); clear_range(out, to, W); }
            else clear_range(out, 0, W);
        }
    }
    if (top >= bottom) return 0;

    // Per plane a ring of `ky` row maxima (slot = row % ky) and (3D) the maximum
    // of the ring; the rows an output row compares against; the rings' NaN flags.
    // (On the heap, not the stack: windows may be as large as the map.)
    void *memory = malloc((size_t)(kd + ky) * sizeof(const float *)
                          + (size_t)(D * ky * W + D * W) * sizeof(float) + (size_t)(D * ky));
    if (memory == NULL) return -1;
    const float **sources = memory;
    float *ring = (float *)(sources + kd + ky), *planeMax = ring + D * ky * W;
    uint8_t *nanRow = (uint8_t *)(planeMax + D * W);
#define RING(p, r) (ring + ((p) * ky + (r) % ky) * W)

    const int threeWide = ky == 3 && kx == 3 && (kd == 1 || kd == 3);
    for (ptrdiff_t i = top; i < bottom; i++) {
        // Bring the rows of this output row's window into the rings.
        for (ptrdiff_t r = (i == top ? i - cy : i + by); r <= i + by; r++) {
            for (ptrdiff_t p = 0; p < D; p++) {
                const float *row = x + (p * H + r) * W;
                nanRow[p * ky + r % ky] = (uint8_t)(kx == 3
                    ? row_window_max(row, W, from, to, -1, 1, RING(p, r))
                    : row_window_max(row, W, from, to, -cx, bx, RING(p, r)));
            }
        }
        if (kd > 1) {
            // The planes some other output plane's window holds.
            for (ptrdiff_t p = 0; p < D; p++) {
                ptrdiff_t lowest = p - bd > cd ? p - bd : cd, highest = p + cd < D - bd - 1 ? p + cd : D - bd - 1;
                if (highest < lowest || (lowest == p && highest == p)) continue;
                for (ptrdiff_t r = 0; r < ky; r++) sources[r] = ring + (p * ky + r) * W;
                if (ky == 3) rows_max(sources, 3, from, to, planeMax + p * W);
                else rows_max(sources, ky, from, to, planeMax + p * W);
            }
        }
        for (ptrdiff_t p = cd; p < D - bd; p++) {
            output_row out = { mask ? mask + (p * H + i) * W : NULL, values ? values + (p * H + i) * W : NULL };
            int nan = 0;
            for (ptrdiff_t q = p - cd; q <= p + bd; q++)
                for (ptrdiff_t r = 0; r < ky; r++) nan |= nanRow[q * ky + r];
            if (nan) {
                write_row_directly(op, x, p, i, out);
                continue;
            }
            ptrdiff_t count = 0;
            for (ptrdiff_t q = p - cd; q <= p + bd; q++) if (q != p) sources[count++] = planeMax + q * W;
            for (ptrdiff_t r = i - cy; r <= i + by; r++) if (r != i) sources[count++] = RING(p, r);
            const float *centre = x + (p * H + i) * W;
            if (threeWide && kd == 1) write_row(centre, sources, 2, -1, 1, from, to, out);
            else if (threeWide) write_row(centre, sources, 4, -1, 1, from, to, out);
            else write_row(centre, sources, count, -cx, bx, from, to, out);
        }
    }
#undef RING
    free(memory);
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_strict_maxima_f32,
    (const subpix_strict_maxima *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
     uint8_t *mask, float *values),
    (op, x, first_row, last_row, mask, values))
