#include "Dispatch.h"
#include "Vectors.h"

SUBPIX_INLINE int subpix_outer_product_f32_body(
    const float *rows, ptrdiff_t height, const float *columns, ptrdiff_t width, float *out
) {
    ptrdiff_t whole = width - width % 8;
    for (ptrdiff_t row = 0; row < height; row++) {
        float *line = out + row * width;
        v8f weight = v8f_splat(rows[row]);
        for (ptrdiff_t column = 0; column < whole; column += 8) v8f_store(line + column, v8f_load(columns + column) * weight);
        for (ptrdiff_t column = whole; column < width; column++) line[column] = columns[column] * rows[row];
    }
    return 0;
}

SUBPIX_DISPATCHED(int, subpix_outer_product_f32,
    (const float *rows, ptrdiff_t height, const float *columns, ptrdiff_t width, float *out),
    (rows, height, columns, width, out))
