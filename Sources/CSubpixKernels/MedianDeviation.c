#include <math.h>
#include <stdint.h>

#include "Dispatch.h"
#include "ThreadScratch.h"

// The median and MAD by a vector quickselect: each step splits the range around
// its pivot in one pass, packing the values below it into one buffer and those
// above into another, and goes on in the one that holds the rank. AVX-512 packs
// eight doubles with a register compress and a plain store (a compressing store
// is slow on some cores); AVX2 packs four with a permutation looked up by the
// comparison's four bits. The values are the selection's whatever the pivots,
// so these are the numbers of `RobustMedian`'s scalar selection, which the
// baseline path uses.

#if defined(__x86_64__)
#include <immintrin.h>

/// One path's vector steps: `split` packs the values below `pivot` into `below`
/// and those above into `above` (each with room for eight past its last) and
/// counts them; `largest_below` is the largest value below `pivot` (some is).
typedef struct {
    void (*split)(const double *values, ptrdiff_t count, double pivot, double *below, ptrdiff_t *below_count,
                  double *above, ptrdiff_t *above_count);
    double (*largest_below)(const double *values, ptrdiff_t count, double pivot);
} selection_steps;

/// The scalar tail of a split, from `i` on.
static inline void split_tail(const double *values, ptrdiff_t i, ptrdiff_t count, double pivot, double *below, ptrdiff_t *low,
                              double *above, ptrdiff_t *high) {
    for (; i < count; i++) {
        below[*low] = values[i];
        above[*high] = values[i];
        *low += values[i] < pivot;
        *high += values[i] > pivot;
    }
}

#define AVX512 __attribute__((target(SUBPIX_AVX512_TARGET)))
#define AVX2 __attribute__((target("avx2,fma,popcnt")))

AVX512 static void split_avx512(const double *values, ptrdiff_t count, double pivot, double *below, ptrdiff_t *below_count,
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
    split_tail(values, i, count, pivot, below, &low, above, &high);
    *below_count = low;
    *above_count = high;
}

AVX512 static double largest_below_avx512(const double *values, ptrdiff_t count, double pivot) {
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

/// Per 4-bit mask, the 32-bit lanes that bring the masked doubles to the front, in order.
static const int32_t pack_four[16][8] = {
    {0, 1, 0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 0, 1}, {2, 3, 0, 1, 0, 1, 0, 1}, {0, 1, 2, 3, 0, 1, 0, 1},
    {4, 5, 0, 1, 0, 1, 0, 1}, {0, 1, 4, 5, 0, 1, 0, 1}, {2, 3, 4, 5, 0, 1, 0, 1}, {0, 1, 2, 3, 4, 5, 0, 1},
    {6, 7, 0, 1, 0, 1, 0, 1}, {0, 1, 6, 7, 0, 1, 0, 1}, {2, 3, 6, 7, 0, 1, 0, 1}, {0, 1, 2, 3, 6, 7, 0, 1},
    {4, 5, 6, 7, 0, 1, 0, 1}, {0, 1, 4, 5, 6, 7, 0, 1}, {2, 3, 4, 5, 6, 7, 0, 1}, {0, 1, 2, 3, 4, 5, 6, 7},
};

AVX2 static inline __m256d pack_avx2(__m256d lane, int mask) {
    __m256i order = _mm256_loadu_si256((const __m256i *)pack_four[mask]);
    return _mm256_castsi256_pd(_mm256_permutevar8x32_epi32(_mm256_castpd_si256(lane), order));
}

AVX2 static void split_avx2(const double *values, ptrdiff_t count, double pivot, double *below, ptrdiff_t *below_count,
                            double *above, ptrdiff_t *above_count) {
    __m256d split = _mm256_set1_pd(pivot);
    ptrdiff_t low = 0, high = 0, i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d lane = _mm256_loadu_pd(values + i);
        int less = _mm256_movemask_pd(_mm256_cmp_pd(lane, split, _CMP_LT_OQ));
        int greater = _mm256_movemask_pd(_mm256_cmp_pd(lane, split, _CMP_GT_OQ));
        _mm256_storeu_pd(below + low, pack_avx2(lane, less));
        _mm256_storeu_pd(above + high, pack_avx2(lane, greater));
        low += __builtin_popcount((unsigned)less);
        high += __builtin_popcount((unsigned)greater);
    }
    split_tail(values, i, count, pivot, below, &low, above, &high);
    *below_count = low;
    *above_count = high;
}

AVX2 static double largest_below_avx2(const double *values, ptrdiff_t count, double pivot) {
    __m256d split = _mm256_set1_pd(pivot), best = _mm256_set1_pd(-INFINITY);
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d lane = _mm256_loadu_pd(values + i);
        __m256d below = _mm256_cmp_pd(lane, split, _CMP_LT_OQ);
        best = _mm256_blendv_pd(best, _mm256_max_pd(best, lane), below);
    }
    double lanes[4], result = -INFINITY;
    _mm256_storeu_pd(lanes, best);
    for (int lane = 0; lane < 4; lane++) result = lanes[lane] > result ? lanes[lane] : result;
    for (; i < count; i++) result = values[i] < pivot && values[i] > result ? values[i] : result;
    return result;
}

/// The values a sort of `count` finite values would put at `rank` and just
/// before it (−∞ at rank 0); `work` holds `3 · (count + 8)` doubles.
static void order_statistic(const selection_steps *steps, const double *values, ptrdiff_t count, ptrdiff_t rank, double *work,
                            double *value, double *before) {
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
        steps->split(source, count, pivot, buffers[first], &less, buffers[second], &greater);
        if (rank < less) {
            count = less;
            reading = first;
        } else if (rank < count - greater) {
            *value = pivot;
            *before = rank > less ? pivot : less > 0 ? steps->largest_below(source, count, pivot) : below_range;
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

static int median_deviation(const selection_steps *steps, const double *x, ptrdiff_t count, double *median_out, double *mad_out) {
    double *work = (double *)subpix_scratch_acquire((size_t)(8 * (count + 8)));
    if (work == NULL) return -1;
    double *deviations = work + 3 * (count + 8);
    ptrdiff_t rank = count / 2;
    double middle, before;
    order_statistic(steps, x, count, rank, work, &middle, &before);
    double median = count % 2 == 1 ? middle : (before + middle) / 2;
    for (ptrdiff_t i = 0; i < count; i++) deviations[i] = fabs(x[i] - median);
    order_statistic(steps, deviations, count, rank, work, &middle, &before);
    *mad_out = count % 2 == 1 ? middle : (before + middle) / 2;
    *median_out = median;
    subpix_scratch_release((float *)work);
    return 0;
}

static const selection_steps avx512_steps = { split_avx512, largest_below_avx512 };
static const selection_steps avx2_steps = { split_avx2, largest_below_avx2 };
#endif

int subpix_median_deviation_f64(const double *x, ptrdiff_t count, double *median, double *mad) {
#if defined(__x86_64__)
    if (count <= 0) return -1;
    switch (subpix_kernel_path()) {
    case SUBPIX_PATH_AVX512: return median_deviation(&avx512_steps, x, count, median, mad);
    case SUBPIX_PATH_AVX2_FMA: return median_deviation(&avx2_steps, x, count, median, mad);
    default: return -1;
    }
#else
    (void)x; (void)count; (void)median; (void)mad;
    return -1;
#endif
}
