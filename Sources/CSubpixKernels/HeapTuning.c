#include "HeapTuning.h"

#include <limits.h> // on glibc this defines __GLIBC__, tested below

#if defined(__GLIBC__)
#include <malloc.h>

int subpix_heap_keep_warm(size_t keep_bytes, size_t mmap_bytes) {
    if (keep_bytes > INT_MAX || mmap_bytes > INT_MAX) return 0;
    int kept = mallopt(M_TRIM_THRESHOLD, (int)keep_bytes);
    int mapped = mallopt(M_MMAP_THRESHOLD, (int)mmap_bytes);
    return kept == 1 && mapped == 1;
}
#else
int subpix_heap_keep_warm(size_t keep_bytes, size_t mmap_bytes) {
    (void)keep_bytes;
    (void)mmap_bytes;
    return 0;
}
#endif
