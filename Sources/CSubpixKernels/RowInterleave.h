// Eight rows of a block interleaved into the lanes of eight-lane vectors and
// back: how the conv soft-argmax kernels run the width window sums of eight
// output rows as one sequence.
#ifndef SUBPIX_ROW_INTERLEAVE_H
#define SUBPIX_ROW_INTERLEAVE_H

#include <stddef.h>
#include "Vectors.h"

/// Lane `l` of row `rows[l]`, column `column`: eight rows of a row-major block
/// interleaved into `(column, lane)` order, so that the width window sums of
/// eight output rows run as one sequence of eight-lane rows.
SUBPIX_INLINE void interleave_rows(
    const float *const rows[8], ptrdiff_t width, ptrdiff_t padding, ptrdiff_t span, float *restrict out
) {
    ptrdiff_t before = padding < span ? padding : span;
    for (ptrdiff_t i = 0; i < before * 8; i++) out[i] = 0;
    ptrdiff_t inside = width < span - before ? width : span - before;
    ptrdiff_t whole = inside - inside % 8;
    for (ptrdiff_t column = 0; column < whole; column += 8) {
        v8f block[8];
        for (int l = 0; l < 8; l++) block[l] = v8f_load(rows[l] + column);
        v8f_transpose(block);
        for (int j = 0; j < 8; j++) v8f_store(out + (before + column + j) * 8, block[j]);
    }
    for (ptrdiff_t column = whole; column < inside; column++) {
        float *cell = out + (before + column) * 8;
        for (int l = 0; l < 8; l++) cell[l] = rows[l][column];
    }
    for (ptrdiff_t i = (before + inside) * 8; i < span * 8; i++) out[i] = 0;
}

/// The inverse of `interleave_rows` for the first `count` lanes.
SUBPIX_INLINE void deinterleave_rows(const float *restrict lanes, ptrdiff_t columns, int count, float *const rows[8]) {
    ptrdiff_t whole = columns - columns % 8;
    for (ptrdiff_t column = 0; column < whole; column += 8) {
        v8f block[8];
        for (int j = 0; j < 8; j++) block[j] = v8f_load(lanes + (column + j) * 8);
        v8f_transpose(block);
        for (int l = 0; l < count; l++) v8f_store(rows[l] + column, block[l]);
    }
    for (int l = 0; l < count; l++) {
        float *row = rows[l];
        for (ptrdiff_t column = whole; column < columns; column++) row[column] = lanes[column * 8 + l];
    }
}

#endif
