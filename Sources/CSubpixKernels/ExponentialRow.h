#ifndef SUBPIX_EXPONENTIAL_ROW_H
#define SUBPIX_EXPONENTIAL_ROW_H

#include <stddef.h>
#include "Vectors.h"

/// One scratch row of the conv soft-argmax kernels: `e[c] = 2^(a · line[c] − b)`
/// (that is `exp((x − peak) / T)`) and, when `v` is not NULL, `v[c] = e[c] · line[c]`
/// for the `width` cells of `line`, zeros up to `pitch`; all zeros when `line`
/// is NULL (a row in the padding). Sixteen lanes, then eight, then one at a time.
SUBPIX_INLINE void exponential_row(const float *line, ptrdiff_t width, ptrdiff_t pitch, float a, float b, float *e, float *v) {
    ptrdiff_t inside = line != NULL ? width : 0, c = 0;
    for (; c + 16 <= inside; c += 16) v16f_store(e + c, v16f_exp2_nonpositive(v16f_load(line + c) * a - b));
    for (; c + 8 <= inside; c += 8) v8f_store(e + c, v8f_exp2_nonpositive(v8f_load(line + c) * a - b));
    for (; c < inside; c++) e[c] = exp2_nonpositive(line[c] * a - b);
    for (ptrdiff_t c = inside; c < pitch; c++) e[c] = 0;
    if (v == NULL) return;
    for (ptrdiff_t c = 0; c < inside; c++) v[c] = e[c] * line[c];
    for (ptrdiff_t c = inside; c < pitch; c++) v[c] = 0;
}

#endif
