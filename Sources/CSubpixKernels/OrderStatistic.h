// The vector quickselect over one element type, written once: `MedianDeviation.c`
// includes this file for `double` and for `float` (`ELEMENT`, with `STEPS` the
// steps' type and `ORDER_STATISTIC` the function's name). Deliberately no include guard.

/// The values a sort of `count` finite values would put at `rank` and just
/// before it (−∞ at rank 0); `work` holds `3 · (count + 16)` values.
static void ORDER_STATISTIC(const STEPS *steps, const ELEMENT *values, ptrdiff_t count, ptrdiff_t rank, ELEMENT *work,
                            ELEMENT *value, ELEMENT *before) {
    // Three buffers: the range is read from one and split into the other two.
    ELEMENT *buffers[3] = { work, work + count + 16, work + 2 * (count + 16) };
    const ELEMENT *source = values;
    int reading = -1;   // the buffer `source` is, −1 for `values`
    ELEMENT below_range = -INFINITY;   // the largest value left below the range
    while (count > 1) {
        // Median of three as the pivot keeps sorted and reversed input linear.
        ELEMENT a = source[0], b = source[(count - 1) / 2], c = source[count - 1];
        ELEMENT low = a < b ? a : b, high = a < b ? b : a, capped = high < c ? high : c;
        ELEMENT pivot = low > capped ? low : capped;
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
