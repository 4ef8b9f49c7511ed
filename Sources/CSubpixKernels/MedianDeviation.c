#include <math.h>
#include <stdint.h>

#include "Dispatch.h"
#include "ThreadScratch.h"

// The median and MAD by quickselect with AVX-512 compress: each step splits the
// range around its pivot in one pass, eight values at a time, packing the values
// below it into one buffer and those above into another (a register compress
// and a plain store each; a compressing store is slow on some cores), and goes
// on in the one that holds the rank. The values are the selection's whatever the
// pivots, so these are the numbers of `RobustMedian`'s scalar selection, which
// the other paths use.

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target(SUBPIX_AVX512_TARGET)))

/// Packs the values below `pivot` into `below` and those above it into `above`
/// (each with room for eight past its last) in one pass; returns how many went to each.
AVX512 static inline void split_around(const double *values, ptrdiff_t count, double pivot, double *below, ptrdiff_t *below_count,
                                       double *above, ptrdiff_t *above_count) {
    __m512d split = _mm512_set1_pd(pivot);
    ptrdiff_t low = 0, high = 0, i = 0;
    for (; i + 8 <= count; i += 8) {
        __m512d lane = _mm512_loadu_pd(values + i);
        __mmask8 less = _mm512_cmp_pd_mask(lane, split, _CMP_LT_OQ), greater = _mm512_cmp_pd_mask(lane, split, _CMP_GT_OQ);
        _mm512_storeu_pd(below + low, _mm512_maskz_compress_pd(less, lane));
        _mm512_storeu_pd(above + high, _mm512_maskz_compress_pd(greater, lane));
        low += __builtin_popcount(less);
        high += __builtin_popcount(greater);
    }
    for (; i < count; i++) {
        below[low] = values[i];
        above[high] = values[i];
        low += values[i] < pivot;
        high += values[i] > pivot;
    }
    *below_count = low;
    *above_count = high;
}

/// The largest of `count` values below `pivot` (some is).
AVX512 static inline double largest_below(const double *values, ptrdiff_t count, double pivot) {
    __m512d split = _mm512_set1_pd(pivot), best = _mm512_set1_pd(-INFINITY);
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m512d lane = _mm512_loadu_pd(values + i);
        best = _mm512_mask_max_pd(best, _mm512_cmp_pd_mask(lane, split, _CMP_LT_OQ), best, lane);
    }
    double result = _mm512_reduce_max_pd(best);
    for (; i < count; i++) result = values[i] < pivot && values[i] > result ? values[i] : result;
    return result;
}

/// The values a sort of `count` finite values would put at `rank` and just
/// before it (−∞ at rank 0); `work` holds `3 · (count + 8)` doubles.
AVX512 static void order_statistic(const double *values, ptrdiff_t count, ptrdiff_t rank, double *work, double *value, double *before) {
    // Three buffers: the range is read from one and split into the other two.
    double *buffers[3] = { work, work + count + 8, work + 2 * (count + 8) };
    const double *source = values;
    int reading = -1;   // the buffer `source` is, −1 for `values`
    double below_range = -INFINITY;   // the largest value left below the range
    while (count > 1) {
        // Median of three as the pivot keeps sorted and reversed input linear.
        double a = source[0], b = source[(count - 1) / 2], c = source[count - 1];
        double low = a < b ? a : b, high = a < b ? b : a, capped = high < c ? high : c;
        double pivot = low > capped ? low : capped;
        int first = reading == 0 ? 1 : 0, second = reading == 2 ? 1 : 2;
        ptrdiff_t less, greater;
        split_around(source, count, pivot, buffers[first], &less, buffers[second], &greater);
        if (rank < less) {
            count = less;
            reading = first;
        } else if (rank < count - greater) {
            *value = pivot;
            *before = rank > less ? pivot : less > 0 ? largest_below(source, count, pivot) : below_range;
            return;
        } else {
            below_range = pivot;
            rank -= count - greater;
            count = greater;
            reading = second;
        }
        source = buffers[reading];
    }
    *value = source[0];
    *before = below_range;
}

AVX512 static int median_deviation_avx512(const double *x, ptrdiff_t count, double *median_out, double *mad_out) {
    double *work = (double *)subpix_scratch_acquire((size_t)(8 * (count + 8)));
    if (work == NULL) return -1;
    double *deviations = work + 3 * (count + 8);
    ptrdiff_t rank = count / 2;
    double middle, before;
    order_statistic(x, count, rank, work, &middle, &before);
    double median = count % 2 == 1 ? middle : (before + middle) / 2;
    for (ptrdiff_t i = 0; i < count; i++) deviations[i] = fabs(x[i] - median);
    order_statistic(deviations, count, rank, work, &middle, &before);
    *mad_out = count % 2 == 1 ? middle : (before + middle) / 2;
    *median_out = median;
    subpix_scratch_release((float *)work);
    return 0;
}
#endif

int subpix_median_deviation_f64(const double *x, ptrdiff_t count, double *median, double *mad) {
#if defined(__x86_64__)
    if (count > 0 && subpix_kernel_path() == SUBPIX_PATH_AVX512) return median_deviation_avx512(x, count, median, mad);
#else
    (void)x; (void)count; (void)median; (void)mad;
#endif
    return -1;
}
