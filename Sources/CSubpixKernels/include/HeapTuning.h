// Keeping freed heap memory warm between calls (glibc only).
//
// glibc returns freed memory above a trim threshold to the kernel and serves
// large requests with fresh mmap'd pages. An op that allocates a few MB of
// outputs per call (a gradient, a rendered batch) then page-faults its whole
// output in afresh on every call: csa2d_dense_vjp alone took 4.2 ms with about
// 2000 faults a call, 1.4 ms with none.
#ifndef SUBPIX_HEAP_TUNING_H
#define SUBPIX_HEAP_TUNING_H

#include <stddef.h>

/// Has glibc keep up to `keep_bytes` of freed memory at the top of the heap and
/// serve requests below `mmap_bytes` from the heap. Returns 1 when both settings
/// were taken, 0 when refused or when the C library is not glibc.
int subpix_heap_keep_warm(size_t keep_bytes, size_t mmap_bytes);

#endif
