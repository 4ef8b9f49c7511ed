#include <math.h>
#include <stdint.h>
#include <string.h>

#include "Dispatch.h"
#include "ThreadScratch.h"

// The median and MAD by a vector quickselect: each step splits the range around
// its pivot in one pass, packing the values below it into one buffer and those
// above into another, and goes on in the one that holds the rank. AVX-512 packs
// a register's lanes with a compress and a plain store (a compressing store is
// slow on some cores); AVX2 packs them with a permutation looked up by the
// comparison's bits. A float32 map's median is selected among its floats (twice
// the lanes), its deviations in double. The values are the selection's whatever
// the pivots, so these are the numbers of `RobustMedian`'s scalar selection,
// which the baseline path uses.

#if defined(__x86_64__)
#include <immintrin.h>

/// One path's vector steps over one element type: `split` packs the values below
/// `pivot` into `below` and those above into `above` (each with room for sixteen
/// past its last) and counts them; `largest_below` is the largest value below
/// `pivot` (some is).
#define SELECTION_STEPS(T) struct { \
    void (*split)(const T *values, ptrdiff_t count, T pivot, T *below, ptrdiff_t *below_count, T *above, ptrdiff_t *above_count); \
    T (*largest_below)(const T *values, ptrdiff_t count, T pivot); \
}
typedef SELECTION_STEPS(double) selection_steps;
typedef SELECTION_STEPS(float) selection_steps_f32;

/// The scalar tail of a split, from `i` on.
#define SPLIT_TAIL(values, i, count, pivot, below, low, above, high) \
    for (; i < count; i++) { \
        below[low] = values[i]; \
        above[high] = values[i]; \
        low += values[i] < pivot; \
        high += values[i] > pivot; \
    }

/// The largest of the values below `pivot` from `i` on, and `result`.
#define LARGEST_BELOW_TAIL(values, i, count, pivot, result) \
    for (; i < count; i++) result = values[i] < pivot && values[i] > result ? values[i] : result;

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
    SPLIT_TAIL(values, i, count, pivot, below, low, above, high)
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
    LARGEST_BELOW_TAIL(values, i, count, pivot, result)
    return result;
}

/// Per 8-bit mask, the 32-bit lanes that bring the masked ones to the front, in order;
/// per 4-bit mask of doubles, the same for their lane pairs (filled at load).
static int32_t pack_eight[256][8], pack_four[16][8];

__attribute__((constructor)) static void fill_pack_tables(void) {
    for (int mask = 0; mask < 256; mask++) {
        int kept = 0;
        for (int lane = 0; lane < 8; lane++) if (mask >> lane & 1) pack_eight[mask][kept++] = lane;
        for (; kept < 8; kept++) pack_eight[mask][kept] = 0;
    }
    // A double is the 32-bit lanes 2j and 2j + 1: its mask bit stands for both.
    for (int mask = 0; mask < 16; mask++) {
        int pairs = 0;
        for (int lane = 0; lane < 4; lane++) if (mask >> lane & 1) pairs |= 3 << (2 * lane);
        memcpy(pack_four[mask], pack_eight[pairs], sizeof pack_four[mask]);
    }
}

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
    SPLIT_TAIL(values, i, count, pivot, below, low, above, high)
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
    LARGEST_BELOW_TAIL(values, i, count, pivot, result)
    return result;
}

AVX512 static void split_avx512_f32(const float *values, ptrdiff_t count, float pivot, float *below, ptrdiff_t *below_count,
                                    float *above, ptrdiff_t *above_count) {
    __m512 split = _mm512_set1_ps(pivot);
    ptrdiff_t low = 0, high = 0, i = 0;
    for (; i + 16 <= count; i += 16) {
        __m512 lane = _mm512_loadu_ps(values + i);
        __mmask16 less = _mm512_cmp_ps_mask(lane, split, _CMP_LT_OQ), greater = _mm512_cmp_ps_mask(lane, split, _CMP_GT_OQ);
        _mm512_storeu_ps(below + low, _mm512_maskz_compress_ps(less, lane));
        _mm512_storeu_ps(above + high, _mm512_maskz_compress_ps(greater, lane));
        low += __builtin_popcount(less);
        high += __builtin_popcount(greater);
    }
    SPLIT_TAIL(values, i, count, pivot, below, low, above, high)
    *below_count = low;
    *above_count = high;
}

AVX512 static float largest_below_avx512_f32(const float *values, ptrdiff_t count, float pivot) {
    __m512 split = _mm512_set1_ps(pivot), best = _mm512_set1_ps(-INFINITY);
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        __m512 lane = _mm512_loadu_ps(values + i);
        best = _mm512_mask_max_ps(best, _mm512_cmp_ps_mask(lane, split, _CMP_LT_OQ), best, lane);
    }
    float result = _mm512_reduce_max_ps(best);
    LARGEST_BELOW_TAIL(values, i, count, pivot, result)
    return result;
}

