#ifndef SUBPIX_MAP_MAXIMUM_H
#define SUBPIX_MAP_MAXIMUM_H

#include <math.h>
#include "Vectors.h"

/// The largest of `count` values, NaN when any is NaN (as torch's `max`):
/// a lane maximum plus a lane sum of `v * 0`, which is NaN only when some value
/// is NaN or infinite; only then are the values searched for a NaN.
SUBPIX_INLINE float map_maximum(const float *values, ptrdiff_t count) {
    v16f best = v16f_splat(-INFINITY), poison = v16f_splat(0.0f);
    ptrdiff_t whole = count - count % 16;
    for (ptrdiff_t i = 0; i < whole; i += 16) {
        v16f lane = v16f_load(values + i);
        best = v16f_select(lane > best, lane, best);
        poison += lane * 0.0f;
    }
    float result = v16f_max(best), total = v16f_sum(poison);
    for (ptrdiff_t i = whole; i < count; i++) {
        result = values[i] > result ? values[i] : result;
        total += values[i] * 0.0f;
    }
    if (!isnan(total)) return result;
    for (ptrdiff_t i = 0; i < count; i++) if (isnan(values[i])) return values[i];
    return result;
}

#endif
