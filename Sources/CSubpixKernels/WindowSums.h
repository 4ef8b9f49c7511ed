#ifndef SUBPIX_WINDOW_SUMS_H
#define SUBPIX_WINDOW_SUMS_H

#include <stddef.h>
#include "Vectors.h"


/// Window sums along a sequence of rows of `lanes` floats, a multiple of 8 (row `i` at
/// `x + i · pitch`): for output `o`, whose window is rows `a = o · stride ..< a + kernel`,
///
///     sums[o]     = Σ_t x[a + t]
///     weighted[o] = Σ_t t · x[a + t]          (skipped when `weighted` is NULL)
///
/// written to row `o` of `sums` / `weighted` (`out_pitch` apart). Both ways of
/// summing only add non-negative multiples of the terms — nothing is ever
/// subtracted — so a sum of non-negative terms keeps a relative error of a few
/// ulps × kernel whatever their range (add-one/drop-one running sums lose a
/// `1e-20` next to a `1` entirely).
///
/// Kernels of up to three rows add their rows directly (two additions per
/// output, fewer than any other scheme). Longer ones use van Herk / Gil-Werman:
/// the rows are cut into blocks of `kernel` rows; a window that starts a block
/// is that block's suffix sum from its start; any other window is the suffix of
/// its first block from `a` plus the prefix of the next block up to its last
/// row. The weighted sums use the tap offset from `a`: the suffix part as
/// `T[a] = T[a + 1] + S[a + 1]` (each term moves one tap further), the prefix
/// part as `Σ q · x` within the next block plus `(next − a) · prefix`. That is
/// about three additions per element and sum whatever the kernel size.
/// `scratch` holds `4 · kernel · lanes` floats.
SUBPIX_INLINE void window_sums_rows(
    const float *x, ptrdiff_t pitch, ptrdiff_t lanes, ptrdiff_t kernel, ptrdiff_t stride,
    ptrdiff_t outputs, float *sums, float *weighted, ptrdiff_t out_pitch, float *scratch
) {
#define LANES(statement) for (ptrdiff_t l = 0; l < lanes; l += 8) { statement; }
#define AT(p) v8f_load((p) + l)
    if (kernel <= 3) {
        for (ptrdiff_t o = 0; o < outputs; o++) {
            const float *x0 = x + o * stride * pitch, *x1 = x0 + pitch, *x2 = x1 + pitch;
            float *sum = sums + o * out_pitch, *w = weighted ? weighted + o * out_pitch : NULL;
            if (kernel == 1) {
                LANES(v8f_store(sum + l, AT(x0)))
                if (w) LANES(v8f_store(w + l, v8f_splat(0)))
            } else if (kernel == 2) {
                LANES(v8f_store(sum + l, AT(x0) + AT(x1)))
                if (w) LANES(v8f_store(w + l, AT(x1)))
            } else if (w) {
                LANES(v8f_store(sum + l, (AT(x0) + AT(x1)) + AT(x2)); v8f_store(w + l, AT(x1) + 2 * AT(x2)))
            } else {
                LANES(v8f_store(sum + l, (AT(x0) + AT(x1)) + AT(x2)))
            }
        }
        return;
    }
    float *suffix = scratch, *suffixW = scratch + kernel * lanes;
    float *prefix = scratch + 2 * kernel * lanes, *prefixW = scratch + 3 * kernel * lanes;
    for (ptrdiff_t o = 0; o < outputs;) {
        ptrdiff_t start = o * stride, block = start - start % kernel, next = block + kernel;
        ptrdiff_t end = o;   // the outputs o ..< end start in this block
        while (end < outputs && end * stride < next) end++;
        // Suffix sums of the block, from its last row down to the first start.
        {
            float *s = suffix + (kernel - 1) * lanes, *w = suffixW + (kernel - 1) * lanes;
            const float *row = x + (next - 1) * pitch;
            LANES(v8f_store(s + l, AT(row)); v8f_store(w + l, v8f_splat(0)))
        }
        for (ptrdiff_t r = next - 2; r >= start; r--) {
            float *s = suffix + (r - block) * lanes, *w = suffixW + (r - block) * lanes;
            const float *s1 = s + lanes, *w1 = w + lanes, *row = x + r * pitch;
            if (weighted) LANES(v8f_store(w + l, AT(w1) + AT(s1)); v8f_store(s + l, AT(row) + AT(s1)))
            else LANES(v8f_store(s + l, AT(row) + AT(s1)))
        }
        // Prefix sums of the next block up to the last row any of these windows reads.
        ptrdiff_t reach = (end - 1) * stride + kernel - 1;
        for (ptrdiff_t r = next; r <= reach; r++) {
            float *p = prefix + (r - next) * lanes, *w = prefixW + (r - next) * lanes;
            const float *row = x + r * pitch;
            if (r == next) {
                LANES(v8f_store(p + l, AT(row)); v8f_store(w + l, v8f_splat(0)))
                continue;
            }
            const float *p0 = p - lanes, *w0 = w - lanes;
            v8f q = v8f_splat((float)(r - next));
            if (weighted) LANES(v8f_store(p + l, AT(p0) + AT(row)); v8f_store(w + l, AT(w0) + q * AT(row)))
            else LANES(v8f_store(p + l, AT(p0) + AT(row)))
        }
        for (ptrdiff_t k = o; k < end; k++) {
            ptrdiff_t a = k * stride;
            float *sum = sums + k * out_pitch, *w = weighted ? weighted + k * out_pitch : NULL;
            const float *s = suffix + (a - block) * lanes, *sw = suffixW + (a - block) * lanes;
            if (a == block) {
                LANES(v8f_store(sum + l, AT(s)))
                if (w) LANES(v8f_store(w + l, AT(sw)))
                continue;
            }
            ptrdiff_t last = a + kernel - 1 - next;
            const float *p = prefix + last * lanes, *pw = prefixW + last * lanes;
            v8f back = v8f_splat((float)(next - a));
            if (w) LANES(v8f_store(sum + l, AT(s) + AT(p)); v8f_store(w + l, (AT(sw) + AT(pw)) + back * AT(p)))
            else LANES(v8f_store(sum + l, AT(s) + AT(p)))
        }
        o = end;
    }
#undef LANES
#undef AT
}

#endif