AVX2 static void split_avx2_f32(const float *values, ptrdiff_t count, float pivot, float *below, ptrdiff_t *below_count,
                                float *above, ptrdiff_t *above_count) {
    __m256 split = _mm256_set1_ps(pivot);
    ptrdiff_t low = 0, high = 0, i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 lane = _mm256_loadu_ps(values + i);
        int less = _mm256_movemask_ps(_mm256_cmp_ps(lane, split, _CMP_LT_OQ));
        int greater = _mm256_movemask_ps(_mm256_cmp_ps(lane, split, _CMP_GT_OQ));
        _mm256_storeu_ps(below + low, _mm256_permutevar8x32_ps(lane, _mm256_loadu_si256((const __m256i *)pack_eight[less])));
        _mm256_storeu_ps(above + high, _mm256_permutevar8x32_ps(lane, _mm256_loadu_si256((const __m256i *)pack_eight[greater])));
        low += __builtin_popcount((unsigned)less);
        high += __builtin_popcount((unsigned)greater);
    }
    SPLIT_TAIL(values, i, count, pivot, below, low, above, high)
    *below_count = low;
    *above_count = high;
}

AVX2 static float largest_below_avx2_f32(const float *values, ptrdiff_t count, float pivot) {
    __m256 split = _mm256_set1_ps(pivot), best = _mm256_set1_ps(-INFINITY);
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 lane = _mm256_loadu_ps(values + i);
        best = _mm256_blendv_ps(best, _mm256_max_ps(best, lane), _mm256_cmp_ps(lane, split, _CMP_LT_OQ));
    }
    float lanes[8], result = -INFINITY;
    _mm256_storeu_ps(lanes, best);
    for (int lane = 0; lane < 8; lane++) result = lanes[lane] > result ? lanes[lane] : result;
    LARGEST_BELOW_TAIL(values, i, count, pivot, result)
    return result;
}

#define ELEMENT double
#define STEPS selection_steps
#define ORDER_STATISTIC order_statistic
#include "OrderStatistic.h"
#undef ELEMENT
#undef STEPS
#undef ORDER_STATISTIC
#define ELEMENT float
#define STEPS selection_steps_f32
#define ORDER_STATISTIC order_statistic_f32
#include "OrderStatistic.h"
#undef ELEMENT
#undef STEPS
#undef ORDER_STATISTIC

/// The median's two middle values for the MAD's selection: `(middle, before)` at rank `count / 2`.
static double middle_of(ptrdiff_t count, double middle, double before) {
    return count % 2 == 1 ? middle : (before + middle) / 2;
}

/// The MAD of `count` values `x` (doubles, or floats when `floats`) around `median`,
/// with `work` (`3 · (count + 16)` doubles) and `deviations` (`count` doubles).
static double deviation_about(const selection_steps *steps, const void *x, int floats, ptrdiff_t count, double median,
                              double *work, double *deviations) {
    if (floats) {
        const float *values = x;
        for (ptrdiff_t i = 0; i < count; i++) deviations[i] = fabs((double)values[i] - median);
    } else {
        const double *values = x;
        for (ptrdiff_t i = 0; i < count; i++) deviations[i] = fabs(values[i] - median);
    }
    double middle, before;
    order_statistic(steps, deviations, count, count / 2, work, &middle, &before);
    return middle_of(count, middle, before);
}

/// Room for the selections: three buffers of doubles, the deviations, and three of floats.
static double *acquire_work(ptrdiff_t count) {
    return (double *)subpix_scratch_acquire((size_t)(11 * (count + 16)));
}

static int median_deviation(const selection_steps *steps, const double *x, ptrdiff_t count, double *median_out, double *mad_out) {
    double *work = acquire_work(count);
    if (work == NULL) return -1;
    double middle, before;
    order_statistic(steps, x, count, count / 2, work, &middle, &before);
    double median = middle_of(count, middle, before);
    *mad_out = deviation_about(steps, x, 0, count, median, work, work + 3 * (count + 16));
    *median_out = median;
    subpix_scratch_release((float *)work);
    return 0;
}

static int median_deviation_f32(const selection_steps_f32 *steps32, const selection_steps *steps, const float *x, ptrdiff_t count,
                                double *median_out, double *mad_out) {
    double *work = acquire_work(count);
    if (work == NULL) return -1;
    float *floats = (float *)(work + 4 * (count + 16));
    float middle, before;
    order_statistic_f32(steps32, x, count, count / 2, floats, &middle, &before);
    double median = middle_of(count, middle, before);
    *mad_out = deviation_about(steps, x, 1, count, median, work, work + 3 * (count + 16));
    *median_out = median;
    subpix_scratch_release((float *)work);
    return 0;
}

static const selection_steps avx512_steps = { split_avx512, largest_below_avx512 };
static const selection_steps avx2_steps = { split_avx2, largest_below_avx2 };
static const selection_steps_f32 avx512_steps_f32 = { split_avx512_f32, largest_below_avx512_f32 };
static const selection_steps_f32 avx2_steps_f32 = { split_avx2_f32, largest_below_avx2_f32 };
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

int subpix_median_deviation_f32(const float *x, ptrdiff_t count, double *median, double *mad) {
#if defined(__x86_64__)
    if (count <= 0) return -1;
    switch (subpix_kernel_path()) {
    case SUBPIX_PATH_AVX512: return median_deviation_f32(&avx512_steps_f32, &avx512_steps, x, count, median, mad);
    case SUBPIX_PATH_AVX2_FMA: return median_deviation_f32(&avx2_steps_f32, &avx2_steps, x, count, median, mad);
    default: return -1;
    }
#else
    (void)x; (void)count; (void)median; (void)mad;
    return -1;
#endif
}
