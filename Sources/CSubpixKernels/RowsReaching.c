#include <string.h>

#include "Dispatch.h"
#include "Vectors.h"

// Which rows of a map hold a cell outside an open interval (low, high) or a
// NaN: the rows whose windows may reach a keypoint floor (WindowedSoftArgmax+Floors).
// Sixteen cells compared at once; a row reaches unless every cell is inside.

SUBPIX_INLINE int subpix_rows_reaching_f32_body(
    const float *x, ptrdiff_t rows, ptrdiff_t columns, float high, float low, unsigned char *reaching
) {
    ptrdiff_t whole = columns - columns % 16;
    v16f upper = v16f_splat(high), lower = v16f_splat(low);
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *line = x + r * columns;
        v16i inside = (v16i){0} - 1;
        for (ptrdiff_t c = 0; c < whole; c += 16) {
            v16f cells = v16f_load(line + c);
            inside &= (cells < upper) & (cells > lower);   // false for a NaN
        }
        int all = 1;
        for (int lane = 0; lane < 16; lane++) all &= inside[lane] != 0;
        for (ptrdiff_t c = whole; c < columns; c++) all &= line[c] < high && line[c] > low;
        reaching[r] = (unsigned char)!all;
    }
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_rows_reaching_f32,
    (const float *x, ptrdiff_t rows, ptrdiff_t columns, float high, float low, unsigned char *reaching),
    (x, rows, columns, high, low, reaching))
