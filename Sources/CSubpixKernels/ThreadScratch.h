// Scratch memory that survives a kernel call on the same thread.
//
// A kernel that mallocs and frees its scratch on every call of a small map has
// glibc trim the heap after the free and grow it again on the next malloc, so
// every call faults its scratch pages in afresh (on csa2d_dense_vjp's 320 maps,
// half the backward's time). Each thread keeps one buffer instead, up to
// `SUBPIX_SCRATCH_KEEP` floats; larger or nested requests are malloc'd and freed.
#ifndef SUBPIX_THREAD_SCRATCH_H
#define SUBPIX_THREAD_SCRATCH_H

#include <stddef.h>

/// Floats a thread keeps between calls (4 MB).
#define SUBPIX_SCRATCH_KEEP ((size_t)1 << 20)

/// `count` floats of scratch for this call, or NULL when out of memory.
float *subpix_scratch_acquire(size_t count);

/// Gives back what `subpix_scratch_acquire` returned on this thread.
void subpix_scratch_release(float *memory);

#endif
